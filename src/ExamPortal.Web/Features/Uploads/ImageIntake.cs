using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ExamPortal.Web.Features.Uploads;

/// <summary>
/// The safe way into ImageSharp for untrusted uploads, shared by the photo and the scan processors:
/// structure first, header second, pixels last, each step refusing with a message for the candidate.
/// </summary>
internal static class ImageIntake
{
    private const int PoolMegabytes = 16;

    // Only the two formats the rules accept are decodable at all, whatever ImageSharp could read. The pool kept
    // between decodes is small: ImageSharp's default grows to a portion of the machine's physical memory, while a
    // decode that takes its turn (ImageGate) allocates its 36 MB afresh for a few milliseconds' cost.
    private static readonly Configuration JpegAndPng = new(new JpegConfigurationModule(), new PngConfigurationModule())
    {
        MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { MaximumPoolSizeMegabytes = PoolMegabytes }),
    };

    // ZIP (a local file header, the end of the central directory), RAR and 7z.
    private static readonly byte[][] ArchiveSignatures = ["PK\u0003\u0004"u8.ToArray(), "PK\u0005\u0006"u8.ToArray(), "Rar!\u001A\u0007"u8.ToArray(), [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]];

    /// <summary>
    /// Checks that the bytes are a complete JPEG or PNG whose declared size is sane, without decoding
    /// pixels. <paramref name="noun"/> names the upload in messages ("照片", "扫描件").
    /// </summary>
    /// <exception cref="UploadProcessingException">The file is truncated, unreadable or too large in pixels.</exception>
    public static ImageProbe Probe(byte[] data, UploadKind kind, string noun)
    {
        var imageEnd = 0;
        var clean = kind switch
        {
            UploadKind.Jpeg => JpegStructure.StripMetadata(data, out imageEnd),
            UploadKind.Png => PngStructure.StripMetadata(data, out imageEnd),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only JPEG and PNG are images here."),
        } ?? throw new UploadProcessingException($"{noun}文件不完整或已损坏（可能上传时中断），无法读取；请重新选择文件上传");

        // Phones append pictures and videos after the image's end, which are dropped; an archive there makes the file
        // a polyglot (a picture to us, a zip to an unzip tool) and is refused rather than quietly cut off.
        if (ArchiveSignatures.Any(signature => data.AsSpan(imageEnd).IndexOf(signature) >= 0))
        {
            throw new UploadProcessingException($"{noun}文件在图片之后还附带了压缩包内容（图片与压缩包拼接的文件），出于安全考虑不予接收；请在手机相册中另存或截图为JPG、PNG图片后重新上传");
        }

        IImageInfo? info;
        try
        {
            // The original bytes, because the orientation lives in the EXIF block that Clean drops.
            info = Image.Identify(JpegAndPng, data, out _);
        }
        catch (Exception ex) when (IsDecoderFailure(ex))
        {
            throw Damaged(noun, ex);
        }

        if (info is null)
        {
            throw Damaged(noun, null);
        }

        if (info.Width > UploadRules.MaxPixelsPerSide || info.Height > UploadRules.MaxPixelsPerSide
            || (long)info.Width * info.Height > UploadRules.MaxPixels)
        {
            throw new UploadProcessingException(
                $"图片尺寸为{info.Width}×{info.Height}像素，超出处理上限（每边不超过{UploadRules.MaxPixelsPerSide}像素、"
                + $"总像素不超过{UploadRules.MaxPixels / 10_000}万）；请先缩小图片再上传");
        }

        var orientation = info.Metadata.ExifProfile?.GetValue(ExifTag.Orientation)?.Value ?? 1;
        return new ImageProbe(kind, clean, info.Width, info.Height, orientation);
    }

    /// <summary>
    /// Decodes the cleaned bytes as stored (not yet turned, see <see cref="TurnUpright"/>) and puts
    /// transparent areas on white (scans and photos are printed on paper). The image carries no
    /// metadata, so an encode of it cannot leak anything from the original file.
    /// </summary>
    /// <exception cref="UploadProcessingException">The pixel data is damaged.</exception>
    public static Image<Rgb24> Decode(ImageProbe probe, string noun)
    {
        Image<Rgb24> image;
        try
        {
            image = probe.Kind == UploadKind.Png && PngStructure.MayBeTransparent(probe.Clean)
                ? Flatten(probe.Clean)
                : Image.Load<Rgb24>(JpegAndPng, probe.Clean);
        }
        catch (Exception ex) when (IsDecoderFailure(ex))
        {
            throw Damaged(noun, ex);
        }

        ClearMetadata(image.Metadata);
        return image;
    }

    /// <summary>Turns and flips the pixels the way the camera's orientation tag says the picture is shown.</summary>
    public static void TurnUpright(Image<Rgb24> image, ushort orientation)
    {
        if (orientation is < 2 or > 8)
        {
            return;
        }

        // AutoOrient reads the tag from the profile, which the cleaned bytes no longer have.
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, orientation);
        image.Metadata.ExifProfile = exif;
        image.Mutate(x => x.AutoOrient());
        image.Metadata.ExifProfile = null;
    }

    /// <summary>
    /// Where a rectangle of the picture as shown lies in the pixels as stored, for each EXIF
    /// orientation; lets a large photo be cropped and shrunk before the (then cheap) turn.
    /// </summary>
    public static Rectangle ToStored(Rectangle shown, ImageProbe probe)
    {
        var (w, h) = (probe.Width, probe.Height);
        var (x, y, cw, ch) = (shown.X, shown.Y, shown.Width, shown.Height);
        return probe.Orientation switch
        {
            2 => new Rectangle(w - x - cw, y, cw, ch), // mirrored
            3 => new Rectangle(w - x - cw, h - y - ch, cw, ch), // upside down
            4 => new Rectangle(x, h - y - ch, cw, ch), // mirrored upside down
            5 => new Rectangle(y, x, ch, cw), // transposed
            6 => new Rectangle(y, h - x - cw, ch, cw), // shown turned a quarter clockwise
            7 => new Rectangle(w - y - ch, h - x - cw, ch, cw), // transverse
            8 => new Rectangle(w - y - ch, x, ch, cw), // shown turned a quarter anticlockwise
            _ => shown,
        };
    }

    public static byte[] EncodeJpeg(Image<Rgb24> image, int quality)
    {
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = quality });
        return stream.ToArray();
    }

    private static Image<Rgb24> Flatten(byte[] png)
    {
        using var rgba = Image.Load<Rgba32>(JpegAndPng, png);
        rgba.Mutate(x => x.BackgroundColor(Color.White));
        return rgba.CloneAs<Rgb24>();
    }

    private static void ClearMetadata(ImageMetadata metadata)
    {
        metadata.ExifProfile = null;
        metadata.IptcProfile = null;
        metadata.XmpProfile = null;
        metadata.IccProfile = null;
    }

    // A hostile or damaged file can make a decoder fail in many ways; all of them mean "unreadable".
    private static bool IsDecoderFailure(Exception ex) =>
        ex is ImageFormatException or NotSupportedException or InvalidMemoryOperationException or ArgumentException
            or IndexOutOfRangeException or EndOfStreamException or InvalidDataException or OverflowException;

    private static UploadProcessingException Damaged(string noun, Exception? cause)
    {
        var message = $"{noun}文件已损坏，无法读取图片内容；请重新选择文件上传";
        return cause is null ? new UploadProcessingException(message) : new UploadProcessingException(message, cause);
    }
}
