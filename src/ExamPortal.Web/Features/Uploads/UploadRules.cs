using System.Globalization;

namespace ExamPortal.Web.Features.Uploads;

/// <summary>
/// The announcement's limits (section 四): the photo is under 50 KB, each scan is a jpg, jpeg, png or
/// pdf file of 200 KB to 300 KB inclusive; KB means 1,024 bytes, as the provincial system counts.
/// </summary>
public static class UploadRules
{
    public const int Kilobyte = 1024;

    // "照片大小为<50kb": 51,200 bytes is already too large.
    public const int PhotoMaxBytes = (50 * Kilobyte) - 1;

    // "200KB≤图片≤300KB": both ends are allowed.
    public const int ScanMinBytes = 200 * Kilobyte;

    public const int ScanMaxBytes = 300 * Kilobyte;

    // One-inch ID photo (25 mm × 35 mm) at 300 dpi, the size certificates and tickets are printed from.
    public const int PhotoWidth = 295;

    public const int PhotoHeight = 413;

    // The photo page's script shrinks a larger photo in the browser to this long side before sending it: still about
    // three times the one-inch photo cut from it, a fraction of a camera file's bytes on a phone's connection, and a
    // tenth of the pixels for the server to decode (bench/results/history.md).
    public const int PhotoShrinkLongestSide = 1200;

    // A raw upload before fitting or re-encoding: a phone photo of several MB must get through so the
    // portal can make it fit, but nothing larger is read into memory.
    public const int MaxUploadBytes = 10 * Kilobyte * Kilobyte;

    // Pixel limits checked from the header before decoding, so a small file that claims a huge
    // canvas (an "image bomb") is refused before any memory is allocated for its pixels.
    public const int MaxPixelsPerSide = 12_000;

    public const long MaxPixels = 80_000_000;

    public static string ScanRange => $"{ScanMinBytes / Kilobyte}KB至{ScanMaxBytes / Kilobyte}KB之间（含）";

    public static string PhotoLimit => $"小于{(PhotoMaxBytes + 1) / Kilobyte}KB";

    /// <summary>"61.2KB", "3.4MB", "512B"; one decimal, invariant culture so the server's culture cannot change it.</summary>
    public static string FormatSize(long bytes)
    {
        const double megabyte = Kilobyte * Kilobyte;
        if (bytes < Kilobyte)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + "B";
        }

        return bytes < megabyte
            ? (bytes / (double)Kilobyte).ToString("0.0", CultureInfo.InvariantCulture) + "KB"
            : (bytes / megabyte).ToString("0.0", CultureInfo.InvariantCulture) + "MB";
    }

    /// <summary>
    /// Like <see cref="FormatSize"/>, but adds the exact byte count when the rounded size reads the
    /// same as a limit: "300.0KB" beside "300KB（含）" would look allowed, "50.0KB" beside "小于50KB" too.
    /// </summary>
    public static string FormatSizeNear(long bytes, params ReadOnlySpan<long> limits)
    {
        var text = FormatSize(bytes);
        foreach (var limit in limits)
        {
            if (text == FormatSize(limit))
            {
                return $"{text}（{bytes.ToString("N0", CultureInfo.InvariantCulture)}字节）";
            }
        }

        return text;
    }
}
