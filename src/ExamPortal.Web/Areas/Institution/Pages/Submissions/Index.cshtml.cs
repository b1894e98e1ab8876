using ExamPortal.Web.Features.Documents;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Institution.Pages.Submissions;

public enum SubmissionDocument { RosterPdf, RosterXlsx, QualityCommitment }

public sealed class IndexModel(SubmissionQueries queries, InstitutionWorkflow workflow, InstitutionContext institutions) : PageModel
{
    public IReadOnlyList<ReadyBatch> Ready { get; private set; } = [];
    public IReadOnlyList<SubmissionRow> Submissions { get; private set; } = [];
    public string Commitment => InstitutionWorkflow.QualityCommitment;
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostAsync(int batchId, bool commitmentAccepted, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } institutionId)
        {
            return Forbid();
        }

        var result = await workflow.SubmitAsync(User.ToActor(), institutionId, batchId, commitmentAccepted, ct);
        if (result.Outcome == WorkflowOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Message!);
            return Page();
        }

        StatusMessage = "已提交中心复审。请打印花名册和报名质量责任承诺书，加盖公章后将原件报送省职鉴中心。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid id, SubmissionDocument kind, CancellationToken ct)
    {
        var institutionId = await institutions.InstitutionOfAsync(User.UserId(), ct);
        var data = institutionId is { } mine ? await queries.DocumentDataAsync(id, mine, ct) : null;
        if (data is null)
        {
            return NotFound();
        }

        return kind switch
        {
            SubmissionDocument.RosterPdf => File(RosterPdf.Build(data), "application/pdf", $"考核人员花名册-{data.SubmissionNumber}.pdf"),
            SubmissionDocument.RosterXlsx => File(RosterWorkbook.Build(data), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"考核人员花名册-{data.SubmissionNumber}.xlsx"),
            _ => File(QualityCommitmentPdf.Build(data), "application/pdf", $"报名质量责任承诺书-{data.SubmissionNumber}.pdf"),
        };
    }

    private async Task<int?> LoadAsync(CancellationToken ct)
    {
        var institutionId = await institutions.InstitutionOfAsync(User.UserId(), ct);
        if (institutionId is { } id)
        {
            Ready = await queries.ReadyAsync(id, ct);
            Submissions = await queries.ForInstitutionAsync(id, ct);
        }

        return institutionId;
    }
}
