using System.Security.Cryptography;
using System.Text;
using ExamPortal.Domain.People;
using ExamPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Audit;

/// <summary>
/// The keyed hash (HMAC-SHA256) of a person's ID number: registrations and audit entries carry it so that the audit
/// search finds a person by an indexed equality, without a plain-text scan of ID numbers and without the hash being
/// reversible by trying every possible number (the key is a secret). The key is its own row in verification_keys,
/// created once by whichever instance needs it first, so every instance computes the same keys.
/// </summary>
public sealed class PersonKeys(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    // Row 1 is the QR-token key (VerificationTokens); a separate key, so that neither use can be turned against the other.
    private const int KeyId = 2;
    private const int KeyBytes = 32;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    /// <summary>The key of an ID number as stored or as typed: it is normalised the way the domain stores numbers first.</summary>
    public async Task<byte[]> ForAsync(string idNumber, CancellationToken ct) => Compute(await KeyAsync(ct), idNumber);

    public void Dispose() => _gate.Dispose();

    internal static byte[] Compute(byte[] key, string idNumber) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(IdentityNumber.Normalize(idNumber)));

    internal async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        if (_key is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_key is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var secret = RandomNumberGenerator.GetBytes(KeyBytes);
                var createdAt = clock.GetUtcNow().ToUniversalTime();
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO verification_keys (id, secret, created_at) VALUES ({KeyId}, {secret}, {createdAt}) ON CONFLICT (id) DO NOTHING", ct);
                _key = await db.VerificationKeys.Where(k => k.Id == KeyId).Select(k => k.Secret).SingleAsync(ct);
            }

            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }
}
