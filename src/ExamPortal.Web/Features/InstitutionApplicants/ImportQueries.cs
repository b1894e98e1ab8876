using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Imports;
using ExamPortal.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.InstitutionApplicants;

public sealed record ImportSummary(Guid Id, string BatchTitle, string FileName, DateTimeOffset UploadedAt, int Imported, int AlreadyImported, int Failed, bool SheetRefused);

public sealed class ImportQueries(PortalDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Choice>> BatchesOpenForRegistrationAsync(CancellationToken ct)
    {
        var today = Domain.Common.ChinaTime.DateOf(clock.GetUtcNow());
        return (await db.Batches.AsNoTracking().Where(b => b.RegistrationStart <= today && b.RegistrationEnd >= today)
                .OrderBy(b => b.ExamDate).ToListAsync(ct))
            .Select(b => new Choice(b.Id, $"{b.Title}（报名截止{b.RegistrationEnd:M月d日}，考核{b.ExamDate:M月d日}）")).ToList();
    }

    public async Task<IReadOnlyList<ImportSummary>> RecentAsync(int institutionId, CancellationToken ct) =>
        (await db.InstitutionImports.AsNoTracking()
            .Where(i => i.InstitutionId == institutionId)
            .OrderByDescending(i => i.UploadedAt).Take(20)
            .Join(db.Batches, i => i.BatchId, b => b.Id, (i, b) => new { Import = i, b.Year, b.Number })
            .Select(x => new { x.Import.Id, x.Year, x.Number, x.Import.FileName, x.Import.UploadedAt, x.Import.ImportedCount, x.Import.AlreadyImportedCount, x.Import.FailedCount, x.Import.SheetProblems })
            .ToListAsync(ct))
            .Select(x => new ImportSummary(x.Id, Batch.TitleOf(x.Year, x.Number), x.FileName, x.UploadedAt, x.ImportedCount, x.AlreadyImportedCount, x.FailedCount, x.SheetProblems.Count > 0))
            .ToList();

    public Task<InstitutionImport?> OneAsync(Guid id, int institutionId, CancellationToken ct) =>
        db.InstitutionImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.InstitutionId == institutionId, ct);

    public async Task<byte[]> TemplateAsync(CancellationToken ct) => ApplicantTemplate.Build(await ListsAsync(ct));

    /// <summary>The choices of the template's drop-down lists, which the single-applicant form offers too.</summary>
    public async Task<TemplateLists> ListsAsync(CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.SortOrder).ToListAsync(ct);
        var conditions = projects.SelectMany(p => p.Eligibility.Paths.Select(path => path.Label)).Distinct().ToList();
        return new TemplateLists(projects.Select(p => p.Name).ToList(), conditions);
    }
}
