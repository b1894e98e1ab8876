namespace ExamPortal.Web.Features.Uploads;

/// <summary>
/// Walks a JPEG's marker segments without decoding it. Removing metadata this way is lossless: the
/// compressed picture is copied byte for byte, so an accepted photo keeps its exact quality and size.
/// </summary>
internal static class JpegStructure
{
    private const byte MarkerPrefix = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;
    private const byte App0 = 0xE0;
    private const byte App2 = 0xE2;
    private const byte App14 = 0xEE;
    private const byte App15 = 0xEF;
    private const byte Comment = 0xFE;

    /// <summary>
    /// Returns the image from SOI to its EOI keeping only the segments needed to show it. Dropped:
    /// APP1 (EXIF with GPS and camera data, XMP), APP13 (IPTC), every other APPn except JFIF, the ICC
    /// colour profile and Adobe's colour transform, comments, and anything after EOI (phones append
    /// further images there; so do polyglot files). Null when the file is truncated or malformed.
    /// </summary>
    public static byte[]? StripMetadata(ReadOnlySpan<byte> data) => StripMetadata(data, out _);

    /// <summary>As <see cref="StripMetadata(ReadOnlySpan{byte})"/>, also giving where the image ends in <paramref name="data"/>.</summary>
    public static byte[]? StripMetadata(ReadOnlySpan<byte> data, out int imageEnd)
    {
        imageEnd = data.Length;
        if (data.Length < 4 || data[0] != MarkerPrefix || data[1] != StartOfImage)
        {
            return null;
        }

        using var output = new MemoryStream(data.Length);
        output.Write(data[..2]);
        var sawScan = false;
        var i = 2;
        while (true)
        {
            if (i >= data.Length || data[i] != MarkerPrefix)
            {
                return null;
            }

            // Any number of 0xFF fill bytes may precede a marker.
            while (i < data.Length && data[i] == MarkerPrefix)
            {
                i++;
            }

            if (i >= data.Length)
            {
                return null;
            }

            var marker = data[i++];
            if (marker == EndOfImage)
            {
                if (!sawScan)
                {
                    return null;
                }

                output.Write([MarkerPrefix, EndOfImage]);
                imageEnd = i;
                return output.ToArray();
            }

            if (IsStandalone(marker))
            {
                output.Write([MarkerPrefix, marker]);
                continue;
            }

            if (i + 2 > data.Length)
            {
                return null;
            }

            var length = (data[i] << 8) | data[i + 1];
            if (length < 2 || i + length > data.Length)
            {
                return null;
            }

            if (Keeps(marker, data.Slice(i + 2, length - 2)))
            {
                output.Write(data.Slice(i - 2, length + 2));
            }

            i += length;
            if (marker == StartOfScan)
            {
                var end = EndOfEntropyCodedData(data, i);
                if (end < 0)
                {
                    return null;
                }

                output.Write(data[i..end]);
                i = end;
                sawScan = true;
            }
        }
    }

    // Entropy-coded data runs until a 0xFF that is neither byte stuffing (FF 00) nor a restart marker
    // (FF D0–D7). Returns the index of that 0xFF, or -1 when the data ends first (a truncated upload).
    private static int EndOfEntropyCodedData(ReadOnlySpan<byte> data, int start)
    {
        var i = start;
        while (true)
        {
            var next = data[i..].IndexOf(MarkerPrefix);
            if (next < 0)
            {
                return -1;
            }

            i += next;
            if (i + 1 >= data.Length)
            {
                return -1;
            }

            var following = data[i + 1];
            if (following == 0x00 || following is >= 0xD0 and <= 0xD7)
            {
                i += 2;
                continue;
            }

            return i;
        }
    }

    // TEM and the restart markers carry no length field.
    private static bool IsStandalone(byte marker) => marker == 0x01 || marker is >= 0xD0 and <= 0xD7;

    private static bool Keeps(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        App0 => payload.StartsWith("JFIF\0"u8),
        App2 => payload.StartsWith("ICC_PROFILE\0"u8),
        App14 => payload.StartsWith("Adobe"u8),
        >= App0 and <= App15 => false,
        Comment => false,
        _ => true,
    };
}
