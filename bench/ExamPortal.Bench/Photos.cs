using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace ExamPortal.Bench;

/// <summary>
/// One-inch ID photos like the ones candidates upload: 295 × 413 px JPEGs, a different head, clothes,
/// background and grain for every person, so no two compress alike and each weighs some 14–30 KB.
/// </summary>
internal static class Photos
{
    public const int Width = 295;
    public const int Height = 413;

    public static byte[] Portrait(int person)
    {
#pragma warning disable CA5394 // Reproducible picture content, not security.
        var random = new Random(person);
        Rgb24 Colour(int low, int high) => new((byte)random.Next(low, high), (byte)random.Next(low, high), (byte)random.Next(low, high));
        var top = Colour(150, 250);
        var bottom = Colour(120, 230);
        var skin = new Rgb24((byte)random.Next(200, 245), (byte)random.Next(160, 200), (byte)random.Next(130, 170));
        var hair = Colour(10, 80);
        var cloth = Colour(20, 200);
        var centreX = 147 + random.Next(-12, 13);
        var centreY = 170 + random.Next(-15, 16);
        var radiusX = random.Next(55, 72);
        var radiusY = random.Next(75, 92);
        var grain = random.Next(4, 12);
        using var image = new Image<Rgb24>(Width, Height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var t = y / (double)Height;
                var sky = new Rgb24((byte)(top.R + ((bottom.R - top.R) * t)), (byte)(top.G + ((bottom.G - top.G) * t)), (byte)(top.B + ((bottom.B - top.B) * t)));
                for (var x = 0; x < row.Length; x++)
                {
                    var headX = (x - centreX) / (double)radiusX;
                    var headY = (y - centreY) / (double)radiusY;
                    var bodyX = (x - 147) / 150.0;
                    var bodyY = (y - 440) / 150.0;
                    var colour = (headX * headX) + (headY * headY) <= 1 ? (y < centreY - (radiusY * 0.45) ? hair : skin)
                        : (bodyX * bodyX) + (bodyY * bodyY) <= 1 ? cloth
                        : sky;
                    var noise = random.Next(-grain, grain + 1);
                    row[x] = new Rgb24(Clamp(colour.R + noise), Clamp(colour.G + noise), Clamp(colour.B + noise));
                }
            }
        });
#pragma warning restore CA5394
        using var buffer = new MemoryStream();
        image.SaveAsJpeg(buffer, new JpegEncoder { Quality = 85 });
        return buffer.ToArray();
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
