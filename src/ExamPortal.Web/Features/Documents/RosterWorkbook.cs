using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// The 《考核人员花名册》 as an .xlsx for the institution's own records and for the centre to sort and
/// filter: sheet 花名册 has one row per applicant under a header row, so it reads back as a plain
/// table; the facts a printed roster carries above its table are on sheet 说明.
/// </summary>
public static class RosterWorkbook
{
    public const string RosterSheet = "花名册";

    public const string FactsSheet = "说明";

    public static byte[] Build(SubmissionDocumentData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sheets = new Dictionary<string, object>
        {
            [RosterSheet] = data.Entries.Select(e => new RosterRow(
                e.Sequence, e.FullName, e.Gender, e.IdDocumentType, e.IdNumber, e.Mobile, e.Education, e.ProjectName, e.Condition, e.Employer)),
            [FactsSheet] = Facts(data),
        };
        using var output = new MemoryStream();
        output.SaveAs(sheets, configuration: new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true });
        return output.ToArray();
    }

    private static FactRow[] Facts(SubmissionDocumentData data) =>
    [
        new("文件", RosterPdf.Title),
        new("报名机构", data.InstitutionName),
        new("统一社会信用代码", data.CreditCode),
        new("机构地址", data.InstitutionAddress),
        new("联系人", data.ContactPerson),
        new("联系电话", data.ContactPhone),
        new("考核批次", data.BatchTitle),
        new("考核日期", FormDocument.Date(data.ExamDate)),
        new("提交编号", data.SubmissionNumber),
        new("提交时间", FormDocument.Time(data.SubmittedAt)),
        new("提交人", data.SubmittedBy),
        new("报名人数", $"{data.Entries.Count}人"),
    ];

    // Strings are written as text cells, and the "@" (text) format keeps them text when someone edits
    // them in Excel: an 18-digit ID number as a number loses its last digits, and an X is not a digit.
    private sealed record RosterRow(
        [property: ExcelColumn(Name = "序号", Width = 6)] int Sequence,
        [property: ExcelColumn(Name = "姓名", Width = 10)] string FullName,
        [property: ExcelColumn(Name = "性别", Width = 6)] string Gender,
        [property: ExcelColumn(Name = "证件类型", Width = 12)] string IdDocumentType,
        [property: ExcelColumn(Name = "证件号码", Width = 22, Format = "@")] string IdNumber,
        [property: ExcelColumn(Name = "手机号码", Width = 14, Format = "@")] string Mobile,
        [property: ExcelColumn(Name = "文化程度", Width = 12)] string Education,
        [property: ExcelColumn(Name = "申报项目", Width = 18)] string ProjectName,
        [property: ExcelColumn(Name = "申报条件", Width = 50)] string Condition,
        [property: ExcelColumn(Name = "工作单位", Width = 30)] string Employer);

    private sealed record FactRow(
        [property: ExcelColumn(Name = "项目", Width = 18)] string Item,
        [property: ExcelColumn(Name = "内容", Width = 60)] string Value);
}
