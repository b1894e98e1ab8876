using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ExamPortal.Web.Infrastructure.Display;

/// <summary>
/// The validation summary of a form whose errors are all beside its fields gets an empty placeholder item with an
/// inline style from ASP.NET Core, which the Content-Security-Policy (no inline styles) refuses: the browser would
/// report it and show an empty bullet. This removes the placeholder after the built-in tag helper has written it.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ValidationSummaryWithoutInlineStyle : TagHelper
{
    private const string Placeholder = "<li style=\"display:none\"></li>";

    // After Microsoft's ValidationSummaryTagHelper (order 0), which fills the summary.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var content = output.PostContent.GetContent();
        if (content.Contains(Placeholder, StringComparison.Ordinal))
        {
            output.PostContent.SetHtmlContent(content.Replace(Placeholder, string.Empty, StringComparison.Ordinal));
        }
    }
}
