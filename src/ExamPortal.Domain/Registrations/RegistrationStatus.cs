namespace ExamPortal.Domain.Registrations;

// Stored by name, so new states are appended without changing what stored rows mean.
public enum RegistrationStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
    Returned,
    ReturnExpired,

    // 待确认: a bank receipt is with the centre's finance staff.
    PaymentSubmitted,

    // 缴费退回: finance returned the receipt with a reason; fixed and resubmitted within the payment window.
    PaymentReturned,

    // 确认收费: paid; from here the registration's data is locked.
    PaymentConfirmed,

    // 已放弃: no confirmed payment by the end of the payment window (视为放弃报考).
    Abandoned,

    // 计划取消: the centre cancelled the plan (under 10 registrants); the registrant may transfer.
    Cancelled,

    // 已发准考证: paid, and an admission ticket with a number, room and seat has been issued.
    TicketIssued,
}
