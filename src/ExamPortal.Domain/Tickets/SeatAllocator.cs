using System.Globalization;

namespace ExamPortal.Domain.Tickets;

// Rooms and seats (考场、座位号). A room holds the candidates of one plan only, so invigilators hand out one
// project's papers per room and a project's candidates sit together. A plan first fills the seats left in the
// rooms it already has (a late confirmation joins its project), then takes empty rooms in the batch's order,
// and when those run out a default room of DefaultCapacity seats is added. Seats already given never move.
public static class SeatAllocator
{
    public const int DefaultCapacity = 30;

    public static SeatAllocation Allocate(IReadOnlyList<RoomOccupancy> rooms, IReadOnlyList<SeatDemand> demand)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        ArgumentNullException.ThrowIfNull(demand);
        var state = rooms.ToList();
        var added = new List<RoomOccupancy>();
        var assignments = new List<SeatAssignment>();
        foreach (var plan in demand)
        {
            var waiting = new Queue<Guid>(plan.RegistrationIds);
            while (waiting.Count > 0)
            {
                var index = state.FindIndex(r => r.ExamPlanId == plan.ExamPlanId && r.FreeSeats > 0);
                if (index < 0)
                {
                    index = state.FindIndex(r => r.ExamPlanId is null && r.Capacity > 0);
                }

                if (index < 0)
                {
                    var room = new RoomOccupancy(DefaultRoomName(state), DefaultCapacity, null, 0);
                    state.Add(room);
                    added.Add(room);
                    index = state.Count - 1;
                }

                var target = state[index];
                var seat = target.ExamPlanId is null ? 0 : target.HighestSeat;
                var last = Math.Min(target.Capacity, seat + waiting.Count);
                while (seat < last)
                {
                    seat++;
                    assignments.Add(new SeatAssignment(waiting.Dequeue(), plan.ExamPlanId, target.Name, seat));
                }

                state[index] = target with { ExamPlanId = plan.ExamPlanId, HighestSeat = seat };
                var addedIndex = added.FindIndex(r => r.Name == target.Name);
                if (addedIndex >= 0)
                {
                    added[addedIndex] = state[index];
                }
            }
        }

        return new SeatAllocation(assignments, added);
    }

    // 第01考场, 第02考场, …: the first number no room of the batch is called by yet.
    private static string DefaultRoomName(List<RoomOccupancy> rooms)
    {
        for (var n = 1; ; n++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"第{n:D2}考场");
            if (!rooms.Exists(r => r.Name == name))
            {
                return name;
            }
        }
    }
}
