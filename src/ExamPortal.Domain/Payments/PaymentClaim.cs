namespace ExamPortal.Domain.Payments;

// What the payer states about the transfer; the receipt image must show the same (section 五).
// PaidByOther: an individual's fee paid by someone else (代缴), which needs the announcement's remark.
public sealed record PaymentClaim(string PayerName, decimal Amount, DateOnly TransferDate, string BankSerialNumber, bool PaidByOther);
