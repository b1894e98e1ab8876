using System.Globalization;
using System.Text;

namespace ExamPortal.Bench;

/// <summary>
/// A report's issue-10 targets, each with its measured median and verdict, written as the report's "## Targets"
/// table; <see cref="Summary"/> gathers these tables from every report into latest.md.
/// </summary>
internal sealed class Targets
{
    public const string Heading = "## Targets";

    private readonly List<string> _rows = [];

    /// <summary>A target whose figure is compared with its goal: met when at or beyond it in the better direction.</summary>
    public Targets Add(string what, double measured, string unit, double goal, bool higherIsBetter, double? bar = null, string format = "0.##")
    {
        bool Meets(double limit) => higherIsBetter ? measured >= limit : measured <= limit;
        var verdict = Meets(goal) ? "met"
            : bar is { } minimum && Meets(minimum) ? "bar met, target missed"
            : "missed";
        var sign = higherIsBetter ? "≥" : "≤";
        var barText = bar is { } b ? $" (bar {sign} {b.ToString(format, CultureInfo.InvariantCulture)}{unit})" : string.Empty;
        _rows.Add($"| {what} | {measured.ToString(format, CultureInfo.InvariantCulture)}{unit} | {sign} {goal.ToString(format, CultureInfo.InvariantCulture)}{unit}{barText} | {verdict} |");
        return this;
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder()
            .AppendLine(Heading)
            .AppendLine()
            .AppendLine("| target | measured (median over the runs) | goal | verdict |")
            .AppendLine("|---|---|---|---|");
        foreach (var row in _rows)
        {
            text.AppendLine(row);
        }

        return text.ToString();
    }
}

/// <summary>
/// bench/results/latest.md: every target of every report in one table, then each report in full, so one file has
/// the machine, date, commit, every figure with min/median/max and the ratios.
/// </summary>
internal static class Summary
{
    private static readonly (string File, string Name)[] Reports =
    [
        ("web-latest.md", "public pages against the raw floor"),
        ("rush-latest.md", "registration rush and sign-in capacity"),
        ("import-latest.md", "institution import"),
        ("tickets-latest.md", "tickets, sign-in sheets and roster"),
    ];

    public static string Write(string resultsDirectory)
    {
        var present = Reports.Where(r => File.Exists(Path.Combine(resultsDirectory, r.File)))
            .Select(r => (r.File, r.Name, Lines: File.ReadAllLines(Path.Combine(resultsDirectory, r.File))))
            .ToList();
        var text = new StringBuilder()
            .AppendLine("# ExamPortal benchmarks (bench/run.sh)")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- gathered: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {Environment.OSVersion}; commit {Environment.GetEnvironmentVariable("BENCH_COMMIT") ?? "?"}")
            .AppendLine("- each report below was measured in its own run (its first lines give its date, commit and load); every ratio is taken between figures of one run, and min/median/max are over the runs")
            .AppendLine()
            .AppendLine("## Every target")
            .AppendLine()
            .AppendLine("| report | target | measured (median over the runs) | goal | verdict |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var report in present)
        {
            foreach (var row in TargetRows(report.Lines))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| [{report.Name}]({report.File}) {row}");
            }
        }

        foreach (var report in present)
        {
            text.AppendLine();
            foreach (var line in report.Lines)
            {
                text.AppendLine(line.StartsWith('#') ? "#" + line : line);
            }
        }

        text.AppendLine()
            .AppendLine("What each fix changed, before and after: [history.md](history.md).");
        var summary = text.ToString();
        File.WriteAllText(Path.Combine(resultsDirectory, "latest.md"), summary);
        return summary;
    }

    private static IEnumerable<string> TargetRows(string[] lines) =>
        lines.SkipWhile(l => l != Targets.Heading).Skip(4).TakeWhile(l => l.StartsWith('|'));
}
