using ExamPortal.Domain.Calendar;

namespace ExamPortal.Web.Data.Entities;

/// <summary>A year whose holidays and make-up working days the centre has entered.</summary>
public sealed class CalendarYear
{
    public int Year { get; set; }
    public string Source { get; set; } = string.Empty;
}

public sealed class CalendarDay
{
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string Note { get; set; } = string.Empty;
}
