using ExamPortal.Web.Features.Onboarding;
using ExamPortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Pages.Institutions;

public sealed class ApplyModel(InstitutionOnboarding onboarding, IValidator<ApplicationInput> validator) : PageModel
{
    [BindProperty] public ApplicationInput Input { get; set; } = new();
    public bool ShowCheckMismatchConfirmation { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await validator.IsValidInto(Input, ModelState, nameof(Input), ct))
        {
            return Page();
        }

        var result = await onboarding.ApplyAsync(Input, ct);
        if (result.Succeeded)
        {
            return RedirectToPage("Status", new { id = result.ApplicationId });
        }

        foreach (var (field, message) in result.Problems)
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }

        ShowCheckMismatchConfirmation = result.Problems.ContainsKey(nameof(ApplicationInput.CreditCode)) || Input.ConfirmCheckMismatch;
        return Page();
    }
}
