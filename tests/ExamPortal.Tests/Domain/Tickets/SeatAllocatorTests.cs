using ExamPortal.Domain.Tickets;

namespace ExamPortal.Tests.Domain.Tickets;

public sealed class SeatAllocatorTests
{
    private static List<Guid> People(int count) => [.. Enumerable.Range(0, count).Select(_ => Guid.NewGuid())];

    [Fact]
    public void Each_project_gets_rooms_of_its_own_and_default_rooms_of_30_are_added_when_none_are_set_up()
    {
        var planA = People(45);
        var planB = People(12);

        var allocation = SeatAllocator.Allocate([], [new SeatDemand(1, planA), new SeatDemand(2, planB)]);

        Assert.Equal(["第01考场", "第02考场", "第03考场"], allocation.AddedRooms.Select(r => r.Name));
        Assert.All(allocation.AddedRooms, r => Assert.Equal(SeatAllocator.DefaultCapacity, r.Capacity));
        Assert.Equal(57, allocation.Assignments.Count);
        Assert.All(allocation.Assignments.GroupBy(a => a.RoomName), room => Assert.Single(room.Select(a => a.ExamPlanId).Distinct()));
        Assert.Equal(Enumerable.Range(1, 30), allocation.Assignments.Where(a => a.RoomName == "第01考场").Select(a => a.Seat));
        Assert.Equal(Enumerable.Range(1, 15), allocation.Assignments.Where(a => a.RoomName == "第02考场").Select(a => a.Seat));
        Assert.Equal(planB, allocation.Assignments.Where(a => a.RoomName == "第03考场").Select(a => a.RegistrationId));
        Assert.Equal(planA, allocation.Assignments.Where(a => a.ExamPlanId == 1).Select(a => a.RegistrationId));
    }

    [Fact]
    public void Configured_rooms_are_used_in_order_with_their_own_capacity()
    {
        RoomOccupancy[] rooms = [new("501", 20, null, 0), new("502", 40, null, 0)];

        var allocation = SeatAllocator.Allocate(rooms, [new SeatDemand(7, People(25))]);

        Assert.Empty(allocation.AddedRooms);
        Assert.Equal(20, allocation.Assignments.Count(a => a.RoomName == "501"));
        Assert.Equal(Enumerable.Range(1, 5), allocation.Assignments.Where(a => a.RoomName == "502").Select(a => a.Seat));
    }

    [Fact]
    public void A_late_confirmation_takes_the_next_seat_in_its_projects_room_and_no_seat_is_given_twice()
    {
        // Room 501 seats plan 7 up to seat 12 (seat 5's ticket was voided later: its seat is not reused); 502 is plan 8's.
        RoomOccupancy[] rooms = [new("501", 30, 7, 12), new("502", 30, 8, 30), new("503", 30, null, 0)];
        var late = People(2);
        var other = People(1);

        var allocation = SeatAllocator.Allocate(rooms, [new SeatDemand(7, late), new SeatDemand(8, other)]);

        Assert.Equal([("501", 13), ("501", 14)], allocation.Assignments.Where(a => a.ExamPlanId == 7).Select(a => (a.RoomName, a.Seat)));
        Assert.Equal(("503", 1), allocation.Assignments.Where(a => a.ExamPlanId == 8).Select(a => (a.RoomName, a.Seat)).Single());
        Assert.Empty(allocation.AddedRooms);
    }

    [Fact]
    public void A_full_project_room_overflows_into_a_new_room_not_into_another_projects_room()
    {
        RoomOccupancy[] rooms = [new("501", 30, 7, 30), new("502", 30, 8, 3)];

        var allocation = SeatAllocator.Allocate(rooms, [new SeatDemand(7, People(1))]);

        var seat = Assert.Single(allocation.Assignments);
        Assert.Equal(("第01考场", 1), (seat.RoomName, seat.Seat));
        Assert.Equal("第01考场", Assert.Single(allocation.AddedRooms).Name);
    }

    [Fact]
    public void A_default_room_name_already_taken_is_skipped()
    {
        RoomOccupancy[] rooms = [new("第01考场", 30, 3, 30)];

        var allocation = SeatAllocator.Allocate(rooms, [new SeatDemand(4, People(1))]);

        Assert.Equal("第02考场", Assert.Single(allocation.AddedRooms).Name);
    }

    [Fact]
    public void Nothing_to_seat_changes_nothing()
    {
        var allocation = SeatAllocator.Allocate([new RoomOccupancy("501", 30, null, 0)], []);

        Assert.Empty(allocation.Assignments);
        Assert.Empty(allocation.AddedRooms);
    }
}
