using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace ExamPortal.Tests.Support;

/// <summary>Realistic files made in code: noisy pixels compress like photos, so sizes behave as in life.</summary>
public static class TestFiles
{
    public static byte[] Jpeg(int width, int height, int quality = 90, int seed = 1)
    {
        using var image = Noisy(width, height, seed);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = quality });
        return stream.ToArray();
    }

    public static byte[] Png(int width, int height, int seed = 1)
    {
        using var image = Noisy(width, height, seed);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream, new PngEncoder());
        return stream.ToArray();
    }

    /// <summary>A JPEG whose size lies inside [min, max] bytes, found by trying sizes and qualities.</summary>
    public static byte[] JpegBetween(int minBytes, int maxBytes, int seed = 1)
    {
        for (var side = 300; side <= 2400; side += 20)
        {
            foreach (var quality in new[] { 75, 85, 92 })
            {
                var bytes = Jpeg(side, side * 4 / 3, quality, seed);
                if (bytes.Length >= minBytes && bytes.Length <= maxBytes)
                {
                    return bytes;
                }
            }
        }

        throw new InvalidOperationException($"No JPEG between {minBytes} and {maxBytes} bytes");
    }

    private static Image<Rgb24> Noisy(int width, int height, int seed)
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
                    // A gradient with grain: smooth like a face, noisy like a phone sensor.
                    var grain = random.Next(-40, 40);
                    row[x] = new Rgb24(
                        (byte)Math.Clamp((x * 255 / width) + grain, 0, 255),
                        (byte)Math.Clamp((y * 255 / height) + grain, 0, 255),
                        (byte)Math.Clamp(128 + grain, 0, 255));
                }
            }
        });
        return image;
    }
}
