using ExamPortal.Web.Features.Dashboard;

namespace ExamPortal.Tests.Features.Dashboard;

public sealed class SvgChartTests
{
    private static List<ChartPoint> Points(params int[] values) =>
        [.. values.Select((v, i) => new ChartPoint($"L{i}", $"Full {i}", v))];

    [Fact]
    public void Columns_are_proportional_to_their_values_and_the_largest_fills_the_plot()
    {
        var chart = SvgChart.Columns("c", "标题", "说明", Points(2, 8, 0, 4));

        Assert.Equal([40, 160, 0, 80], chart.Bars.Select(b => b.Height));
        Assert.Equal(SvgChart.ColumnPlotHeight, chart.Bars.Max(b => b.Height));
        // Every bar stands on the axis, one slot apart, inside the canvas.
        Assert.All(chart.Bars, b => Assert.Equal(chart.AxisY1, b.Y + b.Height));
        Assert.Equal([SvgChart.ColumnSlot, SvgChart.ColumnSlot, SvgChart.ColumnSlot], chart.Bars.Zip(chart.Bars.Skip(1), (a, b) => b.X - a.X));
        Assert.All(chart.Bars, b => Assert.InRange(b.X + b.Width, 0, chart.Width));
        Assert.All(chart.Bars, b => Assert.InRange(b.LabelY, 0, chart.Height));
        Assert.Equal(8, chart.Max);
        Assert.Equal(14, chart.Total);
    }

    [Fact]
    public void Rows_are_proportional_to_their_values_and_carry_their_labels()
    {
        var chart = SvgChart.Rows("r", "标题", "说明", Points(3, 12, 6));

        Assert.Equal([85, 340, 170], chart.Bars.Select(b => b.Width));
        Assert.Equal(["L0", "L1", "L2"], chart.Bars.Select(b => b.Point.Label));
        Assert.All(chart.Bars, b => Assert.Equal(SvgChart.RowLabelWidth, b.X));
        Assert.All(chart.Bars, b => Assert.True(b.LabelX < b.X && b.ValueX > b.X + b.Width));
        Assert.Equal([SvgChart.RowHeight, SvgChart.RowHeight], chart.Bars.Zip(chart.Bars.Skip(1), (a, b) => b.Y - a.Y));
        Assert.All(chart.Bars, b => Assert.InRange(b.Y + b.Height, 0, chart.Height));
        Assert.True(chart.Horizontal);
    }

    [Fact]
    public void A_small_value_next_to_a_large_one_still_shows_and_an_empty_chart_draws_no_bar()
    {
        var tiny = SvgChart.Columns("c", "标题", "说明", Points(1, 1000));
        var empty = SvgChart.Columns("c", "标题", "说明", Points(0, 0, 0));

        Assert.Equal(1, tiny.Bars[0].Height);
        Assert.All(empty.Bars, b => Assert.Equal(0, b.Height));
        Assert.Equal(3, empty.Bars.Count);
        Assert.Equal(0, empty.Max);
    }
}
