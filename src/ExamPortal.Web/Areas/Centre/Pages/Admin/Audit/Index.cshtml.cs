using ExamPortal.Web.Features.Audit;
using ExamPortal.Web.Features.Exports;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Audit;

/// <summary>
/// 审计日志 (CentreAdmin): the audit trail and every registration's history, searched by registration, person, actor,
/// action and dates; read-only. The form is posted so that an ID number or a phone number typed in never lands in a URL:
/// they are turned into the person's key and the actor's account id, and the page redirects to a URL with only those.
/// </summary>
public sealed class IndexModel(AuditSearch search, XlsxExport export, QueueExports exports) : PageModel
{
    public const string ListName = "审计日志";

    [BindProperty(SupportsGet = true)] public string? Registration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public string? ActorId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Operation { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public string? ActorLabel { get; private set; }
    public AuditPage? Results { get; private set; }

    public sealed class InputModel
    {
        public string? Registration { get; set; }
        public string? IdNumber { get; set; }
        public string? Actor { get; set; }
        public string? Action { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
    }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        Input = new InputModel { Registration = Registration, Action = Operation, From = From, To = To };
        if (await FilterAsync(ct) is { } filter)
        {
            Results = await search.PageAsync(filter, pageNumber, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Each search starts from the form alone: the person and the actor of the previous search are typed again.
        Person = null;
        ActorId = null;
        Registration = Blank(Input.Registration);
        Operation = Blank(Input.Action);
        From = Input.From;
        To = Input.To;
        if (Blank(Input.Actor) is { } login)
        {
            var actors = await search.ActorsAsync(login, ct);
            if (actors.Count == 1)
            {
                ActorId = actors[0];
            }
            else
            {
                ModelState.AddModelError("Input.Actor", actors.Count == 0
                    ? "没有以此登录的账户：请填写工作人员的邮箱，或考生的手机号码"
                    : "该邮箱登记在多个账户上，无法确定操作人：请改按报名或日期查找");
            }
        }

        if (Blank(Input.IdNumber) is { } idNumber)
        {
            Person = Convert.ToHexString(await search.PersonKeyAsync(idNumber, ct));
        }

        if (ModelState.IsValid && await FilterAsync(ct) is not null)
        {
            return RedirectToPage(new { Registration, Person, ActorId, Operation, From, To });
        }

        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await FilterAsync(ct) is not { } filter)
        {
            return await OnGetAsync(1, ct);
        }

        return export.File(User.ToActor(), ListName, Describe(), exports.Audit(filter, ct));
    }

    // The filter of the query string, or null with the problems added to ModelState.
    private async Task<AuditFilter?> FilterAsync(CancellationToken ct)
    {
        Guid? registrationId = null;
        if (Blank(Registration) is { } registration)
        {
            registrationId = await search.RegistrationAsync(registration, ct);
            if (registrationId is null)
            {
                ModelState.AddModelError("Input.Registration", $"没有报名编号或准考证号为“{registration}”的报名，请核对后重新输入");
            }
        }

        byte[]? personKey = null;
        if (Blank(Person) is { } person)
        {
            personKey = person.Length == 64 && person.All(Uri.IsHexDigit) ? Convert.FromHexString(person) : null;
            if (personKey is null)
            {
                ModelState.AddModelError("Input.IdNumber", "证件号码条件无效，请重新输入证件号码");
            }
        }

        if (Blank(ActorId) is { } actorId)
        {
            ActorLabel = await search.ActorAsync(actorId, ct) is { } actor ? $"{actor.Name}（{AuditLabels.Role(actor.Role)}）" : actorId;
        }

        if (Blank(Operation) is { } action && !AuditLabels.IsTrailAction(action) && !AuditLabels.IsRegistrationAction(action))
        {
            ModelState.AddModelError("Input.Action", "请从列表中选择操作类型");
        }

        if (From > To)
        {
            ModelState.AddModelError("Input.To", "结束日期不能早于开始日期，请调整日期范围");
        }

        return ModelState.IsValid ? new AuditFilter(registrationId, personKey, Blank(ActorId), Blank(Operation), From, To) : null;
    }

    private string Describe() => string.Join("；", new[]
    {
        Registration is null ? null : $"报名：{Registration}",
        Person is null ? null : "人员：按证件号码",
        ActorLabel is null ? null : $"操作人：{ActorLabel}",
        Operation is null ? null : $"操作：{AuditLabels.Action(Operation)}",
        From is null && To is null ? null : $"日期：{From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "不限"} 至 {To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "不限"}",
    }.Where(part => part is not null).DefaultIfEmpty("全部"));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
