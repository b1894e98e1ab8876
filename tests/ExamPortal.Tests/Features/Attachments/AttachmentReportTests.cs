using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Features.Attachments;
using ExamPortal.Web.Features.Uploads;
using Microsoft.Extensions.Logging.Abstractions;
using static ExamPortal.Tests.Features.Attachments.ZipSamples;

namespace ExamPortal.Tests.Features.Attachments;

public sealed class AttachmentReportTests
{
    private const string PersonC = "510104200002029876";

    private static readonly ProcessedFile Stored = new([1, 2, 3], "image/jpeg", ".jpg", 295, 413);

    private readonly AttachmentProcessor processor = new(
        new PhotoProcessor(NullLogger<PhotoProcessor>.Instance), new ScanProcessor(NullLogger<ScanProcessor>.Instance));

    [Fact]
    public void AGoodZipForTwoPeopleAttachesAllSixSlotsEachAndSaysWhatWasAdjusted()
    {
        var zipBytes = Zip(
            ("510104199001011234_照片.jpg", LargePhoto),
            ("510104199001011234_个人申报表.jpg", Scan199KB),
            ("510104199001011234_个人诚信承诺书.jpg", Scan301KB),
            ("510104199001011234_学历证明.jpg", InWindowJpeg),
            ("510104199001011234_身份证正面.pdf", InWindowPdf),
            ("510104199001011234_身份证反面.png", InWindowPng),
            ("第二位/51010419851231002x_考生本人照片.JPG", SmallPhoto),
            ("第二位/51010419851231002x_个人申报表.PDF", InWindowPdf),
            ("第二位/51010419851231002x_个人诚信承诺书.jpeg", InWindowJpeg),
            ("第二位/51010419851231002x_学历或学籍证明.png", InWindowPng),
            ("第二位/51010419851231002x_身份证正面.jpg", InWindowJpeg),
            ("第二位/51010419851231002x_身份证反面.jpg", InWindowJpeg));
        using var stream = new MemoryStream(zipBytes, writable: false);

        var zip = AttachmentZipReader.Read(stream);
        var processed = zip.Files.Select(processor.Process).ToList();
        var report = AttachmentReport.ForPeople(processed, zip.Unrecognised, [PersonA, PersonB]);

        Assert.Empty(zip.ZipProblems);
        Assert.Empty(zip.Unrecognised);
        Assert.Equal(12, zip.Files.Count);
        Assert.All(processed, p => Assert.NotNull(p.File));
        Assert.Equal([PersonA, PersonB], report.Select(r => r.IdNumber));
        Assert.All(report, r =>
        {
            Assert.True(r.IsKnownApplicant);
            Assert.Equal(DocumentSlots.Required, r.Attached.Select(a => a.Slot));
            Assert.Empty(r.Missing);
            Assert.Empty(r.Problems);
        });

        var first = report[0].Attached.ToDictionary(a => a.Slot, a => a.Adjustment);
        Assert.StartsWith("照片已裁剪压缩为295×413像素（", first[DocumentSlot.Photo], StringComparison.Ordinal);
        Assert.StartsWith("已重新压缩为", first[DocumentSlot.ApplicationForm], StringComparison.Ordinal);
        Assert.StartsWith("已重新压缩为", first[DocumentSlot.IntegrityCommitment], StringComparison.Ordinal);
        Assert.Null(first[DocumentSlot.EducationProof]);
        Assert.Null(first[DocumentSlot.IdCardFront]);
        Assert.Null(first[DocumentSlot.IdCardBack]);
        Assert.All(report[1].Attached, a => Assert.Null(a.Adjustment));

        var photo = processed.Single(p => p.Entry.IdNumber == PersonA && p.Entry.Slot == DocumentSlot.Photo).File!;
        Assert.Equal((295, 413), (photo.Width, photo.Height));
        Assert.True(photo.Length < 50 * 1024);
        Assert.All(
            processed.Where(p => p.Entry.Slot != DocumentSlot.Photo),
            p => Assert.InRange(p.File!.Length, UploadRules.ScanMinBytes, UploadRules.ScanMaxBytes));
    }

    [Fact]
    public void TheSlotsNotAttachedAreListedAsMissingInTheRequiredOrder()
    {
        var report = AttachmentReport.ForPeople(
            [Accepted(PersonA, DocumentSlot.IdCardFront), Accepted(PersonA, DocumentSlot.Photo)], [], [PersonA]);

        var person = Assert.Single(report);
        Assert.Equal([DocumentSlot.Photo, DocumentSlot.IdCardFront], person.Attached.Select(a => a.Slot));
        Assert.Equal(
            [DocumentSlot.ApplicationForm, DocumentSlot.IntegrityCommitment, DocumentSlot.EducationProof, DocumentSlot.IdCardBack],
            person.Missing);
    }

    [Fact]
    public void AnApplicantWithNoFileInTheZipIsMissingAllSix()
    {
        var report = AttachmentReport.ForPeople([Accepted(PersonA, DocumentSlot.Photo)], [], [PersonA, PersonC]);

        Assert.Equal([PersonA, PersonC], report.Select(r => r.IdNumber));
        Assert.Equal(DocumentSlots.Required, report[1].Missing);
    }

    [Fact]
    public void SlotsFilledBeforeThisZipAreNotMissing()
    {
        var held = new Dictionary<string, IReadOnlyCollection<DocumentSlot>>
        {
            [PersonA] = [DocumentSlot.Photo, DocumentSlot.ApplicationForm, DocumentSlot.IntegrityCommitment, DocumentSlot.EducationProof],
        };

        var report = AttachmentReport.ForPeople([Accepted(PersonA, DocumentSlot.IdCardFront)], [], [PersonA], held);

        Assert.Equal([DocumentSlot.IdCardBack], Assert.Single(report).Missing);
    }

    [Fact]
    public void ARefusedFileIsAProblemForItsPersonAndItsSlotStaysMissing()
    {
        var refused = new ProcessedAttachment(
            Entry(PersonA, DocumentSlot.ApplicationForm, "510104199001011234_个人申报表.pdf"), null, null, "PDF扫描件须在200KB至300KB之间（含），您上传的文件为150.0KB；请重新扫描或调整分辨率后再上传");

        var person = Assert.Single(AttachmentReport.ForPeople([refused], [], [PersonA]));

        Assert.Empty(person.Attached);
        Assert.Contains(DocumentSlot.ApplicationForm, person.Missing);
        Assert.Equal(
            ["个人申报表（510104199001011234_个人申报表.pdf）未采用：PDF扫描件须在200KB至300KB之间（含），您上传的文件为150.0KB；请重新扫描或调整分辨率后再上传"],
            person.Problems);
    }

    [Fact]
    public void AnIdNumberNotAmongTheApplicantsIsReportedAndNothingIsAttached()
    {
        var report = AttachmentReport.ForPeople(
            [Accepted(PersonA, DocumentSlot.Photo), Accepted(PersonC, DocumentSlot.Photo), Accepted(PersonC, DocumentSlot.IdCardBack)],
            [],
            [PersonA]);

        Assert.Equal([PersonA, PersonC], report.Select(r => r.IdNumber));
        var unknown = report[1];
        Assert.False(unknown.IsKnownApplicant);
        Assert.Empty(unknown.Attached);
        Assert.Empty(unknown.Missing);
        Assert.Equal(
            [$"该证件号码不在本批次本机构的考生名单中，文件未采用（{PersonC}_考生本人照片.jpg、{PersonC}_身份证反面.jpg）；请核对文件名中的证件号码，或先导入该考生后再上传"],
            unknown.Problems);
    }

    [Fact]
    public void AnIdWrittenWithALowercaseXMatchesTheApplicant()
    {
        using var stream = new MemoryStream(Zip(("51010419851231002x_照片.jpg", SmallPhoto)), writable: false);
        var zip = AttachmentZipReader.Read(stream);

        var report = AttachmentReport.ForPeople(zip.Files.Select(processor.Process), zip.Unrecognised, ["51010419851231002X"]);

        var person = Assert.Single(report);
        Assert.True(person.IsKnownApplicant);
        Assert.Equal(PersonB, person.IdNumber);
        Assert.Equal([DocumentSlot.Photo], person.Attached.Select(a => a.Slot));
    }

    [Fact]
    public void AnUnusableFileStartingWithAnApplicantsIdIsShownForThatApplicant()
    {
        UnrecognisedEntry[] unrecognised =
        [
            new("510104199001011234_身份证.jpg", "材料名“身份证”无法识别"),
            new("张三_照片.jpg", "“_”前应为考生的证件号码"),
        ];

        var report = AttachmentReport.ForPeople([], unrecognised, [PersonA]);

        var person = Assert.Single(report);
        Assert.Equal(["510104199001011234_身份证.jpg：材料名“身份证”无法识别"], person.Problems);
        Assert.Equal(DocumentSlots.Required, person.Missing);
    }

    [Fact]
    public void TheResultCarriesNoFullIdNumberIntoLogs()
    {
        var person = Assert.Single(AttachmentReport.ForPeople([], [], [PersonA]));

        Assert.DoesNotContain(PersonA, person.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(PersonA, Entry(PersonA, DocumentSlot.Photo, $"{PersonA}_照片.jpg").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(PersonA, new UnrecognisedEntry($"{PersonA}_身份证.jpg", $"{PersonA}_身份证.jpg：材料名无法识别").ToString(), StringComparison.Ordinal);
    }

    private static ProcessedAttachment Accepted(string idNumber, DocumentSlot slot) =>
        new(Entry(idNumber, slot, $"{idNumber}_{DocumentSlots.DisplayName(slot)}.jpg"), Stored, null, null);

    private static ZipFileEntry Entry(string idNumber, DocumentSlot slot, string name) => new(name, idNumber, slot, [1, 2, 3]);
}
