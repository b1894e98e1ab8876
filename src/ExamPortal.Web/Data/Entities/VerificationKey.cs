namespace ExamPortal.Web.Data.Entities;

/// <summary>
/// The secret that signs the tokens printed in QR codes. One row, created on first use, so every portal
/// instance signs and checks with the same key and no secret sits in configuration files.
/// </summary>
public sealed class VerificationKey
{
    public int Id { get; set; }
    public required byte[] Secret { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
