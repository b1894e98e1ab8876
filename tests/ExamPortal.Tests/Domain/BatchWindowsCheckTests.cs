using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Calendar;
using ExamPortal.Domain.Catalogue;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain;

// A plausible 2027 arrangement written by hand (1 January 2027 is a Friday; 春节 is 6 February, a Saturday), and a
// first batch laid out like 2026's batch 1: Monday–Friday windows, the exam on a Saturday.
public sealed class BatchWindowsCheckTests
{
    private static readonly WorkingDayCalendar Calendar2027 = new(
        [2026, 2027],
        [
            .. OfficialCalendar2026.Exceptions,
            new CalendarException(D("2027-01-01"), CalendarDayKind.Holiday, "元旦放假"),
            .. Enumerable.Range(6, 7).Select(day => new CalendarException(new DateOnly(2027, 2, day), CalendarDayKind.Holiday, "春节放假")),
            new CalendarException(D("2027-02-20"), CalendarDayKind.MakeUpWorkingDay, "春节调休上班"),
        ]);

    private static readonly BatchDates Good = new(2027,
        D("2027-02-01"), D("2027-02-05"), D("2027-02-15"), D("2027-02-26"),
        D("2027-03-01"), D("2027-03-03"), D("2027-03-15"), D("2027-03-19"), D("2027-03-20"));

    [Fact]
    public void A_batch_laid_out_like_the_announcement_passes_without_warnings()
    {
        var verdict = BatchWindowsCheck.Check(Good, Calendar2027);

        Assert.True(verdict.IsValid, string.Join(" | ", verdict.Errors.Select(e => e.Message)));
        Assert.Empty(verdict.Warnings);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    public void Every_2026_batch_of_attachment_2_passes_the_check(int number)
    {
        var verdict = BatchWindowsCheck.Check(BatchDates.Of(2026, BatchSchedule.From(Announcement2026.Batches.Single(b => b.Number == number))), OfficialCalendar2026.Create());

        Assert.True(verdict.IsValid, string.Join(" | ", verdict.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void A_missing_date_is_named()
    {
        var verdict = BatchWindowsCheck.Check(Good with { ReviewEnd = null }, Calendar2027);

        var error = Assert.Single(verdict.Errors);
        Assert.Equal(BatchDateField.ReviewEnd, error.Field);
        Assert.Equal("请填写审核结束日期", error.Message);
    }

    [Fact]
    public void A_window_ending_before_it_starts_is_refused_on_its_end()
    {
        var verdict = BatchWindowsCheck.Check(Good with { RegistrationEnd = D("2027-01-29") }, Calendar2027);

        var error = Assert.Single(verdict.Errors, e => e.Field == BatchDateField.RegistrationEnd);
        Assert.Contains("报名期的结束日期（2027年1月29日）早于开始日期（2027年2月1日）", error.Message, StringComparison.Ordinal);
        Assert.Contains("请把报名结束日期改为开始日期当天或之后", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_before_registration_starts_is_refused()
    {
        var verdict = BatchWindowsCheck.Check(Good with { ReviewStart = D("2027-01-29") }, Calendar2027);

        Assert.Contains(verdict.Errors, e => e.Field == BatchDateField.ReviewStart
            && e.Message.Contains("审核开始日期（2027年1月29日）不能早于报名开始日期（2027年2月1日）", StringComparison.Ordinal));
    }

    [Fact]
    public void Payment_not_after_review_start_is_refused()
    {
        var verdict = BatchWindowsCheck.Check(Good with { PaymentStart = D("2027-02-15") }, Calendar2027);

        Assert.Contains(verdict.Errors, e => e.Field == BatchDateField.PaymentStart
            && e.Message.Contains("缴费开始日期（2027年2月15日）应晚于审核开始日期（2027年2月15日）", StringComparison.Ordinal));
    }

    [Fact]
    public void Printing_not_after_payment_end_is_refused()
    {
        var verdict = BatchWindowsCheck.Check(Good with { TicketPrintingStart = D("2027-03-03") }, Calendar2027);

        Assert.Contains(verdict.Errors, e => e.Field == BatchDateField.TicketPrintingStart
            && e.Message.Contains("打印准考证开始日期（2027年3月3日）应晚于缴费结束日期（2027年3月3日）", StringComparison.Ordinal));
    }

    [Fact]
    public void Exam_not_after_printing_is_refused()
    {
        var verdict = BatchWindowsCheck.Check(Good with { ExamDate = D("2027-03-19") }, Calendar2027);

        Assert.Contains(verdict.Errors, e => e.Field == BatchDateField.ExamDate
            && e.Message.Contains("考核日期（2027年3月19日）应晚于打印准考证结束日期（2027年3月19日）", StringComparison.Ordinal));
    }

    [Fact]
    public void Registration_must_start_in_the_batchs_year()
    {
        var verdict = BatchWindowsCheck.Check(Good with { Year = 2028 }, Calendar2027);

        Assert.Contains(verdict.Errors, e => e.Field == BatchDateField.RegistrationStart && e.Message.Contains("不在2028年", StringComparison.Ordinal));
    }

    [Fact]
    public void Window_starts_and_ends_must_be_working_days()
    {
        var verdict = BatchWindowsCheck.Check(Good with { RegistrationEnd = D("2027-02-07"), ReviewStart = D("2027-02-08") }, Calendar2027);

        var weekend = Assert.Single(verdict.Errors, e => e.Field == BatchDateField.RegistrationEnd);
        Assert.Equal("报名结束日期（2027年2月7日，星期日，春节放假）不是工作日，各期的开始和结束日期须为工作日，请改为前后的工作日", weekend.Message);
        Assert.Contains(verdict.Errors, e => e.Field == BatchDateField.ReviewStart && e.Message.Contains("星期一，春节放假", StringComparison.Ordinal));
    }

    [Fact]
    public void A_make_up_working_day_counts_as_a_working_day()
    {
        var verdict = BatchWindowsCheck.Check(Good with { ReviewStart = D("2027-02-20") }, Calendar2027);

        Assert.DoesNotContain(verdict.Errors, e => e.Field == BatchDateField.ReviewStart);
    }

    [Fact]
    public void Printing_opens_at_least_two_working_days_before_the_exam_so_institutions_can_hand_tickets_out()
    {
        var verdict = BatchWindowsCheck.Check(Good with { TicketPrintingStart = D("2027-03-19") }, Calendar2027);

        var error = Assert.Single(verdict.Errors);
        Assert.Equal(BatchDateField.TicketPrintingStart, error.Field);
        Assert.Contains("请改为2027年3月18日或更早", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_over_a_holiday_is_a_warning_not_a_refusal()
    {
        var verdict = BatchWindowsCheck.Check(Good with { RegistrationEnd = D("2027-02-15") }, Calendar2027);

        Assert.True(verdict.IsValid, string.Join(" | ", verdict.Errors.Select(e => e.Message)));
        var warning = Assert.Single(verdict.Warnings);
        Assert.Equal(BatchDateField.RegistrationStart, warning.Field);
        Assert.Contains("报名期（2027年2月1日至2027年2月15日）包含春节放假（2027年2月6日至2027年2月12日）", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_without_its_calendar_is_refused_until_the_centre_enters_it()
    {
        var dates = new BatchDates(2028,
            D("2028-03-06"), D("2028-03-10"), D("2028-03-13"), D("2028-03-24"),
            D("2028-03-27"), D("2028-03-29"), D("2028-04-10"), D("2028-04-14"), D("2028-04-15"));

        var verdict = BatchWindowsCheck.Check(dates, Calendar2027);

        var error = Assert.Single(verdict.Errors);
        Assert.Null(error.Field);
        Assert.StartsWith("请先录入2028年工作日历", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_under_way_keeps_its_past_and_its_payment_end_goes_through_the_extension()
    {
        var today = D("2027-03-02");
        var after = Good with { RegistrationStart = D("2027-02-02"), PaymentEnd = D("2027-03-05"), ExamDate = D("2027-03-27") };

        var problems = BatchWindowsCheck.ChangeProblems(Good, after, today);

        Assert.Contains(problems, p => p.Field == BatchDateField.RegistrationStart && p.Message.Contains("已过，不能再修改", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == BatchDateField.PaymentEnd && p.Message.Contains("缴费设置", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Field == BatchDateField.ExamDate);
        Assert.Contains(BatchWindowsCheck.ChangeProblems(Good, Good with { ExamDate = D("2027-03-01") }, today),
            p => p.Field == BatchDateField.ExamDate && p.Message.Contains("不能改到今天（2027年3月2日）之前", StringComparison.Ordinal));
    }

    [Fact]
    public void Calendar_entries_follow_the_working_day_calendars_rules()
    {
        var today = D("2026-12-01");

        Assert.Equal("调休上班日2027年2月22日不是周六或周日，请核对日期。",
            CalendarChange.RefusalToAddMakeUpDay(Calendar2027, 2027, D("2027-02-22"), "春节调休上班", today));
        Assert.Equal("2027年2月20日重复录入，每个日期只能录入一次。",
            CalendarChange.RefusalToAddMakeUpDay(Calendar2027, 2027, D("2027-02-20"), "春节调休上班", today));
        Assert.Contains("2027年2月12日重复录入", CalendarChange.RefusalToAddHolidays(Calendar2027, 2027, D("2027-02-12"), D("2027-02-14"), "春节放假", today), StringComparison.Ordinal);
        Assert.Null(CalendarChange.RefusalToAddHolidays(Calendar2027, 2027, D("2027-04-03"), D("2027-04-05"), "清明节放假", today));
        Assert.Contains("已经过去", CalendarChange.RefusalToRemove(D("2026-11-30"), today), StringComparison.Ordinal);
        Assert.Contains("不在已录入的年度中", CalendarChange.RefusalToAddMakeUpDay(Calendar2027, 2028, D("2028-01-08"), "元旦调休上班", today), StringComparison.Ordinal);
    }
}
