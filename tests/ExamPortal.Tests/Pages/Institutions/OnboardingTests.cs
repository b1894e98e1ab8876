using System.Net;
using AngleSharp.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Areas.Centre;
using ExamPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Tests.Pages.Institutions;

/// <summary>An organisation applies, the centre's administrator decides, the approved institution manages its staff.</summary>
[Collection(SharedPortal.Name)]
public sealed class OnboardingTests(PortalFactory portal)
{
    private const string Password = "Jigou#2026pass";

    private static Dictionary<string, string> Application(string creditCode, string email, string name = "四川示范职业培训学校") => new()
    {
        ["Input.Name"] = name,
        ["Input.CreditCode"] = creditCode,
        ["Input.Type"] = "College",
        ["Input.Address"] = "成都市金牛区示范路8号",
        ["Input.ContactPerson"] = "周经办",
        ["Input.ContactPhone"] = "028-87654321",
        ["Input.ContactEmail"] = email,
        ["Input.Password"] = Password,
        ["Input.ConfirmPassword"] = Password,
    };

    private async Task<string> ApplyAsync(Dictionary<string, string> form)
    {
        var client = portal.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync("/Institutions/Apply");
        return await (await client.SubmitAsync(page, "form.card", form)).RedirectedToAsync();
    }

    [Fact]
    public async Task An_approved_application_opens_the_institution_and_its_first_staff_account()
    {
        var status = await ApplyAsync(Application("91510106MA61ABCD2L", "zhou@school.example", "成都周氏技能培训学校"));
        var blocked = await SignInProblemAsync("zhou@school.example");
        Assert.Contains("尚未启用", blocked, StringComparison.Ordinal);
        Assert.True(await portal.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "SignInLockedOut" && e.Details.Contains("z***@school.example"))),
            "the refused sign-in of an account awaiting approval is in the audit trail");

        var admin = await portal.AsAsync(Role.CentreAdmin);
        var list = await admin.GetDocumentAsync("/Centre/Admin/InstitutionApplications");
        var decideUrl = list.QuerySelectorAll("tbody a").Single(a => a.TextContent == "成都周氏技能培训学校").GetAttribute("href")!;
        var decide = await admin.GetDocumentAsync(decideUrl);
        await admin.SubmitAsync(decide, "form[action*='handler=Approve']", new Dictionary<string, string>());

        var statusPage = await portal.CreateBrowserlessClient().GetDocumentAsync(status);
        Assert.Equal("已同意", statusPage.QuerySelector("#application-status")!.TextContent.Trim());
        var staff = await portal.AsAsync("zhou@school.example", Password);
        var home = await staff.GetDocumentAsync("/Institution");
        Assert.Contains("成都周氏技能培训学校", home.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var colleagues = await staff.GetDocumentAsync("/Institution/Staff");
        var added = await staff.SubmitAsync(colleagues, "#add-colleague", new Dictionary<string, string>
        {
            ["Input.FullName"] = "吴同事",
            ["Input.Email"] = "wu@school.example",
            ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var colleague = await portal.AsAsync("wu@school.example", Password);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/Institution")).StatusCode);

        var table = await staff.GetDocumentAsync("/Institution/Staff");
        var disable = table.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("吴同事", StringComparison.Ordinal)).QuerySelector("form")!;
        disable.Id = "disable-wu";
        await staff.SubmitAsync(table, "#disable-wu", new Dictionary<string, string>());
        Assert.Contains("停用", await SignInProblemAsync("wu@school.example"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_application_shows_its_reason_and_the_organisation_can_apply_again()
    {
        var status = await ApplyAsync(Application("91510107MA62BCDE3E", "li@company.example"));
        var admin = await portal.AsAsync(Role.CentreAdmin);
        var decide = await admin.GetDocumentAsync(status.Replace("/Institutions/Status/", "/Centre/Admin/InstitutionApplications/Decide/", StringComparison.Ordinal));

        var noReason = await HtmlForms.ReadAsync(await admin.SubmitAsync(decide, "form[action*='handler=Reject']", new Dictionary<string, string>()));
        Assert.Contains("请填写不同意的原因", noReason.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        await admin.SubmitAsync(noReason, "form[action*='handler=Reject']", new Dictionary<string, string> { ["Reason"] = "营业执照经营范围不含培训" });

        var statusPage = await portal.CreateBrowserlessClient().GetDocumentAsync(status);
        Assert.Contains("营业执照经营范围不含培训", statusPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("/Institutions/Status/", await ApplyAsync(Application("91510107MA62BCDE3E", "li@company.example")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credit_code_failing_its_check_warns_and_is_accepted_once_confirmed()
    {
        var client = portal.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync("/Institutions/Apply");
        var form = Application("91510108MA63CDEF4A", "qian@assoc.example");

        var warned = await HtmlForms.ReadAsync(await client.SubmitAsync(page, "form.card", form));

        Assert.Contains("校验位", warned.QuerySelector("#Input_CreditCode-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("四川示范职业培训学校", warned.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#name")!.Value);
        form["Input.ConfirmCheckMismatch"] = "true";
        Assert.StartsWith("/Institutions/Status/", await (await client.SubmitAsync(warned, "form.card", form)).RedirectedToAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_centres_administrator_decides()
    {
        var reviewer = await portal.AsAsync(Role.CentreReviewer);

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/Centre/Admin/InstitutionApplications")).StatusCode);
    }

    private async Task<string> SignInProblemAsync(string login)
    {
        var client = portal.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync("/Account/SignIn");
        var response = await client.SubmitAsync(page, "form.card", new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = Password });
        return (await HtmlForms.ReadAsync(response)).QuerySelector(".validation-summary")!.TextContent;
    }
}
