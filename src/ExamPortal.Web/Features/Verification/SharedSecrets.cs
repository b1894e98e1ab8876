using System.Collections.Concurrent;
using System.Security.Cryptography;
using ExamPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Verification;

/// <summary>
/// The portal's HMAC keys, one row each in verification_keys: created by whichever instance needs a key first
/// (INSERT … ON CONFLICT DO NOTHING), then read back, so every instance signs and hashes with the same key and no
/// secret sits in configuration files. Each key has one use, so neither can be turned against the other.
/// </summary>
public sealed class SharedSecrets(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    /// <summary>Signs the tokens in tickets' and certificates' QR codes (VerificationTokens).</summary>
    public const int VerificationTokenKey = 1;

    /// <summary>Hashes ID numbers for the audit search (PersonKeys).</summary>
    public const int PersonKey = 2;

    private const int KeyBytes = 32;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<int, byte[]> _keys = new();

    public async Task<byte[]> GetAsync(int keyId, CancellationToken ct)
    {
        if (_keys.TryGetValue(keyId, out var cached))
        {
            return cached;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (!_keys.TryGetValue(keyId, out var key))
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var secret = RandomNumberGenerator.GetBytes(KeyBytes);
                var createdAt = clock.GetUtcNow().ToUniversalTime();
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO verification_keys (id, secret, created_at) VALUES ({keyId}, {secret}, {createdAt}) ON CONFLICT (id) DO NOTHING", ct);
                key = await db.VerificationKeys.Where(k => k.Id == keyId).Select(k => k.Secret).SingleAsync(ct);
                _keys[keyId] = key;
            }

            return key;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
