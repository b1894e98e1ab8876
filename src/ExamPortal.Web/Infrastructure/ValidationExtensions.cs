using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ExamPortal.Web.Infrastructure;

public static class ValidationExtensions
{
    /// <summary>Validates explicitly (no auto-validation) and copies failures under the bound prefix.</summary>
    public static async Task<bool> IsValidInto<T>(this IValidator<T> validator, T input, ModelStateDictionary modelState, string prefix, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        foreach (var failure in result.Errors)
        {
            modelState.AddModelError($"{prefix}.{failure.PropertyName}", failure.ErrorMessage);
        }

        return result.IsValid && modelState.IsValid;
    }
}
