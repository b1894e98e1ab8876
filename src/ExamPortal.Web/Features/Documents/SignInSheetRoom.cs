namespace ExamPortal.Web.Features.Documents;

/// <summary>One room's 考生签到册: the sitting it belongs to and its candidates.</summary>
public sealed record SignInSheetRoom(
    string BatchTitle,
    string ProjectName,
    DateOnly ExamDate,
    TimeOnly StartTime,
    TimeOnly EndTime,
    string Venue,
    string RoomName,
    IReadOnlyList<SignInSheetEntry> Entries);
