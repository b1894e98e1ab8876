using System.Buffers.Binary;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace ExamPortal.Tests.Features.Uploads;

/// <summary>
/// Uploads made in code: a gradient with sensor-like grain compresses like a real photo or scan, so
/// JPEG sizes behave as in life; sizes are reached by searching dimensions and quality.
/// </summary>
internal static class UploadSamples
{
    private static readonly Lazy<byte[]> PhoneJpeg = new(MakePhoneJpeg);

    /// <summary>
    /// A 4000×3000 JPEG of several MB as a phone stores a portrait shot: landscape pixels, EXIF
    /// orientation 6 (turn 90° clockwise to show), GPS position and camera model. The stored left
    /// edge, which becomes the displayed top, is red so tests can tell whether it was turned.
    /// </summary>
    public static byte[] PhonePortrait => PhoneJpeg.Value;

    public static Image<Rgb24> Noisy(int width, int height, int seed = 1, int grain = 24)
    {
        var random = new Random(seed);
        var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var g = random.Next(-grain, grain + 1);
                    row[x] = new Rgb24(
                        (byte)Math.Clamp((x * 200 / width) + 30 + g, 0, 255),
                        (byte)Math.Clamp((y * 200 / height) + 30 + g, 0, 255),
                        (byte)Math.Clamp(140 + g, 0, 255));
                }
            }
        });
        return image;
    }

    public static byte[] Jpeg(int width, int height, int quality = 90, int seed = 1, int grain = 24, ExifProfile? exif = null)
    {
        using var image = Noisy(width, height, seed, grain);
        image.Metadata.ExifProfile = exif;
        return Encode(image, quality);
    }

    public static byte[] Png(int width, int height, int seed = 1, int grain = 24)
    {
        using var image = Noisy(width, height, seed, grain);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream, new PngEncoder());
        return stream.ToArray();
    }

    /// <summary>A JPEG of about 4:3 portrait shape whose size lies in [minBytes, maxBytes].</summary>
    public static byte[] JpegBetween(int minBytes, int maxBytes, ExifProfile? exif = null, int seed = 1)
    {
        for (var width = 160; width <= 4000; width += 16)
        {
            var height = width * 4 / 3;
            var low = 50;
            var high = 98;
            while (low <= high)
            {
                var quality = (low + high) / 2;
                var jpeg = Jpeg(width, height, quality, seed, exif: exif);
                if (jpeg.Length < minBytes)
                {
                    low = quality + 1;
                }
                else if (jpeg.Length > maxBytes)
                {
                    high = quality - 1;
                }
                else
                {
                    return jpeg;
                }
            }
        }

        throw new InvalidOperationException($"No JPEG between {minBytes} and {maxBytes} bytes");
    }

    /// <summary>A PNG whose size lies in [minBytes, maxBytes]; grain makes PNG grow steadily with width.</summary>
    public static byte[] PngBetween(int minBytes, int maxBytes, int seed = 1)
    {
        const int height = 300;
        var low = 8;
        var high = 4000;
        while (low <= high)
        {
            var width = (low + high) / 2;
            var png = Png(width, height, seed, grain: 60);
            if (png.Length < minBytes)
            {
                low = width + 1;
            }
            else if (png.Length > maxBytes)
            {
                high = width - 1;
            }
            else
            {
                return png;
            }
        }

        throw new InvalidOperationException($"No PNG between {minBytes} and {maxBytes} bytes");
    }

    public static ExifProfile CameraExif(ushort orientation = 1)
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, orientation);
        exif.SetValue(ExifTag.Make, "PhoneMaker");
        exif.SetValue(ExifTag.Model, "Phone X");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(30, 1), new Rational(39, 1), new Rational(3600, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(104, 1), new Rational(4, 1), new Rational(1200, 100)]);
        return exif;
    }

    /// <summary>Adds an APPn segment right after SOI, as cameras and editors do.</summary>
    public static byte[] WithJpegSegment(byte[] jpeg, byte marker, ReadOnlySpan<byte> payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment.AsSpan(4));
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    /// <summary>
    /// Pads a JPEG to an exact size with a JFIF-labelled APP0 segment, which metadata removal keeps,
    /// so the size the rules see is exactly <paramref name="totalBytes"/>.
    /// </summary>
    public static byte[] PaddedJpeg(byte[] jpeg, int totalBytes)
    {
        var payload = new byte[totalBytes - jpeg.Length - 4];
        "JFIF\0"u8.CopyTo(payload);
        return WithJpegSegment(jpeg, 0xE0, payload);
    }

    /// <summary>Inserts a PNG chunk right after IHDR.</summary>
    public static byte[] WithPngChunk(byte[] png, string type, ReadOnlySpan<byte> data)
    {
        const int afterHeader = 8 + 12 + 13;
        return [.. png.AsSpan(0, afterHeader), .. Chunk(type, data), .. png.AsSpan(afterHeader)];
    }

    /// <summary>A 67-byte PNG that claims a <paramref name="width"/>×<paramref name="height"/> canvas.</summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        byte[] idat = [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01];
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    /// <summary>
    /// A one-page PDF of exactly <paramref name="totalBytes"/>, padded with a stream of noise the
    /// page refers to, as a scanned image would be; <paramref name="tweak"/> can add what a test needs.
    /// Encryption adds random keys whose encoded length varies, so then within a kilobyte will do.
    /// </summary>
    public static byte[] PdfOfSize(int totalBytes, Action<PdfDocument>? tweak = null, int tolerance = 0)
    {
        var padding = Math.Max(0, totalBytes - 4000);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var pdf = Pdf(padding, tweak);
            if (Math.Abs(pdf.Length - totalBytes) <= tolerance)
            {
                return pdf;
            }

            padding += totalBytes - pdf.Length;
        }

        throw new InvalidOperationException($"Could not build a PDF of exactly {totalBytes} bytes");
    }

    public static Rgb24 AverageOfRows(Image<Rgb24> image, int fromRow, int toRow)
    {
        long r = 0, g = 0, b = 0, count = 0;
        image.ProcessPixelRows(rows =>
        {
            for (var y = fromRow; y < toRow; y++)
            {
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    r += pixel.R;
                    g += pixel.G;
                    b += pixel.B;
                    count++;
                }
            }
        });
        return new Rgb24((byte)(r / count), (byte)(g / count), (byte)(b / count));
    }

    private static byte[] Pdf(int paddingBytes, Action<PdfDocument>? tweak)
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            graphics.DrawRectangle(XBrushes.LightGray, 60, 60, 300, 200);
        }

        var noise = new byte[paddingBytes];
        new Random(7).NextBytes(noise);
        var padding = new PdfDictionary(document);
        padding.CreateStream(noise);
        document.Internals.AddObject(padding);
        page.Elements.SetReference("/ExamPortalPadding", padding);
        tweak?.Invoke(document);
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static byte[] Encode(Image<Rgb24> image, int quality)
    {
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = quality });
        return stream.ToArray();
    }

    private static byte[] MakePhoneJpeg()
    {
        using var image = Noisy(4000, 3000, seed: 3, grain: 10);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                rows.GetRowSpan(y)[..500].Fill(new Rgb24(220, 30, 30));
            }
        });
        image.Metadata.ExifProfile = CameraExif(orientation: 6);
        return Encode(image, 92);
    }

    private static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        for (var i = 0; i < 4; i++)
        {
            chunk[4 + i] = (byte)type[i];
        }

        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    // PNG's CRC-32 (ISO 3309), bit by bit: test data is tiny.
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
