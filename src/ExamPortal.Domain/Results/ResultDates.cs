using ExamPortal.Domain.Calendar;
using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Results;

// Section 八 and 九 in dates: 考核结束5个工作日后 成绩公示, 公示期为5个工作日, certificates after the publicity period,
// paper certificates from 考核结束30个工作日后. Publication is read as the 5th working day after the exam, the
// publicity period as 5 working days starting on the publication day (docs/glossary.md).
public sealed record ResultDates(DateOnly ExamDate, DateOnly PublicationDate, DateOnly PublicityEnd)
{
    public const int PublicationWorkingDays = 5;
    public const int PublicityWorkingDays = 5;
    public const int CollectionWorkingDays = 30;

    public DateRange Publicity => new(PublicationDate, PublicityEnd);

    // Certificates are issued from the day after the publicity period.
    public DateOnly CertificatesFrom => PublicityEnd.AddDays(1);

    public static ResultDates Default(DateOnly examDate, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var publication = calendar.AddWorkingDays(examDate, PublicationWorkingDays);
        return new ResultDates(examDate, publication, PublicityEndFrom(publication, calendar));
    }

    // The publicity period counts its first day when that is a working day (a date moved by the centre may not be).
    public static DateOnly PublicityEndFrom(DateOnly publication, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.IsWorkingDay(publication)
            ? calendar.AddWorkingDays(publication, PublicityWorkingDays - 1)
            : calendar.AddWorkingDays(publication, PublicityWorkingDays);
    }

    // Throws CalendarYearMissingException when the 30th working day falls in a year without a calendar (batch 10).
    public static DateOnly CollectionFrom(DateOnly examDate, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(examDate, CollectionWorkingDays);
    }

    public bool IsPublished(DateTimeOffset at) => ChinaTime.DateOf(at) >= PublicationDate;

    public bool IsInPublicity(DateTimeOffset at) => Publicity.Contains(ChinaTime.DateOf(at));

    public bool IsPublicityOver(DateTimeOffset at) => ChinaTime.DateOf(at) > PublicityEnd;

    // The centre may move the dates, with a reason, until they have passed.
    public string? ChangeRefusal(Role role, DateTimeOffset at, DateOnly publication, DateOnly publicityEnd, string? reason)
    {
        var day = ChinaTime.DateOf(at);
        return role is not (Role.CentreExam or Role.CentreAdmin) ? "只有省职鉴中心考务人员可以调整成绩公示日期"
            : string.IsNullOrWhiteSpace(reason) ? "请填写调整公示日期的原因"
            : publication <= ExamDate ? $"公示日期须晚于考核日期（{ChineseText.Date(ExamDate)}）"
            : publicityEnd < publication ? "公示期结束日期不能早于公示日期"
            : publication != PublicationDate && day >= PublicationDate ? $"成绩已于{ChineseText.Date(PublicationDate)}公示，公示日期不能再改"
            : publication != PublicationDate && publication < day ? "新的公示日期不能早于今天"
            : day > PublicityEnd ? $"公示期已于{ChineseText.Date(PublicityEnd)}结束，不能再调整"
            : publicityEnd < day ? "公示期结束日期不能早于今天"
            : null;
    }
}
