namespace ExamPortal.Domain.Tickets;

// A room of the batch as seat allocation sees it: the plan seated there (a room holds one project) and the
// highest seat number already given, so seats of tickets issued earlier are never handed out again.
public sealed record RoomOccupancy(string Name, int Capacity, int? ExamPlanId, int HighestSeat)
{
    public int FreeSeats => ExamPlanId is null ? Capacity : Math.Max(0, Capacity - HighestSeat);
}
