using System.Diagnostics.CodeAnalysis;

namespace ExamPortal.Domain.Calendar;

// A day on which the State Council's holiday arrangement overrides the Monday–Friday rule.
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "An exception to the weekly calendar, the usual calendaring term; the web layer already codes against this name.")]
public sealed record CalendarException(DateOnly Date, CalendarDayKind Kind, string Note);
