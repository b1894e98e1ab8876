using ExamPortal.Web.Features.Administration;
using Microsoft.AspNetCore.Mvc;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Batches;

public sealed class EditModel(BatchSetup setup) : BatchFormModel(setup)
{
    [FromRoute] public int Id { get; set; }

    public override int? BatchId => Id;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Setup.InputAsync(Id, ct) is not { } input)
        {
            return NotFound();
        }

        Input = input;
        return await ShowAsync(ct);
    }
}
