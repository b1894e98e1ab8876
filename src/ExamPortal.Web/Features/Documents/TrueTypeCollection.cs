using System.Buffers.Binary;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// Turns one face of a TrueType collection (.ttc) into a standalone .ttf: PDFsharp reads only single
/// fonts, and Debian ships WenQuanYi Micro Hei as a collection of two faces.
/// </summary>
internal static class TrueTypeCollection
{
    private const int OffsetTableLength = 12;
    private const int TableRecordLength = 16;

    // Chosen by the OpenType specification so that a whole font sums to it.
    private const uint ChecksumMagic = 0xB1B0AFBA;

    public static byte[] ExtractFace(ReadOnlySpan<byte> collection, int faceIndex)
    {
        if (!collection.StartsWith("ttcf"u8))
        {
            throw Malformed("the file does not start with a TTC header");
        }

        Require(collection, 12, 4);
        var faceCount = BinaryPrimitives.ReadUInt32BigEndian(collection[8..]);
        if (faceIndex < 0 || faceIndex >= faceCount)
        {
            throw Malformed($"face {faceIndex} is not among the {faceCount} faces");
        }

        Require(collection, 12 + (4 * faceIndex), 4);
        var faceOffset = (int)BinaryPrimitives.ReadUInt32BigEndian(collection[(12 + (4 * faceIndex))..]);
        Require(collection, faceOffset, OffsetTableLength);
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(collection[(faceOffset + 4)..]);
        var directoryLength = OffsetTableLength + (TableRecordLength * tableCount);
        Require(collection, faceOffset, directoryLength);

        var tables = new (int RecordAt, int Offset, int Length)[tableCount];
        var fontLength = directoryLength;
        for (var t = 0; t < tableCount; t++)
        {
            var record = faceOffset + OffsetTableLength + (TableRecordLength * t);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(collection[(record + 8)..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(collection[(record + 12)..]);
            Require(collection, offset, length);
            tables[t] = (record, offset, length);
            fontLength += Padded(length);
        }

        var font = new byte[fontLength];
        collection.Slice(faceOffset, directoryLength).CopyTo(font);
        var position = directoryLength;
        var headAt = -1;
        for (var t = 0; t < tableCount; t++)
        {
            var (recordAt, offset, length) = tables[t];
            var newRecord = font.AsSpan(OffsetTableLength + (TableRecordLength * t));

            // In a collection table offsets count from the start of the .ttc; in a .ttf, of the font.
            BinaryPrimitives.WriteUInt32BigEndian(newRecord[8..], (uint)position);
            collection.Slice(offset, length).CopyTo(font.AsSpan(position));
            if (collection.Slice(recordAt, 4).SequenceEqual("head"u8))
            {
                headAt = position;
            }

            position += Padded(length);
        }

        if (headAt >= 0)
        {
            // The head table's checkSumAdjustment covers the whole file, which is now a different file.
            var adjustment = font.AsSpan(headAt + 8, 4);
            adjustment.Clear();
            BinaryPrimitives.WriteUInt32BigEndian(adjustment, unchecked(ChecksumMagic - Checksum(font)));
        }

        return font;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        return sum;
    }

    // Tables start on four-byte boundaries.
    private static int Padded(int length) => (length + 3) & ~3;

    private static void Require(ReadOnlySpan<byte> data, int offset, int length)
    {
        if (offset < 0 || length < 0 || offset > data.Length - length)
        {
            throw Malformed("a table lies outside the file");
        }
    }

    private static InvalidOperationException Malformed(string detail) =>
        new($"字体文件格式无法识别（{detail}），请重新安装 fonts-wqy-microhei 软件包");
}
