using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Clock;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Candidate.Pages.Registrations;

public sealed class DetailsModel(RegistrationWorkflow workflow, IValidator<DetailsInput> validator, PortalDbContext db, PortalClock clock) : PageModel
{
    [BindProperty] public DetailsInput Input { get; set; } = new();
    [BindProperty] public uint Version { get; set; }
    public RegistrationContext Context { get; private set; } = default!;
    public WizardState Wizard { get; private set; } = default!;
    public bool IdentityDerived { get; private set; }
    public EligibilityResult? Eligibility { get; private set; }
    public bool CanEdit { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Version = Context.Registration.Version;
        if (Context.Registration.Details is { } details)
        {
            Input = DetailsInput.From(details);
        }
        else
        {
            var user = await db.Users.FindAsync([User.UserId()], ct);
            Input = new DetailsInput { FullName = user!.FullName, Gender = user.Gender, BirthDate = user.BirthDate, Mobile = user.PhoneNumber ?? string.Empty };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (IdentityDerived)
        {
            // Gender and birth date come from the ID number; the form cannot change them.
            var number = IdentityNumber.Parse(Context.Registration.IdDocumentType, Context.Registration.IdNumber).Number!;
            Input.Gender = number.Gender;
            Input.BirthDate = number.BirthDate;
        }

        if (!await validator.IsValidInto(Input, ModelState, nameof(Input), ct))
        {
            return Page();
        }

        MobileNumber.TryNormalize(Input.Mobile, out var mobile, out _);
        var result = await workflow.SaveDetailsAsync(id, Version, User.ToActor(), Input.ToDetails(Context.Registration.Details, mobile), ct);
        if (result.Outcome == WorkflowOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Message!);
            if (result.Outcome == WorkflowOutcome.Conflict)
            {
                // The form keeps what was typed; only the version moves on, so saving again is a deliberate choice over the newer details.
                if (!await LoadAsync(id, ct))
                {
                    return NotFound();
                }

                Version = Context.Registration.Version;
                ModelState.Remove(nameof(Version));
            }

            return Page();
        }

        StatusMessage = "报名信息已保存。";
        return RedirectToPage("Photo", new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var context = await workflow.LoadAsync(id, User.ToActor(), ct);
        if (context is null)
        {
            return false;
        }

        Context = context;
        Wizard = WizardState.Of(context.Registration, WizardStep.Details);
        var number = IdentityNumber.Parse(context.Registration.IdDocumentType, context.Registration.IdNumber).Number;
        IdentityDerived = number?.Gender is not null && number.BirthDate is not null;
        CanEdit = context.Registration.CanEdit(clock.GetUtcNow(), context.Batch.Schedule);
        if (context.Registration.Details is { } details)
        {
            Eligibility = context.Project.Eligibility.Evaluate(details.ToQualification(), clock.Today);
        }

        return true;
    }

    public bool HasPath(EligibilityPathKind kind) => Context.Project.Eligibility.Paths.Any(p => p.Kind == kind);
}
