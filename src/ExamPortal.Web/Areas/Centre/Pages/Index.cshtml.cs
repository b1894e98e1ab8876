using ExamPortal.Web.Features.Schedule;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages;

/// <summary>A page of the centre console and the folder policy that guards it.</summary>
public sealed record ConsoleLink(string Page, string Text, string Id, string Policy);

public sealed class IndexModel(ScheduleQueries schedule, IAuthorizationService authorization) : PageModel
{
    // The same policies as the folders in Program.cs, so a role is offered exactly the pages it may open.
    private static readonly ConsoleLink[] DailyWork =
    [
        new("/Reviews/Index", "报名审核", "reviews-link", Policies.CentreReview),
        new("/Corrections/Index", "更正申请", "corrections-link", Policies.CentreReview),
        new("/Submissions/Index", "机构提交与纸质原件", "submissions-link", Policies.CentreReview),
        new("/Payments/Index", "缴费确认", "payments-link", Policies.CentreFinance),
        new("/Plans/Index", "考核计划人数", "plans-link", Policies.Centre),
        new("/Tickets/Index", "准考证与考场", "tickets-link", Policies.CentreExam),
        new("/Results/Index", "成绩与公示", "results-link", Policies.CentreExam),
        new("/Certificates/Index", "证书核发与台账", "certificates-link", Policies.CentreExam),
    ];

    private static readonly ConsoleLink[] Administration =
    [
        new("/Admin/Batches/Index", "考核批次", "batches-link", Policies.CentreAdmin),
        new("/Admin/Calendar/Index", "节假日日历", "calendar-admin-link", Policies.CentreAdmin),
        new("/Admin/Projects/Index", "考核项目", "projects-link", Policies.CentreAdmin),
        new("/Admin/Venues/Index", "考点和考场", "venues-link", Policies.CentreAdmin),
        new("/Admin/Institutions/Index", "报名机构", "institutions-link", Policies.CentreAdmin),
        new("/Admin/InstitutionApplications/Index", "报名机构申请", "applications-link", Policies.CentreAdmin),
        new("/Admin/Accounts/Index", "工作人员账户", "accounts-link", Policies.CentreAdmin),
        new("/Admin/PaymentSettings", "缴费设置", "payment-settings-link", Policies.CentreAdmin),
        new("/Admin/Outbox/Index", "发送记录", "outbox-link", Policies.CentreAdmin),
        new("/Admin/Audit/Index", "审计日志", "audit-link", Policies.CentreAdmin),
    ];

    public YearSchedule Schedule { get; private set; } = default!;
    public IReadOnlyList<ConsoleLink> Work { get; private set; } = [];
    public IReadOnlyList<ConsoleLink> Admin { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        Schedule = await schedule.ForYearAsync(year, ct);
        Work = await AllowedAsync(DailyWork);
        Admin = await AllowedAsync(Administration);
    }

    private async Task<IReadOnlyList<ConsoleLink>> AllowedAsync(IEnumerable<ConsoleLink> links)
    {
        var allowed = new List<ConsoleLink>();
        foreach (var link in links)
        {
            if ((await authorization.AuthorizeAsync(User, link.Policy)).Succeeded)
            {
                allowed.Add(link);
            }
        }

        return allowed;
    }
}
