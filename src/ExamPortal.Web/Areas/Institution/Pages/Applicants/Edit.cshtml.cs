using ExamPortal.Domain.Common;
using ExamPortal.Web.Features.Imports;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Display;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Institution.Pages.Applicants;

/// <summary>The institution corrects an applicant's details, checked by the rules of its import sheet.</summary>
public sealed class EditModel(RegistrationWorkflow registrations, ApplicantImport import, InstitutionContext institutions, TimeProvider clock) : PageModel
{
    public static IReadOnlyList<ApplicantColumn> Editable { get; } =
    [
        ApplicantColumns.FullName, ApplicantColumns.Gender, ApplicantColumns.BirthDate, ApplicantColumns.Mobile, ApplicantColumns.Education,
        ApplicantColumns.School, ApplicantColumns.Major, ApplicantColumns.Employer, ApplicantColumns.Occupation, ApplicantColumns.Condition,
    ];

    [BindProperty] public string[] Cells { get; set; } = new string[ApplicantColumns.All.Count];
    [BindProperty] public uint Version { get; set; }
    public RegistrationContext Context { get; private set; } = default!;
    public IReadOnlyList<string> Conditions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Version = Context.Registration.Version;
        if (Context.Registration.Details is { } d)
        {
            var condition = Context.Project.Eligibility.Evaluate(d.ToQualification(), ChinaTime.DateOf(clock.GetUtcNow())).MatchedPath?.Label;
            Cells[ApplicantColumns.FullName.Index] = d.FullName;
            Cells[ApplicantColumns.Gender.Index] = d.Gender.ToChinese();
            Cells[ApplicantColumns.BirthDate.Index] = d.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Cells[ApplicantColumns.Mobile.Index] = d.Mobile;
            Cells[ApplicantColumns.Education.Index] = d.Education.ToChinese();
            Cells[ApplicantColumns.School.Index] = d.School;
            Cells[ApplicantColumns.Major.Index] = d.Major;
            Cells[ApplicantColumns.Employer.Index] = d.Employer;
            Cells[ApplicantColumns.Occupation.Index] = d.Occupation ?? string.Empty;
            Cells[ApplicantColumns.Condition.Index] = condition ?? string.Empty;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || await institutions.InstitutionOfAsync(User.UserId(), ct) is not { } institutionId)
        {
            return NotFound();
        }

        var cells = ApplicantColumns.All.Select(c => (object?)(c.Index < Cells.Length ? Cells[c.Index] : null)).ToArray();
        var result = await import.UpdateOneAsync(User.ToActor(), institutionId, id, Version, cells, ct);
        switch (result.Outcome)
        {
            case WorkflowOutcome.NotFound:
                return NotFound();
            case WorkflowOutcome.Ok:
                TempData["StatusMessage"] = "已保存修改。请重新初审后提交。";
                return RedirectToPage("Details", new { id });
            case WorkflowOutcome.Conflict:
                // What was typed stays in the form; only the version moves on, so saving again is a deliberate choice.
                ModelState.AddModelError(string.Empty, result.Message!);
                if (!await LoadAsync(id, ct))
                {
                    return NotFound();
                }

                Version = Context.Registration.Version;
                return Page();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var context = await registrations.LoadAsync(id, User.ToActor(), ct);
        if (context is null)
        {
            return false;
        }

        Context = context;
        Conditions = context.Project.Eligibility.Paths.Select(p => p.Label).ToList();
        return true;
    }
}
