using ExamPortal.Web.Features.Uploads;

namespace ExamPortal.Tests.Features.Uploads;

// Hand-made byte sequences for what ImageSharp's encoder never writes: restart markers, several
// scans (progressive JPEG), data appended after the image.
public sealed class FileStructureTests
{
    private static readonly byte[] Soi = [0xFF, 0xD8];
    private static readonly byte[] Eoi = [0xFF, 0xD9];
    private static readonly byte[] Jfif = Segment(0xE0, "JFIF\0\u0001\u0002\0\0\u0001\0\u0001\0\0"u8);
    private static readonly byte[] Exif = Segment(0xE1, "Exif\0\0GPS 30.65N 104.07E"u8);
    private static readonly byte[] Iptc = Segment(0xED, "Photoshop 3.0\0by-line"u8);
    private static readonly byte[] Comment = Segment(0xFE, "secret"u8);
    private static readonly byte[] Quantisation = Segment(0xDB, new byte[65]);
    private static readonly byte[] Scan = Segment(0xDA, [1, 1, 0, 0, 63, 0]);

    // Entropy-coded data with a stuffed 0xFF (FF 00) and a restart marker (FF D3), which are not segment boundaries.
    private static readonly byte[] Entropy = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56];

    [Fact]
    public void JpegMetadataGoesAndThePictureStaysByteForByte()
    {
        byte[] jpeg = [.. Soi, .. Jfif, .. Exif, .. Iptc, .. Comment, .. Quantisation, .. Scan, .. Entropy, .. Eoi];

        byte[] expected = [.. Soi, .. Jfif, .. Quantisation, .. Scan, .. Entropy, .. Eoi];
        Assert.Equal(expected, JpegStructure.StripMetadata(jpeg));
    }

    [Fact]
    public void EveryScanOfAProgressiveJpegIsKept()
    {
        var huffman = Segment(0xC4, new byte[20]);
        byte[] jpeg = [.. Soi, .. Quantisation, .. Scan, .. Entropy, .. huffman, .. Exif, .. Scan, .. Entropy, .. Eoi];

        byte[] expected = [.. Soi, .. Quantisation, .. Scan, .. Entropy, .. huffman, .. Scan, .. Entropy, .. Eoi];
        Assert.Equal(expected, JpegStructure.StripMetadata(jpeg));
    }

    [Fact]
    public void WhatFollowsTheEndOfTheImageIsDropped()
    {
        byte[] polyglot = [.. Soi, .. Quantisation, .. Scan, .. Entropy, .. Eoi, .. "PK\u0003\u0004hidden.exe"u8];

        byte[] expected = [.. Soi, .. Quantisation, .. Scan, .. Entropy, .. Eoi];
        Assert.Equal(expected, JpegStructure.StripMetadata(polyglot));
    }

    [Fact]
    public void AJpegWithoutItsEndIsIncomplete()
    {
        Assert.Null(JpegStructure.StripMetadata([.. Soi, .. Quantisation, .. Scan, .. Entropy]));
        Assert.Null(JpegStructure.StripMetadata([.. Soi, .. Quantisation, .. Scan.AsSpan(0, 4)]));
        Assert.Null(JpegStructure.StripMetadata([.. Soi, .. Quantisation, .. Eoi])); // no picture at all
    }

    [Fact]
    public void PngKeepsOnlyTheChunksThatDrawThePicture()
    {
        var png = UploadSamples.Png(8, 8);
        var tagged = UploadSamples.WithPngChunk(png, "eXIf", "MM\0*GPS"u8);
        tagged = UploadSamples.WithPngChunk(tagged, "zTXt", "Comment\0\0x"u8);
        tagged = UploadSamples.WithPngChunk(tagged, "prVt", "anything"u8);
        tagged = UploadSamples.WithPngChunk(tagged, "gAMA", [0, 0, 0xB1, 0x8F]);

        Assert.Equal(UploadSamples.WithPngChunk(png, "gAMA", [0, 0, 0xB1, 0x8F]), PngStructure.StripMetadata(tagged));
    }

    [Fact]
    public void APngWithoutItsEndIsIncomplete()
    {
        var png = UploadSamples.Png(8, 8);

        Assert.Null(PngStructure.StripMetadata(png.AsSpan(0, png.Length - 12)));
        Assert.Null(PngStructure.StripMetadata(png.AsSpan(0, png.Length - 20)));
    }

    private static byte[] Segment(byte marker, ReadOnlySpan<byte> payload) =>
        [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2), .. payload];
}
