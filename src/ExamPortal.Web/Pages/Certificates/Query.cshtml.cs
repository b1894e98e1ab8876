using ExamPortal.Web.Features.Certificates;
using ExamPortal.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ExamPortal.Web.Pages.Certificates;

/// <summary>
/// 专项职业能力证书查询 for anyone: by certificate number, or by name + ID number. A hit leads to the verification
/// page; a miss says only that no certificate matched. Lookups are limited per client address.
/// </summary>
[EnableRateLimiting(PortalRateLimits.PublicLookup)]
public sealed class QueryModel(CertificateQueries certificates, CertificateDocuments documents) : PageModel
{
    public const string NothingMatched = "未查询到匹配的证书。请核对证书编号，或姓名和证件号码是否与报考时一致；证书在成绩公示期结束、省职鉴中心核发后才能查询。";

    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    public string? Outcome { get; private set; }
    public IReadOnlyList<(string Number, string ProjectName, DateOnly IssueDate, string Token)> Found { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        IReadOnlyList<CertificateRow> rows;
        if (!string.IsNullOrWhiteSpace(Number))
        {
            rows = await certificates.ByNumberAsync(Number, ct) is { } one ? [one] : [];
        }
        else if (!string.IsNullOrWhiteSpace(FullName) && !string.IsNullOrWhiteSpace(IdNumber))
        {
            rows = await certificates.ByIdentityAsync(IdNumber, FullName, ct);
        }
        else
        {
            ModelState.AddModelError(string.Empty, "请填写证书编号，或同时填写姓名和证件号码");
            return Page();
        }

        if (rows.Count == 0)
        {
            Outcome = NothingMatched;
            return Page();
        }

        if (rows.Count == 1)
        {
            return RedirectToPage("Verify", new { token = await documents.VerificationTokenAsync(rows[0].Number, ct) });
        }

        var found = new List<(string, string, DateOnly, string)>();
        foreach (var row in rows)
        {
            found.Add((row.Number, row.ProjectName, row.IssueDate, await documents.VerificationTokenAsync(row.Number, ct)));
        }

        Found = found;
        return Page();
    }
}
