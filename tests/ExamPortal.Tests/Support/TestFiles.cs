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

    /// <summary>A valid JPEG of exactly the given size: a small photo padded with comment segments.</summary>
    public static byte[] PaddedJpeg(int exactBytes, int seed = 1)
    {
        var photo = Jpeg(320, 427, 80, seed);
        var padding = new List<byte>();
        var remaining = exactBytes - photo.Length;
        if (remaining < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(exactBytes), "Too small to pad a photo to.");
        }

        while (remaining > 0)
        {
            // A comment segment is FF FE, a two-byte length that counts itself, then at most 65,533 bytes.
            var body = Math.Min(remaining - 4, 65_533);
            if (remaining - (body + 4) is > 0 and < 4)
            {
                body -= 4;
            }

            padding.AddRange([0xFF, 0xFE, (byte)((body + 2) >> 8), (byte)((body + 2) & 0xFF)]);
            padding.AddRange(Enumerable.Repeat((byte)'x', body));
            remaining -= body + 4;
        }

        return [.. photo.AsSpan(0, 2), .. padding, .. photo.AsSpan(2)];
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
