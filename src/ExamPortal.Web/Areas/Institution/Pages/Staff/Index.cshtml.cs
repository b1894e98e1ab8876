using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Onboarding;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure;
using ExamPortal.Web.Infrastructure.Auth;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Institution.Pages.Staff;

public sealed class IndexModel(StaffManagement staff, InstitutionContext institutions, IValidator<StaffInput> validator) : PageModel
{
    [BindProperty] public StaffInput Input { get; set; } = new();
    public IReadOnlyList<Colleague> Colleagues { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } institutionId)
        {
            return Forbid();
        }

        if (!await validator.IsValidInto(Input, ModelState, nameof(Input), ct))
        {
            return Page();
        }

        var problems = await staff.AddAsync(User.ToActor(), institutionId, Input, ct);
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }

        if (problems.Count > 0)
        {
            return Page();
        }

        StatusMessage = $"已添加经办人 {Input.FullName}。";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostDisableAsync(string userId, CancellationToken ct) => SetDisabledAsync(userId, true, ct);

    public Task<IActionResult> OnPostEnableAsync(string userId, CancellationToken ct) => SetDisabledAsync(userId, false, ct);

    private async Task<IActionResult> SetDisabledAsync(string userId, bool disabled, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } institutionId)
        {
            return Forbid();
        }

        var result = await staff.SetDisabledAsync(User.ToActor(), institutionId, userId, disabled, ct);
        if (result.Outcome == WorkflowOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Message!);
            return Page();
        }

        StatusMessage = disabled ? "已停用该账户，其登录已失效。" : "已重新启用该账户。";
        return RedirectToPage();
    }

    private async Task<int?> LoadAsync(CancellationToken ct)
    {
        var institutionId = await institutions.InstitutionOfAsync(User.UserId(), ct);
        if (institutionId is { } id)
        {
            Colleagues = await staff.ColleaguesAsync(id, ct);
        }

        return institutionId;
    }
}
