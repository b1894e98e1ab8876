namespace ExamPortal.Web.Data.Entities;

/// <summary>
/// The centre's bank account that candidates and institutions transfer the fee to (对公转账). One row,
/// set by a CentreAdmin; until it is set the payment pages say so and accept no receipt.
/// </summary>
public sealed class PayeeAccount
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public required string PayeeName { get; set; }
    public required string AccountNumber { get; set; }
    public required string BankName { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedByUserId { get; set; }
}
