using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Tests.Areas.Centre;

/// <summary>工作人员账户: a CentreAdmin creates centre staff, changes their role, disables and enables them; sessions follow.</summary>
[Collection(SharedPortal.Name)]
public sealed partial class StaffAccountTests(PortalFactory portal)
{
    private static readonly DateTimeOffset Morning = new(2026, 3, 12, 9, 0, 0, ChinaTime.Offset);

    [Fact]
    public async Task A_new_staff_member_sets_a_password_by_the_mailed_link_then_a_role_change_and_disabling_reach_the_open_session()
    {
        portal.Clock.SetNow(Morning);
        var email = $"s{Guid.NewGuid():N}"[..10] + "@centre.example";
        var admin = await portal.AsAsync(Role.CentreAdmin);
        var form = await admin.GetDocumentAsync("/Centre/Admin/Accounts/New");

        var created = await admin.SubmitAsync(form, "#new-staff-form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "周财务",
            ["Input.Email"] = email,
            ["Input.Role"] = nameof(Role.CentreFinance),
        });

        await created.RedirectedToAsync();
        var mail = await portal.DbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == email).SingleAsync());
        var anonymous = portal.CreateBrowserlessClient();
        var reset = await anonymous.GetDocumentAsync(new Uri(LinkIn().Match(mail.Body).Value).PathAndQuery);
        await (await anonymous.SubmitAsync(reset, "#reset-form", new Dictionary<string, string> { ["NewPassword"] = "Caiwu#2026" })).RedirectedToAsync();
        var finance = await portal.AsAsync(email, "Caiwu#2026");
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync("/Centre/Payments")).StatusCode);
        Assert.Single(await portal.AuditAsync(AuditTrail.StaffCreated, email), e => e.Details.Contains("省职鉴中心财务人员", StringComparison.Ordinal));

        var again = await HtmlForms.ReadAsync(await admin.SubmitAsync(form, "#new-staff-form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "重复",
            ["Input.Email"] = email,
            ["Input.Role"] = nameof(Role.CentreExam),
        }));
        Assert.Contains("已有账户", CentreAdminSupport.Errors(again), StringComparison.Ordinal);
        Assert.Equal("重复", again.QuerySelector<IHtmlInputElement>("input[name='Input.FullName']")!.Value);
        var notCentre = await HtmlForms.ReadAsync(await admin.SubmitAsync(form, "#new-staff-form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "机构人员",
            ["Input.Email"] = "x" + email,
            ["Input.Role"] = nameof(Role.InstitutionStaff),
        }));
        Assert.Contains("请选择省职鉴中心的角色", CentreAdminSupport.Errors(notCentre), StringComparison.Ordinal);

        var row = await RowAsync(admin, email);
        await (await admin.SubmitAsync(row.Page, (IHtmlFormElement)row.Row.QuerySelector(".role-form")!,
            new Dictionary<string, string> { ["NewRole"] = nameof(Role.CentreExam) })).RedirectedToAsync();
        Assert.Single(await portal.AuditAsync(AuditTrail.StaffRoleChanged, email), e => e.Details.Contains("省职鉴中心财务人员→省职鉴中心考务人员", StringComparison.Ordinal));
        portal.Clock.SetNow(Morning.AddMinutes(2));
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync("/Centre/Payments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync("/Centre/Tickets")).StatusCode);

        row = await RowAsync(admin, email);
        await (await admin.SubmitAsync(row.Page, (IHtmlFormElement)row.Row.QuerySelector(".disable-form")!, new Dictionary<string, string>())).RedirectedToAsync();
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync("/Centre/Tickets")).StatusCode);
        portal.Clock.SetNow(Morning.AddMinutes(4));
        var stale = await finance.GetAsync("/Centre/Tickets");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("/Account/SignIn", stale.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("已停用", (await RowAsync(admin, email)).Row.TextContent, StringComparison.Ordinal);
        Assert.Single(await portal.AuditAsync(AuditTrail.StaffDisabled, email));

        row = await RowAsync(admin, email);
        await (await admin.SubmitAsync(row.Page, (IHtmlFormElement)row.Row.QuerySelector(".enable-form")!, new Dictionary<string, string>())).RedirectedToAsync();
        await portal.AsAsync(email, "Caiwu#2026");
        Assert.Single(await portal.AuditAsync(AuditTrail.StaffEnabled, email));
    }

    [Fact]
    public async Task An_admin_cannot_disable_themself_nor_leave_the_centre_without_an_active_admin()
    {
        portal.Clock.SetNow(Morning.AddHours(2));
        var self = SignedIn.LoginOf(Role.CentreAdmin);
        var admin = await portal.AsAsync(Role.CentreAdmin);
        var own = await RowAsync(admin, self);

        var disabled = await HtmlForms.ReadAsync(await admin.SubmitAsync(own.Page, (IHtmlFormElement)own.Row.QuerySelector(".disable-form")!, new Dictionary<string, string>()));
        Assert.Contains("不能停用自己的账号", CentreAdminSupport.Errors(disabled), StringComparison.Ordinal);

        // Any other admin is disabled for the moment, so the demo admin is the last active one.
        var others = await portal.DbAsync(db => (from u in db.Users
                                                  join ur in db.UserRoles on u.Id equals ur.UserId
                                                  join r in db.Roles on ur.RoleId equals r.Id
                                                  where r.Name == nameof(Role.CentreAdmin) && u.UserName != self && u.LockoutEnd == null
                                                  select u.Id).ToListAsync());
        await SetLockoutAsync(others, DateTimeOffset.MaxValue);
        try
        {
            own = await RowAsync(admin, self);
            var demoted = await HtmlForms.ReadAsync(await admin.SubmitAsync(own.Page, (IHtmlFormElement)own.Row.QuerySelector(".role-form")!,
                new Dictionary<string, string> { ["NewRole"] = nameof(Role.CentreReviewer) }));
            Assert.Contains("最后一个在用的管理员账号", CentreAdminSupport.Errors(demoted), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Centre/Admin/Accounts")).StatusCode);
            Assert.Empty(await portal.AuditAsync(AuditTrail.StaffRoleChanged, self));
        }
        finally
        {
            await SetLockoutAsync(others, null);
        }
    }

    private async Task SetLockoutAsync(List<string> userIds, DateTimeOffset? end) =>
        await portal.DbAsync(db => db.Users.Where(u => userIds.Contains(u.Id)).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, end)));

    private static async Task<(IDocument Page, IElement Row)> RowAsync(HttpClient admin, string email)
    {
        var page = await admin.GetDocumentAsync($"/Centre/Admin/Accounts?Search={Uri.EscapeDataString(email)}");
        return (page, Assert.Single(page.QuerySelectorAll("#staff-accounts tbody tr")));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://\S+")]
    private static partial System.Text.RegularExpressions.Regex LinkIn();
}
