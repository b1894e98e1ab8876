using ExamPortal.Domain.People;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Documents;
using ExamPortal.Web.Features.Verification;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;

namespace ExamPortal.Web.Features.Tickets;

/// <summary>
/// Writes tickets, sign-in sheets and room lists as one PDF straight to the response: pages are rendered a
/// chunk at a time (their photos loaded for that chunk only) and appended through PdfPageStream, so printing a
/// whole batch never holds every page's images at once.
/// </summary>
public sealed class TicketDocuments(PortalDbContext db, VerificationTokens tokens)
{
    public const string TicketPurpose = "ticket";
    private const int TicketsPerChunk = 25;

    /// <summary>The tickets of the selection in ticket-number order, one page each.</summary>
    public async Task<int> WriteTicketsAsync(Stream output, IQueryable<TicketSource> selection, Func<string, string> verificationUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(verificationUrl);
        var pages = new PdfPageStream(output, AdmissionTicketPdf.Title);
        var last = string.Empty;
        var count = 0;
        while (true)
        {
            var after = last;
            var chunk = await selection.Where(s => s.Number.CompareTo(after) > 0).OrderBy(s => s.Number).Take(TicketsPerChunk).ToListAsync(ct);
            if (chunk.Count == 0)
            {
                break;
            }

            var photos = await PhotosAsync(chunk.Select(s => s.PhotoFileId), ct);
            using var document = FormDocument.Create(AdmissionTicketPdf.Title);
            foreach (var ticket in chunk.Select(s => s.ToRow()))
            {
                var token = await tokens.SignAsync(TicketPurpose, ticket.Number, ct);
                AdmissionTicketPdf.AddPage(document, Sheet(ticket, photos, verificationUrl(token)));
            }

            await pages.AppendAsync(FormDocument.Save(document), ct);
            count += chunk.Count;
            last = chunk[^1].Number;
        }

        await pages.CompleteAsync(ct);
        return count;
    }

    /// <summary>考生签到册: one section per room of the selection, in room order, seats in order.</summary>
    public async Task WriteSignInSheetsAsync(Stream output, IQueryable<TicketSource> selection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var pages = new PdfPageStream(output, SignInSheetPdf.Title);
        var rooms = await selection.Select(s => new { s.ExamRoomId, s.RoomOrder }).Distinct()
            .OrderBy(r => r.RoomOrder).ThenBy(r => r.ExamRoomId).Select(r => r.ExamRoomId).ToListAsync(ct);
        foreach (var roomId in rooms)
        {
            var seated = (await selection.Where(s => s.ExamRoomId == roomId).OrderBy(s => s.Seat).ToListAsync(ct)).ConvertAll(s => s.ToRow());
            var photos = await PhotosAsync(seated.Select(s => s.PhotoFileId), ct);
            var first = seated[0];
            using var document = FormDocument.Create(SignInSheetPdf.Title);
            SignInSheetPdf.AddRoom(document, new SignInSheetRoom(first.BatchTitle, first.ProjectName, first.ExamDate, first.StartTime, first.EndTime,
                first.Venue, first.RoomDisplayName,
                [.. seated.Select(s => new SignInSheetEntry(s.Seat, s.Number, s.FullName, s.MaskedIdNumber, Photo(photos, s.PhotoFileId)))]));
            await pages.AppendAsync(FormDocument.Save(document), ct);
        }

        await pages.CompleteAsync(ct);
    }

    /// <summary>考场安排表: one section per plan of the selection, rooms and seats in order.</summary>
    public async Task WriteRoomListsAsync(Stream output, IQueryable<TicketSource> selection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var pages = new PdfPageStream(output, RoomListPdf.Title);
        var plans = await selection.Select(s => s.ExamPlanId).Distinct().OrderBy(id => id).ToListAsync(ct);
        foreach (var planId in plans)
        {
            var seated = (await selection.Where(s => s.ExamPlanId == planId).OrderBy(s => s.RoomOrder).ThenBy(s => s.Seat).ToListAsync(ct))
                .ConvertAll(s => s.ToRow());
            var first = seated[0];
            using var document = FormDocument.Create(RoomListPdf.Title);
            RoomListPdf.AddPlan(document, new RoomListPlan(first.BatchTitle, first.ProjectName, first.ExamDate, first.StartTime, first.EndTime, first.Venue,
                [.. seated.Select(s => new RoomListEntry(s.RoomDisplayName, s.Seat, s.Number, s.FullName, s.MaskedIdNumber, s.InstitutionName ?? "个人报名"))]));
            await pages.AppendAsync(FormDocument.Save(document), ct);
        }

        await pages.CompleteAsync(ct);
    }

    /// <summary>One ticket as bytes, for a single download.</summary>
    public async Task<byte[]> TicketAsync(TicketRow ticket, Func<string, string> verificationUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(verificationUrl);
        var photos = await PhotosAsync([ticket.PhotoFileId], ct);
        var token = await tokens.SignAsync(TicketPurpose, ticket.Number, ct);
        return AdmissionTicketPdf.Build(Sheet(ticket, photos, verificationUrl(token)));
    }

    private static AdmissionTicketSheet Sheet(TicketRow ticket, Dictionary<Guid, byte[]> photos, string url) => new(
        ticket.Number, ticket.FullName, IdDocumentTypes.DisplayName(ticket.IdDocumentType), ticket.MaskedIdNumber, ticket.ProjectName,
        ticket.BatchTitle, ticket.ExamDate, ticket.StartTime, ticket.EndTime, ticket.Venue, ticket.RoomDisplayName, ticket.Seat,
        Photo(photos, ticket.PhotoFileId), url);

    private static byte[]? Photo(Dictionary<Guid, byte[]> photos, Guid? fileId) =>
        fileId is { } id && photos.TryGetValue(id, out var bytes) ? bytes : null;

    private async Task<Dictionary<Guid, byte[]>> PhotosAsync(IEnumerable<Guid?> fileIds, CancellationToken ct)
    {
        var ids = fileIds.OfType<Guid>().Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.StoredFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Content, ct);
    }
}
