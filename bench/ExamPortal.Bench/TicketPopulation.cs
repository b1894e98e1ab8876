using System.Diagnostics;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace ExamPortal.Bench;

/// <summary>What the ticket benchmark prints from, and what building it took.</summary>
internal sealed record Population(
    int BatchId, string BatchTitle, int InstitutionId, Guid SubmissionId, int Tickets, int Projects, int Rooms,
    long PhotoBytes, int SmallestPhoto, int LargestPhoto, double RegisterSeconds, double IssueSeconds);

/// <summary>
/// 500 applicants of one institution in 2026年第1批, sent in one submission, each with a photo of their own,
/// spread over every project they qualify for; paid with one receipt, confirmed by finance, and given
/// tickets by the portal's own TicketIssuing. Built through the real transitions at instants inside
/// batch 1's windows, like DemoRegistrationSeeder, and saved in two SaveChanges.
/// </summary>
internal static class TicketPopulation
{
    public const int People = 500;

    private const string Surnames = "张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗";
    private const string GivenNames = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华";

    private static readonly DateTimeOffset Registered = new(2026, 2, 10, 10, 0, 0, ChinaTime.Offset);
    private static readonly DateTimeOffset Reviewed = new(2026, 2, 26, 10, 0, 0, ChinaTime.Offset);
    private static readonly DateTimeOffset Paid = new(2026, 3, 10, 10, 0, 0, ChinaTime.Offset);
    private static readonly DateTimeOffset Confirmed = new(2026, 3, 12, 10, 0, 0, ChinaTime.Offset);

    /// <summary>After batch 1's payment window, inside its ticket printing window, before its exam day.</summary>
    public static readonly DateTimeOffset Issued = new(2026, 3, 24, 10, 0, 0, ChinaTime.Offset);

    private static readonly Actor Reviewer = new(RegistrationEvent.SystemUserId, Role.CentreReviewer);
    private static readonly Actor Finance = new(RegistrationEvent.SystemUserId, Role.CentreFinance);
    private static readonly Actor ExamStaff = new(RegistrationEvent.SystemUserId, Role.CentreExam);

    public static async Task<Population> BuildAsync(IServiceProvider provider, CancellationToken ct)
    {
        var clock = provider.GetRequiredService<PortalClock>();
        clock.SetNow(Registered);
        var watch = Stopwatch.StartNew();
        int batchId;
        string batchTitle;
        int institutionId;
        Guid submissionId;
        int projects;
        var photoSizes = new List<int>(People);
        await using (var scope = provider.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<PortalDbContext>();
            var files = services.GetRequiredService<FileStore>();
            var plans = await db.ExamPlans.Include(p => p.Batch).Include(p => p.Project)
                .Where(p => p.Batch.Year == 2026 && p.Batch.Number == 1)
                .OrderBy(p => p.Project.SortOrder)
                .ToListAsync(ct);
            if (await db.Registrations.AnyAsync(r => r.BatchId == plans[0].BatchId, ct))
            {
                throw new InvalidOperationException("Batch 1 already has registrations: the ticket benchmark needs the fresh database bench/run.sh makes.");
            }

            var schedule = plans[0].Batch.Schedule;
            batchId = plans[0].BatchId;
            batchTitle = plans[0].Batch.Title;

            var institution = new Institution
            {
                Name = "四川基准职业技术学院",
                CreditCode = "12510000BENCH0001X",
                ContactPerson = "王老师",
                ContactPhone = "028-87654321",
                Address = "四川省成都市郫都区团结街道学院路1号",
            };
            db.Institutions.Add(institution);
            await db.SaveChangesAsync(ct);
            institutionId = institution.Id;
            var staff = new PortalUser { UserName = "tickets@bench.local", FullName = "李经办", InstitutionId = institution.Id };
            var created = await services.GetRequiredService<UserManager<PortalUser>>().CreateAsync(staff);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            var staffActor = new Actor(staff.Id, Role.InstitutionStaff);
            var submission = new InstitutionSubmission
            {
                Id = Guid.CreateVersion7(Registered),
                Number = $"2026-01-{institution.Id:0000}-001",
                InstitutionId = institution.Id,
                BatchId = batchId,
                SubmittedAt = Registered.ToUniversalTime(),
                SubmittedByUserId = staff.Id,
                SubmittedByName = staff.FullName,
                CommitmentWording = InstitutionWorkflow.QualityCommitment,
                ApplicantCount = People,
                OriginalsReceivedOn = new DateOnly(2026, 2, 24),
            };
            db.InstitutionSubmissions.Add(submission);
            submissionId = submission.Id;

            // Every project a bachelor who declares the related skill qualifies for, taken in turn.
            var eligible = plans.Where(p => p.CancelledAt is null
                    && p.Project.Eligibility.Evaluate(Details(0, p).ToQualification(), ChinaTime.DateOf(Registered)).IsEligible)
                .ToList();
            projects = eligible.Count;
            var scan = files.Add(staff.Id, "Scan.jpg", "image/jpeg", Grey(1240, 1754));
            var registrations = new List<(Registration Registration, ExamPlan Plan)>(People);
            for (var i = 0; i < People; i++)
            {
                var plan = eligible[i % eligible.Count];
                var photoBytes = Photos.Portrait(i);
                photoSizes.Add(photoBytes.Length);
                var photo = files.Add(staff.Id, $"Photo-{i:000}.jpg", "image/jpeg", photoBytes);
                var registration = Registration.StartDraft(Guid.CreateVersion7(Registered), null, RegistrationChannel.Institution, institution.Id,
                    plan.Id, batchId, IdDocumentType.ResidentIdCard, IdNumber(i), staffActor, Registered, schedule);
                registration.SaveDetails(Details(i, plan), staffActor, Registered, schedule);
                foreach (var slot in DocumentSlots.Required)
                {
                    registration.AttachDocument(slot, slot == DocumentSlot.Photo ? photo : scan, staffActor, Registered, schedule);
                }

                registration.PassFirstReview(staffActor, Registered, schedule);
                registration.SubmitThroughInstitution(staffActor, Registered, schedule, plan.Project.Eligibility, submission.Id, InstitutionWorkflow.QualityCommitment);
                registration.Approve(Reviewer, Reviewed, schedule, "基准测试");
                db.Registrations.Add(registration);
                registrations.Add((registration, plan));
            }

            await db.SaveChangesAsync(ct);

            // The institution pays for all 500 with one receipt inside the payment window; finance confirms it.
            var receipt = files.Add(staff.Id, "BankReceipt.jpg", "image/jpeg", Grey(1240, 1754));
            var lines = registrations.ConvertAll(r => new PaymentLine(r.Registration, r.Plan.Project.Fee, r.Plan.Project.Name));
            var claim = new PaymentClaim(institution.Name, Payment.Expected(lines), ChinaTime.DateOf(Paid), "BENCH-2026031000001", PaidByOther: false);
            var payment = Payment.Submit(Guid.CreateVersion7(Paid), lines, claim, receipt, remarkConfirmed: false, staffActor, Paid, schedule);
            payment.Confirm(registrations.ConvertAll(r => r.Registration), Finance, Confirmed, schedule);
            db.Payments.Add(payment);
            await db.SaveChangesAsync(ct);
        }

        var registerSeconds = watch.Elapsed.TotalSeconds;
        clock.SetNow(Issued);
        watch.Restart();
        await using (var scope = provider.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<TicketIssuing>().IssueAsync(batchId, ExamStaff, ct);
            if (result.Issued != People)
            {
                throw new InvalidOperationException($"TicketIssuing issued {result.Issued} tickets, not {People}");
            }
        }

        var issueSeconds = watch.Elapsed.TotalSeconds;
        await using (var scope = provider.CreateAsyncScope())
        {
            var rooms = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ExamRooms.CountAsync(r => r.BatchId == batchId, ct);
            return new Population(batchId, batchTitle, institutionId, submissionId, People, projects, rooms,
                photoSizes.Sum(s => (long)s), photoSizes.Min(), photoSizes.Max(), registerSeconds, issueSeconds);
        }
    }

    // Distinct birth dates from 1985 on, so every ID number is a different valid one.
    private static string IdNumber(int person) =>
        IdentityNumber.ComposeResidentIdCard("510107", new DateOnly(1985, 1, 1).AddDays(person), 100 + (person % 900));

    private static PersonalDetails Details(int person, ExamPlan plan)
    {
        var number = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, IdNumber(person)).Number!;
        return new PersonalDetails
        {
            FullName = string.Concat(Surnames[person % Surnames.Length], GivenNames[(person / Surnames.Length) % GivenNames.Length],
                person % 3 == 0 ? GivenNames[person % GivenNames.Length].ToString() : string.Empty),
            Gender = number.Gender!.Value,
            BirthDate = number.BirthDate!.Value,
            Mobile = $"1371{person:0000000}",
            Education = EducationLevel.Bachelor,
            School = "四川示范大学",
            Major = "计算机科学与技术",
            Employer = "成都示范科技有限公司",
            Occupation = "工程技术人员",
            Declarations = [.. plan.Project.Eligibility.RequiredDeclarations],
            DeclaresRelatedSkill = true,
            EducationProofCase = EducationProofCase.GraduationCertificate,
        };
    }

    // A scanned A4 page: only needs to be a file; it is not printed on any of the measured documents.
    private static byte[] Grey(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(200, 205, 210));
        using var buffer = new MemoryStream();
        image.SaveAsJpeg(buffer, new JpegEncoder { Quality = 80 });
        return buffer.ToArray();
    }
}
