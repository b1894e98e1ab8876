namespace ExamPortal.Web.Features.Attachments;

/// <summary>
/// The CRC-32 every zip entry records (ISO 3309, reflected polynomial 0xEDB88320). ZipArchive does not
/// check it when reading, and it cuts a deflated entry off at its declared size; comparing the CRC is
/// what shows that an entry was damaged or declared a size smaller than its content.
/// </summary>
internal static class ZipCrc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < table.Length; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
