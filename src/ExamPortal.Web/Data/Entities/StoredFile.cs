namespace ExamPortal.Web.Data.Entities;

/// <summary>
/// An uploaded or generated file, kept in PostgreSQL (see docs/architecture.md): immutable once
/// written, owned by one account, fetched only through authorised handlers.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }
    public required string OwnerUserId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
