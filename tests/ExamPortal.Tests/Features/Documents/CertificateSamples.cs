using System.Globalization;
using ExamPortal.Domain.Certificates;
using ExamPortal.Domain.People;
using ExamPortal.Web.Features.Documents;

namespace ExamPortal.Tests.Features.Documents;

/// <summary>
/// Certificates, certificate registers and results lists of the sitting of <see cref="TicketSamples"/>:
/// exam on Saturday 28 March 2026, results published on 3 April, publicity to 10 April (the Qingming
/// holiday between), certificates issued on 13 April.
/// </summary>
internal static class CertificateSamples
{
    public const string Number = "SC2026K7M2Q9XA4T";

    public const string VerificationUrl = "https://ks.sichuan-skills.example.cn/certificates/verify/SC2026K7M2Q9XA4T?code=Z8r4Kp2vN6xQ";

    public const string SecondProject = "儿童青少年生殖健康教育咨询服务";

    private const string Surnames = "张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗";
    private const string GivenNames = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华";

    public static readonly DateOnly ExamDate = TicketSamples.ExamDate;

    public static readonly DateOnly PublicationDate = new(2026, 4, 3);

    public static readonly DateOnly PublicityEnd = new(2026, 4, 10);

    public static readonly DateOnly IssueDate = new(2026, 4, 13);

    public static readonly DateOnly CollectableFrom = new(2026, 5, 15);

    public static CertificateSheet Sheet(byte[]? photo) =>
        new(
            Number: Number,
            FullName: "张三丰",
            IdDocumentTypeName: "居民身份证",
            MaskedIdNumber: IdentityNumber.Mask("51010419900101123X"),
            ProjectName: TicketSamples.ProjectName,
            ExamDate: ExamDate,
            IssueDate: IssueDate,
            Photo: photo,
            VerificationUrl: VerificationUrl);

    /// <summary>Every third certificate is for <see cref="SecondProject"/>, the longest name in the catalogue.</summary>
    public static CertificateRegister Register(int count) =>
        new(
            TicketSamples.Institution,
            TicketSamples.BatchTitle,
            ExamDate,
            CollectableFrom,
            [
                .. Enumerable.Range(1, count).Select(n => new CertificateRegisterEntry(
                    Name(n),
                    IdentityNumber.Mask(string.Create(CultureInfo.InvariantCulture, $"5101041990{(n % 12) + 1:00}{(n % 28) + 1:00}{n:000}{n % 10}")),
                    n % 3 == 0 ? SecondProject : TicketSamples.ProjectName,
                    CertificateNumberOf(n))),
            ]);

    /// <summary>
    /// <paramref name="projects"/> projects of <paramref name="perProject"/> candidates each, with
    /// passes, fails and absences; the first candidate of the first project is 张*三.
    /// </summary>
    public static ResultList Results(int projects, int perProject) =>
        new(
            TicketSamples.BatchTitle,
            ExamDate,
            PublicationDate,
            PublicityEnd,
            [
                .. Enumerable.Range(1, projects).Select(p => new ResultListProject(
                    p == 2 ? SecondProject : TicketSamples.ProjectName,
                    [.. Enumerable.Range(1, perProject).Select(n => Result(p, n))])),
            ]);

    // Opaque numbers as the portal issues them, from fixed bytes so that every run prints the same.
    public static string CertificateNumberOf(int n)
    {
        var random = BitConverter.GetBytes((ulong)n * 0x9E3779B97F4A7C15UL);
        return CertificateNumber.Create(CertificateNumber.DefaultPrefix, 2026, random);
    }

    public static string TicketNumber(int project, int n) => string.Create(CultureInfo.InvariantCulture, $"202603{project:00}{((n - 1) / 30) + 1:00}{((n - 1) % 30) + 1:00}");

    private static ResultListEntry Result(int project, int n)
    {
        var (score, outcome) = (((project * 7) + n) % 11) switch
        {
            0 => ("缺考", "缺考"),
            1 or 2 => (string.Create(CultureInfo.InvariantCulture, $"{40 + (n % 19)}.5"), "不合格"),
            _ => (string.Create(CultureInfo.InvariantCulture, $"{60 + ((n * 3) % 40)}"), "合格"),
        };
        var name = project == 1 && n == 1 ? "张小三" : Name((project * 100) + n);
        return new ResultListEntry(PersonName.Mask(name), TicketNumber(project, n), score, outcome);
    }

    private static string Name(int n) =>
        string.Concat(
            Surnames[n % Surnames.Length],
            GivenNames[(n * 7) % GivenNames.Length],
            n % 3 == 0 ? string.Empty : GivenNames[(n / 3) % GivenNames.Length].ToString());
}
