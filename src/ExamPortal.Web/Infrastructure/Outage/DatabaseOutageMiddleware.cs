using System.Net.Sockets;
using ExamPortal.Web.Data;
using ExamPortal.Web.Infrastructure.Http;
using ExamPortal.Web.Infrastructure.Logging;
using Npgsql;

namespace ExamPortal.Web.Infrastructure.Outage;

/// <summary>
/// When PostgreSQL cannot be reached, every page that needs it answers 503 with a Chinese maintenance page written
/// here, without the layout (which itself reads the database) and without any detail of the failure. The portal's
/// idle connections are dropped so that, once the server is back, the next request opens a fresh one instead of
/// failing on a connection the outage broke: the portal recovers by itself. Other exceptions go on to /Error (or, in
/// Development, the developer page), which this middleware sits inside of.
/// </summary>
public sealed class DatabaseOutageMiddleware(RequestDelegate next, PortalDatabase database, ILogger<DatabaseOutageMiddleware> logger)
{
    public const string RetryAfterSeconds = "30";

    public const string Heading = "系统维护中，请稍后再试";

    private const string Page = $$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>系统维护中 - 专项职业能力考核报名平台</title>
        <link rel="stylesheet" href="/css/site.css">
        </head>
        <body>
        <main class="container" id="maintenance">
        <h1>{{Heading}}</h1>
        <p class="lead">报名平台的数据服务暂时不可用，工作人员正在处理。已成功提交的报名、照片和缴费信息均已保存，不会丢失。</p>
        <p>请约 {{RetryAfterSeconds}} 秒后刷新本页；如刚才正在提交表单，请返回上一页确认内容后重新提交。如长时间无法访问，请致电 028-86156861。</p>
        <p><a class="button" href="/">返回首页</a></p>
        </main>
        </body>
        </html>
        """;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (Exception exception) when (IsOutage(exception) && !context.Response.HasStarted)
        {
            logger.DatabaseUnavailable(exception.GetType().Name);
            using (var connection = new NpgsqlConnection(database.ConnectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            var response = context.Response;
            response.Clear();
            SecurityHeaders.Apply(response.Headers);
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = RetryAfterSeconds;
            response.Headers.CacheControl = "no-store";
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(Page, context.RequestAborted);
        }
    }

    /// <summary>
    /// The server cannot be reached or is going away — not a query's own error (a unique violation, say), which the
    /// server answered and which is a fault of ours to show as one.
    /// </summary>
    public static bool IsOutage(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;
                case NpgsqlException:
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}
