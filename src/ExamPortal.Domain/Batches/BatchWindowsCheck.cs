using ExamPortal.Domain.Calendar;
using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Batches;

// The checks a batch's dates pass before the centre may save them (issue 9, batches of later years).
//
// Working days: every one of the 40 window starts and ends in attachment 2 falls on a working day of the 2026
// calendar, while every exam is on a Saturday. The windows are the centre's office periods (reviews are answered
// "10个工作日内", payments confirmed and tickets released by staff), so a window opening or closing on a day the
// office is shut would leave candidates without anyone to answer them; hence each start and end must be a working
// day, and the exam date is left free. Section 五 has institutions hand out tickets "在考核日期2个工作日前", so
// ticket printing must open at least two working days before the exam.
// Holidays inside a window are allowed (batch 3's registration spans 清明节) but worth a second look: a warning.
public static class BatchWindowsCheck
{
    public const int TicketHandOutWorkingDays = 2;

    private static readonly (BatchDateField Start, BatchDateField End, string Name)[] Windows =
    [
        (BatchDateField.RegistrationStart, BatchDateField.RegistrationEnd, "报名期"),
        (BatchDateField.ReviewStart, BatchDateField.ReviewEnd, "审核期"),
        (BatchDateField.PaymentStart, BatchDateField.PaymentEnd, "缴费期"),
        (BatchDateField.TicketPrintingStart, BatchDateField.TicketPrintingEnd, "打印准考证期"),
    ];

    private static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public static string Label(BatchDateField field) => field switch
    {
        BatchDateField.RegistrationStart => "报名开始日期",
        BatchDateField.RegistrationEnd => "报名结束日期",
        BatchDateField.ReviewStart => "审核开始日期",
        BatchDateField.ReviewEnd => "审核结束日期",
        BatchDateField.PaymentStart => "缴费开始日期",
        BatchDateField.PaymentEnd => "缴费结束日期",
        BatchDateField.TicketPrintingStart => "打印准考证开始日期",
        BatchDateField.TicketPrintingEnd => "打印准考证结束日期",
        BatchDateField.ExamDate => "考核日期",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "未知的批次日期"),
    };

    public static BatchWindowsVerdict Check(BatchDates dates, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(calendar);
        var errors = new List<BatchDateIssue>();
        var warnings = new List<BatchDateIssue>();

        var missing = Enum.GetValues<BatchDateField>().Where(field => dates[field] is null).ToList();
        if (missing.Count > 0)
        {
            return new([.. missing.Select(field => new BatchDateIssue(field, $"请填写{Label(field)}"))], []);
        }

        DateOnly Of(BatchDateField field) => dates[field]!.Value;

        if (Of(BatchDateField.RegistrationStart).Year != dates.Year)
        {
            errors.Add(new(BatchDateField.RegistrationStart,
                $"报名开始日期（{ChineseText.Date(Of(BatchDateField.RegistrationStart))}）不在{dates.Year}年，请填写{dates.Year}年内的日期，或改正批次年度"));
        }

        foreach (var (start, end, name) in Windows.Where(w => Of(w.End) < Of(w.Start)))
        {
            errors.Add(new(end,
                $"{name}的结束日期（{ChineseText.Date(Of(end))}）早于开始日期（{ChineseText.Date(Of(start))}），请把{Label(end)}改为开始日期当天或之后"));
        }

        errors.AddRange(OrderProblems(Of(BatchDateField.RegistrationStart), Of(BatchDateField.ReviewStart), Of(BatchDateField.PaymentStart),
            Of(BatchDateField.PaymentEnd), Of(BatchDateField.TicketPrintingStart), Of(BatchDateField.TicketPrintingEnd), Of(BatchDateField.ExamDate)));

        var uncovered = Enum.GetValues<BatchDateField>().Select(field => Of(field).Year).Distinct().Order().Where(year => !calendar.Covers(year)).ToList();
        if (uncovered.Count > 0)
        {
            errors.AddRange(uncovered.Select(year => new BatchDateIssue(null,
                $"请先录入{year}年工作日历（“节假日日历”中该年度的放假和调休安排），再设置落在{year}年的批次日期")));
            return new(errors, warnings);
        }

        foreach (var field in Windows.SelectMany(w => new[] { w.Start, w.End }).Where(field => !calendar.IsWorkingDay(Of(field))))
        {
            errors.Add(new(field, $"{Label(field)}（{Describe(Of(field), calendar)}）不是工作日，各期的开始和结束日期须为工作日，请改为前后的工作日"));
        }

        var exam = Of(BatchDateField.ExamDate);
        var lastHandOutDay = calendar.AddWorkingDays(exam, -TicketHandOutWorkingDays);
        if (Of(BatchDateField.TicketPrintingStart) > lastHandOutDay)
        {
            errors.Add(new(BatchDateField.TicketPrintingStart,
                $"打印准考证开始日期（{ChineseText.Date(Of(BatchDateField.TicketPrintingStart))}）太晚：报名机构须在考核日期{TicketHandOutWorkingDays}个工作日前发放准考证，请改为{ChineseText.Date(lastHandOutDay)}或更早"));
        }

        foreach (var (start, end, name) in Windows.Where(w => Of(w.Start) <= Of(w.End)))
        {
            if (HolidayRuns(calendar.HolidaysIn(new DateRange(Of(start), Of(end)))) is { Length: > 0 } runs)
            {
                warnings.Add(new(start, $"{name}（{ChineseText.Date(Of(start))}至{ChineseText.Date(Of(end))}）包含{runs}，请确认期限是否足够"));
            }
        }

        if (HolidayRuns(calendar.HolidaysIn(new DateRange(exam, exam))) is { Length: > 0 } examHoliday)
        {
            warnings.Add(new(BatchDateField.ExamDate, $"考核日期（{ChineseText.Date(exam)}）是{examHoliday}，请确认考点当天可以使用"));
        }

        return new(errors, warnings);
    }

    // A batch already under way keeps its past: days that have gone by cannot be rewritten, no date may be moved
    // into the past, and an open payment window is extended only through the payment settings (reason, checks, audit).
    public static IReadOnlyList<BatchDateIssue> ChangeProblems(BatchDates before, BatchDates after, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var problems = new List<BatchDateIssue>();
        foreach (var field in Enum.GetValues<BatchDateField>())
        {
            if (before[field] is not { } was || after[field] is not { } now || was == now)
            {
                continue;
            }

            if (was < today)
            {
                problems.Add(new(field, $"{Label(field)}（{ChineseText.Date(was)}）已过，不能再修改，请改回原日期"));
            }
            else if (now < today)
            {
                problems.Add(new(field, $"{Label(field)}不能改到今天（{ChineseText.Date(today)}）之前，请选择今天或以后的日期"));
            }
            else if (field == BatchDateField.PaymentEnd && before.PaymentStart <= today)
            {
                problems.Add(new(field, "缴费期已开始，缴费结束日期请在“缴费设置”中延长（需填写原因），此处请保持原日期"));
            }
        }

        if (before.RegistrationStart <= today && before.Year != after.Year)
        {
            problems.Add(new(null, $"该批次已开始报名，批次年度不能再修改，请保持{before.Year}年"));
        }

        return problems;
    }

    // Shared with BatchSchedule, so a saved batch always builds a schedule. Review may start on the last day of
    // registration (batch 2: 3/16), so only its start is bounded.
    internal static IEnumerable<BatchDateIssue> OrderProblems(
        DateOnly registrationStart, DateOnly reviewStart, DateOnly paymentStart, DateOnly paymentEnd,
        DateOnly printingStart, DateOnly printingEnd, DateOnly examDate)
    {
        if (reviewStart < registrationStart)
        {
            yield return new(BatchDateField.ReviewStart,
                $"审核开始日期（{ChineseText.Date(reviewStart)}）不能早于报名开始日期（{ChineseText.Date(registrationStart)}），请调整审核日期");
        }

        if (paymentStart <= reviewStart)
        {
            yield return new(BatchDateField.PaymentStart,
                $"缴费开始日期（{ChineseText.Date(paymentStart)}）应晚于审核开始日期（{ChineseText.Date(reviewStart)}），请调整缴费日期");
        }

        if (printingStart <= paymentEnd)
        {
            yield return new(BatchDateField.TicketPrintingStart,
                $"打印准考证开始日期（{ChineseText.Date(printingStart)}）应晚于缴费结束日期（{ChineseText.Date(paymentEnd)}），请调整打印准考证日期");
        }

        if (examDate <= printingEnd)
        {
            yield return new(BatchDateField.ExamDate,
                $"考核日期（{ChineseText.Date(examDate)}）应晚于打印准考证结束日期（{ChineseText.Date(printingEnd)}），请调整考核日期");
        }
    }

    private static string Describe(DateOnly date, WorkingDayCalendar calendar)
    {
        var note = calendar.HolidaysIn(new DateRange(date, date)) is [var holiday, ..] ? "，" + holiday.Note : string.Empty;
        return $"{ChineseText.Date(date)}，{Weekdays[(int)date.DayOfWeek]}{note}";
    }

    // "春节放假（2027年2月6日至2月12日）" for each festival met, in date order.
    private static string HolidayRuns(IReadOnlyList<CalendarException> holidays) =>
        ChineseText.List(holidays
            .GroupBy(h => h.Note)
            .Select(g => (Note: g.Key, First: g.First().Date, Last: g.Last().Date))
            .Select(r => r.First == r.Last
                ? $"{r.Note}（{ChineseText.Date(r.First)}）"
                : $"{r.Note}（{ChineseText.Date(r.First)}至{ChineseText.Date(r.Last)}）"));
}
