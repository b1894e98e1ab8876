using System.Globalization;
using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Tickets;

// 准考证号: 12 digits, year (4) + batch (2) + project code of attachment 1 (2) + sequence within the plan (4),
// e.g. 202601170003 is the third ticket of project 17 in batch 1 of 2026 (docs/glossary.md).
public static class TicketNumber
{
    public const int Length = 12;
    public const int MaxSequence = 9999;

    public static string Format(int year, int batchNumber, string projectCode, int sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectCode);
        if (year is < 2000 or > 9999 || batchNumber is < 1 or > 99 || projectCode.Length != 2 || !projectCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"无法为{year}年第{batchNumber}批项目{projectCode}编排准考证号");
        }

        if (sequence is < 1 or > MaxSequence)
        {
            throw new DomainRuleException($"一个考核计划最多编排{MaxSequence}个准考证号");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{year:D4}{batchNumber:D2}{projectCode}{sequence:D4}");
    }

    // Only the shape: whether a ticket with the number exists is the database's business.
    public static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.All(char.IsAsciiDigit);
}
