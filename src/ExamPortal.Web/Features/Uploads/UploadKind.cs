namespace ExamPortal.Web.Features.Uploads;

public enum UploadKind
{
    Jpeg,
    Png,
    Pdf,
    Other,
}
