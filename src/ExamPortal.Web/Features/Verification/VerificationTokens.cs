using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ExamPortal.Web.Features.Verification;

/// <summary>
/// Signed tokens for the QR codes printed on tickets (and later certificates): the public number followed by a
/// truncated HMAC-SHA256 over purpose and number. Anyone can read the number; nobody can forge a token for a
/// number without the key, so the verification page cannot be walked by guessing. Short, so the QR stays coarse
/// enough for a phone to read off a black-and-white printout.
/// </summary>
public sealed class VerificationTokens(SharedSecrets secrets)
{
    private const int TagBytes = 16;
    private const char Separator = '-';

    // The tag is base64url, whose alphabet includes the separator: it is found by the tag's fixed length, not by searching.
    private static readonly int TagChars = Base64Url.GetEncodedLength(TagBytes);

    public async Task<string> SignAsync(string purpose, string value, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var key = await KeyAsync(ct);
        return $"{value}{Separator}{Base64Url.EncodeToString(Tag(key, purpose, value))}";
    }

    /// <summary>The value the token carries, or null when it was not signed by this portal for this purpose.</summary>
    public async Task<string?> VerifyAsync(string purpose, string? token, CancellationToken ct)
    {
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

    private static byte[] Tag(byte[] key, string purpose, string value) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{purpose}:{value}"))[..TagBytes];

    private Task<byte[]> KeyAsync(CancellationToken ct) => secrets.GetAsync(SharedSecrets.VerificationTokenKey, ct);
}
