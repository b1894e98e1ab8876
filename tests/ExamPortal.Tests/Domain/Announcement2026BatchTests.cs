using System.Text.Json;
using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Catalogue;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain;

// Attachment 2 of the announcement: 2026年专项职业能力省直统一考核计划表.
public sealed class Announcement2026BatchTests
{
    [Fact]
    public void ThereAreTenBatchesNumberedInOrder()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], Announcement2026.Batches.Select(b => b.Number));
    }

    [Theory]
    [InlineData(1, "2026-02-06", "2026-02-13", "2026-02-24", "2026-03-06", "2026-03-09", "2026-03-11", "2026-03-23", "2026-03-27", "2026-03-28")]
    [InlineData(2, "2026-03-09", "2026-03-16", "2026-03-16", "2026-03-27", "2026-04-01", "2026-04-03", "2026-04-20", "2026-04-24", "2026-04-25")]
    [InlineData(3, "2026-03-31", "2026-04-13", "2026-04-13", "2026-04-24", "2026-04-27", "2026-04-29", "2026-05-18", "2026-05-22", "2026-05-23")]
    [InlineData(4, "2026-04-29", "2026-05-11", "2026-05-11", "2026-05-22", "2026-05-25", "2026-05-27", "2026-06-08", "2026-06-12", "2026-06-13")]
    [InlineData(5, "2026-05-25", "2026-06-01", "2026-06-01", "2026-06-12", "2026-06-15", "2026-06-17", "2026-07-06", "2026-07-10", "2026-07-11")]
    [InlineData(6, "2026-06-29", "2026-07-06", "2026-07-06", "2026-07-17", "2026-07-20", "2026-07-22", "2026-08-03", "2026-08-07", "2026-08-08")]
    [InlineData(7, "2026-08-10", "2026-08-17", "2026-08-17", "2026-08-28", "2026-08-31", "2026-09-02", "2026-09-14", "2026-09-18", "2026-09-19")]
    [InlineData(8, "2026-08-31", "2026-09-07", "2026-09-07", "2026-09-18", "2026-09-21", "2026-09-23", "2026-10-19", "2026-10-23", "2026-10-24")]
    [InlineData(9, "2026-09-14", "2026-09-21", "2026-09-21", "2026-10-12", "2026-10-19", "2026-10-21", "2026-11-02", "2026-11-06", "2026-11-07")]
    [InlineData(10, "2026-10-26", "2026-11-02", "2026-11-02", "2026-11-13", "2026-11-16", "2026-11-18", "2026-11-30", "2026-12-04", "2026-12-05")]
    public void BatchDatesAreAsPrinted(
        int number,
        string registrationStart, string registrationEnd,
        string reviewStart, string reviewEnd,
        string paymentStart, string paymentEnd,
        string printingStart, string printingEnd,
        string exam)
    {
        var batch = Announcement2026.Batches.Single(b => b.Number == number);

        Assert.Equal((D(registrationStart), D(registrationEnd)), (batch.Registration.Start, batch.Registration.End));
        Assert.Equal((D(reviewStart), D(reviewEnd)), (batch.Review.Start, batch.Review.End));
        Assert.Equal((D(paymentStart), D(paymentEnd)), (batch.Payment.Start, batch.Payment.End));
        Assert.Equal((D(printingStart), D(printingEnd)), (batch.TicketPrinting.Start, batch.TicketPrinting.End));
        Assert.Equal(D(exam), batch.ExamDate);
    }

    [Fact]
    public void EveryBatchIsAValidSchedule()
    {
        Assert.All(Announcement2026.Batches, b => Assert.Equal(b.ExamDate, BatchSchedule.From(b).ExamDate));
    }

    [Fact]
    public void BatchesSurviveAJsonRoundTrip()
    {
        foreach (var batch in Announcement2026.Batches)
        {
            Assert.Equal(batch, JsonSerializer.Deserialize<BatchDefinition>(JsonSerializer.Serialize(batch)));
        }
    }

    [Fact]
    public void EveryExamIsOnASaturday()
    {
        Assert.All(Announcement2026.Batches, b => Assert.Equal(DayOfWeek.Saturday, b.ExamDate.DayOfWeek));
    }
}
