using System.Globalization;
using ExamPortal.Domain.Results;
using ExamPortal.Domain.Tickets;
using ExamPortal.Web.Features.Imports;

namespace ExamPortal.Web.Features.Results;

/// <summary>
/// Compares a read score sheet with the plan's tickets. The import follows the applicant import's
/// principle: rows without problems are recorded even when other rows have problems, and the rows with
/// problems are listed to be fixed in the centre's own file and uploaded again. That is safe because a
/// score recorded again unchanged changes nothing (ExamScore.Change), and each accepted row names its
/// candidate twice, by ticket number and by name, so a shifted or mistyped row is caught, not recorded.
/// Candidates of the plan absent from the sheet are listed and block nothing: scores may come in parts.
/// </summary>
public static class ScoreSheetCheck
{
    public const string UnknownTicketMessage = "准考证号不在本考核计划中：请核对准考证号，并确认上传到了正确的考核计划";

    /// <param name="ticketNames">The plan's tickets: ticket number → the candidate's full name.</param>
    public static ScoreImportReport Against(ScoreSheet sheet, IReadOnlyDictionary<string, string> ticketNames)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(ticketNames);
        if (sheet.IsRefused)
        {
            throw new ArgumentException("A refused sheet has no rows to check; show its refusal instead.", nameof(sheet));
        }

        var rowsByTicket = sheet.Rows.Where(r => TicketNumber.IsWellFormed(r.TicketNumber))
            .GroupBy(r => r.TicketNumber, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.RowNumber).ToList(), StringComparer.Ordinal);
        var accepted = new Dictionary<string, ScoreValue>(StringComparer.Ordinal);
        var problems = new List<ScoreRowProblem>();
        foreach (var row in sheet.Rows)
        {
            var messages = TicketProblems(row, ticketNames, rowsByTicket);
            messages.AddRange(row.Problems);
            if (messages.Count == 0)
            {
                accepted.Add(row.TicketNumber, row.Value!);
            }

            problems.AddRange(messages.Select(m => new ScoreRowProblem(row.RowNumber, row.TicketNumber, row.FullName, m)));
        }

        var missing = ticketNames.Where(t => !rowsByTicket.ContainsKey(t.Key))
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new MissingCandidate(t.Key, t.Value))
            .ToList();
        return new ScoreImportReport(accepted, problems, missing);
    }

    // Only for a well-formed ticket number: a malformed one already has the reader's problem. These come
    // before the row's own name and score problems, keeping the row's problems in column order.
    private static List<string> TicketProblems(ScoreSheetRow row, IReadOnlyDictionary<string, string> ticketNames, Dictionary<string, List<int>> rowsByTicket)
    {
        var messages = new List<string>();
        if (!rowsByTicket.TryGetValue(row.TicketNumber, out var sameTicket))
        {
            return messages;
        }

        if (!ticketNames.TryGetValue(row.TicketNumber, out var ticketName))
        {
            messages.Add(UnknownTicketMessage);
        }

        // Neither row is taken: which score is right is for the centre to say.
        if (sameTicket.Count > 1)
        {
            var others = string.Join("、", sameTicket.Where(n => n != row.RowNumber).Select(n => n.ToString(CultureInfo.InvariantCulture)));
            messages.Add($"与第{others}行的准考证号相同：每名考生只能有一行成绩，请核对后只保留一行");
        }

        // Compared as headers and list choices are (no spaces, either width or case), so that "张  三" and
        // "JOHN SMITH" still match: the check is there to catch a wrong ticket number, not to judge typing.
        if (ticketName is not null && row.FullName.Length > 0 && CellText.Key(row.FullName) != CellText.Key(ticketName))
        {
            messages.Add($"姓名与准考证不符（准考证上为{ticketName.Trim()}）：请核对该行的准考证号和姓名");
        }

        return messages;
    }
}
