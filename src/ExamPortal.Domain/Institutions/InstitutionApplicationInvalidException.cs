using System.Collections.ObjectModel;
using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Institutions;

// Every problem of an application form at once, keyed by the property name of the field ("CreditCode"), so
// the page can put each message next to its field; the message joins them for callers that show only one line.
public sealed class InstitutionApplicationInvalidException(IReadOnlyDictionary<string, string> problems)
    : DomainRuleException($"申请信息有{problems.Count}处需要修改：{string.Join("；", problems.Values)}")
{
    public IReadOnlyDictionary<string, string> Problems { get; } =
        new ReadOnlyDictionary<string, string>(new OrderedDictionary<string, string>(problems));
}
