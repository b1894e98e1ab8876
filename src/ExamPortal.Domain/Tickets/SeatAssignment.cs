namespace ExamPortal.Domain.Tickets;

public sealed record SeatAssignment(Guid RegistrationId, int ExamPlanId, string RoomName, int Seat);
