using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Features.Imports;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Audit;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Institution;

/// <summary>
/// The sheet import writes its registrations by binary COPY: the rows must be exactly what EF would have saved,
/// conflicts found by the database must read like those found beforehand, and a failed import must leave nothing.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class ImportCopyTests(PortalFactory portal)
{
    private const string AlreadyOurs = "本机构已在本批次登记该考生，未重复导入";
    private const string TakenElsewhere = "证件号码：该考生已在本批次通过其他报名机构或个人报名，同一批次只能报名一次";

    [Fact]
    public async Task A_registration_imported_by_copy_reads_back_identical_to_one_saved_through_EF()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (_, staffId, institutionId) = await new Scenario(portal).InstitutionAsync("91510104MA6CBULK1X", "bulk@one.example");
        var staff = new Actor(staffId, Role.InstitutionStaff);
        // Two people of the same birth date and sex (both read from the ID number), so the details are equal.
        var (viaEf, viaCopy) = (IdNumbers.Resident("510115", new DateOnly(1991, 3, 1), 101), IdNumbers.Resident("510115", new DateOnly(1991, 3, 1), 103));
        var applicant = new Applicant { Name = "李四", Mobile = "13900001111", Major = "心理学类" }.For("19", path: 0);

        // One fixed instant for both, so that every column, the timestamps included, can be compared.
        var clock = new FixedClock(portal.Clock.GetUtcNow());
        var batchId = await BatchIdAsync();
        Guid efId;
        InstitutionImport import;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var importer = new ApplicantImport(services.GetRequiredService<PortalDbContext>(), services.GetRequiredService<FileStore>(), services.GetRequiredService<RegistrationBulkInsert>(), clock);
            var (id, problems) = await importer.AddOneAsync(staff, institutionId, batchId, (applicant with { IdNumber = viaEf }).Cells(), CancellationToken.None);
            Assert.True(id is not null, string.Join("; ", problems.Select(p => p.Message)));
            efId = id.Value;
            var sheet = Workbooks.Build("考生信息", [Applicant.Header, (applicant with { IdNumber = viaCopy }).Cells()]);
            import = await importer.ImportAsync(staff, institutionId, batchId, "考生.xlsx", new MemoryStream(sheet), CancellationToken.None);
        }

        Assert.Equal(1, import.ImportedCount);
        await using var check = portal.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        var keys = check.ServiceProvider.GetRequiredService<PersonKeys>();
        var copied = await db.Registrations.Include(r => r.History).SingleAsync(r => r.IdNumber == viaCopy);
        var saved = await db.Registrations.Include(r => r.History).SingleAsync(r => r.Id == efId);
        foreach (var property in db.Model.FindEntityType(typeof(Registration))!.GetProperties()
            .Where(p => p.Name is not (nameof(Registration.Id) or nameof(Registration.IdNumber) or nameof(Registration.Version) or "IdNumberKey")))
        {
            var comparer = property.GetValueComparer();
            Assert.True(comparer.Equals(db.Entry(copied).Property(property.Name).CurrentValue, db.Entry(saved).Property(property.Name).CurrentValue),
                $"{property.Name} differs between the COPY and the EF registration");
        }

        Assert.Equal(await keys.ForAsync(viaCopy, CancellationToken.None), db.Entry(copied).Property<byte[]>("IdNumberKey").CurrentValue);
        Assert.Equal(await keys.ForAsync(viaEf, CancellationToken.None), db.Entry(saved).Property<byte[]>("IdNumberKey").CurrentValue);
        Assert.NotEqual(0u, copied.Version);
        var copiedEvent = Assert.Single(copied.History);
        var savedEvent = Assert.Single(saved.History);
        Assert.Equal((savedEvent.From, savedEvent.To, savedEvent.ActorUserId, savedEvent.ActorRole, savedEvent.At, savedEvent.Action, savedEvent.Note),
            (copiedEvent.From, copiedEvent.To, copiedEvent.ActorUserId, copiedEvent.ActorRole, copiedEvent.At, copiedEvent.Action, copiedEvent.Note));
        Assert.Equal(copied.Id, copiedEvent.RegistrationId);

        // Column by column as PostgreSQL stores them, the jsonb of the details included.
        var rows = await db.Database.SqlQuery<string>(
            $"SELECT (to_jsonb(r) - 'id' - 'id_number' - 'id_number_key')::text AS \"Value\" FROM registrations r WHERE r.id IN ({copied.Id}, {efId})").ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal(rows[0], rows[1]);
        var events = await db.Database.SqlQuery<string>(
            $"SELECT (to_jsonb(e) - 'id' - 'registration_id')::text AS \"Value\" FROM registration_events e WHERE e.registration_id IN ({copied.Id}, {efId})").ToListAsync();
        Assert.Equal(2, events.Count);
        Assert.Equal(events[0], events[1]);
    }

    [Fact]
    public async Task Importing_the_same_sheet_again_records_nobody_and_no_history_twice()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (_, staffId, institutionId) = await new Scenario(portal).InstitutionAsync("91510104MA6CBULK2X", "bulk@two.example");
        var staff = new Actor(staffId, Role.InstitutionStaff);
        Applicant[] applicants = [.. Enumerable.Range(10, 20).Select(n => new Applicant { IdNumber = Id(n) })];

        var first = await ImportAsync(staff, institutionId, applicants);
        var again = await ImportAsync(staff, institutionId, applicants);

        Assert.Equal((20, 0, 0), (first.ImportedCount, first.AlreadyImportedCount, first.FailedCount));
        Assert.Equal((0, 20, 0), (again.ImportedCount, again.AlreadyImportedCount, again.FailedCount));
        Assert.Empty(first.Rows);
        Assert.Equal(20, again.Rows.Count);
        Assert.All(again.Rows, r => Assert.Equal([AlreadyOurs], r.Problems));
        var (registrations, events) = await CountAsync(institutionId);
        Assert.Equal((20, 20), (registrations, events));
    }

    [Fact]
    public async Task People_registered_after_the_sheet_was_checked_are_reported_per_row_as_if_found_beforehand()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (_, staffId, institutionId) = await new Scenario(portal).InstitutionAsync("91510104MA6CBULK3X", "bulk@three.example");
        var (_, otherId, otherInstitutionId) = await new Scenario(portal).InstitutionAsync("91510104MA6CBULK4X", "bulk@four.example");
        var staff = new Actor(staffId, Role.InstitutionStaff);
        var (ours, theirs, free) = (new Applicant { IdNumber = Id(40) }, new Applicant { IdNumber = Id(41) }, new Applicant { IdNumber = Id(42) });
        var sheet = Workbooks.Build("考生信息", [Applicant.Header, ours.Cells(), theirs.Cells(), free.Cells()]);

        InstitutionImport import;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<ApplicantImport>();
            var prepared = await importer.PrepareAsync(staff, institutionId, await BatchIdAsync(), "考生.xlsx", new MemoryStream(sheet), CancellationToken.None);
            Assert.All(prepared.Rows, r => Assert.Equal(ImportRowOutcome.Imported, r.Outcome));

            // Between the check and the write: the same institution enters one person by hand, another institution a second.
            await AddOneAsync(staff, institutionId, ours);
            await AddOneAsync(new Actor(otherId, Role.InstitutionStaff), otherInstitutionId, theirs);
            import = await importer.SaveAsync(staff, prepared, CancellationToken.None);
        }

        Assert.Equal((1, 1, 1), (import.ImportedCount, import.AlreadyImportedCount, import.FailedCount));
        Assert.NotNull(import.ErrorReportFileId);
        var beforehand = await ImportAsync(staff, institutionId, [theirs]);
        Assert.Equal(ImportRowOutcome.AlreadyImported, import.Rows[0].Outcome);
        Assert.Equal([AlreadyOurs], import.Rows[0].Problems);
        Assert.Equal(ImportRowOutcome.Failed, import.Rows[1].Outcome);
        Assert.Equal([TakenElsewhere], import.Rows[1].Problems);
        var found = Assert.Single(beforehand.Rows);
        Assert.Equal((found.FullName, found.MaskedIdNumber, found.ProjectName, found.Outcome), (import.Rows[1].FullName, import.Rows[1].MaskedIdNumber, import.Rows[1].ProjectName, import.Rows[1].Outcome));
        Assert.Equal(found.Problems, import.Rows[1].Problems);
        Assert.Equal(2, import.Rows.Count);

        // The drafts the database refused left no registration and no history behind.
        var (registrations, events) = await CountAsync(institutionId);
        Assert.Equal((2, 2), (registrations, events));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_import_interrupted_after_the_copy_leaves_nothing_behind_and_runs_again(bool cancel)
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (_, staffId, institutionId) = await new Scenario(portal).InstitutionAsync(cancel ? "91510104MA6CBULK5X" : "91510104MA6CBULK6X", $"bulk@interrupted-{cancel}.example");
        var staff = new Actor(staffId, Role.InstitutionStaff);
        var offset = cancel ? 60 : 70;
        Applicant[] applicants = [new Applicant { IdNumber = Id(offset) }, new Applicant { IdNumber = Id(offset + 1) }, new Applicant { IdNumber = Id(offset + 2), Mobile = "123" }];
        var sheet = Workbooks.Build("考生信息", [Applicant.Header, .. applicants.Select(a => a.Cells())]);

        var batchId = await BatchIdAsync();
        using var interruption = new CancellationTokenSource();
        var interceptor = new InterruptOnImportSave(cancel ? interruption : null);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var options = new DbContextOptionsBuilder<PortalDbContext>()
                .UseNpgsql(portal.ConnectionString).UseSnakeCaseNamingConvention()
                .AddInterceptors(scope.ServiceProvider.GetRequiredService<PersonKeyInterceptor>(), interceptor)
                .Options;
            await using var db = new PortalDbContext(options);
            var importer = new ApplicantImport(db, new FileStore(db, portal.Clock),
                new RegistrationBulkInsert(db, scope.ServiceProvider.GetRequiredService<PersonKeys>()), portal.Clock);

            var attempt = () => importer.ImportAsync(staff, institutionId, batchId, "考生.xlsx", new MemoryStream(sheet), interruption.Token);
            if (cancel)
            {
                await Assert.ThrowsAnyAsync<OperationCanceledException>(attempt);
            }
            else
            {
                await Assert.ThrowsAsync<InvalidOperationException>(attempt);
            }
        }

        Assert.True(interceptor.Interrupted);
        Assert.Equal((0, 0), await CountAsync(institutionId));
        await using (var check = portal.Services.CreateAsyncScope())
        {
            var db = check.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.False(await db.InstitutionImports.AnyAsync(i => i.InstitutionId == institutionId));
            Assert.False(await db.StoredFiles.AnyAsync(f => f.OwnerUserId == staffId));
        }

        var rerun = await ImportAsync(staff, institutionId, applicants);

        Assert.Equal((2, 0, 1), (rerun.ImportedCount, rerun.AlreadyImportedCount, rerun.FailedCount));
        Assert.Equal((2, 2), await CountAsync(institutionId));
    }

    // Resident ID numbers of this file's applicants, from a district no other test uses.
    private static string Id(int n) => IdNumbers.Resident("510115", new DateOnly(1991, 4, 1).AddDays(n), 100 + n);

    private async Task<int> BatchIdAsync() => await new Scenario(portal).BatchIdAsync(2);

    private async Task<InstitutionImport> ImportAsync(Actor staff, int institutionId, IEnumerable<Applicant> applicants)
    {
        var sheet = Workbooks.Build("考生信息", [Applicant.Header, .. applicants.Select(a => a.Cells())]);
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicantImport>()
            .ImportAsync(staff, institutionId, await BatchIdAsync(), "考生.xlsx", new MemoryStream(sheet), CancellationToken.None);
    }

    private async Task AddOneAsync(Actor staff, int institutionId, Applicant applicant)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var (id, problems) = await scope.ServiceProvider.GetRequiredService<ApplicantImport>()
            .AddOneAsync(staff, institutionId, await BatchIdAsync(), applicant.Cells(), CancellationToken.None);
        Assert.True(id is not null, string.Join("; ", problems.Select(p => p.Message)));
    }

    private async Task<(int Registrations, int Events)> CountAsync(int institutionId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var registrations = await db.Registrations.CountAsync(r => r.InstitutionId == institutionId);
        var events = await db.RegistrationEvents.CountAsync(e => db.Registrations.Any(r => r.Id == e.RegistrationId && r.InstitutionId == institutionId));
        return (registrations, events);
    }

    /// <summary>Fails (or cancels) the import's final SaveChanges: after the COPY, before the commit.</summary>
    private sealed class InterruptOnImportSave(CancellationTokenSource? cancel) : SaveChangesInterceptor
    {
        public bool Interrupted { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<InstitutionImport>().Any())
            {
                Interrupted = true;
                if (cancel is null)
                {
                    throw new InvalidOperationException("Injected fault after the COPY");
                }

                await cancel.CancelAsync();
            }

            return result;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
