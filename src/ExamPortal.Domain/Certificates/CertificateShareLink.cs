using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Certificates;

// A link the holder gives an employer: it shows and downloads the certificate until it expires or is revoked.
public sealed class CertificateShareLink
{
    public const int MinDays = 1;
    public const int MaxDays = 90;
    public const int DefaultDays = 30;

    private CertificateShareLink()
    {
    }

    public Guid Id { get; private set; }

    public Guid CertificateId { get; private set; }

    // Random, 128 bits, URL-safe; the link is the secret.
    public string Token { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive(DateTimeOffset at) => RevokedAt is null && at < ExpiresAt;

    public static CertificateShareLink Create(Guid id, Certificate certificate, string token, int days, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var refusal = by.Role != Role.Candidate || by.UserId != certificate.CandidateUserId ? "只有证书持有人可以创建分享链接"
            : days is < MinDays or > MaxDays ? $"有效期请选择{MinDays}到{MaxDays}天"
            : null;
        if (refusal is not null)
        {
            throw new DomainRuleException(refusal);
        }

        return new CertificateShareLink
        {
            Id = id,
            CertificateId = certificate.Id,
            Token = token,
            CreatedAt = at.ToUniversalTime(),
            ExpiresAt = at.ToUniversalTime().AddDays(days),
        };
    }

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at.ToUniversalTime();
}
