using ExamPortal.Web.Infrastructure.Logging;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Accounts;
using ExamPortal.Web.Infrastructure;
using ExamPortal.Web.Infrastructure.Http;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ExamPortal.Web.Pages.Account;

[EnableRateLimiting(PortalRateLimits.SignUp)]
public sealed class SignUpModel(CandidateSignUp signUp, IValidator<SignUpInput> validator, SignInManager<PortalUser> signIn, ILogger<SignUpModel> logger) : PageModel
{
    [BindProperty] public SignUpInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await validator.IsValidInto(Input, ModelState, nameof(Input), ct))
        {
            return Page();
        }

        var result = await signUp.CreateAsync(Input, ct);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
            }

            return Page();
        }

        logger.CandidateSignedUp(result.User!.Id);
        await signIn.SignInAsync(result.User, isPersistent: false);
        StatusMessage = "注册成功，欢迎使用。";
        return LocalRedirect("/Candidate");
    }
}
