using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Tickets;

namespace ExamPortal.Web.Features.Tickets;

/// <summary>One issued ticket with everything a page or a printed document shows about it.</summary>
public sealed record TicketRow(
    Guid TicketId,
    Guid RegistrationId,
    string Number,
    int Seat,
    int ExamRoomId,
    string RoomName,
    string? RoomLocation,
    int ExamPlanId,
    string ProjectName,
    int BatchId,
    string BatchTitle,
    DateOnly ExamDate,
    DateRange Printing,
    TimeOnly StartTime,
    TimeOnly EndTime,
    string Venue,
    IdDocumentType IdDocumentType,
    string IdNumber,
    string FullName,
    Guid? PhotoFileId,
    RegistrationStatus Status,
    int? InstitutionId,
    string? InstitutionName,
    DateTimeOffset? FirstPrintedAt,
    DateTimeOffset? LastPrintedAt)
{
    public string MaskedIdNumber => IdentityNumber.Mask(IdNumber);

    public string RoomDisplayName => string.IsNullOrWhiteSpace(RoomLocation) ? RoomName : $"{RoomName}（{RoomLocation}）";

    public bool IsValid => AdmissionTicket.IsValid(Status);
}
