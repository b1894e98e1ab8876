namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// One candidate's line of the 考场安排表. <see cref="Source"/> is the registering institution's name,
/// or “个人报名” for a candidate who registered alone.
/// </summary>
public sealed record RoomListEntry(string RoomName, int Seat, string TicketNumber, string FullName, string MaskedIdNumber, string Source);
