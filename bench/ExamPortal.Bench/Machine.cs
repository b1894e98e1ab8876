using System.Globalization;

namespace ExamPortal.Bench;

/// <summary>How busy the machine was: the benchmarks may share it with other work, which slows every figure.</summary>
internal static class Machine
{
    /// <summary>The one-minute load average from /proc/loadavg, or "?" where there is none.</summary>
    public static string Load()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }

    /// <summary>A report line's note of the load at the start and at the end of a benchmark.</summary>
    public static string LoadNote(string atStart) =>
        $"load average (1 min) {atStart} at the start and {Load()} at the end on {Environment.ProcessorCount} cores";
}
