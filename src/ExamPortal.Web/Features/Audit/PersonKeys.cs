using System.Security.Cryptography;
using System.Text;
using ExamPortal.Domain.People;
using ExamPortal.Web.Features.Verification;

namespace ExamPortal.Web.Features.Audit;

/// <summary>
/// The keyed hash (HMAC-SHA256) of a person's ID number: registrations and audit entries carry it so that the audit
/// search finds a person by an indexed equality, without a plain-text scan of ID numbers and without the hash being
/// reversible by trying every possible number (the key is a secret). The key is SharedSecrets.PersonKey.
/// </summary>
public sealed class PersonKeys(SharedSecrets secrets)
{
    /// <summary>The key of an ID number as stored or as typed: it is normalised the way the domain stores numbers first.</summary>
    public async Task<byte[]> ForAsync(string idNumber, CancellationToken ct) => Compute(await KeyAsync(ct), idNumber);

    internal static byte[] Compute(byte[] key, string idNumber) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(IdentityNumber.Normalize(idNumber)));

    internal Task<byte[]> KeyAsync(CancellationToken ct) => secrets.GetAsync(SharedSecrets.PersonKey, ct);
}
