using ExamPortal.Web.Features.Administration;
using Microsoft.AspNetCore.Mvc;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Batches;

public sealed class CreateModel(BatchSetup setup) : BatchFormModel(setup)
{
    public override int? BatchId => null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input = await Setup.NewInputAsync(ct);
        return await ShowAsync(ct);
    }
}
