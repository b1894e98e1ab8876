using ExamPortal.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Heading => Code switch
    {
        403 => "无权访问此页面",
        400 => "请求无法处理",
        404 => "页面不存在",
        413 => "上传的文件过大",
        429 => "请求过于频繁",
        _ => "系统暂时出错",
    };

    public string Advice => Code switch
    {
        403 => "您当前登录的账户没有访问此页面的权限。请换用相应角色的账户登录，或返回首页。",
        400 => "提交的内容不完整或已超过大小限制。您已保存的信息不受影响，请返回上一页重试。",
        404 => "您访问的页面或记录不存在，或您无权查看。请检查链接是否完整，或从首页重新进入。",
        413 => "单个文件不能超过10MB。您已保存的信息不受影响，请返回上一页，压缩文件或换一个文件后重新上传。",
        429 => RetryAdvice(),
        _ => "很抱歉，处理您的请求时出现问题。您已填写的内容不会因此丢失，请稍后重试；如仍有问题请致电 028-86156861。",
    };

    // No handler parameters: a re-executed POST (an upload refused as too large) must not read its body again.
    public void OnGet() => Code = CodeFromRoute();

    public void OnPost() => Code = CodeFromRoute();

    // The rate limiter leaves how long the client must wait (its window).
    private string RetryAdvice()
    {
        var seconds = HttpContext.Items[PortalRateLimits.RetryAfterItem] as int? ?? 60;
        var wait = seconds < 60 ? $"{seconds}秒" : $"{(int)Math.Ceiling(seconds / 60.0)}分钟";
        return $"同一网络地址在短时间内的访问次数已超过限制，为保护考生信息，系统暂时停止受理。请于{wait}后返回上一页重新提交。";
    }

    // Only error statuses: /Error/200 or /Error/987654321 typed by hand is a page that does not exist, not a status line
    // the client cannot read.
    private int CodeFromRoute() => RouteData.Values["code"]?.ToString() is not { } text
        ? 500
        : int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599 ? code : 404;
}
