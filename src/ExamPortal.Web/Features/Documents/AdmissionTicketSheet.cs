namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// What one 准考证 prints. The ID number comes masked: the ticket is handed out, printed at home and
/// left on desks, and the ID card the candidate brings is what the invigilator checks.
/// <see cref="Photo"/> is the uploaded JPEG (or PNG) as stored; <see cref="VerificationUrl"/> is what
/// the QR code opens to check that the ticket is genuine.
/// </summary>
public sealed record AdmissionTicketSheet(
    string TicketNumber,
    string FullName,
    string IdDocumentTypeName,
    string MaskedIdNumber,
    string ProjectName,
    string BatchTitle,
    DateOnly ExamDate,
    TimeOnly StartTime,
    TimeOnly EndTime,
    string Venue,
    string RoomName,
    int Seat,
    byte[]? Photo,
    string VerificationUrl);
