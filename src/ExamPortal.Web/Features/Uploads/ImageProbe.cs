namespace ExamPortal.Web.Features.Uploads;

/// <summary>
/// What an uploaded JPEG or PNG is, read from its structure and header without decoding the pixels.
/// Clean holds the same picture with metadata removed; Width and Height are as stored in the file.
/// </summary>
internal sealed record ImageProbe(UploadKind Kind, byte[] Clean, int Width, int Height, ushort Orientation)
{
    // EXIF orientations 2–8 mean the stored picture is shown flipped or turned; removing the EXIF
    // block without turning the pixels would show it sideways or upside down.
    public bool NeedsRotation => Orientation is >= 2 and <= 8;

    // Orientations 5–8 turn the picture a quarter, so the stored width is the displayed height.
    private bool IsQuarterTurned => Orientation is >= 5 and <= 8;

    public int DisplayWidth => IsQuarterTurned ? Height : Width;

    public int DisplayHeight => IsQuarterTurned ? Width : Height;
}
