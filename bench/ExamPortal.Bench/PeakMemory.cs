using System.Diagnostics;

namespace ExamPortal.Bench;

/// <summary>
/// One measured operation: its seconds, and its peaks above the baseline taken just before it. In a timed pass
/// the sampler only reads (ManagedPeak counts garbage the GC has not collected yet); in a held pass it forces a
/// full blocking GC before each read, so ManagedPeak is what the operation really keeps alive, and the seconds
/// are not comparable.
/// </summary>
internal sealed record Sample(double Seconds, long ManagedPeak, long WorkingSetPeak, long Allocated, int Collections);

/// <summary>
/// Peak memory of one operation: after a full, compacting GC that also returns free memory to the OS, the
/// managed heap (GC.GetTotalMemory(false)) and the process working set are read as the baseline, then
/// sampled every 10 ms on a thread of their own until the operation ends.
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    private const int IntervalMilliseconds = 10;

    private readonly bool forceCollections;
    private readonly long baselineManaged;
    private readonly long baselineWorkingSet;
    private readonly long baselineAllocated;
    private readonly int baselineCollections;
    private readonly Thread sampler;
    private readonly ManualResetEventSlim stop = new(false);
    private long peakManaged;
    private long peakWorkingSet;

    private PeakMemory(bool forceCollections)
    {
        this.forceCollections = forceCollections;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        baselineManaged = GC.GetTotalMemory(false);
        baselineWorkingSet = Environment.WorkingSet;
        baselineAllocated = GC.GetTotalAllocatedBytes(precise: true);
        baselineCollections = GC.CollectionCount(0);
        peakManaged = baselineManaged;
        peakWorkingSet = baselineWorkingSet;
        sampler = new Thread(Run) { IsBackground = true, Name = "peak memory sampler" };
        sampler.Start();
    }

    /// <summary>Times <paramref name="operation"/> while memory is only read, never collected.</summary>
    public static Task<Sample> TimedAsync(Func<Task> operation) => MeasureAsync(operation, forceCollections: false);

    /// <summary>What <paramref name="operation"/> keeps alive at its peak: a full GC before every sample.</summary>
    public static Task<Sample> HeldAsync(Func<Task> operation) => MeasureAsync(operation, forceCollections: true);

    public void Dispose() => stop.Dispose();

    private static async Task<Sample> MeasureAsync(Func<Task> operation, bool forceCollections)
    {
        // Continuations run inline under the async method that completed, so the previous measure's state
        // machine (a whole document, say) may still be on this stack and would count in the baseline.
        // Start from a fresh thread-pool stack once this one has unwound.
        await Task.Delay(50);
        using var memory = new PeakMemory(forceCollections);
        var watch = Stopwatch.StartNew();
        await operation();
        var seconds = watch.Elapsed.TotalSeconds;
        return memory.Finish(seconds);
    }

    private Sample Finish(double seconds)
    {
        stop.Set();
        sampler.Join();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - baselineAllocated;
        var collections = GC.CollectionCount(0) - baselineCollections;
        if (!forceCollections)
        {
            Read();
        }

        return new Sample(seconds, peakManaged - baselineManaged, peakWorkingSet - baselineWorkingSet, allocated, collections);
    }

    private void Run()
    {
        do
        {
            Read();
        }
        while (!stop.Wait(IntervalMilliseconds));
    }

    private void Read()
    {
        if (forceCollections)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        }

        peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
        peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
    }
}
