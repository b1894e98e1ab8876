using System.Globalization;
using System.Text;
using ExamPortal.Domain.People;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Documents;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Features.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace ExamPortal.Bench;

/// <summary>
/// Issue 6 and issue 10: 500 admission tickets printed into one PDF, streamed the way the centre's and the
/// institution's 打印准考证 do it, against the same 500 tickets built as one PDFsharp document in memory;
/// the batch's sign-in sheets; and the institution's 500-row roster. Seconds and peak memory of each.
/// </summary>
internal static class TicketBench
{
    private const double Megabyte = 1024 * 1024;

    private static readonly Func<string, string> VerificationUrl = token => $"https://exam.example.org/Tickets/Verify/{Uri.EscapeDataString(token)}";

    private sealed record Measure(string Name, Func<IServiceProvider, Population, Stream, CancellationToken, Task> Write)
    {
        public List<Sample> Samples { get; } = [];

        public List<Sample> Held { get; } = [];

        public long OutputBytes { get; set; }

        public int Pages { get; set; }
    }

    public static async Task<string> RunAsync(IServiceProvider provider, int runs, CancellationToken ct)
    {
        var load = Machine.Load();
        var population = await TicketPopulation.BuildAsync(provider, ct);
        Measure[] measures =
        [
            new("500 tickets, streamed: TicketDocuments.WriteTicketsAsync (the portal's path)", StreamTicketsAsync),
            new("the batch's sign-in sheets, streamed: TicketDocuments.WriteSignInSheetsAsync", SignInSheetsAsync),
            new("500-row roster: SubmissionQueries.DocumentDataAsync + RosterPdf.Build", RosterAsync),
            new("contrast: the same 500 tickets as ONE PdfSharp document in memory", OneDocumentAsync),
        ];

        // Once unmeasured: warms up JIT, fonts and the verification key, and checks every PDF opens with its pages.
        foreach (var measure in measures)
        {
            using var buffer = new MemoryStream();
            await using var scope = provider.CreateAsyncScope();
            await measure.Write(scope.ServiceProvider, population, buffer, ct);
            buffer.Position = 0;
            using var opened = PdfReader.Open(buffer, PdfDocumentOpenMode.Import);
            measure.Pages = opened.PageCount;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checked: {measure.Name}: {opened.PageCount} pages, {buffer.Length / Megabyte:0.0} MB"));
        }

        if (measures[0].Pages != population.Tickets || measures[3].Pages != population.Tickets)
        {
            throw new InvalidOperationException($"Expected {population.Tickets} ticket pages, got {measures[0].Pages} streamed and {measures[3].Pages} in one document");
        }

        for (var run = 0; run < runs; run++)
        {
            foreach (var measure in measures)
            {
                measure.Samples.Add(await OnceAsync(provider, population, measure, PeakMemory.TimedAsync, ct));
                measure.Held.Add(await OnceAsync(provider, population, measure, PeakMemory.HeldAsync, ct));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run + 1}: {measure.Name}: {measure.Samples[^1].Seconds:0.00} s, held +{measure.Held[^1].ManagedPeak / Megabyte:0.0} MB, managed with garbage +{measure.Samples[^1].ManagedPeak / Megabyte:0} MB, working set +{measure.Samples[^1].WorkingSetPeak / Megabyte:0} MB"));
            }
        }

        return Report(population, measures, runs, load);
    }

    private static async Task<Sample> OnceAsync(
        IServiceProvider provider, Population population, Measure measure, Func<Func<Task>, Task<Sample>> how, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        var sink = new CountingStream();
        var sample = await how(() => measure.Write(scope.ServiceProvider, population, sink, ct));
        measure.OutputBytes = sink.Written;
        return sample;
    }

    private static async Task StreamTicketsAsync(IServiceProvider services, Population population, Stream output, CancellationToken ct)
    {
        var selection = services.GetRequiredService<TicketQueries>().OfBatch(population.BatchId);
        var written = await services.GetRequiredService<TicketDocuments>().WriteTicketsAsync(output, selection, VerificationUrl, ct);
        if (written != population.Tickets)
        {
            throw new InvalidOperationException($"WriteTicketsAsync wrote {written} tickets, not {population.Tickets}");
        }
    }

    private static Task SignInSheetsAsync(IServiceProvider services, Population population, Stream output, CancellationToken ct) =>
        services.GetRequiredService<TicketDocuments>().WriteSignInSheetsAsync(output, services.GetRequiredService<TicketQueries>().OfBatch(population.BatchId), ct);

    private static async Task RosterAsync(IServiceProvider services, Population population, Stream output, CancellationToken ct)
    {
        var data = await services.GetRequiredService<SubmissionQueries>().DocumentDataAsync(population.SubmissionId, population.InstitutionId, ct)
            ?? throw new InvalidOperationException("The bench submission is missing");
        if (data.Entries.Count != population.Tickets)
        {
            throw new InvalidOperationException($"The roster has {data.Entries.Count} rows, not {population.Tickets}");
        }

        // The institution's page returns these bytes as a file result.
        await output.WriteAsync(RosterPdf.Build(data), ct);
    }

    /// <summary>
    /// The non-streaming way: every ticket and every photo loaded at once, all 500 pages added to one
    /// document, saved to memory and only then written. Document settings as FormDocument.Create/Save
    /// (internal to the portal) make them.
    /// </summary>
    private static async Task OneDocumentAsync(IServiceProvider services, Population population, Stream output, CancellationToken ct)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var tokens = services.GetRequiredService<VerificationTokens>();
        var tickets = (await services.GetRequiredService<TicketQueries>().OfBatch(population.BatchId).OrderBy(s => s.Number).ToListAsync(ct))
            .ConvertAll(s => s.ToRow());
        var ids = tickets.Select(t => t.PhotoFileId).OfType<Guid>().ToList();
        var photos = await db.StoredFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Content, ct);
        using var document = new PdfDocument();
        document.Info.Title = AdmissionTicketPdf.Title;
        document.Info.Creator = "ExamPortal";
        document.Options.CompressContentStreams = true;
        foreach (var ticket in tickets)
        {
            var token = await tokens.SignAsync(TicketDocuments.TicketPurpose, ticket.Number, ct);
            AdmissionTicketPdf.AddPage(document, new AdmissionTicketSheet(
                ticket.Number, ticket.FullName, IdDocumentTypes.DisplayName(ticket.IdDocumentType), ticket.MaskedIdNumber, ticket.ProjectName,
                ticket.BatchTitle, ticket.ExamDate, ticket.StartTime, ticket.EndTime, ticket.Venue, ticket.RoomDisplayName, ticket.Seat,
                ticket.PhotoFileId is { } id ? photos[id] : null, VerificationUrl(token)));
        }

        using var buffer = new MemoryStream();
        document.Save(buffer);
        await output.WriteAsync(buffer.ToArray(), ct);
    }

    private static string Report(Population population, Measure[] measures, int runs, string load)
    {
        var report = new StringBuilder()
            .AppendLine("# 500 admission tickets in one PDF, sign-in sheets and a 500-row roster")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}; .NET {Environment.Version}; commit {Environment.GetEnvironmentVariable("BENCH_COMMIT") ?? "?"}; Release build, workstation GC; {Machine.LoadNote(load)}")
            .AppendLine(CultureInfo.InvariantCulture, $"- population: {population.Tickets} applicants of one institution in {population.BatchTitle}, one submission, over {population.Projects} projects, each with a photo of their own (JPEG 295×413, {population.SmallestPhoto / 1024.0:0} to {population.LargestPhoto / 1024.0:0} KB, {population.PhotoBytes / Megabyte:0.0} MB in all, stored through FileStore); built through the Registration transitions and paid with one Payment.Submit and Confirm ({population.RegisterSeconds:0.0} s), then ticketed by TicketIssuing.IssueAsync at 2026-03-24 10:00 ({population.IssueSeconds:0.0} s, {population.Rooms} rooms)")
            .AppendLine(CultureInfo.InvariantCulture, $"- {runs} runs; in each, every measure twice in a fresh DI scope (fresh DbContext), writing to a forward-only stream that only counts bytes: a timed pass, then a held pass. Pages checked once beforehand by opening each output with PdfReader")
            .AppendLine("- memory: before each pass a full compacting GC (GCCollectionMode.Aggressive), then GC.GetTotalMemory(false) and Environment.WorkingSet are read as the baseline and sampled every 10 ms on a thread of their own; the tables give peak − baseline. The timed pass only reads, so its managed peak counts garbage not collected yet and its working set is the whole process (the GC keeps memory it has freed). The held pass forces a full blocking GC before every sample: its managed peak is what the code keeps alive at once (its seconds are not reported)")
            .AppendLine()
            .AppendLine("## Time (timed pass)")
            .AppendLine()
            .AppendLine("| measure | pages | output MB | min s | median s | max s |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var measure in measures)
        {
            var seconds = measure.Samples.ConvertAll(s => s.Seconds);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {measure.Name} | {measure.Pages} | {measure.OutputBytes / Megabyte:0.0} | {seconds.Min():0.00} | {Floor.Median(seconds):0.00} | {seconds.Max():0.00} |");
        }

        report.AppendLine()
            .AppendLine("## Peak memory above the baseline, MB (min / median / max)")
            .AppendLine()
            .AppendLine("| measure | held alive (held pass) | managed heap with garbage (timed pass) | working set (timed pass) | allocated in all |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var measure in measures)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {measure.Name} | {Spread(measure.Held.ConvertAll(s => (double)s.ManagedPeak), "0.0")} | {Spread(measure.Samples.ConvertAll(s => (double)s.ManagedPeak), "0")} | {Spread(measure.Samples.ConvertAll(s => (double)s.WorkingSetPeak), "0")} | {Spread(measure.Samples.ConvertAll(s => (double)s.Allocated), "0")} |");
        }

        double Median(Measure measure, Func<Measure, List<Sample>> pass, Func<Sample, long> figure) => Floor.Median(pass(measure).ConvertAll(s => (double)figure(s)));
        var streamed = measures[0];
        var whole = measures[3];
        var heldStreamed = Median(streamed, m => m.Held, s => s.ManagedPeak);
        var heldWhole = Median(whole, m => m.Held, s => s.ManagedPeak);
        var managedStreamed = Median(streamed, m => m.Samples, s => s.ManagedPeak);
        var managedWhole = Median(whole, m => m.Samples, s => s.ManagedPeak);
        var workingStreamed = Median(streamed, m => m.Samples, s => s.WorkingSetPeak);
        var workingWhole = Median(whole, m => m.Samples, s => s.WorkingSetPeak);
        var allocatedStreamed = Median(streamed, m => m.Samples, s => s.Allocated);
        var allocatedWhole = Median(whole, m => m.Samples, s => s.Allocated);
        report.AppendLine()
            .AppendLine("## Streaming against one document in memory (medians)")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- held alive at once: streamed {heldStreamed / Megabyte:0.0} MB, one document {heldWhole / Megabyte:0.0} MB ({Ratio(heldWhole, heldStreamed)}). The photos alone are {population.PhotoBytes / Megabyte:0.0} MB and the finished PDF {whole.OutputBytes / Megabyte:0.0} MB: one document keeps every page, every photo and the saved file at once; TicketDocuments renders a chunk of tickets at a time with only that chunk's photos, and PdfPageStream keeps an offset per object until the end.")
            .AppendLine(CultureInfo.InvariantCulture, $"- managed heap with garbage: streamed {managedStreamed / Megabyte:0} MB, one document {managedWhole / Megabyte:0} MB ({Ratio(managedWhole, managedStreamed)}); working set: streamed {workingStreamed / Megabyte:0} MB, one document {workingWhole / Megabyte:0} MB ({Ratio(workingWhole, workingStreamed)}). These count what the GC has not collected yet, and streaming allocates more in all ({allocatedStreamed / Megabyte:0} MB against {allocatedWhole / Megabyte:0} MB: every chunk is saved, copied and read again), so at 500 tickets of this size they show the GC's budget between collections more than what either way holds.")
            .AppendLine()
            .AppendLine()
            .Append(new Targets()
                .Add("500 tickets in one PDF (streamed, the portal's path)", Floor.Median(streamed.Samples.ConvertAll(s => s.Seconds)), " s", 15, higherIsBetter: false)
                .Add("memory growth while writing them (working set above the baseline)", workingStreamed / Megabyte, " MB", 200, higherIsBetter: false, format: "0")
                .ToMarkdown());
        return report.ToString();
    }

    private static string Ratio(double whole, double streamed) =>
        string.Create(CultureInfo.InvariantCulture, $"one document {whole / Math.Max(streamed, 1):0.0}× the streamed figure");

    private static string Spread(List<double> bytes, string format) =>
        string.Join(" / ", new[] { bytes.Min(), Floor.Median(bytes), bytes.Max() }.Select(b => (b / Megabyte).ToString(format, CultureInfo.InvariantCulture)));
}
