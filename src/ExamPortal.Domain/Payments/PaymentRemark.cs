using System.Globalization;
using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Payments;

// The remarks section 五 of the announcement requires on a receipt.
public static class PaymentRemark
{
    // 五（二）: 该笔费用由XXXX（代缴人姓名）代XXX（考生姓名）缴纳XXX考试日期XXX考试项目的费用，金额为XXX元 —
    // the blanks filled in, nothing else changed.
    public static string ForProxy(string payerName, string candidateName, DateOnly examDate, string projectName, decimal amount) =>
        $"该笔费用由{payerName.Trim()}代{candidateName.Trim()}缴纳{ChineseText.Date(examDate)}考试日期{projectName}考试项目的费用，金额为{amount.ToString("0.00", CultureInfo.InvariantCulture)}元";

    // 五（一）: 需备注考核日期、人数.
    public static string ForInstitution(DateOnly examDate, int headCount) =>
        $"考核日期：{ChineseText.Date(examDate)}；人数：{headCount}人";
}
