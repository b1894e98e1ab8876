using System.Data;
using ExamPortal.Domain.Results;
using ExamPortal.Web.Features.Imports;
using MiniExcelLibs;

namespace ExamPortal.Web.Features.Results;

/// <summary>
/// The .xlsx the centre downloads for one plan: the score sheet with the plan's ticket numbers and names
/// already filled in (as text, in a text-formatted column) and the score column empty, and the instructions,
/// which name the plan. Like the applicant template, the header is the first row.
/// </summary>
public static class ScoreTemplate
{
    public const string SheetName = "成绩";

    public const string InstructionsSheetName = "填写说明";

    private const string InstructionsHeader = "填写说明";

    private static readonly double[] Widths = [16, 12, 10];

    public static IReadOnlyList<string> Instructions { get; } =
    [
        "1. 表中已列出本考核计划的全部准考证号和姓名，请在“成绩”列逐行填写，不要修改准考证号和姓名。列的顺序可以调整，多出的列会被忽略。",
        $"2. 成绩为百分制，填写0—100的数字，最多一位小数（如 85 或 85.5），{ExamOutcomes.PassMark:0}分（含）以上为合格，以下为不合格。未参加考核的考生填写“{ScoreValue.AbsentText}”，不要填0，也不要留空。",
        "3. 可以分几次上传：尚无成绩的考生请删除其所在行，以后再上传。每名考生只能有一行；同一准考证号出现两次的，两行都不会录入。",
        "4. 上传后系统逐行核对准考证号、姓名和成绩：没有问题的行即录入，有问题的行不录入，并在“问题报告”中写明行号和改法。请在原表中修改后重新上传整个表，已录入且未改动的成绩不会重复记录。",
    ];

    public static byte[] Build(string planTitle, IReadOnlyList<(string TicketNumber, string FullName)> tickets)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(planTitle);
        ArgumentNullException.ThrowIfNull(tickets);

        using var scores = new DataTable();
        foreach (var header in ScoreSheetColumns.Headers)
        {
            scores.Columns.Add(header, typeof(string));
        }

        foreach (var (ticketNumber, fullName) in tickets)
        {
            scores.Rows.Add(ticketNumber, fullName, null);
        }

        using var instructions = new DataTable();
        instructions.Columns.Add(InstructionsHeader, typeof(string));
        instructions.Rows.Add($"考核计划：{planTitle.Trim()}（共{tickets.Count}名考生）");
        foreach (var line in Instructions)
        {
            instructions.Rows.Add(line);
        }

        using var written = new MemoryStream();
        written.SaveAs(new Dictionary<string, object>
        {
            [SheetName] = scores,
            [InstructionsSheetName] = instructions,
        });

        return XlsxPackage.Edit(written.ToArray(), package =>
        {
            // Ticket numbers are written as text; the format keeps one typed later text as well.
            var text = package.AddCellFormat(ApplicantTemplate.TextFormat, wrapText: false);
            package.SetColumns(SheetName, Widths.Select((width, index) => (index, width, index == 0 ? text : (int?)null)));
            package.StyleCells(SheetName, 0, text);
            var wrapped = package.AddCellFormat(0, wrapText: true);
            package.SetColumns(InstructionsSheetName, [(0, 110, wrapped)]);
            package.StyleCells(InstructionsSheetName, 0, wrapped);
        });
    }
}
