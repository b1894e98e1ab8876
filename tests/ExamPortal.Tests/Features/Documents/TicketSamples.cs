using System.Globalization;
using ExamPortal.Domain.People;
using ExamPortal.Tests.Features.Uploads;
using ExamPortal.Web.Features.Documents;
using ExamPortal.Web.Features.Uploads;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExamPortal.Tests.Features.Documents;

/// <summary>
/// Tickets, sign-in sheets and room lists of one sitting, with photos as the upload pipeline stores
/// them: 295×413 JPEGs under 50 KB made by <see cref="PhotoProcessor"/>.
/// </summary>
internal static class TicketSamples
{
    public const string Venue = "省直考点（成都市青羊区东二巷18号）";

    /// <summary>41 characters: two lines in the ticket's venue cell.</summary>
    public const string LongVenue = "四川省职业技能鉴定指导中心省直考点（成都市青羊区东二巷18号实训大楼5楼502室）";

    public const string BatchTitle = "2026年第3批";

    public const string ProjectName = "大数据分析";

    public const string Institution = "四川某某职业技术学院";

    private const string Surnames = "张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗";
    private const string GivenNames = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华";

    public static readonly DateOnly ExamDate = new(2026, 3, 28); // a Saturday

    public static readonly TimeOnly StartTime = new(9, 0);

    public static readonly TimeOnly EndTime = new(11, 0);

    // A few different faces, so a sheet of many candidates does not repeat one image object.
    private static readonly Lazy<byte[][]> Photos = new(() =>
    [
        .. Enumerable.Range(1, 4).Select(seed => new PhotoProcessor(NullLogger<PhotoProcessor>.Instance).Fit(UploadSamples.Jpeg(600, 800, seed: seed)).Content),
    ]);

    public static byte[] Photo(int seat) => Photos.Value[seat % Photos.Value.Length];

    public static AdmissionTicketSheet Ticket(byte[]? photo) =>
        new(
            TicketNumber: TicketNumber(room: 2, seat: 7),
            FullName: "张三丰",
            IdDocumentTypeName: "居民身份证",
            MaskedIdNumber: IdentityNumber.Mask("51010419900101123X"),
            ProjectName: ProjectName,
            BatchTitle: BatchTitle,
            ExamDate: ExamDate,
            StartTime: StartTime,
            EndTime: EndTime,
            Venue: Venue,
            RoomName: "第02考场",
            Seat: 7,
            Photo: photo,
            VerificationUrl: "https://ks.sichuan-skills.example.cn/tickets/verify/202603170207?code=Q2x8mV3pT7kZ");

    public static SignInSheetRoom Room(int room, int count) =>
        new(BatchTitle, ProjectName, ExamDate, StartTime, EndTime, Venue, RoomName(room), [.. Enumerable.Range(1, count).Select(seat => SignInEntry(room, seat))]);

    public static SignInSheetEntry SignInEntry(int room, int seat) =>
        new(seat, TicketNumber(room, seat), Name(room, seat), MaskedId(room, seat), Photo(seat));

    public static RoomListPlan Plan(params int[] roomSizes) =>
        new(
            BatchTitle,
            ProjectName,
            ExamDate,
            StartTime,
            EndTime,
            Venue,
            [
                .. roomSizes.SelectMany((size, index) => Enumerable.Range(1, size).Select(seat => new RoomListEntry(
                    RoomName(index + 1),
                    seat,
                    TicketNumber(index + 1, seat),
                    Name(index + 1, seat),
                    MaskedId(index + 1, seat),
                    seat % 3 == 0 ? "个人报名" : Institution))),
            ]);

    public static string RoomName(int room) => string.Create(CultureInfo.InvariantCulture, $"第{room:00}考场");

    // Year, batch, project, room, seat: unique within the sitting, as the portal numbers tickets.
    public static string TicketNumber(int room, int seat) => string.Create(CultureInfo.InvariantCulture, $"20260317{room:00}{seat:00}");

    private static string Name(int room, int seat)
    {
        var n = (room * 53) + seat;
        return string.Concat(
            Surnames[n % Surnames.Length],
            GivenNames[n % GivenNames.Length],
            n % 3 == 0 ? GivenNames[(n / 3) % GivenNames.Length].ToString() : string.Empty);
    }

    private static string MaskedId(int room, int seat) =>
        IdentityNumber.Mask(string.Create(CultureInfo.InvariantCulture, $"5101041990{(seat % 12) + 1:00}{(seat % 28) + 1:00}{room:00}{seat % 10}{seat % 10}"));
}
