using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure;
using ExamPortal.Web.Infrastructure.Auth;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Projects;

/// <summary>修改考核项目 (CentreAdmin): name, fee, active or not, and the parameters of its eligibility rule.</summary>
public sealed class EditModel(ProjectAdministration projects, IValidator<ProjectInput> validator) : PageModel
{
    [BindProperty] public ProjectInput Input { get; set; } = new();
    public Project Project { get; private set; } = default!;
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = ProjectInput.From(Project);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!await validator.IsValidInto(Input, ModelState, nameof(Input), ct))
        {
            return Page();
        }

        var result = await projects.UpdateAsync(id, Input, User.ToActor(), ct);
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = $"已保存考核项目“{Input.Name?.Trim()}”";
                return RedirectToPage("Index");
            case WorkflowOutcome.NotFound:
                return NotFound();
            case WorkflowOutcome.Conflict:
                // What was typed stays; the stamp moves on to the project as it now is, so saving again is a deliberate choice.
                ModelState.AddModelError(string.Empty, result.Message!);
                Input.Stamp = ProjectAdministration.Stamp(Project);
                ModelState.Remove($"{nameof(Input)}.{nameof(ProjectInput.Stamp)}");
                return Page();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await projects.OneAsync(id, ct) is not { } project)
        {
            return false;
        }

        Project = project;
        return true;
    }
}
