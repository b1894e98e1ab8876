namespace ExamPortal.Web.Features.Documents;

/// <summary>One sitting's 考场安排表: every candidate of the plan with the room and seat given to them.</summary>
public sealed record RoomListPlan(
    string BatchTitle,
    string ProjectName,
    DateOnly ExamDate,
    TimeOnly StartTime,
    TimeOnly EndTime,
    string Venue,
    IReadOnlyList<RoomListEntry> Entries);
