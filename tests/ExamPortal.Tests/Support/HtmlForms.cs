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
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IDocument page, string formSelector, IReadOnlyDictionary<string, string> values)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {page.Url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !values.ContainsKey(name):
                    if (box.IsChecked)
                    {
                        fields.Add(new(name, box.Value));
                    }

                    break;
                case IHtmlInputElement input when !values.ContainsKey(name):
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select when !values.ContainsKey(name):
                    fields.Add(new(name, select.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area when !values.ContainsKey(name):
                    fields.Add(new(name, area.Value));
                    break;
            }
        }

        fields.AddRange(values);
        return await client.PostAsync(ActionOf(page, form), new FormUrlEncodedContent(fields));
    }

    /// <summary>Submits a multipart form with one file, carrying the form's hidden fields (antiforgery included).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, IDocument page, string formSelector, string fileField,
        byte[] content, string fileName, string contentType, IReadOnlyDictionary<string, string>? values = null, bool expectContinue = false)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {page.Url}");
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name)))
        {
            if (values?.ContainsKey(hidden.Name!) != true)
            {
                body.Add(new StringContent(hidden.Value), hidden.Name!);
            }
        }

        foreach (var (name, value) in values ?? new Dictionary<string, string>())
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
