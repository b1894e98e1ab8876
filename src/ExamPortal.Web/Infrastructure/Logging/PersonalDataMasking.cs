using System.Text.RegularExpressions;
using ExamPortal.Domain.People;
using Serilog.Core;
using Serilog.Events;

namespace ExamPortal.Web.Infrastructure.Logging;

/// <summary>
/// Last line of defence: code logs ids, never ID or phone numbers, but a value that slips into a
/// log property (a query string, an exception message) is masked before any sink sees it.
/// </summary>
public sealed partial class PersonalDataMasking : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToArray())
        {
            if (value is ScalarValue { Value: string text } && Mask(text) is var masked && !ReferenceEquals(masked, text))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(masked)));
            }
        }
    }

    public static string Mask(string text)
    {
        if (!DigitRun().IsMatch(text))
        {
            return text;
        }

        var masked = IdNumber().Replace(text, m => IdentityNumber.Mask(m.Value));
        return Mobile().Replace(masked, m => MobileNumber.Mask(m.Value));
    }

    [GeneratedRegex(@"\d{11}")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)1\d{10}(?!\d)")]
    private static partial Regex Mobile();
}
