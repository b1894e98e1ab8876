using ExamPortal.Web.Features.Exports;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Results;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Results;

/// <summary>成绩异议: open objections first; the answer goes to the candidate as a message.</summary>
public sealed class ObjectionsModel(ObjectionWorkflow objections, XlsxExport export, QueueExports exports) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true)] public int? BatchId { get; set; }
    [BindProperty] public Guid? ObjectionId { get; set; }
    [BindProperty] public string? Answer { get; set; }
    public IReadOnlyList<ObjectionItem> Items { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await objections.ListAsync(!All, null, BatchId, ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        export.File(User.ToActor(), "成绩异议", $"{(All ? "全部异议" : "待答复的异议")}；{await exports.BatchFilterAsync(BatchId, ct)}", exports.Objections(!All, BatchId, ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ObjectionId is not { } id)
        {
            return NotFound();
        }

        var result = await objections.AnswerAsync(id, Answer, User.ToActor(), ct);
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = "已答复，考生会收到答复消息";
                return RedirectToPage(new { All, BatchId });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                Items = await objections.ListAsync(!All, null, BatchId, ct);
                return Page();
        }
    }
}
