namespace ExamPortal.Domain.Registrations;

public static class DocumentSlots
{
    // Every slot must hold a file before submission.
    public static IReadOnlyList<DocumentSlot> Required { get; } =
    [
        DocumentSlot.Photo,
        DocumentSlot.ApplicationForm,
        DocumentSlot.IntegrityCommitment,
        DocumentSlot.EducationProof,
        DocumentSlot.IdCardFront,
        DocumentSlot.IdCardBack,
    ];

    // Scans of originals (jpg, jpeg, png or pdf, 200–300 KB); the photo has its own limit (under 50 KB).
    public static IReadOnlyList<DocumentSlot> Scans { get; } =
    [
        DocumentSlot.ApplicationForm,
        DocumentSlot.IntegrityCommitment,
        DocumentSlot.EducationProof,
        DocumentSlot.IdCardFront,
        DocumentSlot.IdCardBack,
    ];

    public static string DisplayName(DocumentSlot slot) => slot switch
    {
        DocumentSlot.Photo => "考生本人照片",
        DocumentSlot.ApplicationForm => "个人申报表",
        DocumentSlot.IntegrityCommitment => "个人诚信承诺书",
        DocumentSlot.EducationProof => "学历或学籍证明",
        DocumentSlot.IdCardFront => "身份证正面",
        DocumentSlot.IdCardBack => "身份证反面",
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "未知的材料类型"),
    };
}
