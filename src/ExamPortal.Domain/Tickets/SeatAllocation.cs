namespace ExamPortal.Domain.Tickets;

// The outcome of one allocation: the seats given and the default rooms that had to be added to the batch.
public sealed record SeatAllocation(IReadOnlyList<SeatAssignment> Assignments, IReadOnlyList<RoomOccupancy> AddedRooms);
