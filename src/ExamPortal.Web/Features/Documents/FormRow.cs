using PdfSharp.Drawing;

namespace ExamPortal.Web.Features.Documents;

/// <summary>A table row wrapped and measured by <see cref="FormPage.MeasureRow"/>, ready to draw on any page.</summary>
internal sealed record FormRow(
    IReadOnlyList<FormCell> Cells,
    IReadOnlyList<IReadOnlyList<string>> Lines,
    XFont LabelFont,
    XFont ValueFont,
    double Height);
