using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace ExamPortal.Web.Infrastructure.Display;

public static class PageLinks
{
    /// <summary>The current URL with another page number, keeping every filter the user chose.</summary>
    public static string WithPage(this HttpRequest request, int page)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var builder = new QueryBuilder(query.Where(pair => pair.Key != "page").SelectMany(pair => pair.Value.Select(v => new KeyValuePair<string, string>(pair.Key, v ?? string.Empty))))
        {
            { "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return request.Path + builder.ToQueryString().Value;
    }
}
