using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ExamPortal.Tests.Features.Uploads;

namespace ExamPortal.Tests.Features.Attachments;

/// <summary>
/// Zips made in memory, with the tools to make them lie: the central directory can be edited after
/// writing, as a crafted zip would be, without building gigabytes of real content.
/// </summary>
internal static class ZipSamples
{
    public const string PersonA = "510104199001011234";

    // A resident ID ending in X, written with a lowercase x in file names.
    public const string PersonB = "51010419851231002X";

    private const int Kilobyte = 1024;

    // Central directory file header (APPNOTE 4.3.12): the fields the tests change.
    private const int FlagsOffset = 8;
    private const int CompressionMethodOffset = 10;
    private const int UncompressedSizeOffset = 24;
    private const int NameLengthOffset = 28;
    private const int HeaderLength = 46;

    private static readonly Lazy<byte[]> SmallPhotoSample = new(() => UploadSamples.JpegBetween(20_000, 40_000, seed: 11));
    private static readonly Lazy<byte[]> LargePhotoSample = new(() => UploadSamples.Jpeg(1200, 1600, quality: 92, seed: 12));
    private static readonly Lazy<byte[]> Scan199Sample = new(() => UploadSamples.JpegBetween(194 * Kilobyte, (200 * Kilobyte) - 1, seed: 13));
    private static readonly Lazy<byte[]> Scan301Sample = new(() => UploadSamples.JpegBetween((300 * Kilobyte) + 1, 306 * Kilobyte, seed: 14));
    private static readonly Lazy<byte[]> InWindowJpegSample = new(() => UploadSamples.JpegBetween(230 * Kilobyte, 280 * Kilobyte, seed: 15));
    private static readonly Lazy<byte[]> InWindowPngSample = new(() => UploadSamples.PngBetween(230 * Kilobyte, 280 * Kilobyte, seed: 16));
    private static readonly Lazy<byte[]> InWindowPdfSample = new(() => UploadSamples.PdfOfSize(250 * Kilobyte));
    private static readonly Lazy<byte[]> SmallPdfSample = new(() => UploadSamples.PdfOfSize(150 * Kilobyte));

    /// <summary>A portrait JPEG under 50 KB: a photo as the rules want it.</summary>
    public static byte[] SmallPhoto => SmallPhotoSample.Value;

    /// <summary>A 1200×1600 photo of several hundred KB, as a camera gives it.</summary>
    public static byte[] LargePhoto => LargePhotoSample.Value;

    public static byte[] Scan199KB => Scan199Sample.Value;

    public static byte[] Scan301KB => Scan301Sample.Value;

    public static byte[] InWindowJpeg => InWindowJpegSample.Value;

    public static byte[] InWindowPng => InWindowPngSample.Value;

    public static byte[] InWindowPdf => InWindowPdfSample.Value;

    public static byte[] Pdf150KB => SmallPdfSample.Value;

    /// <summary>A few bytes that are not checked by the reader, for tests about names and structure.</summary>
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A zip as most tools write it: UTF-8 names with the UTF-8 flag where needed, standard compression.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] files) => Zip(null, files);

    /// <summary>A zip whose names are written in <paramref name="names"/> without the UTF-8 flag, as GBK tools do.</summary>
    public static byte[] Zip(Encoding? names, params (string Name, byte[] Content)[] files)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, names))
        {
            foreach (var (name, content) in files)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }

    /// <summary>A zip with one entry of <paramref name="bytes"/> zeros, written in blocks so no large buffer is held.</summary>
    public static byte[] ZipOfZeros(string name, long bytes) => ZipOfZeros([(name, bytes)]);

    public static byte[] ZipOfZeros(IEnumerable<(string Name, long Bytes)> entries)
    {
        var block = new byte[Kilobyte * Kilobyte];
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                for (var left = bytes; left > 0; left -= block.Length)
                {
                    stream.Write(block, 0, (int)Math.Min(block.Length, left));
                }
            }
        }

        return output.ToArray();
    }

    /// <summary>Sets the uncompressed size the central directory declares for an entry.</summary>
    public static byte[] WithDeclaredSize(byte[] zip, string entryName, uint bytes) =>
        EditCentralDirectory(zip, entryName, header => BinaryPrimitives.WriteUInt32LittleEndian(header[UncompressedSizeOffset..], bytes));

    /// <summary>Sets the compression method the central directory records for an entry (14 is LZMA, as 7-Zip can write).</summary>
    public static byte[] WithCompressionMethod(byte[] zip, string entryName, ushort method) =>
        EditCentralDirectory(zip, entryName, header => BinaryPrimitives.WriteUInt16LittleEndian(header[CompressionMethodOffset..], method));

    /// <summary>Sets or clears bits of an entry's general purpose flags in the central directory.</summary>
    public static byte[] WithFlags(byte[] zip, string entryName, ushort set, ushort clear) =>
        EditCentralDirectory(zip, entryName, header =>
        {
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[FlagsOffset..]);
            BinaryPrimitives.WriteUInt16LittleEndian(header[FlagsOffset..], (ushort)((flags | set) & ~clear));
        });

    private static byte[] EditCentralDirectory(byte[] zip, string entryName, HeaderEdit edit)
    {
        var copy = zip.ToArray();
        var span = copy.AsSpan();
        var end = span.LastIndexOf([(byte)0x50, (byte)0x4B, (byte)0x05, (byte)0x06]);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(span[(end + 10)..]);
        var at = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(end + 16)..]);
        for (var i = 0; i < count; i++)
        {
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(at + NameLengthOffset)..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(at + NameLengthOffset + 2)..]);
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(at + NameLengthOffset + 4)..]);
            if (Encoding.UTF8.GetString(span.Slice(at + HeaderLength, nameLength)) == entryName)
            {
                edit(span.Slice(at, HeaderLength));
                return copy;
            }

            at += HeaderLength + nameLength + extraLength + commentLength;
        }

        throw new ArgumentException($"No entry {entryName}", nameof(entryName));
    }

    private delegate void HeaderEdit(Span<byte> header);
}

/// <summary>A stream over bytes that counts what is read from it, to show what a reader did not touch.</summary>
internal sealed class CountingStream(byte[] data) : MemoryStream(data, writable: false)
{
    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Counted(base.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(base.Read(buffer));

    public override int ReadByte()
    {
        var value = base.ReadByte();
        BytesRead += value < 0 ? 0 : 1;
        return value;
    }

    private int Counted(int read)
    {
        BytesRead += read;
        return read;
    }
}

/// <summary>A stream that cannot seek, like a request body read as it arrives.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : Stream
{
    private readonly MemoryStream inner = new(data, writable: false);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
