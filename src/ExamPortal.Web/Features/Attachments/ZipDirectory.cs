using System.Buffers.Binary;

namespace ExamPortal.Web.Features.Attachments;

/// <summary>
/// Reads how many entries a zip declares from its end-of-central-directory record (APPNOTE 4.3.16),
/// before ZipArchive loads the directory: a 300 MB zip of empty entries would make millions of
/// entry objects, gigabytes of memory, before any count could be checked.
/// </summary>
internal static class ZipDirectory
{
    private const int EndRecordLength = 22;
    private const int EndRecordEntriesOffset = 10;
    private const int Zip64LocatorLength = 20;
    private const int Zip64LocatorRecordOffset = 8;
    private const int Zip64EndRecordLength = 56;
    private const int Zip64EndRecordEntriesOffset = 32;

    // A 16-bit field at its maximum means the real count is in the Zip64 end record.
    private const ushort Zip64Marker = ushort.MaxValue;

    private static ReadOnlySpan<byte> EndRecordSignature => [0x50, 0x4B, 0x05, 0x06];

    private static ReadOnlySpan<byte> Zip64LocatorSignature => [0x50, 0x4B, 0x06, 0x07];

    private static ReadOnlySpan<byte> Zip64EndRecordSignature => [0x50, 0x4B, 0x06, 0x06];

    /// <summary>The declared number of entries, or null when the end record is missing (truncated or not a zip).</summary>
    public static long? DeclaredEntryCount(Stream zip)
    {
        // The end record sits at the very end, after at most a 65,535-byte archive comment.
        var tailLength = (int)Math.Min(zip.Length, EndRecordLength + ushort.MaxValue);
        if (tailLength < EndRecordLength)
        {
            return null;
        }

        var tailStart = zip.Length - tailLength;
        var tail = ReadAt(zip, tailStart, tailLength);
        var at = tail.AsSpan(0, tailLength - EndRecordLength + EndRecordSignature.Length).LastIndexOf(EndRecordSignature);
        if (at < 0)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + EndRecordEntriesOffset));
        var locatorStart = tailStart + at - Zip64LocatorLength;
        if (count != Zip64Marker || locatorStart < 0)
        {
            return count;
        }

        var locator = ReadAt(zip, locatorStart, Zip64LocatorLength);
        if (!locator.AsSpan().StartsWith(Zip64LocatorSignature))
        {
            // Exactly 65,535 entries without Zip64.
            return count;
        }

        var recordStart = BinaryPrimitives.ReadUInt64LittleEndian(locator.AsSpan(Zip64LocatorRecordOffset));
        if (zip.Length < Zip64EndRecordLength || recordStart > (ulong)(zip.Length - Zip64EndRecordLength))
        {
            return null;
        }

        var record = ReadAt(zip, (long)recordStart, Zip64EndRecordLength);
        if (!record.AsSpan().StartsWith(Zip64EndRecordSignature))
        {
            return null;
        }

        var declared = BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(Zip64EndRecordEntriesOffset));
        return declared > long.MaxValue ? long.MaxValue : (long)declared;
    }

    private static byte[] ReadAt(Stream zip, long position, int length)
    {
        var buffer = new byte[length];
        zip.Position = position;
        zip.ReadExactly(buffer);
        return buffer;
    }
}
