using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Tickets;
using ExamPortal.Tests.Features.Imports;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Data.Seed;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Payments;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Support;

/// <summary>
/// Reaches registration states through the portal's own workflow (real transitions, real database),
/// for tests whose subject is what happens next.
/// </summary>
public sealed class Scenario(PortalFactory portal)
{
    public const string Password = "Kaosheng#2026";
    private static int _sequence;

    public static readonly DateTimeOffset Batch2RegistrationOpen = new(2026, 3, 10, 10, 0, 0, ChinaTime.Offset);

    /// <summary>Inside batch 2's review window (3/16–3/27).</summary>
    public static readonly DateTimeOffset Batch2Review = new(2026, 3, 18, 10, 0, 0, ChinaTime.Offset);

    /// <summary>Inside batch 2's payment window (4/1–4/3).</summary>
    public static readonly DateTimeOffset Batch2PaymentOpen = new(2026, 4, 2, 10, 0, 0, ChinaTime.Offset);

    /// <summary>Noon on the first day of batch 2's payment window (2026-04-01 to 04-03).</summary>
    public static readonly DateTimeOffset Batch2PaymentFirstDay = new(2026, 4, 1, 12, 0, 0, ChinaTime.Offset);

    /// <summary>After batch 2's payment window (closed 4/3), before its printing window: when the centre issues its tickets.</summary>
    public static readonly DateTimeOffset Batch2TicketIssue = new(2026, 4, 10, 10, 0, 0, ChinaTime.Offset);

    /// <summary>Inside batch 2's ticket printing window (2026-04-20 to 04-24; exam on 4/25).</summary>
    public static readonly DateTimeOffset Batch2TicketPrinting = new(2026, 4, 21, 10, 0, 0, ChinaTime.Offset);

    public static readonly Actor Reviewer = new("reviewer", Role.CentreReviewer);
    public static readonly Actor Finance = new("finance", Role.CentreFinance);

    /// <summary>A bank receipt photo inside the 10 KB–5 MB the receipt rules allow.</summary>
    public static byte[] Receipt { get; } = TestFiles.JpegBetween(20_000, 200_000, seed: 77);

    /// <summary>A bank serial number no other test uses, so duplicate-serial warnings appear only where a test makes them.</summary>
    public static string Serial() => $"SN{Guid.NewGuid():N}"[..22].ToUpperInvariant();

    /// <summary>A new candidate with a valid, unique resident ID number and mobile number.</summary>
    public async Task<(string UserId, string Mobile, string IdNumber)> CandidateAsync(DateOnly? birthDate = null)
    {
        var n = Interlocked.Increment(ref _sequence);
        var birth = birthDate ?? new DateOnly(1990, 1, 1).AddDays(n);
        var idNumber = IdNumbers.Resident("510105", birth, 100 + (n % 800));
        var mobile = $"137{Environment.ProcessId % 10000:0000}{n % 10000:0000}";
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var parsed = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, idNumber).Number!;
        var user = new PortalUser
        {
            UserName = mobile,
            PhoneNumber = mobile,
            FullName = $"考生{n}",
            IdDocumentType = IdDocumentType.ResidentIdCard,
            IdNumber = parsed.Value,
            Gender = parsed.Gender,
            BirthDate = parsed.BirthDate,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, nameof(Role.Candidate));
        return (user.Id, mobile, parsed.Value);
    }

    public async Task<int> PlanIdAsync(int batchNumber, string projectCode)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.ExamPlans.Where(p => p.Batch.Year == 2026 && p.Batch.Number == batchNumber && p.Project.Code == projectCode).Select(p => p.Id).SingleAsync();
    }

    /// <summary>A draft with details, all six files and the commitment: ready to submit.</summary>
    public async Task<Guid> ReadyDraftAsync(string userId, int batchNumber = 2, string projectCode = "01", EducationLevel education = EducationLevel.Bachelor)
    {
        var actor = new Actor(userId, Role.Candidate);
        var planId = await PlanIdAsync(batchNumber, projectCode);
        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var workflow = services.GetRequiredService<RegistrationWorkflow>();
        var started = await workflow.StartAsync(actor, planId, CancellationToken.None);
        Assert.True(started.Succeeded, started.Message);
        var id = started.RelatedId!.Value;

        var user = await services.GetRequiredService<PortalDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        var rule = Announcement2026.Projects.Single(p => p.Code == projectCode).Eligibility;
        var details = new PersonalDetails
        {
            FullName = user.FullName,
            Gender = user.Gender!.Value,
            BirthDate = user.BirthDate!.Value,
            Mobile = user.PhoneNumber!,
            Address = "成都市青羊区测试路1号",
            Education = education,
            School = "四川测试大学",
            Major = "计算机科学与技术",
            Employer = "测试公司",
            Occupation = "工程技术人员",
            Declarations = [.. rule.RequiredDeclarations],
            DeclaresRelatedSkill = true,
            EducationProofCase = EducationProofCase.GraduationCertificate,
        };
        Assert.True((await workflow.SaveDetailsAsync(id, actor, details, CancellationToken.None)).Succeeded);

        var files = services.GetRequiredService<FileStore>();
        foreach (var slot in DocumentSlots.Required)
        {
            var content = slot == DocumentSlot.Photo ? TestFiles.Jpeg(295, 413, 80, (int)slot) : TestFiles.Jpeg(200, 260, 80, (int)slot);
            var fileId = await files.SaveAsync(userId, $"{slot}.jpg", "image/jpeg", content, CancellationToken.None);
            Assert.True((await workflow.AttachAsync(id, actor, slot, fileId, CancellationToken.None)).Succeeded);
        }

        Assert.True((await workflow.AcceptCommitmentAsync(id, actor, "本人承诺所提交的信息和材料真实有效。", CancellationToken.None)).Succeeded);
        return id;
    }

    public async Task<Guid> SubmittedAsync(string userId, int batchNumber = 2, string projectCode = "01")
    {
        var id = await ReadyDraftAsync(userId, batchNumber, projectCode);
        var result = await WorkflowAsync(w => w.SubmitAsync(id, VersionOf(id), new Actor(userId, Role.Candidate), CancellationToken.None));
        Assert.True(result.Succeeded, result.Message);
        return id;
    }

    /// <summary>Submitted, then approved by a centre reviewer (review may start before its window does).</summary>
    public async Task<Guid> ApprovedInBatchAsync(string userId, int batchNumber = 2, string projectCode = "01")
    {
        var id = await SubmittedAsync(userId, batchNumber, projectCode);
        var result = await WorkflowAsync(w => w.ApproveAsync(id, VersionOf(id), Reviewer, null, CancellationToken.None));
        Assert.True(result.Succeeded, result.Message);
        return id;
    }

    /// <summary>
    /// A batch 2 registration submitted while registration is open and approved by the demo reviewer in the
    /// review window. Moves the clock: it is left at <see cref="Batch2Review"/>.
    /// </summary>
    public async Task<Guid> ApprovedAsync(string userId, string projectCode = "01")
    {
        portal.Clock.SetNow(Batch2RegistrationOpen);
        var id = await SubmittedAsync(userId, 2, projectCode);
        await ApproveAsync(id);
        return id;
    }

    /// <summary>Approves a submitted registration as the demo reviewer, at <see cref="Batch2Review"/> (the clock is left there).</summary>
    public async Task ApproveAsync(Guid id)
    {
        portal.Clock.SetNow(Batch2Review);
        var reviewer = await UserIdAsync(SignedIn.LoginOf(Role.CentreReviewer));
        var approved = await WorkflowAsync(w => w.ApproveAsync(id, VersionOf(id), new Actor(reviewer, Role.CentreReviewer), null, CancellationToken.None));
        Assert.True(approved.Succeeded, approved.Message);
    }

    /// <summary>
    /// Applicants of batch 2 registered by an institution (as its single-applicant form does), with all six files,
    /// first-reviewed and submitted under its commitment while registration is open, then approved by the demo
    /// reviewer in the review window. The institution must have nothing else first-reviewed and unsubmitted in batch 2.
    /// Moves the clock: it is left at <see cref="Batch2Review"/>. Returns the registrations in the order of the names.
    /// </summary>
    public async Task<List<Guid>> InstitutionApprovedAsync(string staffUserId, int institutionId, IReadOnlyList<string> names, string projectCode = "17")
    {
        var ids = await InstitutionSubmittedAsync(staffUserId, institutionId, names, projectCode);
        foreach (var id in ids)
        {
            await ApproveAsync(id);
        }

        return ids;
    }

    /// <summary>Institution applicants of batch 2 entered, first-reviewed and submitted to the centre (待审核), on 3/10.</summary>
    public async Task<List<Guid>> InstitutionSubmittedAsync(string staffUserId, int institutionId, IReadOnlyList<string> names, string projectCode = "17")
    {
        ArgumentNullException.ThrowIfNull(names);
        portal.Clock.SetNow(Batch2RegistrationOpen);
        var staff = new Actor(staffUserId, Role.InstitutionStaff);
        var batchId = await BatchIdAsync(2);
        var ids = new List<Guid>();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var import = services.GetRequiredService<ApplicantImport>();
            var institutions = services.GetRequiredService<InstitutionWorkflow>();
            var workflow = services.GetRequiredService<RegistrationWorkflow>();
            var files = services.GetRequiredService<FileStore>();
            foreach (var name in names)
            {
                var n = Interlocked.Increment(ref _sequence);
                var applicant = new Applicant
                {
                    Name = name,
                    IdNumber = IdNumbers.Resident("510107", new DateOnly(1988, 1, 1).AddDays(n), 100 + (n % 800)),
                    Mobile = $"139{Environment.ProcessId % 10000:0000}{n % 10000:0000}",
                }.For(projectCode);
                var (id, problems) = await import.AddOneAsync(staff, institutionId, batchId, applicant.Cells(), CancellationToken.None);
                Assert.True(id is not null, string.Join("; ", problems.Select(p => $"{p.Column}：{p.Message}")));
                foreach (var slot in DocumentSlots.Required)
                {
                    var content = slot == DocumentSlot.Photo ? TestFiles.Jpeg(295, 413, 80, (int)slot) : TestFiles.Jpeg(200, 260, 80, (int)slot);
                    var fileId = await files.SaveAsync(staffUserId, $"{slot}.jpg", "image/jpeg", content, CancellationToken.None);
                    var attached = await workflow.AttachAsync(id.Value, staff, slot, fileId, CancellationToken.None);
                    Assert.True(attached.Succeeded, attached.Message);
                }

                var reviewed = await institutions.PassFirstReviewAsync(staff, institutionId, id.Value, CancellationToken.None);
                Assert.True(reviewed.Succeeded, reviewed.Message);
                ids.Add(id.Value);
            }

            var submitted = await institutions.SubmitAsync(staff, institutionId, batchId, commitmentAccepted: true, CancellationToken.None);
            Assert.True(submitted.Succeeded, submitted.Message);
        }

        return ids;
    }

    /// <summary>
    /// The centre's payee account, without which no payment form is shown. Saved through the admin's own
    /// operation only when none exists, so an account seeded or saved elsewhere is kept as it is.
    /// </summary>
    public async Task<PayeeAccount> PayeeAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (await db.PayeeAccounts.AsNoTracking().SingleOrDefaultAsync() is { } existing)
        {
            return existing;
        }

        var admin = await UserIdAsync(SignedIn.LoginOf(Role.CentreAdmin));
        var saved = await scope.ServiceProvider.GetRequiredService<BatchAdministration>()
            .SavePayeeAsync("四川省职业技能鉴定指导中心", "5105 0142 6108 0000 0001", "中国建设银行成都新华支行", new Actor(admin, Role.CentreAdmin), CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Message);
        return await db.PayeeAccounts.AsNoTracking().SingleAsync();
    }

    /// <summary>A receipt (stored as the candidate's file) submitted for an approved registration, through the payment workflow.</summary>
    public async Task<Guid> PaymentSubmittedAsync(string userId, Guid registrationId, string serial, decimal amount = 100m)
    {
        await PayeeAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var fileId = await services.GetRequiredService<FileStore>().SaveAsync(userId, "银行回单.jpg", "image/jpeg", Receipt, CancellationToken.None);
        var registration = await RegistrationAsync(registrationId);
        var today = portal.Clock.Today;
        var result = await services.GetRequiredService<PaymentWorkflow>().SubmitIndividualAsync(registrationId, registration.Version, new Actor(userId, Role.Candidate),
            new PaymentClaim(registration.Details!.FullName, amount, today, serial, PaidByOther: false), remarkConfirmed: false, fileId, CancellationToken.None);
        Assert.True(result.Succeeded, result.Message);
        return result.RelatedId!.Value;
    }

    public async Task<WorkflowResult> PaymentsAsync(Func<PaymentWorkflow, Task<WorkflowResult>> step)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<PaymentWorkflow>());
    }

    /// <summary>Approved, paid during batch 2's payment window and confirmed by finance: locked. Leaves the clock in the payment window.</summary>
    public async Task<Guid> PaymentConfirmedAsync(string userId, string projectCode = "01")
    {
        portal.Clock.SetNow(Batch2RegistrationOpen);
        var id = await ApprovedInBatchAsync(userId, 2, projectCode);
        portal.Clock.SetNow(Batch2PaymentFirstDay);
        var paymentId = await PaymentSubmittedAsync(userId, id, Serial());
        var confirmed = await PaymentsAsync(w => w.ConfirmAsync(paymentId, PaymentVersionOf(paymentId), Finance, CancellationToken.None));
        Assert.True(confirmed.Succeeded, confirmed.Message);
        Assert.Equal(RegistrationStatus.PaymentConfirmed, (await RegistrationAsync(id)).Status);
        return id;
    }

    public async Task<Payment> PaymentAsync(Guid paymentId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId);
    }

    public uint PaymentVersionOf(Guid paymentId)
    {
        using var scope = portal.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PortalDbContext>().Payments.AsNoTracking().Single(p => p.Id == paymentId).Version;
    }

    public async Task<int> BatchIdAsync(int number)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Batches.Where(b => b.Year == 2026 && b.Number == number).Select(b => b.Id).SingleAsync();
    }

    public async Task<WorkflowResult> WorkflowAsync(Func<RegistrationWorkflow, Task<WorkflowResult>> step)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<RegistrationWorkflow>());
    }

    public uint VersionOf(Guid id) => Load(id, r => r.Version);

    public async Task<Registration> RegistrationAsync(Guid id)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Registrations
            .AsNoTracking().Include(r => r.History).Include(r => r.Documents).SingleAsync(r => r.Id == id);
    }

    public async Task<List<Message>> MessagesAsync(string userId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Messages.AsNoTracking()
            .Where(m => m.UserId == userId).OrderBy(m => m.CreatedAt).ToListAsync();
    }

    /// <summary>An institution with one signed-in staff account, created directly: onboarding has its own tests.</summary>
    public async Task<(HttpClient Client, string UserId, int InstitutionId)> InstitutionAsync(string creditCode, string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var institution = new Institution { Name = $"测试机构{creditCode[^4..]}", CreditCode = creditCode, ContactPerson = "经办", ContactPhone = "028-80000000", Address = "成都市测试路" };
        db.Institutions.Add(institution);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, FullName = "机构经办", InstitutionId = institution.Id };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, nameof(Role.InstitutionStaff));
        return (await portal.AsAsync(email, Password), user.Id, institution.Id);
    }

    /// <summary>
    /// Removes earlier registrations of these people, so a test importing a shared fixture file does not
    /// depend on which other test imported it first.
    /// </summary>
    public async Task ForgetRegistrationsAsync(IEnumerable<string> idNumbers)
    {
        var numbers = idNumbers.ToList();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Registrations.Where(r => numbers.Contains(r.IdNumber)).ExecuteDeleteAsync();
    }

    /// <summary>A new candidate (as <see cref="CandidateAsync"/>) whose account, and so whose registrations, carry this name.</summary>
    public async Task<(string UserId, string Mobile, string IdNumber)> CandidateNamedAsync(string fullName)
    {
        var candidate = await CandidateAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(candidate.UserId))!;
        user.FullName = fullName;
        var updated = await users.UpdateAsync(user);
        Assert.True(updated.Succeeded, string.Join("; ", updated.Errors.Select(e => e.Description)));
        return candidate;
    }

    /// <summary>
    /// One receipt (机构缴费) for these approved applicants of the staff member's institution, submitted on the first day of
    /// batch 2's payment window, for the fees of their plans. The clock is left there.
    /// </summary>
    public async Task<Guid> InstitutionPaymentSubmittedAsync(string staffUserId, IReadOnlyCollection<Guid> registrationIds)
    {
        ArgumentNullException.ThrowIfNull(registrationIds);
        await PayeeAsync();
        portal.Clock.SetNow(Batch2PaymentFirstDay);
        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var registrations = await db.Registrations.AsNoTracking().Where(r => registrationIds.Contains(r.Id))
            .Select(r => new { r.BatchId, Fee = db.ExamPlans.Where(p => p.Id == r.ExamPlanId).Select(p => p.Project.Fee).Single() }).ToListAsync();
        var receipt = await services.GetRequiredService<FileStore>().SaveAsync(staffUserId, "对公转账回单.jpg", "image/jpeg", Receipt, CancellationToken.None);
        var submitted = await services.GetRequiredService<PaymentWorkflow>().SubmitInstitutionAsync(new Actor(staffUserId, Role.InstitutionStaff),
            registrations.Select(r => r.BatchId).Distinct().Single(), registrationIds,
            new PaymentClaim("测试机构对公账户", registrations.Sum(r => r.Fee), portal.Clock.Today, Serial(), PaidByOther: false), receipt, CancellationToken.None);
        Assert.True(submitted.Succeeded, submitted.Message);
        return submitted.RelatedId!.Value;
    }

    /// <summary>Finance confirms the payment (确认收费) at the clock's time.</summary>
    public async Task ConfirmPaymentAsync(Guid paymentId)
    {
        var confirmed = await PaymentsAsync(w => w.ConfirmAsync(paymentId, PaymentVersionOf(paymentId), Finance, CancellationToken.None));
        Assert.True(confirmed.Succeeded, confirmed.Message);
    }

    /// <summary>An institution's applicants paid for with one receipt in batch 2's payment window and confirmed by finance (the clock is left in that window).</summary>
    public async Task InstitutionPaymentConfirmedAsync(string staffUserId, IReadOnlyCollection<Guid> registrationIds)
    {
        await ConfirmPaymentAsync(await InstitutionPaymentSubmittedAsync(staffUserId, registrationIds));
        foreach (var id in registrationIds)
        {
            Assert.Equal(RegistrationStatus.PaymentConfirmed, (await RegistrationAsync(id)).Status);
        }
    }

    /// <summary>The demo CentreExam account, who issues tickets.</summary>
    public async Task<Actor> ExamStaffAsync() => new(await UserIdAsync(SignedIn.LoginOf(Role.CentreExam)), Role.CentreExam);

    /// <summary>
    /// The demo CentreExam account issues the batch's tickets through TicketIssuing (what 发放准考证 does) at the clock's time:
    /// every 确认收费 registration of the batch still without a ticket gets one, other tests' included.
    /// </summary>
    public async Task<TicketIssueResult> TicketsIssuedAsync(int batchNumber = 2)
    {
        var exam = await ExamStaffAsync();
        var batchId = await BatchIdAsync(batchNumber);
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketIssuing>().IssueAsync(batchId, exam, CancellationToken.None);
    }

    /// <summary>The tickets of these registrations (a registration without one is simply absent).</summary>
    public async Task<List<AdmissionTicket>> TicketsAsync(IEnumerable<Guid> registrationIds)
    {
        var ids = registrationIds.ToList();
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AdmissionTickets.AsNoTracking()
            .Where(t => ids.Contains(t.RegistrationId)).OrderBy(t => t.Number).ToListAsync();
    }

    /// <summary>The ticket of a registration that has exactly one.</summary>
    public async Task<AdmissionTicket> TicketAsync(Guid registrationId) => Assert.Single(await TicketsAsync([registrationId]));

    /// <summary>Every ticket seated in these rooms, whoever's.</summary>
    public async Task<List<AdmissionTicket>> TicketsInRoomsAsync(IEnumerable<int> roomIds)
    {
        var ids = roomIds.Distinct().ToList();
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AdmissionTickets.AsNoTracking()
            .Where(t => ids.Contains(t.ExamRoomId)).ToListAsync();
    }

    public async Task<ExamRoom> ExamRoomAsync(int roomId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ExamRooms.AsNoTracking().SingleAsync(r => r.Id == roomId);
    }

    private async Task<string> UserIdAsync(string login)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(login))!.Id;
    }

    private T Load<T>(Guid id, Func<Registration, T> pick)
    {
        using var scope = portal.Services.CreateScope();
        return pick(scope.ServiceProvider.GetRequiredService<PortalDbContext>().Registrations.AsNoTracking().Single(r => r.Id == id));
    }
}

public static class IdNumbers
{
    /// <summary>A GB 11643 number for the given region, birth date and sequence, with its check character.</summary>
    public static string Resident(string region, DateOnly birth, int sequence)
    {
        var body = $"{region}{birth:yyyyMMdd}{sequence:000}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
