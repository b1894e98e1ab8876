using System.Net;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Features.Registrations;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Centre;

[Collection(SharedPortal.Name)]
public sealed class ReviewTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task The_queue_lists_submissions_oldest_first_and_the_review_page_shows_every_file()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (first, _, _) = await _scenario.CandidateAsync();
        var (second, _, _) = await _scenario.CandidateAsync();
        var older = await _scenario.SubmittedAsync(first, projectCode: "03");
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen.AddMinutes(5));
        var newer = await _scenario.SubmittedAsync(second, projectCode: "03");
        var reviewer = await portal.AsAsync(Role.CentreReviewer);

        var queue = await reviewer.GetDocumentAsync($"/Centre/Reviews?ProjectId={await ProjectIdAsync("03")}");

        var links = queue.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(links.IndexOf($"/Centre/Reviews/Review/{older}") < links.IndexOf($"/Centre/Reviews/Review/{newer}"));
        var review = await reviewer.GetDocumentAsync($"/Centre/Reviews/Review/{older}");
        Assert.Equal(6, review.QuerySelectorAll(".doc-grid figure").Length);
        var image = review.QuerySelector(".doc-grid img")!.GetAttribute("src")!;
        var file = await reviewer.GetAsync(image);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Return_and_reject_need_a_reason_and_keep_what_the_reviewer_typed()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (candidate, _, _) = await _scenario.CandidateAsync();
        var id = await _scenario.SubmittedAsync(candidate);
        var reviewer = await portal.AsAsync(Role.CentreReviewer);
        var page = await reviewer.GetDocumentAsync($"/Centre/Reviews/Review/{id}");

        var response = await reviewer.SubmitAsync(page, "form[action*='handler=Return']", new Dictionary<string, string>
        {
            ["Input.Reason"] = "  ",
            ["Input.Items"] = "身份证正面",
        });

        var again = await HtmlForms.ReadAsync(response);
        Assert.Contains("请填写原因", again.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(again.QuerySelectorAll("input[name='Input.Items'][checked]"), i => i.GetAttribute("value") == "身份证正面");
        Assert.Equal(RegistrationStatus.Submitted, (await _scenario.RegistrationAsync(id)).Status);
    }

    [Fact]
    public async Task Two_reviewers_at_once_one_wins_and_the_other_is_told_it_changed()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (candidate, _, _) = await _scenario.CandidateAsync();
        var id = await _scenario.SubmittedAsync(candidate);
        var alice = await portal.AsAsync(Role.CentreReviewer);
        var bob = await portal.AsAsync(Role.CentreAdmin);
        var alicePage = await alice.GetDocumentAsync($"/Centre/Reviews/Review/{id}");
        var bobPage = await bob.GetDocumentAsync($"/Centre/Reviews/Review/{id}");

        var approved = await alice.SubmitAsync(alicePage, "form[action*='handler=Approve']", new Dictionary<string, string>());
        var returned = await bob.SubmitAsync(bobPage, "form[action*='handler=Return']", new Dictionary<string, string>
        {
            ["Input.Reason"] = "身份证反面不清晰",
            ["Input.Items"] = "身份证反面",
        });

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var bobSees = await HtmlForms.ReadAsync(returned);
        Assert.Contains(WorkflowResult.ConflictMessage, bobSees.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("身份证反面不清晰", bobSees.QuerySelector("#unsaved-input")!.TextContent, StringComparison.Ordinal);
        var registration = await _scenario.RegistrationAsync(id);
        Assert.Equal(RegistrationStatus.Approved, registration.Status);
        Assert.Single(registration.History, e => e.To == RegistrationStatus.Approved);
        Assert.DoesNotContain(registration.History, e => e.To == RegistrationStatus.Returned);
    }

    [Fact]
    public async Task Finance_cannot_review()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (candidate, _, _) = await _scenario.CandidateAsync();
        var id = await _scenario.SubmittedAsync(candidate);

        var result = await _scenario.WorkflowAsync(w => w.ApproveAsync(id, _scenario.VersionOf(id), new Actor("finance", Role.CentreFinance), null, CancellationToken.None));

        Assert.Equal(WorkflowOutcome.Refused, result.Outcome);
        Assert.Equal(RegistrationStatus.Submitted, (await _scenario.RegistrationAsync(id)).Status);
    }

    [Fact]
    public async Task A_returned_registration_expires_once_after_the_review_window_even_when_the_job_runs_twice()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (candidate, _, _) = await _scenario.CandidateAsync();
        var id = await _scenario.SubmittedAsync(candidate);
        var returned = await _scenario.WorkflowAsync(w => w.ReturnAsync(id, _scenario.VersionOf(id), new Actor("reviewer", Role.CentreReviewer), "照片不清晰", ["考生本人照片"], CancellationToken.None));
        Assert.True(returned.Succeeded, returned.Message);

        portal.Clock.SetNow(new DateTimeOffset(2026, 3, 27, 23, 59, 0, ChinaTime.Offset));
        Assert.Equal(0, await RunExpiryAsync());
        portal.Clock.SetNow(new DateTimeOffset(2026, 3, 28, 0, 0, 0, ChinaTime.Offset));
        var runs = await Task.WhenAll(RunExpiryAsync(), RunExpiryAsync());
        var again = await RunExpiryAsync();

        Assert.Equal(0, again);
        var registration = await _scenario.RegistrationAsync(id);
        Assert.Equal(RegistrationStatus.ReturnExpired, registration.Status);
        Assert.Single(registration.History, e => e.To == RegistrationStatus.ReturnExpired && e.ActorUserId == RegistrationEvent.SystemUserId);
        Assert.Single(await _scenario.MessagesAsync(candidate), m => m.Title.Contains("逾期", StringComparison.Ordinal));
        Assert.Equal(1, runs.Sum());

        var response = await _scenario.WorkflowAsync(w => w.SubmitAsync(id, _scenario.VersionOf(id), new Actor(candidate, Role.Candidate), CancellationToken.None));
        Assert.Equal(WorkflowOutcome.Refused, response.Outcome);
    }

    private async Task<int> RunExpiryAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReturnExpiry>().RunAsync(CancellationToken.None);
    }

    private async Task<int> ProjectIdAsync(string code)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.PortalDbContext>();
        return db.Projects.Single(p => p.Code == code).Id;
    }
}
