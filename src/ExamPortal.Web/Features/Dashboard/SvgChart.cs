namespace ExamPortal.Web.Features.Dashboard;

/// <summary>One value of a chart: a short label drawn on the chart and a full one for the tooltip and the table.</summary>
public sealed record ChartPoint(string Label, string FullLabel, int Value);

/// <summary>A bar and its texts, in the SVG's user units (whole numbers, so they render the same in every culture).</summary>
public sealed record SvgBar(ChartPoint Point, int X, int Y, int Width, int Height, int LabelX, int LabelY, int ValueX, int ValueY);

/// <summary>What a chart partial draws: the canvas, the axis line and the bars; texts are escaped by Razor.</summary>
public sealed record SvgChartModel(
    string Id, string Title, string Description, bool Horizontal, int Width, int Height, int AxisX1, int AxisY1, int AxisX2, int AxisY2, IReadOnlyList<SvgBar> Bars)
{
    public int Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Point.Value);

    public int Total => Bars.Sum(b => b.Point.Value);
}

/// <summary>
/// The geometry of the dashboard's two bar charts, drawn on the server so they need no script and no CDN. Bar lengths
/// are proportional to the values, the largest value filling the plot; an all-zero chart draws no bar but keeps its labels.
/// </summary>
public static class SvgChart
{
    // Columns (one per day): a fixed-width slot per value, labels under the axis, values above the bars.
    public const int ColumnSlot = 44;
    public const int ColumnWidth = 28;
    public const int ColumnPlotHeight = 160;
    private const int ColumnTop = 22;
    private const int ColumnBottom = 30;
    private const int ColumnSide = 8;

    // Rows (one per project): names on the left, bars to the right, values after the bars.
    public const int RowHeight = 26;
    public const int RowBarHeight = 16;
    public const int RowLabelWidth = 220;
    public const int RowPlotWidth = 340;
    private const int RowValueWidth = 50;
    private const int RowPadding = 6;

    public static SvgChartModel Columns(string id, string title, string description, IReadOnlyList<ChartPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var max = points.Count == 0 ? 0 : points.Max(p => p.Value);
        var baseline = ColumnTop + ColumnPlotHeight;
        var bars = points.Select((p, i) =>
        {
            var height = Scale(p.Value, max, ColumnPlotHeight);
            var x = ColumnSide + (i * ColumnSlot) + ((ColumnSlot - ColumnWidth) / 2);
            var centre = ColumnSide + (i * ColumnSlot) + (ColumnSlot / 2);
            return new SvgBar(p, x, baseline - height, ColumnWidth, height, centre, baseline + 18, centre, baseline - height - 6);
        }).ToList();
        var width = Math.Max(ColumnSide * 2 + points.Count * ColumnSlot, 160);
        return new SvgChartModel(id, title, description, Horizontal: false, width, baseline + ColumnBottom,
            ColumnSide, baseline, width - ColumnSide, baseline, bars);
    }

    public static SvgChartModel Rows(string id, string title, string description, IReadOnlyList<ChartPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var max = points.Count == 0 ? 0 : points.Max(p => p.Value);
        var bars = points.Select((p, i) =>
        {
            var top = RowPadding + (i * RowHeight);
            var length = Scale(p.Value, max, RowPlotWidth);
            var middle = top + (RowHeight / 2) + 5;
            return new SvgBar(p, RowLabelWidth, top + ((RowHeight - RowBarHeight) / 2), length, RowBarHeight,
                RowLabelWidth - 8, middle, RowLabelWidth + length + 6, middle);
        }).ToList();
        var height = Math.Max(RowPadding * 2 + points.Count * RowHeight, 40);
        return new SvgChartModel(id, title, description, Horizontal: true, RowLabelWidth + RowPlotWidth + RowValueWidth, height,
            RowLabelWidth, RowPadding, RowLabelWidth, height - RowPadding, bars);
    }

    // Rounded to whole units; a non-zero value always gets at least one unit, so it never looks like zero.
    private static int Scale(int value, int max, int full) =>
        max <= 0 || value <= 0 ? 0 : Math.Max(1, (int)Math.Round((double)value * full / max, MidpointRounding.AwayFromZero));
}
