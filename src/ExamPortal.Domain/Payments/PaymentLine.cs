using ExamPortal.Domain.Registrations;

namespace ExamPortal.Domain.Payments;

// One registration a receipt pays for, with its project's fee and name (the fee differs by project).
public sealed record PaymentLine(Registration Registration, decimal Fee, string ProjectName);
