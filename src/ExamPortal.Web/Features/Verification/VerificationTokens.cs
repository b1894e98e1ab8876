using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ExamPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Verification;

/// <summary>
/// Signed tokens for the QR codes printed on tickets (and later certificates): the public number followed by a
/// truncated HMAC-SHA256 over purpose and number. Anyone can read the number; nobody can forge a token for a
/// number without the key, so the verification page cannot be walked by guessing. Short, so the QR stays coarse
/// enough for a phone to read off a black-and-white printout.
/// </summary>
public sealed class VerificationTokens(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private const int KeyId = 1;
    private const int KeyBytes = 32;
    private const int TagBytes = 16;
    private const char Separator = '-';
    private const int TagChars = (TagBytes * 4 + 2) / 3;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public async Task<string> SignAsync(string purpose, string value, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var key = await KeyAsync(ct);
        return $"{value}{Separator}{Base64Url.EncodeToString(Tag(key, purpose, value))}";
    }

    /// <summary>The value the token carries, or null when it was not signed by this portal for this purpose.</summary>
    public async Task<string?> VerifyAsync(string purpose, string? token, CancellationToken ct)
    {
        // The tag is base64url, whose alphabet includes the separator: find it by the tag's fixed length, not by search.
        var cut = (token?.Length ?? 0) - TagChars - 1;
        if (token is null || cut <= 0 || token[cut] != Separator || token.Length > 200)
        {
            return null;
        }

        var value = token[..cut];
        byte[] tag;
        try
        {
            tag = Base64Url.DecodeFromChars(token.AsSpan(cut + 1));
        }
        catch (FormatException)
        {
            return null;
        }

        var key = await KeyAsync(ct);
        return tag.Length == TagBytes && CryptographicOperations.FixedTimeEquals(tag, Tag(key, purpose, value)) ? value : null;
    }

    public void Dispose() => _gate.Dispose();

    private static byte[] Tag(byte[] key, string purpose, string value) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{purpose}:{value}"))[..TagBytes];

    // The first instance to need a key creates it; the others read the same row.
    private async Task<byte[]> KeyAsync(CancellationToken ct)
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
