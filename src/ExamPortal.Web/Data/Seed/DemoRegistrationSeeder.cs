using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace ExamPortal.Web.Data.Seed;

/// <summary>
/// Approved registrations in batch 1, so that `Clock__Now=2026-03-10T10:00 ./run.sh` opens on its payment
/// window with something to pay: the demo candidate 张三, a second candidate 李四 who will not pay, and
/// twelve applicants of the demo institution. Built through the real transitions, at instants inside
/// batch 1's registration and review windows. Seeded once; never in Production or tests.
/// Started after batch 1's payment window (e.g. `Clock__Now=2026-03-24T10:00`, its ticket printing window),
/// 张三 and the institution have paid within the window and finance has confirmed, and tickets are issued,
/// as the centre would have done by then; 李四 has not paid and is abandoned by the deadline job.
/// </summary>
public sealed class DemoRegistrationSeeder(PortalDbContext db, FileStore files, TicketIssuing tickets, TimeProvider clock)
{
    public const string SecondCandidateLogin = "13800000002";
    public const int InstitutionApplicants = 12;

    private static readonly DateTimeOffset Registered = new(2026, 2, 10, 10, 0, 0, ChinaTime.Offset);
    private static readonly DateTimeOffset Reviewed = new(2026, 2, 26, 10, 0, 0, ChinaTime.Offset);
    private static readonly DateTimeOffset Paid = new(2026, 3, 10, 10, 0, 0, ChinaTime.Offset);
    private static readonly DateTimeOffset Confirmed = new(2026, 3, 12, 10, 0, 0, ChinaTime.Offset);
    private static readonly Actor Reviewer = new(RegistrationEvent.SystemUserId, Role.CentreReviewer);
    private static readonly Actor Finance = new(RegistrationEvent.SystemUserId, Role.CentreFinance);
    private static readonly Actor ExamStaff = new(RegistrationEvent.SystemUserId, Role.CentreExam);

    public async Task SeedAsync(CancellationToken ct)
    {
        var plan = await db.ExamPlans.Include(p => p.Batch).Include(p => p.Project)
            .SingleAsync(p => p.Batch.Year == 2026 && p.Batch.Number == 1 && p.Project.Code == "01", ct);
        if (!await db.Registrations.AnyAsync(r => r.BatchId == plan.BatchId, ct))
        {
            await RegisterAsync(plan, ct);
        }

        var today = ChinaTime.DateOf(clock.GetUtcNow());
        if (today > plan.Batch.PaymentEnd && today < plan.Batch.ExamDate && !await db.Payments.AnyAsync(p => p.BatchId == plan.BatchId, ct))
        {
            await PayAsync(plan, ct);
            await tickets.IssueAsync(plan.BatchId, ExamStaff, ct);
        }
    }

    private async Task RegisterAsync(ExamPlan plan, CancellationToken ct)
    {
        var photo = await StoreAsync("Photo.jpg", 295, 413, ct);
        var scan = await StoreAsync("Scan.jpg", 1240, 1754, ct);
        var candidates = await db.Users.Where(u => u.UserName == DemoDataSeeder.CandidateLogin || u.UserName == SecondCandidateLogin).ToListAsync(ct);
        foreach (var user in candidates)
        {
            var actor = new Actor(user.Id, Role.Candidate);
            var registration = Start(user.Id, RegistrationChannel.Individual, null, user.IdNumber!, actor, plan);
            Fill(registration, user.FullName, user.PhoneNumber!, actor, plan, photo, scan);
            registration.AcceptCommitment("本人承诺所提交的报名信息和材料真实有效，如有弄虚作假，愿承担相应责任。", actor, Registered, plan.Batch.Schedule);
            registration.Submit(actor, Registered, plan.Batch.Schedule, plan.Project.Eligibility);
            registration.Approve(Reviewer, Reviewed, plan.Batch.Schedule, "演示数据");
            db.Registrations.Add(registration);
        }

        var staff = await db.Users.FirstAsync(u => u.UserName == DemoDataSeeder.StaffAccounts[0].Login, ct);
        var staffActor = new Actor(staff.Id, Role.InstitutionStaff);
        var submission = new InstitutionSubmission
        {
            Id = Guid.CreateVersion7(Registered),
            Number = $"2026-01-{staff.InstitutionId:0000}-001",
            InstitutionId = staff.InstitutionId!.Value,
            BatchId = plan.BatchId,
            SubmittedAt = Registered.ToUniversalTime(),
            SubmittedByUserId = staff.Id,
            SubmittedByName = staff.FullName,
            CommitmentWording = InstitutionWorkflow.QualityCommitment,
            ApplicantCount = InstitutionApplicants,
            OriginalsReceivedOn = new DateOnly(2026, 2, 24),
        };
        db.InstitutionSubmissions.Add(submission);
        string[] surnames = ["王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马"];
        for (var i = 0; i < InstitutionApplicants; i++)
        {
            var idNumber = IdentityNumber.ComposeResidentIdCard("510104", new DateOnly(1998, 1, 1).AddDays(i * 17), 300 + (i * 2));
            var registration = Start(null, RegistrationChannel.Institution, staff.InstitutionId, idNumber, staffActor, plan);
            Fill(registration, $"{surnames[i]}同学", $"1390000{i:0000}", staffActor, plan, photo, scan);
            registration.PassFirstReview(staffActor, Registered, plan.Batch.Schedule);
            registration.SubmitThroughInstitution(staffActor, Registered, plan.Batch.Schedule, plan.Project.Eligibility, submission.Id, InstitutionWorkflow.QualityCommitment);
            registration.Approve(Reviewer, Reviewed, plan.Batch.Schedule, "演示数据");
            db.Registrations.Add(registration);
        }

        await db.SaveChangesAsync(ct);
    }

    // 张三 pays for himself and the institution pays for its twelve, inside the payment window; finance confirms.
    private async Task PayAsync(ExamPlan plan, CancellationToken ct)
    {
        var schedule = plan.Batch.Schedule;
        var approved = await db.Registrations.Where(r => r.BatchId == plan.BatchId && r.Status == RegistrationStatus.Approved).ToListAsync(ct);
        var candidate = await db.Users.SingleAsync(u => u.UserName == DemoDataSeeder.CandidateLogin, ct);
        var staff = await db.Users.FirstAsync(u => u.UserName == DemoDataSeeder.StaffAccounts[0].Login, ct);
        var receipt = await StoreAsync("BankReceipt.jpg", 1240, 1754, ct);
        var own = approved.Where(r => r.CandidateUserId == candidate.Id).ToList();
        var institution = approved.Where(r => r.InstitutionId == staff.InstitutionId).ToList();
        var payments = new List<(Payment Payment, List<Registration> Registrations)>();
        if (own.Count == 1)
        {
            var claim = new PaymentClaim(candidate.FullName, plan.Project.Fee, ChinaTime.DateOf(Paid), "DEMO-2026031000001", PaidByOther: false);
            payments.Add((Payment.Submit(Guid.CreateVersion7(Paid), [new PaymentLine(own[0], plan.Project.Fee, plan.Project.Name)], claim, receipt,
                remarkConfirmed: false, new Actor(candidate.Id, Role.Candidate), Paid, schedule), own));
        }

        if (institution.Count > 0)
        {
            var claim = new PaymentClaim("成都示范职业技术学院", plan.Project.Fee * institution.Count, ChinaTime.DateOf(Paid), "DEMO-2026031000002", PaidByOther: false);
            payments.Add((Payment.Submit(Guid.CreateVersion7(Paid), [.. institution.Select(r => new PaymentLine(r, plan.Project.Fee, plan.Project.Name))], claim, receipt,
                remarkConfirmed: false, new Actor(staff.Id, Role.InstitutionStaff), Paid, schedule), institution));
        }

        foreach (var (payment, registrations) in payments)
        {
            payment.Confirm(registrations, Finance, Confirmed, schedule);
            db.Payments.Add(payment);
        }

        await db.SaveChangesAsync(ct);
    }

    private static Registration Start(string? userId, RegistrationChannel channel, int? institutionId, string idNumber, Actor actor, ExamPlan plan) =>
        Registration.StartDraft(Guid.CreateVersion7(Registered), userId, channel, institutionId, plan.Id, plan.BatchId,
            IdDocumentType.ResidentIdCard, idNumber, actor, Registered, plan.Batch.Schedule);

    private static void Fill(Registration registration, string fullName, string mobile, Actor actor, ExamPlan plan, Guid photo, Guid scan)
    {
        var number = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, registration.IdNumber).Number!;
        registration.SaveDetails(new PersonalDetails
        {
            FullName = fullName,
            Gender = number.Gender!.Value,
            BirthDate = number.BirthDate!.Value,
            Mobile = mobile,
            Address = "成都市武侯区示范路1号",
            Education = EducationLevel.Bachelor,
            School = "四川示范大学",
            Major = "计算机科学与技术",
            Employer = "成都示范科技有限公司",
            Occupation = "工程技术人员",
            Declarations = [.. plan.Project.Eligibility.RequiredDeclarations],
            DeclaresRelatedSkill = true,
            EducationProofCase = EducationProofCase.GraduationCertificate,
        }, actor, Registered, plan.Batch.Schedule);
        foreach (var slot in DocumentSlots.Required)
        {
            registration.AttachDocument(slot, slot == DocumentSlot.Photo ? photo : scan, actor, Registered, plan.Batch.Schedule);
        }
    }

    // A plain grey picture is enough for the demo: the files only need to open.
    private async Task<Guid> StoreAsync(string name, int width, int height, CancellationToken ct)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(200, 205, 210));
        using var buffer = new MemoryStream();
        await image.SaveAsJpegAsync(buffer, new JpegEncoder { Quality = 80 }, ct);
        var owner = await db.Users.Where(u => u.UserName == DemoDataSeeder.CandidateLogin).Select(u => u.Id).SingleAsync(ct);
        return files.Add(owner, name, "image/jpeg", buffer.ToArray());
    }
}
