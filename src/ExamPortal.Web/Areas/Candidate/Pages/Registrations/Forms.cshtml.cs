using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Features.Documents;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Display;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Candidate.Pages.Registrations;

public enum FormKind { ApplicationForm, IntegrityCommitment }

/// <summary>The 个人申报表 and 个人诚信承诺书 filled in from what the candidate typed, to print, sign and scan.</summary>
public sealed class FormsModel(RegistrationWorkflow workflow, FileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, FormKind kind, CancellationToken ct)
    {
        var context = await workflow.LoadAsync(id, User.ToActor(), ct);
        if (context is null)
        {
            return NotFound();
        }

        if (context.Registration.Details is not { } details)
        {
            TempData["StatusMessage"] = "请先填写并保存报名信息，系统才能生成表格。";
            return RedirectToPage("Details", new { id });
        }

        var registration = context.Registration;
        var data = new ApplicationFormData(details.FullName, details.Gender.ToChinese(), details.BirthDate, registration.IdDocumentType.ToChinese(),
            registration.IdNumber, details.Mobile, details.Education.ToChinese(), details.School, details.Major, details.Employer, details.Occupation,
            details.Address, context.Project.Name, context.Project.Eligibility.Wording, context.Batch.Title, context.Batch.ExamDate);
        byte[] pdf;
        string title;
        if (kind == FormKind.ApplicationForm)
        {
            var photo = registration.DocumentIn(DocumentSlot.Photo) is { } document
                ? (await files.ReadAsync(document.FileId, User.ToActor(), ct))?.Content
                : null;
            pdf = ApplicationFormPdf.ApplicationForm(data, photo);
            title = ApplicationFormPdf.ApplicationFormTitle;
        }
        else
        {
            pdf = ApplicationFormPdf.IntegrityCommitment(data);
            title = ApplicationFormPdf.IntegrityCommitmentTitle;
        }

        return File(pdf, "application/pdf", $"{title}.pdf");
    }
}
