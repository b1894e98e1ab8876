using ExamPortal.Web.Features.Help;
using ExamPortal.Web.Features.InstitutionApplicants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Pages.Help;

/// <summary>相关附件下载: the blank forms and the applicant template, open to anyone.</summary>
public sealed class DownloadsModel(ImportQueries imports) : PageModel
{
    public IReadOnlyList<HelpAttachment> Attachments => HelpAttachments.All;

    public async Task<IActionResult> OnGetFileAsync(HelpAttachmentKind? kind, CancellationToken ct)
    {
        if (kind is not { } chosen || !Enum.IsDefined(chosen))
        {
            return NotFound();
        }

        var attachment = HelpAttachments.Of(chosen);
        var content = attachment.IsWorkbook ? await imports.TemplateAsync(ct) : HelpAttachments.BlankPdf(chosen);
        return File(content, attachment.ContentType, attachment.FileName);
    }
}
