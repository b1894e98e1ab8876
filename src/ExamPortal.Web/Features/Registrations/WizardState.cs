using ExamPortal.Domain.Registrations;

namespace ExamPortal.Web.Features.Registrations;

public enum WizardStep { Details, Photo, Scans, Commitment, Summary }

/// <summary>Which steps of the registration wizard hold what they need; derived, never stored.</summary>
public sealed record WizardState(Guid RegistrationId, WizardStep Current, bool DetailsDone, bool PhotoDone, bool ScansDone, bool CommitmentDone)
{
    public static WizardState Of(Registration registration, WizardStep current)
    {
        var slots = registration.Documents.Select(d => d.Slot).ToHashSet();
        return new WizardState(
            registration.Id,
            current,
            registration.Details is not null,
            slots.Contains(DocumentSlot.Photo),
            DocumentSlots.Scans.All(slots.Contains) && registration.Details?.EducationProofCase is not null,
            registration.CommitmentAcceptedAt is not null);
    }

    public bool IsDone(WizardStep step) => step switch
    {
        WizardStep.Details => DetailsDone,
        WizardStep.Photo => PhotoDone,
        WizardStep.Scans => ScansDone,
        WizardStep.Commitment => CommitmentDone,
        _ => false,
    };

    public static string Title(WizardStep step) => step switch
    {
        WizardStep.Details => "报名信息",
        WizardStep.Photo => "本人照片",
        WizardStep.Scans => "材料扫描件",
        WizardStep.Commitment => "诚信承诺",
        WizardStep.Summary => "确认提交",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
