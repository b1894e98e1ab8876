using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ExamPortal.Tests.Support;

/// <summary>Reads pages and submits their real forms (antiforgery token included), as a browser would.</summary>
public static class HtmlForms
{
    public static async Task<IDocument> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ReadAsync(response);
    }

    /// <summary>Fills the form's fields by name, keeps every other field (hidden ones included) as the page gave it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IDocument page, string formSelector, IReadOnlyDictionary<string, string> values) =>
        await client.SubmitAsync(page, FormOf(page, formSelector), values);

    /// <summary>As a click on one of the form's submit buttons: the button's formaction (its page handler) decides where it posts.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IDocument page, string formSelector, IReadOnlyDictionary<string, string> values, string buttonSelector)
    {
        var form = FormOf(page, formSelector);
        var button = form.QuerySelector(buttonSelector) ?? throw new InvalidOperationException($"no {buttonSelector} in {formSelector}");
        var target = button.GetAttribute("formaction") is { Length: > 0 } action ? new Uri(new Uri(page.Url), action) : ActionOf(page, form);
        return await client.PostAsync(target, new FormUrlEncodedContent(FieldsOf(form, values)));
    }

    /// <summary>As above, for a form found some other way (several alike forms on one page, none with an id).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IDocument page, IHtmlFormElement form, IReadOnlyDictionary<string, string> values) =>
        await client.PostAsync(ActionOf(page, form), new FormUrlEncodedContent(FieldsOf(form, values)));

    /// <summary>
    /// Posts to a handler the page does not offer a form for (as a stale tab or a hand-made request would), with the
    /// antiforgery token of the signed-in session taken from any form of the page (the layout's sign-out form at least).
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, IDocument tokenSource, string url,
        IReadOnlyDictionary<string, string> values, (string Field, byte[] Content, string FileName, string ContentType)? file = null)
    {
        var token = tokenSource.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenSource.Url}");
        if (file is not { } upload)
        {
            return await client.PostAsync(url, new FormUrlEncodedContent([.. values, new("__RequestVerificationToken", token)]));
        }

        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            body.Add(new StringContent(value), name);
        }

        body.Add(new StringContent(token), "__RequestVerificationToken");
        var content = new ByteArrayContent(upload.Content);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(upload.ContentType);
        body.Add(content, upload.Field, upload.FileName);
        return await client.PostAsync(url, body);
    }

    /// <summary>Submits a multipart form with one file and every other field of the form, as a browser does.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, IDocument page, string formSelector, string fileField,
        byte[] content, string fileName, string contentType, IReadOnlyDictionary<string, string>? values = null, bool expectContinue = false)
    {
        var form = FormOf(page, formSelector);
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in FieldsOf(form, values ?? new Dictionary<string, string>()))
        {
            body.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        body.Add(file, fileField, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, ActionOf(page, form)) { Content = body };
        request.Headers.ExpectContinue = expectContinue;
        return await client.SendAsync(request);
    }

    private static IHtmlFormElement FormOf(IDocument page, string selector) =>
        page.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form {selector} on {page.Url}");

    private static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form, IReadOnlyDictionary<string, string> values)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || values.ContainsKey(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        fields.Add(new(name, box.Value));
                    }

                    break;
                case IHtmlInputElement { Type: "file" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    // With no option marked selected, a browser sends the first one.
                    var chosen = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault();
                    fields.Add(new(name, chosen?.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }

        fields.AddRange(values);
        return fields;
    }

    private static Uri ActionOf(IDocument page, IHtmlFormElement form) =>
        form.GetAttribute("action") is { Length: > 0 } action ? new Uri(new Uri(page.Url), action) : new Uri(page.Url);

    /// <summary>Asserts a post/redirect/get answer; when the page came back instead, says what it complained about.</summary>
    public static async Task<string> RedirectedToAsync(this HttpResponseMessage response)
    {
        if (response.StatusCode == System.Net.HttpStatusCode.Redirect)
        {
            return response.Headers.Location!.OriginalString;
        }

        var page = await ReadAsync(response);
        var problems = string.Join(" | ", page.QuerySelectorAll(".validation-summary li, .field-error").Select(e => e.TextContent.Trim()));
        Assert.Fail($"Expected a redirect, got {(int)response.StatusCode}: {problems}");
        return string.Empty;
    }
}
