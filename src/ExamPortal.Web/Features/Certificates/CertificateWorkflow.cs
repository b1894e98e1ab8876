using System.Buffers.Text;
using System.Security.Cryptography;
using ExamPortal.Domain.Certificates;
using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Results;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Certificates;

/// <summary>What happens to an issued certificate: share links for employers and the paper certificate's collection.</summary>
public sealed class CertificateWorkflow(PortalDbContext db, ResultCalendar results, TimeProvider clock)
{
    public async Task<WorkflowResult> ShareAsync(Guid registrationId, int days, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.RegistrationId == registrationId && c.CandidateUserId == actor.UserId, ct);
        if (certificate is null)
        {
            return WorkflowResult.NotFound;
        }

        try
        {
            var now = clock.GetUtcNow();
            var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
            var link = CertificateShareLink.Create(Guid.CreateVersion7(now), certificate, token, days, actor, now);
            db.CertificateShareLinks.Add(link);
            await db.SaveChangesAsync(ct);
            return WorkflowResult.Created(link.Id);
        }
        catch (DomainRuleException e)
        {
            return WorkflowResult.Refused(e.Message);
        }
    }

    public async Task<WorkflowResult> RevokeAsync(Guid registrationId, Guid linkId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var link = await (
            from l in db.CertificateShareLinks
            join c in db.Certificates on l.CertificateId equals c.Id
            where l.Id == linkId && c.RegistrationId == registrationId && c.CandidateUserId == actor.UserId
            select l).SingleOrDefaultAsync(ct);
        if (link is null)
        {
            return WorkflowResult.NotFound;
        }

        link.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return WorkflowResult.Ok;
    }

    public async Task<WorkflowResult> RecordCollectionAsync(Guid certificateId, string? collectedBy, string? note, Actor actor, CancellationToken ct)
    {
        // Two staff recording the same collection at once: the second waits on the row lock, then reads the first's
        // record, and the domain refuses it rather than writing over it.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM certificates WHERE id = {certificateId} FOR UPDATE", ct);
        var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.Id == certificateId, ct);
        var examDate = certificate is null ? null : await db.Batches.Where(b => b.Id == certificate.BatchId).Select(b => (DateOnly?)b.ExamDate).SingleAsync(ct);
        if (certificate is null || examDate is null)
        {
            return WorkflowResult.NotFound;
        }

        var (from, problem) = await results.CollectionFromAsync(examDate.Value, ct);
        if (from is null)
        {
            return WorkflowResult.Refused(problem!);
        }

        try
        {
            var now = clock.GetUtcNow();
            certificate.RecordCollection(collectedBy, note, actor, now, from.Value);
            AuditTrail.Record(db, actor, now, AuditTrail.CertificateCollected, $"证书 {certificate.Number}", $"领取人：{certificate.CollectedBy}", certificate.RegistrationId);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return WorkflowResult.Ok;
        }
        catch (DomainRuleException e)
        {
            return WorkflowResult.Refused(e.Message);
        }
    }
}
