using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ExamPortal.Bench;

/// <summary>One request of the rush: which kind of page it was, how long it took, whether it answered as it should.</summary>
internal sealed record PageTiming(string Kind, double Milliseconds, bool Failed);

/// <summary>What the candidate types on the details form (besides what the page already holds), by field name.</summary>
internal sealed record RushForm(IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> Declarations);

/// <summary>A step of the wizard answered other than a browser would have been led on: the candidate stops there.</summary>
internal sealed class RushStepException(string message) : Exception(message);

/// <summary>
/// One candidate with a browser's cookie jar of their own, going through the pages as a browser does: every form is
/// read from the page (its action and hidden fields, the antiforgery token among them) and posted with what the person
/// types or picks; every redirect is followed with a GET, and every request is timed under the kind of page it is.
/// An answer other than the one the wizard leads to (a 4xx/5xx, a form shown again with an error, a redirect elsewhere)
/// is a failed step.
/// </summary>
internal sealed partial class RushCandidate : IDisposable
{
    private readonly HttpClient _client;
    private readonly List<PageTiming> _timings = [];

    public RushCandidate(Uri portal)
    {
        _client = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = portal,
            Timeout = TimeSpan.FromSeconds(120),
        };
    }

    public IReadOnlyList<PageTiming> Timings => _timings;

    public void Dispose() => _client.Dispose();

    /// <summary>GET the sign-in form, POST it; the portal answers with a redirect and the cookie.</summary>
    public async Task SignInAsync(string login, string password)
    {
        var page = await GetAsync("sign-in form (GET)", "/Account/SignIn");
        var form = Form.Find(page, "name=\"Input.Login\"", "/Account/SignIn");
        form.Fields["Input.Login"] = login;
        form.Fields["Input.Password"] = password;
        var location = await PostAsync("sign-in (POST)", form, null);
        if (location.Contains("SignIn", StringComparison.OrdinalIgnoreCase))
        {
            throw new RushStepException($"sign-in of {login} was refused");
        }
    }

    /// <summary>The whole wizard, from choosing the plan to the submitted registration's page.</summary>
    public async Task<Guid> RegisterAsync(int planId, RushForm details, byte[] photo, IReadOnlyList<byte[]> scans)
    {
        var choose = await GetAsync("page (GET)", "/Candidate/Registrations/New");
        var started = await PostAsync("start draft (POST)", Form.Find(choose, $"id=\"plan-{planId}\"", "/Candidate/Registrations/New"), null);
        var id = Guid.Parse(Expect(started, "/Candidate/Registrations/Details/").Split('/')[^1].Split('?')[0]);
        var root = "/Candidate/Registrations/";

        var detailsPage = await GetAsync("page (GET)", started);
        var detailsForm = Form.Find(detailsPage, "name=\"Input.Address\"", started);
        foreach (var (name, value) in details.Fields)
        {
            detailsForm.Fields[name] = value;
        }

        detailsForm.Repeated["Input.Declarations"] = details.Declarations;
        var photoUrl = Expect(await PostAsync("form (POST)", detailsForm, null), $"{root}Photo/{id}");

        var photoPage = await GetAsync("page (GET)", photoUrl);
        var offered = Expect(await PostAsync("photo upload (POST)", Form.Find(photoPage, "id=\"photo-upload\"", photoUrl), ("upload", "IMG_20260310_101500.jpg", photo)), "pending=");
        var preview = await GetAsync("page (GET)", offered);
        var scansUrl = Expect(await PostAsync("form (POST)", Form.Find(preview, "id=\"photo-accept\"", offered), null), $"{root}Scans/{id}");

        var scansPage = await GetAsync("page (GET)", scansUrl);
        var proof = Form.Find(scansPage, "id=\"proof-case\"", scansUrl);
        proof.Fields["proofCase"] = "GraduationCertificate";
        scansUrl = Expect(await PostAsync("form (POST)", proof, null), $"{root}Scans/{id}");
        string[] slots = ["ApplicationForm", "IntegrityCommitment", "EducationProof", "IdCardFront", "IdCardBack"];
        for (var i = 0; i < slots.Length; i++)
        {
            scansPage = await GetAsync("page (GET)", scansUrl);
            var upload = Form.Find(scansPage, $"id=\"scan-{slots[i]}\"", scansUrl);
            scansUrl = Expect(await PostAsync("scan upload (POST)", upload, ("upload", $"{slots[i]}.jpg", scans[i])), $"{root}Scans/{id}");
            if (scansUrl.Contains("pending", StringComparison.Ordinal))
            {
                throw new RushStepException($"scan {slots[i]} was offered re-encoding instead of being accepted");
            }
        }

        await GetAsync("page (GET)", scansUrl);
        var commitmentUrl = $"{root}Commitment/{id}";
        var commitment = Form.Find(await GetAsync("page (GET)", commitmentUrl), "name=\"Accepted\"", commitmentUrl);
        commitment.Fields["Accepted"] = "true";
        var summaryUrl = Expect(await PostAsync("form (POST)", commitment, null), $"{root}Summary/{id}");
        var summary = await GetAsync("page (GET)", summaryUrl);
        var view = Expect(await PostAsync("submit (POST)", Form.Find(summary, "name=\"Version\"", summaryUrl), null), $"{root}View/{id}");
        var done = await GetAsync("page (GET)", view);
        if (!done.Contains("待审核", StringComparison.Ordinal))
        {
            throw new RushStepException("the registration's page after submitting does not say 待审核");
        }

        return id;
    }

    private static string Expect(string location, string part) =>
        location.Contains(part, StringComparison.Ordinal) ? location : throw new RushStepException($"redirected to {location}, not {part}");

    private async Task<string> GetAsync(string kind, string url)
    {
        var start = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new RushStepException($"GET {url}: {(int)response.StatusCode}");
            }

            failed = false;
            return body;
        }
        finally
        {
            _timings.Add(new PageTiming(kind, Stopwatch.GetElapsedTime(start).TotalMilliseconds, failed));
        }
    }

    // Posts the form (multipart with the file when there is one, as the upload forms are) and returns where the
    // portal redirects to: every successful post of the wizard is a post/redirect/get.
    private async Task<string> PostAsync(string kind, Form form, (string Field, string Name, byte[] Content)? file)
    {
        HttpContent content;
        if (file is { } upload)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in form.All())
            {
                multipart.Add(new StringContent(value), name);
            }

            var bytes = new ByteArrayContent(upload.Content);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            multipart.Add(bytes, upload.Field, upload.Name);
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(form.All());
        }

        var start = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            using (content)
            using (var response = await _client.PostAsync(new Uri(form.Action, UriKind.Relative), content))
            {
                await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } location)
                {
                    throw new RushStepException($"POST {form.Action}: {(int)response.StatusCode} instead of a redirect (the form came back, or an error)");
                }

                failed = false;
                return location.OriginalString;
            }
        }
        finally
        {
            _timings.Add(new PageTiming(kind, Stopwatch.GetElapsedTime(start).TotalMilliseconds, failed));
        }
    }

    /// <summary>A form read from the page's HTML: its action and the fields a browser would send as they stand.</summary>
    private sealed partial class Form(string action)
    {
        public string Action { get; } = action;

        public Dictionary<string, string> Fields { get; } = [];

        public Dictionary<string, IReadOnlyList<string>> Repeated { get; } = [];

        public IEnumerable<KeyValuePair<string, string>> All() =>
            Fields.Concat(Repeated.SelectMany(r => r.Value.Select(v => KeyValuePair.Create(r.Key, v))));

        /// <summary>The form around the first occurrence of <paramref name="marker"/>, posted to <paramref name="pageUrl"/> when it names no action.</summary>
        public static Form Find(string html, string marker, string pageUrl)
        {
            var at = html.IndexOf(marker, StringComparison.Ordinal);
            var open = at < 0 ? -1 : html.LastIndexOf("<form", at, StringComparison.Ordinal);
            var close = open < 0 ? -1 : html.IndexOf("</form>", open, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new RushStepException($"no form with {marker} on {pageUrl}");
            }

            var tag = html[open..html.IndexOf('>', open)];
            var action = ActionPattern().Match(tag) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : pageUrl;
            var form = new Form(action);
            foreach (Match input in InputPattern().Matches(html[open..close]))
            {
                var type = Attribute(input.Value, "type") ?? "text";
                if (Attribute(input.Value, "name") is { } name && type is "hidden" or "text" or "tel" or "date"
                    && Attribute(input.Value, "value") is { } value)
                {
                    form.Fields[name] = WebUtility.HtmlDecode(value);
                }
            }

            return form;
        }

        private static string? Attribute(string tag, string name) =>
            Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"", RegexOptions.CultureInvariant) is { Success: true } m ? m.Groups[1].Value : null;

        [GeneratedRegex("\\saction=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
        private static partial Regex ActionPattern();

        [GeneratedRegex("<input\\b[^>]*>", RegexOptions.CultureInvariant)]
        private static partial Regex InputPattern();
    }
}
