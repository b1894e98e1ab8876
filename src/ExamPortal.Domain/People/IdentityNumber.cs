using System.Buffers;
using System.Globalization;
using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.People;

// BirthDate and Gender are known only for the GB 11643 numbers (resident ID card, HMT residence permit,
// 2023 foreign permanent resident ID card); other documents carry no such information in the number.
public sealed record IdentityNumber(IdDocumentType Type, string Value, DateOnly? BirthDate, Gender? Gender)
{
    private static readonly int[] CheckWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    // Every province-level code of GB/T 2260 (the first two digits of an address code).
    private static readonly HashSet<string> ProvinceCodes =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    private static readonly string[] ResidencePermitPrefixes = ["810000", "820000", "830000"];

    private static readonly SearchValues<char> PassportCharacters = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    public static IdentityParseResult Parse(IdDocumentType type, string? raw)
    {
        var value = Normalize(raw);
        var name = IdDocumentTypes.DisplayName(type);
        if (value.Length == 0)
        {
            return IdentityParseResult.Invalid($"请填写{name}号码");
        }

        return type switch
        {
            IdDocumentType.ResidentIdCard => ParseResidentIdCard(value),
            IdDocumentType.HongKongMacaoTaiwanResidencePermit => ParseResidencePermit(value),
            IdDocumentType.ForeignPermanentResidentIdCard => ParseForeignPermanentResidentIdCard(value),
            IdDocumentType.Passport => ParsePassport(value),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "未知的证件类型"),
        };
    }

    // Trimmed, inner spaces removed, full-width characters made ASCII, upper case: the form stored and compared.
    public static string Normalize(string? raw) => InputText.Normalize(raw);

    public bool IsBornAfter(DateOnly day) => BirthDate > day;

    // The portal's one masking rule, on every page, document, export and log line: only the last four characters
    // show. One rule everywhere means masks from different pages cannot be pieced together (public pages show none).
    public static string Mask(string value) =>
        value.Length <= 4 ? new string('*', value.Length) : string.Concat(new string('*', value.Length - 4), value.AsSpan(value.Length - 4));

    public string Masked() => Mask(Value);

    // Records print every property by default; this keeps a full ID number out of logs and exception texts.
    public override string ToString() => $"{IdDocumentTypes.DisplayName(Type)} {Masked()}";

    private static IdentityParseResult ParseResidentIdCard(string value)
    {
        const IdDocumentType type = IdDocumentType.ResidentIdCard;
        return CheckGb11643Shape(type, value)
            ?? (ProvinceCodes.Contains(value[..2])
                ? ParseGb11643(type, value)
                : IdentityParseResult.Invalid("居民身份证号码前两位（省份代码）无效，请核对号码"));
    }

    private static IdentityParseResult ParseResidencePermit(string value)
    {
        const IdDocumentType type = IdDocumentType.HongKongMacaoTaiwanResidencePermit;
        return CheckGb11643Shape(type, value)
            ?? (ResidencePermitPrefixes.Contains(value[..6])
                ? ParseGb11643(type, value)
                : IdentityParseResult.Invalid("港澳台居民居住证号码前6位应为810000（香港）、820000（澳门）或830000（台湾），请核对号码"));
    }

    private static IdentityParseResult ParseForeignPermanentResidentIdCard(string value)
    {
        const IdDocumentType type = IdDocumentType.ForeignPermanentResidentIdCard;
        return value.Length switch
        {
            18 => CheckGb11643Shape(type, value)
                ?? (value[0] == '9'
                    ? ParseGb11643(type, value)
                    : IdentityParseResult.Invalid("18位外国人永久居留身份证号码应以9开头，请核对号码")),
            15 => value.AsSpan(0, 3).ContainsAnyExceptInRange('A', 'Z') || value.AsSpan(3).ContainsAnyExceptInRange('0', '9')
                ? IdentityParseResult.Invalid("15位（旧版）外国人永久居留身份证号码应为3位字母加12位数字，请核对号码")
                : IdentityParseResult.Valid(new IdentityNumber(type, value, null, null)),
            _ => IdentityParseResult.Invalid($"外国人永久居留身份证号码应为18位（2023年版）或15位（旧版），您输入了{value.Length}位"),
        };
    }

    private static IdentityParseResult ParsePassport(string value)
    {
        if (value.Length is < 5 or > 20)
        {
            return IdentityParseResult.Invalid($"护照号码应为5–20位字母或数字，您输入了{value.Length}位");
        }

        return value.AsSpan().ContainsAnyExcept(PassportCharacters)
            ? IdentityParseResult.Invalid("护照号码只能包含字母和数字，请去掉其他字符")
            : IdentityParseResult.Valid(new IdentityNumber(IdDocumentType.Passport, value, null, null));
    }

    // Length and characters first: those are the mistakes people make most and the easiest to fix.
    private static IdentityParseResult? CheckGb11643Shape(IdDocumentType type, string value)
    {
        var name = IdDocumentTypes.DisplayName(type);
        if (value.Length != 18)
        {
            return IdentityParseResult.Invalid($"{name}号码应为18位，您输入了{value.Length}位");
        }

        if (value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            return IdentityParseResult.Invalid($"{name}号码前17位应为数字，最后一位应为数字或字母X，请去掉其他字符");
        }

        return null;
    }

    private static IdentityParseResult ParseGb11643(IdDocumentType type, string value)
    {
        var name = IdDocumentTypes.DisplayName(type);
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate)
            || birthDate.Year < 1900)
        {
            return IdentityParseResult.Invalid($"{name}号码第7–14位出生日期无效（{value.Substring(6, 8)}不是有效日期），请核对号码");
        }

        if (CheckCharacter(value) != value[17])
        {
            return IdentityParseResult.Invalid($"{name}号码校验位不正确，请核对号码是否输错");
        }

        var gender = (value[16] - '0') % 2 == 1 ? People.Gender.Male : People.Gender.Female;
        return IdentityParseResult.Valid(new IdentityNumber(type, value, birthDate, gender));
    }

    // A valid resident ID card number from its parts (address code, birth date, three-digit sequence whose
    // parity is the gender), for demo and generated data; the check character is computed, never guessed.
    public static string ComposeResidentIdCard(string addressCode, DateOnly birthDate, int sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(addressCode);
        var body = string.Create(CultureInfo.InvariantCulture, $"{addressCode}{birthDate:yyyyMMdd}{sequence:000}");
        return body.Length == 17 ? body + CheckCharacter(body) : throw new ArgumentException("地址码须为6位、顺序码须为3位", nameof(addressCode));
    }

    // GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits.
    private static char CheckCharacter(string value)
    {
        var sum = 0;
        for (var i = 0; i < CheckWeights.Length; i++)
        {
            sum += (value[i] - '0') * CheckWeights[i];
        }

        return CheckCharacters[sum % 11];
    }
}
