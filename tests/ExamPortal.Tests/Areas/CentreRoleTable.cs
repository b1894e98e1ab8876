using ExamPortal.Domain.Common;

namespace ExamPortal.Tests.Areas;

/// <summary>
/// Separation of duties at the centre, written out page by page: which centre roles may open (and post to) each
/// Centre page. A page added to the Centre area without a row here fails CentreRoleTableTests, so every new page
/// gets a decision. R = CentreReviewer, F = CentreFinance, E = CentreExam, A = CentreAdmin.
/// </summary>
public static class CentreRoleTable
{
    private const string Table = """
        page                                      R F E A
        /Index                                    R F E A
        /Calendar                                 R F E A
        /Files/Index                              R F E A
        /Plans/Index                              R F E A
        /Batches/Dashboard                        R F E A
        /Reviews/Index                            R . . A
        /Reviews/Review                           R . . A
        /Corrections/Index                        R . . A
        /Submissions/Index                        R . . A
        /Payments/Index                           . F . .
        /Payments/Decide                          . F . .
        /Tickets/Index                            . . E A
        /Tickets/Rooms                            . . E A
        /Results/Index                            . . E A
        /Results/Plan                             . . E A
        /Results/Objections                       . . E A
        /Certificates/Index                       . . E A
        /Admin/Accounts/Index                     . . . A
        /Admin/Accounts/New                       . . . A
        /Admin/Audit/Index                        . . . A
        /Admin/Batches/Index                      . . . A
        /Admin/Batches/Create                     . . . A
        /Admin/Batches/Edit                       . . . A
        /Admin/Calendar/Index                     . . . A
        /Admin/Calendar/Year                      . . . A
        /Admin/Institutions/Index                 . . . A
        /Admin/Institutions/Details               . . . A
        /Admin/Projects/Index                     . . . A
        /Admin/Projects/Edit                      . . . A
        /Admin/Venues/Index                       . . . A
        /Admin/Venues/Edit                        . . . A
        /Admin/InstitutionApplications/Index      . . . A
        /Admin/InstitutionApplications/Decide     . . . A
        /Admin/Outbox/Index                       . . . A
        /Admin/Outbox/Captured                    . . . A
        /Admin/PaymentSettings                    . . . A
        /Admin/Plans/Cancel                       . . . A
        """;

    private static readonly Role[] Columns = [Role.CentreReviewer, Role.CentreFinance, Role.CentreExam, Role.CentreAdmin];

    /// <summary>Page path inside the Centre area (as Razor Pages names it, e.g. "/Reviews/Review") → roles allowed.</summary>
    public static IReadOnlyDictionary<string, Role[]> Rows { get; } = Parse();

    public static IReadOnlyList<Role> CentreRoles => Columns;

    private static Dictionary<string, Role[]> Parse()
    {
        var rows = new Dictionary<string, Role[]>(StringComparer.Ordinal);
        foreach (var line in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != Columns.Length + 1)
            {
                throw new InvalidOperationException($"Row \"{line}\" needs a page and {Columns.Length} role cells");
            }

            rows.Add(cells[0], [.. Columns.Where((_, i) => cells[i + 1] != ".")]);
        }

        return rows;
    }
}
