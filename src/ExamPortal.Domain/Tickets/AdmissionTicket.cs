using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;

namespace ExamPortal.Domain.Tickets;

// 准考证: issued once per paid registration, with a number and a seat that never change afterwards. Whether
// it is still good is the registration's state (a plan cancelled later leaves the ticket void).
public sealed class AdmissionTicket
{
    // For EF Core; a ticket comes into being only through Issue.
    private AdmissionTicket()
    {
    }

    public Guid Id { get; private set; }

    public Guid RegistrationId { get; private set; }

    public int BatchId { get; private set; }

    public int ExamPlanId { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public int Sequence { get; private set; }

    public int ExamRoomId { get; private set; }

    public int Seat { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public string IssuedByUserId { get; private set; } = string.Empty;

    // Section 六: institutions print their candidates' tickets; TicketPrintLog keeps the first and latest print.
    public DateTimeOffset? FirstPrintedAt { get; private set; }

    public DateTimeOffset? LastPrintedAt { get; private set; }

    public int PrintCount { get; private set; }

    public static AdmissionTicket Issue(
        Guid id, Registration registration, string number, int sequence, int examRoomId, int seat,
        Actor by, DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(by);
        if (!TicketNumber.IsWellFormed(number))
        {
            throw new ArgumentException($"准考证号格式不正确：{number}", nameof(number));
        }

        if (seat < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(seat), seat, "座位号从1开始");
        }

        registration.IssueTicket(number, by, at, schedule);
        return new AdmissionTicket
        {
            Id = id,
            RegistrationId = registration.Id,
            BatchId = registration.BatchId,
            ExamPlanId = registration.ExamPlanId,
            Number = number,
            Sequence = sequence,
            ExamRoomId = examRoomId,
            Seat = seat,
            IssuedAt = at.ToUniversalTime(),
            IssuedByUserId = by.UserId,
        };
    }

    // A ticket is good for the exam while its registration stands at 已发准考证; a plan cancelled later voids it.
    public static bool IsValid(RegistrationStatus registrationStatus) => registrationStatus == RegistrationStatus.TicketIssued;
}
