using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Features.Administration;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Tests.Areas.Centre;

/// <summary>考点和考场: venues with standing rooms, and copying a venue's rooms into a batch's rooms.</summary>
[Collection(SharedPortal.Name)]
public sealed class VenueTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task The_demo_venue_is_seeded_with_its_rooms()
    {
        var admin = await portal.AsAsync(Role.CentreAdmin);
        var list = await admin.GetDocumentAsync("/Centre/Admin/Venues");

        var row = Assert.Single(list.QuerySelectorAll("#venues tbody tr"), r => r.TextContent.Contains("四川省职业技能鉴定指导中心考点", StringComparison.Ordinal));
        Assert.Equal("3", row.QuerySelector("td[data-label='考场数']")!.TextContent.Trim());
        Assert.Equal("100", row.QuerySelector("td[data-label='座位数']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_venue_and_its_rooms_are_validated_audited_and_copied_into_a_batch_skipping_names_it_has()
    {
        var name = $"测试考点{Guid.NewGuid():N}"[..12];
        var admin = await portal.AsAsync(Role.CentreAdmin);
        var list = await admin.GetDocumentAsync("/Centre/Admin/Venues");

        var noAddress = await HtmlForms.ReadAsync(await admin.SubmitAsync(list, "#new-venue", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Address"] = "" }));
        Assert.Contains("请填写考点地址", CentreAdminSupport.Errors(noAddress), StringComparison.Ordinal);
        Assert.Equal(name, noAddress.QuerySelector<IHtmlInputElement>("input[name='Input.Name']")!.Value);
        var editUrl = await (await admin.SubmitAsync(list, "#new-venue", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Address"] = "成都市测试路9号" })).RedirectedToAsync();
        var duplicate = await HtmlForms.ReadAsync(await admin.SubmitAsync(list, "#new-venue", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Address"] = "别处" }));
        Assert.Contains($"已有名为“{name}”的考点", CentreAdminSupport.Errors(duplicate), StringComparison.Ordinal);

        var edit = await admin.GetDocumentAsync(editUrl);
        foreach (var capacity in new[] { "0", "201", "三十" })
        {
            var refused = await HtmlForms.ReadAsync(await admin.SubmitAsync(edit, "#add-venue-room", new Dictionary<string, string> { ["Room.Name"] = "A01", ["Room.Capacity"] = capacity }));
            Assert.Contains("座位数请填写1到200之间的整数", CentreAdminSupport.Errors(refused), StringComparison.Ordinal);
        }

        await (await admin.SubmitAsync(edit, "#add-venue-room", new Dictionary<string, string> { ["Room.Name"] = "A01", ["Room.Location"] = "1楼", ["Room.Capacity"] = "40" })).RedirectedToAsync();
        await (await admin.SubmitAsync(edit, "#add-venue-room", new Dictionary<string, string> { ["Room.Name"] = "A02", ["Room.Location"] = "2楼", ["Room.Capacity"] = "25" })).RedirectedToAsync();
        var twice = await HtmlForms.ReadAsync(await admin.SubmitAsync(edit, "#add-venue-room", new Dictionary<string, string> { ["Room.Name"] = "A02", ["Room.Capacity"] = "25" }));
        Assert.Contains("本考点已有名为“A02”的考场", CentreAdminSupport.Errors(twice), StringComparison.Ordinal);
        Assert.Equal(2, (await admin.GetDocumentAsync(editUrl)).QuerySelectorAll("#venue-rooms tbody tr").Length);

        // Batch 9 is no other test's: its rooms start with one named like the venue's first.
        var batchId = await _scenario.BatchIdAsync(9);
        var roomsUrl = $"/Centre/Tickets/Rooms/{batchId}";
        var rooms = await admin.GetDocumentAsync(roomsUrl);
        await (await admin.SubmitAsync(rooms, "#add-room", new Dictionary<string, string> { ["Room.Name"] = "A01", ["Room.Capacity"] = "30" })).RedirectedToAsync();
        rooms = await admin.GetDocumentAsync(roomsUrl);
        var venueId = int.Parse(editUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await (await admin.SubmitAsync(rooms, "#copy-venue", new Dictionary<string, string> { ["VenueId"] = venueId.ToString(System.Globalization.CultureInfo.InvariantCulture) })).RedirectedToAsync();

        var copied = await portal.DbAsync(db => db.ExamRooms.AsNoTracking().Where(r => r.BatchId == batchId).OrderBy(r => r.SortOrder).ToListAsync());
        Assert.Equal([("A01", (string?)null, 30), ("A02", "2楼", 25)], copied.Select(r => (r.Name, r.Location, r.Capacity)));
        Assert.Single(await portal.AuditAsync(AuditTrail.VenueRoomsCopied, "2026年第9批"), e => e.Details.Contains(name, StringComparison.Ordinal) && e.Details.Contains("跳过同名1个", StringComparison.Ordinal));
        var again = await HtmlForms.ReadAsync(await admin.SubmitAsync(await admin.GetDocumentAsync(roomsUrl), "#copy-venue",
            new Dictionary<string, string> { ["VenueId"] = venueId.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Contains("都已有同名考场", CentreAdminSupport.Errors(again), StringComparison.Ordinal);

        edit = await admin.GetDocumentAsync(editUrl);
        await (await admin.SubmitAsync(edit, "#venue-form", new Dictionary<string, string> { ["Input.IsActive"] = "false" })).RedirectedToAsync();
        Assert.DoesNotContain(name, (await admin.GetDocumentAsync(roomsUrl)).QuerySelector("#copy-venue")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        var audit = await portal.AuditAsync(AuditTrail.VenueChanged, name);
        Assert.Equal(4, audit.Count);
        Assert.Contains(audit, e => e.Details.Contains("状态 在用→停用", StringComparison.Ordinal));
    }
}
