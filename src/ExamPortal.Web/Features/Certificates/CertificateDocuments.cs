using ExamPortal.Domain.People;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Documents;
using ExamPortal.Web.Features.Verification;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ExamPortal.Web.Features.Certificates;

/// <summary>The electronic certificate PDF, the institution's 登记表 and the ledger export.</summary>
public sealed class CertificateDocuments(PortalDbContext db, VerificationTokens tokens)
{
    public const string CertificatePurpose = "certificate";

    public async Task<string> VerificationTokenAsync(string number, CancellationToken ct) =>
        await tokens.SignAsync(CertificatePurpose, number, ct);

    public async Task<byte[]> CertificateAsync(CertificateRow certificate, Func<string, string> verificationUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(verificationUrl);
        var photo = certificate.PhotoFileId is { } fileId
            ? await db.StoredFiles.AsNoTracking().Where(f => f.Id == fileId).Select(f => f.Content).SingleOrDefaultAsync(ct)
            : null;
        var token = await VerificationTokenAsync(certificate.Number, ct);
        return CertificatePdf.Build(new CertificateSheet(certificate.Number, certificate.FullName, IdDocumentTypes.DisplayName(certificate.IdDocumentType),
            certificate.MaskedIdNumber, certificate.ProjectName, certificate.ExamDate, certificate.IssueDate, photo, verificationUrl(token)));
    }

    public static byte[] Register(string institutionName, string batchTitle, DateOnly examDate, DateOnly collectableFrom, IReadOnlyList<CertificateRow> certificates) =>
        CertificateRegisterPdf.Build(new CertificateRegister(institutionName, batchTitle, examDate, collectableFrom,
            [.. certificates.Select(c => new CertificateRegisterEntry(c.FullName, c.MaskedIdNumber, c.ProjectName, c.Number))]));

    /// <summary>证书台账 as .xlsx. A batch has at most a few thousand certificates: the rows are gathered, then written.</summary>
    public static async Task WriteLedgerAsync(Stream output, IQueryable<CertificateRow> ledger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var rows = ledger.OrderBy(c => c.BatchId).ThenBy(c => c.ProjectName).ThenBy(c => c.Number).AsAsyncEnumerable();
        var buffer = new List<Dictionary<string, object?>>();
        await foreach (var c in rows.WithCancellation(ct))
        {
            buffer.Add(new Dictionary<string, object?>
            {
                ["证书编号"] = c.Number,
                ["姓名"] = c.FullName,
                ["证件号码"] = c.MaskedIdNumber,
                ["专项职业能力名称"] = c.ProjectName,
                ["考核批次"] = c.BatchTitle,
                ["发证日期"] = c.IssueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["报名来源"] = c.InstitutionName ?? "个人报名",
                ["领取状态"] = c.CollectedAt is null ? "未领取" : "已领取",
                ["领取时间"] = c.CollectedAt is { } at ? Domain.Common.ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : string.Empty,
                ["领取人"] = c.CollectedBy ?? string.Empty,
                ["经办人"] = c.HandedOverBy ?? string.Empty,
                ["备注"] = c.CollectionNote ?? string.Empty,
            });
        }

        await output.SaveAsAsync(buffer, sheetName: "证书台账", cancellationToken: ct);
    }
}
