using ExamPortal.Domain.Results;

namespace ExamPortal.Web.Features.Results;

/// <summary>
/// What importing a score sheet would do: the scores to record by ticket number, one line per problem of the
/// rows that will not be recorded, and the plan's candidates the sheet does not list.
/// </summary>
public sealed record ScoreImportReport(
    IReadOnlyDictionary<string, ScoreValue> Accepted,
    IReadOnlyList<ScoreRowProblem> Problems,
    IReadOnlyList<MissingCandidate> Missing)
{
    public int RecordableCount => Accepted.Count;

    public int ProblemRowCount => Problems.Select(p => p.RowNumber).Distinct().Count();

    public bool HasProblems => Problems.Count > 0;

    /// <summary>One sentence for the page and the report, e.g. "可录入12名考生的成绩；2行有问题，未录入……".</summary>
    public string Summary
    {
        get
        {
            List<string> parts = [$"可录入{RecordableCount}名考生的成绩"];
            if (HasProblems)
            {
                parts.Add($"{ProblemRowCount}行有问题，未录入：请按问题说明修改后重新上传");
            }

            if (Missing.Count > 0)
            {
                parts.Add($"表中没有本考核计划的另外{Missing.Count}名考生，请确认他们的成绩已另行上传");
            }

            return string.Join("；", parts) + "。";
        }
    }
}

/// <summary>A problem with one row: where it is, whom it names, and a Chinese sentence saying what to change.</summary>
public sealed record ScoreRowProblem(int RowNumber, string TicketNumber, string FullName, string Message);

/// <summary>A ticket of the plan that no row of the sheet names.</summary>
public sealed record MissingCandidate(string TicketNumber, string FullName);
