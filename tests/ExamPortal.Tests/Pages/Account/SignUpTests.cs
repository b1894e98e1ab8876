using System.Net;
using AngleSharp.Dom;
using ExamPortal.Domain.People;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Pages.Account;

[Collection(SharedPortal.Name)]
public sealed class SignUpTests(PortalFactory portal)
{
    private const string Password = "Kaosheng#2026";

    private static Dictionary<string, string> Form(string idNumber, string mobile, string name = "李四") => new()
    {
        ["Input.FullName"] = name,
        ["Input.IdDocumentType"] = nameof(IdDocumentType.ResidentIdCard),
        ["Input.IdNumber"] = idNumber,
        ["Input.Mobile"] = mobile,
        ["Input.Password"] = Password,
        ["Input.ConfirmPassword"] = Password,
    };

    private async Task<PortalUser?> FindAsync(string mobile)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == mobile);
    }

    [Fact]
    public async Task A_candidate_signs_up_with_gender_and_birth_date_derived_from_the_ID_number()
    {
        var client = portal.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync("/Account/SignUp");

        var response = await client.SubmitAsync(page, "form.card", Form(" 11010519491231002x ", "139 1234 5601"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Candidate", response.Headers.Location!.OriginalString);
        var user = await FindAsync("13912345601");
        Assert.NotNull(user);
        Assert.Equal("11010519491231002X", user.IdNumber);
        Assert.Equal(Gender.Female, user.Gender);
        Assert.Equal(new DateOnly(1949, 12, 31), user.BirthDate);

        var home = await client.GetDocumentAsync("/Candidate");
        Assert.Contains("**************002X", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", home.Body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("110105194912310021", "校验位")]
    [InlineData("110105199002300028", "出生日期")]
    [InlineData("11010519491231002", "18位")]
    public async Task A_bad_ID_number_is_refused_with_what_to_change_and_the_form_kept(string idNumber, string message)
    {
        var client = portal.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync("/Account/SignUp");

        var response = await client.SubmitAsync(page, "form.card", Form(idNumber, "13912345602", "王五"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await HtmlForms.ReadAsync(response);
        Assert.Contains(message, again.QuerySelector("#Input_IdNumber-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("王五", again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#fullName")!.Value);
        Assert.Equal(idNumber, again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#idNumber")!.Value);
        Assert.Null(await FindAsync("13912345602"));
    }

    [Fact]
    public async Task A_weak_password_or_a_bad_mobile_number_is_refused()
    {
        var client = portal.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync("/Account/SignUp");
        var form = Form("510107199506124520", "1391234560");
        form["Input.Password"] = form["Input.ConfirmPassword"] = "abcdefgh";

        var response = await client.SubmitAsync(page, "form.card", form);

        var again = await HtmlForms.ReadAsync(response);
        Assert.Contains("11位", again.QuerySelector("#Input_Mobile-error")!.TextContent, StringComparison.Ordinal);
        var fixedMobile = Form("510107199506124520", "13912345603");
        fixedMobile["Input.Password"] = fixedMobile["Input.ConfirmPassword"] = "abcdefgh";
        var second = await HtmlForms.ReadAsync(await client.SubmitAsync(again, "form.card", fixedMobile));
        Assert.Contains("三类", second.QuerySelector("#Input_Password-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await FindAsync("13912345603"));
    }

    [Fact]
    public async Task One_account_per_ID_number()
    {
        var client = portal.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync("/Account/SignUp");

        var response = await client.SubmitAsync(page, "form.card", Form("510104199001011230", "13912345604"));

        var again = await HtmlForms.ReadAsync(response);
        Assert.Contains("已注册", again.QuerySelector("#Input_IdNumber-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes()
    {
        var client = portal.CreateBrowserlessClient();
        var signUp = await client.GetDocumentAsync("/Account/SignUp");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(signUp, "form.card", Form("510105200103150065", "13912345605"))).StatusCode);

        var attacker = portal.CreateBrowserlessClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var page = await attacker.GetDocumentAsync("/Account/SignIn");
            var failed = await HtmlForms.ReadAsync(await attacker.SubmitAsync(page, "form.card", new Dictionary<string, string>
            {
                ["Input.Login"] = "13912345605",
                ["Input.Password"] = "Wrong#Pass1",
            }));
            Assert.Contains(attempt < 5 ? "不正确" : "锁定", failed.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        }

        var signIn = await attacker.GetDocumentAsync("/Account/SignIn");
        var locked = await HtmlForms.ReadAsync(await attacker.SubmitAsync(signIn, "form.card", new Dictionary<string, string>
        {
            ["Input.Login"] = "13912345605",
            ["Input.Password"] = Password,
        }));
        Assert.Contains("15分钟", locked.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
    }
}
