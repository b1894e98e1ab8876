namespace ExamPortal.Domain.Tickets;

// The registrations of one plan that need a seat, in the order they are to be seated.
public sealed record SeatDemand(int ExamPlanId, IReadOnlyList<Guid> RegistrationIds);
