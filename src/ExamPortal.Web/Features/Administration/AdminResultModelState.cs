using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ExamPortal.Web.Features.Administration;

public static class AdminResultModelState
{
    /// <summary>Puts each refusal beside its input (or above the form when it has none), as the page shows ModelState.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, AdminResult result)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.Field ?? string.Empty, error.Message);
        }
    }
}
