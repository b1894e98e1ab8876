namespace ExamPortal.Domain.Payments;

// Stored by name. A returned payment stays returned: fixing it means submitting a new receipt.
public enum PaymentStatus
{
    Submitted,
    Confirmed,
    Returned,
}
