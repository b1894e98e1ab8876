namespace ExamPortal.Web.Data.Entities;

public enum AccountCodePurpose
{
    PasswordReset,
    MobileChange,
    EmailChange,
}

/// <summary>
/// A one-time code sent to prove control of a phone or mailbox: stored as a hash, valid for a few minutes and a
/// few tries, consumed once.
/// </summary>
public sealed class AccountCode
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public AccountCodePurpose Purpose { get; set; }

    /// <summary>Where the code went: the account's own contact, or the new one being confirmed.</summary>
    public required string Target { get; set; }

    public required string CodeHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int FailedAttempts { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }
}
