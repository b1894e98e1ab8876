using System.Net;
using System.Text.RegularExpressions;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Accounts;
using ExamPortal.Web.Features.Outbox;
using ExamPortal.Web.Features.Outbox.Capture;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Accounts;

/// <summary>
/// 找回密码 and 联系方式: codes go to the contact being proved, answers never say whether an account matched, and a
/// reset signs the other sessions out. The codes are read from the outbox the portal queued them in.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed partial class AccountRecoveryTests(PortalFactory portal)
{
    private static readonly DateTimeOffset Morning = new(2026, 6, 1, 9, 0, 0, ChinaTime.Offset);
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task A_candidate_binds_an_email_with_the_code_sent_to_it_and_a_wrong_code_changes_nothing()
    {
        portal.Clock.SetNow(Morning);
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var client = await portal.AsAsync(mobile, Scenario.Password);
        var email = $"c{Guid.NewGuid():N}"[..12] + "@example.com";

        var sent = await client.SubmitAsync(await client.GetDocumentAsync("/Candidate/Account"), "#email-form", new Dictionary<string, string> { ["NewEmail"] = email });
        var page = await HtmlForms.ReadAsync(sent);
        Assert.NotNull(page.QuerySelector("#confirm-form"));
        var code = await CodeSentToAsync(email);

        var wrong = await HtmlForms.ReadAsync(await client.SubmitAsync(page, "#confirm-form", new Dictionary<string, string> { ["Code"] = Other(code) }));
        Assert.Contains("验证码不正确", wrong.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.False((await UserAsync(userId)).EmailConfirmed);

        var confirmed = await client.SubmitAsync(wrong, "#confirm-form", new Dictionary<string, string> { ["Code"] = code });

        await confirmed.RedirectedToAsync();
        var user = await UserAsync(userId);
        Assert.Equal((email, true), (user.Email, user.EmailConfirmed));
        Assert.Contains(await AuditAsync(ExamPortal.Web.Features.Administration.AuditTrail.ContactChanged), e => e.Details.StartsWith("更换邮箱：（无） → c", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recovery_answers_alike_for_any_triple_and_a_reset_signs_out_the_other_session()
    {
        portal.Clock.SetNow(Morning.AddHours(1));
        var (userId, mobile, idNumber) = await _scenario.CandidateAsync();
        var name = (await UserAsync(userId)).FullName;
        var email = await BoundEmailAsync(userId);
        var otherSession = await portal.AsAsync(mobile, Scenario.Password);
        var anonymous = portal.CreateBrowserlessClient();
        var before = await OutboxCountAsync(email);

        var stranger = await SendAsync(anonymous, name + "甲", idNumber, mobile);
        Assert.Equal(PasswordRecovery.CodeSent, stranger.QuerySelector("#recover-outcome")!.TextContent.Trim());
        Assert.Equal(before, await OutboxCountAsync(email));

        var page = await SendAsync(anonymous, name, idNumber, mobile);
        Assert.Equal(PasswordRecovery.CodeSent, page.QuerySelector("#recover-outcome")!.TextContent.Trim());
        var code = await CodeSentToAsync(email);

        var wrong = await ResetAsync(anonymous, page, Other(code), "Xinmima#2026");
        Assert.Contains(PasswordRecovery.CodeRejected, wrong.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        var weak = await ResetAsync(anonymous, page, code, "short");
        Assert.DoesNotContain(PasswordRecovery.CodeRejected, weak.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);

        var reset = await anonymous.SubmitAsync(page, "#recover-form", new Dictionary<string, string> { ["Code"] = code, ["NewPassword"] = "Xinmima#2026" }, "#reset-password");

        Assert.EndsWith("/Account/SignIn", await reset.RedirectedToAsync(), StringComparison.Ordinal);
        await portal.AsAsync(mobile, "Xinmima#2026");
        portal.Clock.SetNow(Morning.AddHours(1).AddMinutes(3));
        var stale = await otherSession.GetAsync("/Candidate/Registrations");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("/Account/SignIn", stale.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(ExamPortal.Web.Features.Administration.AuditTrail.PasswordRecovered), e => e.Subject == $"账户 {userId}");
    }

    [Fact]
    public async Task A_code_ends_after_five_wrong_tries_and_a_new_one_waits_a_minute()
    {
        portal.Clock.SetNow(Morning.AddHours(2));
        var (userId, mobile, idNumber) = await _scenario.CandidateAsync();
        var name = (await UserAsync(userId)).FullName;
        var email = await BoundEmailAsync(userId);
        var anonymous = portal.CreateBrowserlessClient();
        var page = await SendAsync(anonymous, name, idNumber, mobile);
        var code = await CodeSentToAsync(email);
        for (var i = 0; i < AccountCodes.MaxAttempts; i++)
        {
            await ResetAsync(anonymous, page, Other(code), "Xinmima#2026");
        }

        var usedUp = await ResetAsync(anonymous, page, code, "Xinmima#2026");
        Assert.Contains(PasswordRecovery.CodeRejected, usedUp.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        var tooSoon = await OutboxCountAsync(email);
        await SendAsync(anonymous, name, idNumber, mobile);
        Assert.Equal(tooSoon, await OutboxCountAsync(email));

        portal.Clock.SetNow(Morning.AddHours(2).AddMinutes(2));
        var again = await SendAsync(anonymous, name, idNumber, mobile);
        var fresh = await CodeSentToAsync(email);
        var reset = await anonymous.SubmitAsync(again, "#recover-form", new Dictionary<string, string> { ["Code"] = fresh, ["NewPassword"] = "Xinmima#2027" }, "#reset-password");
        Assert.EndsWith("/Account/SignIn", await reset.RedirectedToAsync(), StringComparison.Ordinal);
        portal.Clock.SetNow(Morning.AddHours(2).AddMinutes(12));
        Assert.Contains(PasswordRecovery.CodeRejected,
            (await ResetAsync(anonymous, again, fresh, "Xinmima#2028")).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_mobile_is_confirmed_by_sms_to_it_and_becomes_the_sign_in_name()
    {
        portal.Clock.SetNow(Morning.AddHours(3));
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var (_, takenMobile, _) = await _scenario.CandidateAsync();
        var client = await portal.AsAsync(mobile, Scenario.Password);
        var account = await client.GetDocumentAsync("/Candidate/Account");

        var taken = await HtmlForms.ReadAsync(await client.SubmitAsync(account, "#mobile-form", new Dictionary<string, string> { ["NewMobile"] = takenMobile }));
        Assert.Contains("该手机号码已注册账户", taken.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);

        var newMobile = "139" + mobile[3..];
        var sent = await HtmlForms.ReadAsync(await client.SubmitAsync(taken, "#mobile-form", new Dictionary<string, string> { ["NewMobile"] = newMobile }));
        var sms = await LatestOutboxAsync(newMobile);
        Assert.Equal(OutboxChannel.Sms, sms.Channel);
        var confirmed = await client.SubmitAsync(sent, "#confirm-form", new Dictionary<string, string> { ["Code"] = CodeIn(sms.Body) });

        await confirmed.RedirectedToAsync();
        Assert.Equal((newMobile, newMobile), ((await UserAsync(userId)).UserName, (await UserAsync(userId)).PhoneNumber));
        await portal.AsAsync(newMobile, Scenario.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Candidate/Account")).StatusCode);
    }

    [Fact]
    public async Task A_centre_admin_sends_a_staff_member_a_reset_link_and_only_an_admin_may()
    {
        portal.Clock.SetNow(Morning.AddHours(4));
        var (_, staffId, _) = await _scenario.InstitutionAsync("91510104MA6CRST01X", "reset@staff.example");
        var admin = await portal.AsAsync(Role.CentreAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await portal.AsAsync(Role.CentreExam)).GetAsync("/Centre/Admin/Accounts")).StatusCode);
        var list = await admin.GetDocumentAsync("/Centre/Admin/Accounts?Search=reset%40staff.example");
        var row = Assert.Single(list.QuerySelectorAll("#staff-accounts tbody tr"));

        var sent = await admin.SubmitAsync(list, (AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!, new Dictionary<string, string>());

        await sent.RedirectedToAsync();
        var mail = await LatestOutboxAsync("reset@staff.example");
        var link = LinkIn().Match(mail.Body).Value;
        var anonymous = portal.CreateBrowserlessClient();
        var form = await anonymous.GetDocumentAsync(new Uri(link).PathAndQuery);
        var done = await anonymous.SubmitAsync(form, "#reset-form", new Dictionary<string, string> { ["NewPassword"] = "Gongzuo#2026" });
        Assert.EndsWith("/Account/SignIn", await done.RedirectedToAsync(), StringComparison.Ordinal);
        await portal.AsAsync("reset@staff.example", "Gongzuo#2026");
        var reused = await HtmlForms.ReadAsync(await anonymous.SubmitAsync(form, "#reset-form", new Dictionary<string, string> { ["NewPassword"] = "Gongzuo#2027" }));
        Assert.Contains("重置链接无效或已过期", reused.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(ExamPortal.Web.Features.Administration.AuditTrail.StaffPasswordReset), e => e.Subject == "账户 reset@staff.example" && e.ActorUserId != staffId);
    }

    private static string Other(string code) => code == "000000" ? "111111" : "000000";

    private static string CodeIn(string body) => Regex.Match(body, @"\d{6}").Value;

    private static async Task<AngleSharp.Dom.IDocument> SendAsync(HttpClient client, string name, string idNumber, string mobile)
    {
        var page = await client.GetDocumentAsync("/Account/Recover");
        return await HtmlForms.ReadAsync(await client.SubmitAsync(page, "#recover-form",
            new Dictionary<string, string> { ["FullName"] = name, ["IdNumber"] = idNumber, ["Mobile"] = mobile }, "#send-code"));
    }

    private static async Task<AngleSharp.Dom.IDocument> ResetAsync(HttpClient client, AngleSharp.Dom.IDocument page, string code, string password) =>
        await HtmlForms.ReadAsync(await client.SubmitAsync(page, "#recover-form", new Dictionary<string, string> { ["Code"] = code, ["NewPassword"] = password }, "#reset-password"));

    private async Task<string> BoundEmailAsync(string userId)
    {
        var email = $"r{Guid.NewGuid():N}"[..12] + "@example.com";
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        user.Email = email;
        user.NormalizedEmail = email.ToUpperInvariant();
        user.EmailConfirmed = true;
        await db.SaveChangesAsync();
        return email;
    }

    // Delivered for real: the outbox sends over SMTP to the portal's capture listener, and the code is read from the mail.
    private async Task<string> CodeSentToAsync(string recipient)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().RunOnceAsync(CancellationToken.None);
        var mail = portal.Services.GetRequiredService<CapturedMail>().To(recipient)[^1];
        return CodeIn(mail.TextBody);
    }

    private async Task<OutboxMessage> LatestOutboxAsync(string recipient)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Recipient == recipient).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).FirstAsync();
    }

    private async Task<int> OutboxCountAsync(string recipient)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.CountAsync(m => m.Recipient == recipient);
    }

    private async Task<PortalUser> UserAsync(string userId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId);
    }

    private async Task<List<AuditEntry>> AuditAsync(string action)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking().Where(e => e.Action == action).ToListAsync();
    }

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?\S+")]
    private static partial Regex LinkIn();
}
