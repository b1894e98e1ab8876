using System.Buffers.Binary;

namespace ExamPortal.Web.Features.Uploads;

/// <summary>
/// Walks a PNG's chunks without decoding it, so metadata can be removed without touching the pixels.
/// </summary>
internal static class PngStructure
{
    private const int SignatureLength = 8;

    // Length, type and CRC around each chunk's data.
    private const int ChunkOverhead = 12;

    /// <summary>
    /// Returns the PNG with only the chunks that define the picture: the critical ones and those that
    /// change how it looks (transparency, gamma, colour space, bit depth, density, background). All
    /// others go, which covers eXIf, tEXt, iTXt, zTXt and tIME as well as private chunks nobody can
    /// vouch for. Null when the chunk sequence is truncated or malformed.
    /// </summary>
    public static byte[]? StripMetadata(ReadOnlySpan<byte> data) => StripMetadata(data, out _);

    /// <summary>As <see cref="StripMetadata(ReadOnlySpan{byte})"/>, also giving where the image ends in <paramref name="data"/>.</summary>
    public static byte[]? StripMetadata(ReadOnlySpan<byte> data, out int imageEnd)
    {
        imageEnd = data.Length;
        if (data.Length < SignatureLength + ChunkOverhead)
        {
            return null;
        }

        using var output = new MemoryStream(data.Length);
        output.Write(data[..SignatureLength]);
        var i = SignatureLength;
        var first = true;
        while (i + ChunkOverhead <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
            if (length > (uint)(data.Length - i - ChunkOverhead))
            {
                return null;
            }

            var type = data.Slice(i + 4, 4);
            if (first && !type.SequenceEqual("IHDR"u8))
            {
                return null;
            }

            first = false;
            var chunk = data.Slice(i, (int)length + ChunkOverhead);
            if (Keeps(type))
            {
                output.Write(chunk);
            }

            i += chunk.Length;
            if (type.SequenceEqual("IEND"u8))
            {
                imageEnd = i;
                return output.ToArray();
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the picture can have transparent pixels (a grey+alpha or RGBA colour type, or a tRNS
    /// chunk); only then is it decoded with an alpha channel, which costs a third more memory.
    /// </summary>
    public static bool MayBeTransparent(ReadOnlySpan<byte> png)
    {
        // The colour type is the tenth byte of IHDR's data, which always comes first.
        const int colourTypeOffset = SignatureLength + 8 + 9;
        if (png.Length <= colourTypeOffset || png[colourTypeOffset] is 4 or 6)
        {
            return true;
        }

        var i = SignatureLength;
        while (i + ChunkOverhead <= png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png[i..]);
            if (png.Slice(i + 4, 4).SequenceEqual("tRNS"u8))
            {
                return true;
            }

            i += length + ChunkOverhead;
        }

        return false;
    }

    private static bool Keeps(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("IHDR"u8) || type.SequenceEqual("PLTE"u8) || type.SequenceEqual("IDAT"u8)
        || type.SequenceEqual("IEND"u8) || type.SequenceEqual("tRNS"u8) || type.SequenceEqual("gAMA"u8)
        || type.SequenceEqual("cHRM"u8) || type.SequenceEqual("sRGB"u8) || type.SequenceEqual("iCCP"u8)
        || type.SequenceEqual("sBIT"u8) || type.SequenceEqual("pHYs"u8) || type.SequenceEqual("bKGD"u8);
}
