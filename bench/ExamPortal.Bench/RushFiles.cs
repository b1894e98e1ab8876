using ExamPortal.Web.Features.Uploads;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ExamPortal.Bench;

/// <summary>
/// What a candidate's phone sends in the rush, generated once per bench: a 3000 × 4000 photo straight from the camera
/// (soft shapes under sensor grain, so it weighs several MB at the camera's quality 92) and five A4 scans at 150 dpi
/// (1240 × 1754 lines of "text" on paper), each encoded at the quality that puts it inside the 200–300 KB window.
/// </summary>
internal static class RushFiles
{
    public static byte[] PhonePhoto()
    {
#pragma warning disable CA5394 // Reproducible picture content, not security.
        var random = new Random(42);
        using var image = new Image<Rgb24>(3000, 4000);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var head = (((x - 1500) / 700.0) * ((x - 1500) / 700.0)) + (((y - 1500) / 950.0) * ((y - 1500) / 950.0)) <= 1;
                    var body = (((x - 1500) / 1500.0) * ((x - 1500) / 1500.0)) + (((y - 4300) / 1500.0) * ((y - 4300) / 1500.0)) <= 1;
                    var (r, g, b) = head ? (225, 180, 150) : body ? (40, 60, 110) : (200 - (y / 40), 210 - (y / 50), 230 - (y / 60));
                    var grain = random.Next(-14, 15);
                    var texture = (int)(10 * Math.Sin(x / 7.0) * Math.Cos(y / 11.0));
                    row[x] = new Rgb24(Clamp(r + grain + texture), Clamp(g + grain), Clamp(b + grain - texture));
                }
            }
        });
#pragma warning restore CA5394
        return Encode(image, 92);
    }

    /// <summary>
    /// The camera photo as the photo page's script sends it (wwwroot/js/uploads.js): drawn at most
    /// UploadRules.PhotoShrinkLongestSide pixels on its long side and saved as a JPEG at quality 90.
    /// </summary>
    public static byte[] ShrunkInBrowser(byte[] camera)
    {
        using var image = Image.Load<Rgb24>(camera);
        var scale = (double)UploadRules.PhotoShrinkLongestSide / Math.Max(image.Width, image.Height);
        image.Mutate(x => x.Resize((int)Math.Round(image.Width * scale), (int)Math.Round(image.Height * scale)));
        return Encode(image, 90);
    }

    /// <summary>Five different scans, each 215–285 KB.</summary>
    public static IReadOnlyList<byte[]> Scans()
    {
        var scans = new List<byte[]>();
        for (var seed = 1; scans.Count < 5; seed++)
        {
            using var page = ScanPage(seed);
            for (var quality = 95; quality >= 30; quality -= 5)
            {
                var jpeg = Encode(page, quality);
                if (jpeg.Length is >= 215_000 and <= 285_000)
                {
                    scans.Add(jpeg);
                    break;
                }
            }
        }

        return scans;
    }

    private static Image<Rgb24> ScanPage(int seed)
    {
#pragma warning disable CA5394 // Reproducible picture content, not security.
        var random = new Random(seed);
        var image = new Image<Rgb24>(1240, 1754);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var line = y % 40 is > 12 and < 30 && y > 150 && y < 1600;
                for (var x = 0; x < row.Length; x++)
                {
                    var ink = line && x > 120 && x < 1120 && (x / 9 * 31 + y / 40 * 17 + seed) % 7 < 4 && random.Next(3) > 0;
                    var paper = 245 + random.Next(-6, 7);
                    var value = ink ? 40 + random.Next(40) : paper;
                    row[x] = new Rgb24(Clamp(value), Clamp(value), Clamp(value - 4));
                }
            }
        });
#pragma warning restore CA5394
        return image;
    }

    private static byte[] Encode(Image<Rgb24> image, int quality)
    {
        using var buffer = new MemoryStream();
        image.SaveAsJpeg(buffer, new JpegEncoder { Quality = quality });
        return buffer.ToArray();
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
