namespace ExamPortal.Web.Features.Documents;

/// <summary>One candidate's line of the 考生签到册: the invigilator compares the face with the photo.</summary>
public sealed record SignInSheetEntry(int Seat, string TicketNumber, string FullName, string MaskedIdNumber, byte[]? Photo);
