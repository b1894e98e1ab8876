using System.Security.Cryptography;
using System.Text;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Accounts;

public enum CodeCheck
{
    Accepted,
    Wrong,
    ExpiredOrUsedUp,
}

/// <summary>
/// Six-digit one-time codes: valid 10 minutes and 5 tries, consumed once, only the latest of a purpose counts.
/// Stored as a hash bound to the code's id. Issuing is throttled so nobody floods a phone.
/// </summary>
public sealed class AccountCodes(PortalDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public const int MaxAttempts = 5;
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    /// <summary>A new code (returned in clear for the message), or null when one was sent less than a minute ago.</summary>
    public async Task<string?> IssueAsync(string userId, AccountCodePurpose purpose, string target, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var recent = now - MinimumInterval;
        if (await db.AccountCodes.AnyAsync(c => c.UserId == userId && c.Purpose == purpose && c.CreatedAt > recent, ct))
        {
            return null;
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var id = Guid.CreateVersion7(now);
        db.AccountCodes.Add(new AccountCode
        {
            Id = id,
            UserId = userId,
            Purpose = purpose,
            Target = target,
            CodeHash = Hash(id, code),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
        return code;
    }

    /// <summary>Checks the latest code of the purpose; a wrong try counts, the fifth wrong one ends the code.</summary>
    public async Task<(CodeCheck Result, AccountCode? Code)> CheckAsync(string userId, AccountCodePurpose purpose, string? code, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var latest = await db.AccountCodes.Where(c => c.UserId == userId && c.Purpose == purpose).OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (latest is null || latest.ConsumedAt is not null || latest.ExpiresAt <= now || latest.FailedAttempts >= MaxAttempts)
        {
            return (CodeCheck.ExpiredOrUsedUp, null);
        }

        var typed = (code ?? string.Empty).Trim();
        if (typed.Length != 6 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(latest.Id, typed)), Encoding.ASCII.GetBytes(latest.CodeHash)))
        {
            latest.FailedAttempts++;
            await db.SaveChangesAsync(ct);
            return (latest.FailedAttempts >= MaxAttempts ? CodeCheck.ExpiredOrUsedUp : CodeCheck.Wrong, null);
        }

        latest.ConsumedAt = now.ToUniversalTime();
        return (CodeCheck.Accepted, latest);
    }

    private static string Hash(Guid id, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{id:N}:{code}")));
}
