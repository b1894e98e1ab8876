using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Catalogue;

// One row of attachment 2 (考核计划表); Number is the row, counted from 1.
public sealed record BatchDefinition(
    int Number,
    DateRange Registration,
    DateRange Review,
    DateRange Payment,
    DateRange TicketPrinting,
    DateOnly ExamDate);
