using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Infrastructure.Clock;
using Npgsql;

namespace ExamPortal.Tests.Areas;

/// <summary>
/// Every page and handler of the portal (from its endpoint data) × anonymous and each role, against AuthorizationMatrix:
/// anonymous on a protected handler is sent to sign-in, a role outside the row gets 403, a role inside it gets neither
/// (a 404 for an id that exists nowhere is fine). POSTs carry the session's antiforgery token, so the answer is the
/// authorization decision and not a missing token; without the token every POST is refused with 400.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class AuthorizationMatrixTests(PortalFactory portal)
{
    /// <summary>Pages that may skip antiforgery validation, each with the reason.</summary>
    private static readonly Dictionary<string, string> AntiforgeryExemptions = new(StringComparer.Ordinal)
    {
        ["/Error"] = "the status-code page re-executes a refused POST (a 413 upload) to show its Chinese message; it reads no input and changes nothing",
    };

    /// <summary>Endpoints that are not pages, each with the reason it may exist and how it is guarded.</summary>
    private static readonly Dictionary<string, string> OtherEndpoints = new(StringComparer.Ordinal)
    {
        ["/health"] = "health check for the load balancer: answers Healthy/Unhealthy, no data",
        ["/dev/sms"] = "SMS provider stand-in, mapped only with Sms:Capture outside Production; bearer key checked",
        ["/dev/jobs/{job}"] = "deadline jobs on request, mapped only with Jobs:RunOnRequest outside Production",
        ["/bench/floor/"] = "benchmark floors, mapped only with Bench:Floors outside Production",
    };

    public static TheoryData<Role> Roles { get; } = [.. Enum.GetValues<Role>()];

    /// <summary>A minute no other test sets, so the public lookups posted here do not spend another test's rate-limit window.</summary>
    private static readonly DateTimeOffset MatrixMinute = new(2026, 3, 10, 3, 17, 0, ChinaTime.Offset);

    [Fact]
    public async Task Every_page_and_handler_has_a_row_in_the_matrix_and_every_row_a_page()
    {
        var pages = await PortalEndpoints.PagesAsync(portal.Services);

        var problems = new List<string>();
        foreach (var page in pages)
        {
            var found = string.Join(' ', page.Handlers);
            if (!AuthorizationMatrix.Rows.TryGetValue(page.Key, out var row))
            {
                var access = page.Area switch { null => AuthorizationMatrix.Anonymous, "Candidate" => "Candidate", "Institution" => "InstitutionStaff", _ => "centre" };
                problems.Add($"no row for page {page.Key} — add: {page.Key,-50} {access,-17} {found}");
                continue;
            }

            problems.AddRange(page.Handlers.Select(h => h.ToString()).Except(row.Handlers).Select(h => $"handler {h} of {page.Key} is not in its row"));
            problems.AddRange(row.Handlers.Except(page.Handlers.Select(h => h.ToString())).Select(h => $"row {page.Key} lists handler {h}, which the page does not have"));
            if (page.Area is { } area && (area == "Centre") != (row.Access == "centre"))
            {
                problems.Add($"row {page.Key} has access {row.Access}, which does not fit the {area} area");
            }
        }

        problems.AddRange(AuthorizationMatrix.Rows.Keys.Except(pages.Select(p => p.Key)).Select(k => $"row {k} names a page that does not exist"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_endpoint_that_is_not_a_page_is_listed_with_its_reason()
    {
        var unlisted = PortalEndpoints.OtherRoutes(portal.Services).Where(r => !OtherEndpoints.Keys.Any(r.StartsWith)).ToList();

        Assert.True(unlisted.Count == 0, $"endpoints outside Razor Pages without a reason: {string.Join(", ", unlisted)}");
    }

    [Fact]
    public async Task Anonymous_visitors_use_public_handlers_and_are_sent_to_sign_in_from_every_other_one()
    {
        portal.Clock.SetNow(MatrixMinute);
        var client = portal.CreateBrowserlessClient();

        var failures = await CheckAsync(client, await client.GetDocumentAsync("/Account/SignIn"), row => row.IsPublic, anonymous: true);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_uses_exactly_the_handlers_of_its_rows(Role role)
    {
        portal.Clock.SetNow(MatrixMinute);
        var client = await ClientAsync(role);
        var home = role switch { Role.Candidate => "/Candidate", Role.InstitutionStaff => "/Institution", _ => "/Centre" };

        var failures = await CheckAsync(client, await client.GetDocumentAsync(home), row => row.AllowedRoles.Contains(role), anonymous: false);

        Assert.True(failures.Count == 0, $"{role}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Fact]
    public async Task Every_post_handler_refuses_a_post_without_the_antiforgery_token_and_changes_nothing()
    {
        portal.Clock.SetNow(MatrixMinute);
        var pages = await PortalEndpoints.PagesAsync(portal.Services);
        var clients = new Dictionary<Role, HttpClient>();
        var anonymous = portal.CreateBrowserlessClient();
        foreach (var role in Enum.GetValues<Role>())
        {
            clients[role] = await ClientAsync(role);
        }

        var before = await FingerprintAsync();
        var failures = new List<string>();
        var posts = 0;
        foreach (var page in pages.Where(p => !AntiforgeryExemptions.ContainsKey(p.Key)))
        {
            var row = AuthorizationMatrix.Rows[page.Key];
            var client = row.IsPublic ? anonymous : clients[row.AllowedRoles[0]];
            foreach (var handler in page.Handlers.Where(h => h.IsPost))
            {
                var response = await client.PostAsync(handler.Url(page.Url), new FormUrlEncodedContent([new("Reason", "无令牌提交")]));
                posts++;
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"POST {handler.Url(page.Url)} without a token answered {(int)response.StatusCode}");
                }
            }
        }

        var after = await FingerprintAsync();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(posts > 50, $"only {posts} POST handlers found");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task No_page_skips_antiforgery_unless_listed_with_a_reason()
    {
        var pages = await PortalEndpoints.PagesAsync(portal.Services);

        var skipping = pages.Where(p => p.Handlers.Any(p.IgnoresAntiforgery)).Select(p => p.Key).ToList();

        Assert.Equal(AntiforgeryExemptions.Keys.Order(StringComparer.Ordinal), skipping.Order(StringComparer.Ordinal));
    }

    private async Task<List<string>> CheckAsync(HttpClient client, IDocument tokenSource, Func<MatrixRow, bool> allowed, bool anonymous)
    {
        var pages = await PortalEndpoints.PagesAsync(portal.Services);
        var failures = new List<string>();
        // Signing out ends the session the other checks use: it goes last.
        foreach (var page in pages.OrderBy(p => p.Key == "/Account/SignOut"))
        {
            var row = AuthorizationMatrix.Rows[page.Key];
            foreach (var handler in page.Handlers)
            {
                var url = handler.Url(page.Url);
                var response = handler.IsPost
                    ? await client.PostWithTokenAsync(tokenSource, url, new Dictionary<string, string>())
                    : await client.GetAsync(url);
                var status = (int)response.StatusCode;
                var toSignIn = response.StatusCode == HttpStatusCode.Redirect && PathOf(response).StartsWith("/Account/SignIn", StringComparison.Ordinal);
                var problem = (allowed(row), anonymous) switch
                {
                    (true, _) when status is 401 or 403 || status >= 500 || toSignIn || (handler.IsPost && status == 400) => "allowed, but refused or failed",
                    (false, true) when !toSignIn => "protected, but not sent to sign-in",
                    (false, false) when status != 403 => "not allowed, but not 403",
                    _ => null,
                };
                if (problem is not null)
                {
                    failures.Add($"{handler.Method} {url} ({page.Key} {handler}): {problem}, answered {status} {response.Headers.Location}");
                }
            }
        }

        return failures;
    }

    private static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? string.Empty : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    /// <summary>
    /// A signed-in client of the role. A candidate and an institution get fresh accounts, so the empty forms posted here
    /// (mark messages read, print tickets) touch no account another test relies on; centre roles use the demo staff.
    /// </summary>
    private async Task<HttpClient> ClientAsync(Role role)
    {
        var scenario = new Scenario(portal);
        switch (role)
        {
            case Role.Candidate:
                var (_, mobile, _) = await scenario.CandidateAsync();
                return await portal.AsAsync(mobile, Scenario.Password);
            case Role.InstitutionStaff:
                var code = $"91510104MA{Guid.NewGuid():N}"[..17].ToUpperInvariant() + "X";
                var (client, _, _) = await scenario.InstitutionAsync(code, $"matrix-{Guid.NewGuid():N}@inst.example");
                return client;
            default:
                return await portal.AsAsync(role);
        }
    }

    /// <summary>Every table's row count and the sum of its rows' xmin: any insert, update or delete changes it.</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select string_agg(relname || '=' || (xpath('/row/f/text()', query_to_xml(format(
                'select count(*)::text || ''/'' || coalesce(sum(xmin::text::bigint), 0)::text as f from %I.%I', schemaname, relname),
                false, true, '')))[1]::text, ',' order by relname)
            from pg_stat_user_tables
            """, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
    }
}
