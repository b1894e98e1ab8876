using ExamPortal.Domain.Common;
using ExamPortal.Domain.Institutions;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Onboarding;

public sealed record OnboardingResult(Guid? ApplicationId, IReadOnlyDictionary<string, string> Problems)
{
    public bool Succeeded => ApplicationId is not null;
}

/// <summary>
/// An organisation applies to become a registration institution; the centre's administrator decides.
/// The applicant's staff account is created with the application but cannot sign in until approval.
/// </summary>
public sealed class InstitutionOnboarding(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    public async Task<OnboardingResult> ApplyAsync(ApplicationInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var problems = new Dictionary<string, string>();
        InstitutionApplication? application = null;
        try
        {
            application = InstitutionApplication.Submit(Guid.CreateVersion7(), input.Name, input.CreditCode, input.ConfirmCheckMismatch,
                input.Type!.Value, input.Address, input.ContactPerson, input.ContactPhone, input.ContactEmail, now);
        }
        catch (InstitutionApplicationInvalidException ex)
        {
            foreach (var (field, message) in ex.Problems)
            {
                problems[field] = message;
            }
        }

        var user = new PortalUser
        {
            UserName = application?.ContactEmail ?? input.ContactEmail.Trim(),
            Email = application?.ContactEmail ?? input.ContactEmail.Trim(),
            FullName = application?.ContactPerson ?? input.ContactPerson.Trim(),
            PhoneNumber = application?.ContactPhone ?? input.ContactPhone.Trim(),
            CreatedAt = now,
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue,
        };
        if (await PasswordCheck.ProblemsAsync(users, user, input.Password) is { Count: > 0 } weak)
        {
            problems[nameof(ApplicationInput.Password)] = string.Join("；", weak);
        }

        if (application is not null)
        {
            if (await db.Institutions.AnyAsync(i => i.CreditCode == application.CreditCode, ct)
                || await db.InstitutionApplications.AnyAsync(a => a.CreditCode == application.CreditCode && a.Status == InstitutionApplicationStatus.Pending, ct))
            {
                problems[nameof(ApplicationInput.CreditCode)] = "该统一社会信用代码已是报名机构，或已有申请正在审核，请勿重复申请";
            }

            if (await users.FindByNameAsync(user.UserName) is not null)
            {
                problems[nameof(ApplicationInput.ContactEmail)] = "该邮箱已注册账户，请换一个邮箱作为经办人登录账号";
            }
        }

        if (problems.Count > 0 || application is null)
        {
            return new OnboardingResult(null, problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return new OnboardingResult(null, new Dictionary<string, string> { [nameof(ApplicationInput.Password)] = string.Join("；", created.Errors.Select(e => e.Description)) });
        }

        db.Add(application);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new OnboardingResult(application.Id, problems);
    }

    public async Task<WorkflowResult> ApproveAsync(Guid id, uint version, Actor admin, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var application = await LoadAsync(id, version, ct);
        if (application is null)
        {
            return WorkflowResult.NotFound;
        }

        if (application.Version != version)
        {
            return WorkflowResult.Conflict;
        }

        try
        {
            application.Approve(admin, clock.GetUtcNow());
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }

        var institution = new Institution
        {
            Name = application.Name,
            CreditCode = application.CreditCode,
            Type = application.Type,
            Address = application.Address,
            ContactPerson = application.ContactPerson,
            ContactPhone = application.ContactPhone,
        };
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(ct);
        application.LinkInstitution(institution.Id);

        var user = await users.FindByNameAsync(application.ContactEmail);
        if (user is not null)
        {
            user.InstitutionId = institution.Id;
            user.LockoutEnd = null;
            await users.UpdateAsync(user);
            await users.AddToRoleAsync(user, nameof(Role.InstitutionStaff));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return WorkflowResult.Ok;
    }

    public async Task<WorkflowResult> RejectAsync(Guid id, uint version, Actor admin, string reason, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var application = await LoadAsync(id, version, ct);
        if (application is null)
        {
            return WorkflowResult.NotFound;
        }

        if (application.Version != version)
        {
            return WorkflowResult.Conflict;
        }

        try
        {
            application.Reject(admin, clock.GetUtcNow(), reason);
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }

        // The account waiting for this application never signed in; removing it lets the organisation apply again.
        if (await users.FindByNameAsync(application.ContactEmail) is { InstitutionId: null } pending && !await users.IsInRoleAsync(pending, nameof(Role.InstitutionStaff)))
        {
            await users.DeleteAsync(pending);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return WorkflowResult.Ok;
    }

    private async Task<InstitutionApplication?> LoadAsync(Guid id, uint version, CancellationToken ct)
    {
        var application = await db.InstitutionApplications.Include(a => a.History).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is not null)
        {
            db.Entry(application).Property(a => a.Version).OriginalValue = version;
        }

        return application;
    }
}
