namespace ExamPortal.Domain.Registrations;

// A stored file placed in one slot of a registration; the file itself lives in the web's file store.
public sealed class RegistrationDocument
{
    // For EF Core.
    private RegistrationDocument()
    {
    }

    public Guid Id { get; private set; }

    public DocumentSlot Slot { get; private set; }

    public Guid FileId { get; private set; }

    public DateTimeOffset AttachedAt { get; private set; }

    internal static RegistrationDocument Attach(DocumentSlot slot, Guid fileId, DateTimeOffset at) =>
        new() { Id = Guid.CreateVersion7(at), Slot = slot, FileId = fileId, AttachedAt = at.ToUniversalTime() };
}
