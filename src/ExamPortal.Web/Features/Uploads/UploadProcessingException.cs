namespace ExamPortal.Web.Features.Uploads;

/// <summary>
/// An upload that cannot be processed. The message is Simplified Chinese, says what to change and
/// carries no personal data, so pages may show it as it is.
/// </summary>
public sealed class UploadProcessingException : Exception
{
    public UploadProcessingException()
    {
    }

    public UploadProcessingException(string message)
        : base(message)
    {
    }

    public UploadProcessingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
