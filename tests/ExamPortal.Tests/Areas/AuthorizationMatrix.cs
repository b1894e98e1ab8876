using ExamPortal.Domain.Common;

namespace ExamPortal.Tests.Areas;

/// <summary>
/// Who may use each page and handler of the portal, written out: the expected outcomes AuthorizationMatrixTests checks
/// for anonymous visitors and each role against the app's own endpoints. A page or handler added to src without a row
/// here (or a row left behind for one that is gone) fails the test, so each gets a decision.
/// Access: "anonymous" = public, open to everyone signed in or not; a role name = that role only; "centre" = the
/// centre roles of the page's row in <see cref="CentreRoleTable"/> (one table for the centre's separation of duties).
/// </summary>
public static class AuthorizationMatrix
{
    public const string Anonymous = "anonymous";

    private const string Table = """
        page                                               access            handlers
        /Account/Recover                                   anonymous         GET POST:Reset POST:Send
        /Account/ResetPassword                             anonymous         GET POST
        /Account/SignIn                                    anonymous         GET POST
        /Account/SignOut                                   anonymous         GET POST
        /Account/SignUp                                    anonymous         GET POST
        /Announcement                                      anonymous         GET
        /Candidate/Account/Index                           Candidate         GET POST:Confirm POST:EmailCode POST:MobileCode
        /Candidate/Files/Index                             Candidate         GET
        /Candidate/Index                                   Candidate         GET
        /Candidate/Messages/Index                          Candidate         GET POST:MarkRead
        /Candidate/Registrations/Commitment                Candidate         GET POST
        /Candidate/Registrations/Correction                Candidate         GET POST
        /Candidate/Registrations/Details                   Candidate         GET POST
        /Candidate/Registrations/Forms                     Candidate         GET
        /Candidate/Registrations/Index                     Candidate         GET
        /Candidate/Registrations/New                       Candidate         GET POST
        /Candidate/Registrations/Payment                   Candidate         GET POST
        /Candidate/Registrations/Photo                     Candidate         GET POST:Accept POST:Upload
        /Candidate/Registrations/Scans                     Candidate         GET POST:Accept POST:ProofCase POST:Upload
        /Candidate/Registrations/Summary                   Candidate         GET POST
        /Candidate/Registrations/View                      Candidate         GET GET:Certificate GET:Ticket POST:Objection POST:RevokeShare POST:Share POST:Transfer
        /Catalogue/Details                                 anonymous         GET
        /Catalogue/Index                                   anonymous         GET
        /Centre/Admin/Accounts/Index                       centre            GET GET:Export POST:Disable POST:Enable POST:Reset POST:Role
        /Centre/Admin/Accounts/New                         centre            GET POST
        /Centre/Admin/Audit/Index                          centre            GET GET:Export POST
        /Centre/Admin/Batches/Create                       centre            GET POST
        /Centre/Admin/Batches/Edit                         centre            GET POST
        /Centre/Admin/Batches/Index                        centre            GET
        /Centre/Admin/Calendar/Index                       centre            GET POST:Add POST:Remove
        /Centre/Admin/Calendar/Year                        centre            GET POST:Holidays POST:MakeUp POST:Remove
        /Centre/Admin/InstitutionApplications/Decide       centre            GET POST:Approve POST:Reject
        /Centre/Admin/InstitutionApplications/Index        centre            GET
        /Centre/Admin/Institutions/Details                 centre            GET POST:Reinstate POST:Suspend
        /Centre/Admin/Institutions/Index                   centre            GET GET:Export
        /Centre/Admin/Outbox/Captured                      centre            GET
        /Centre/Admin/Outbox/Index                         centre            GET GET:Export POST:Requeue
        /Centre/Admin/PaymentSettings                      centre            GET POST:Extend POST:Payee
        /Centre/Admin/Plans/Cancel                         centre            GET POST
        /Centre/Admin/Projects/Edit                        centre            GET POST
        /Centre/Admin/Projects/Index                       centre            GET
        /Centre/Admin/Venues/Edit                          centre            GET POST:AddRoom POST:RemoveRoom POST:UpdateRoom POST:Venue
        /Centre/Admin/Venues/Index                         centre            GET POST
        /Centre/Batches/Dashboard                          centre            GET
        /Centre/Calendar                                   centre            GET
        /Centre/Certificates/Index                         centre            GET GET:Export GET:Pdf POST:Collect POST:Issue
        /Centre/Corrections/Index                          centre            GET GET:Export POST
        /Centre/Files/Index                                centre            GET
        /Centre/Index                                      centre            GET
        /Centre/Payments/Decide                            centre            GET POST:Confirm POST:Return
        /Centre/Payments/Index                             centre            GET GET:Export
        /Centre/Plans/Index                                centre            GET GET:Export
        /Centre/Results/Index                              centre            GET GET:Export POST:Dates
        /Centre/Results/Objections                         centre            GET GET:Export POST
        /Centre/Results/Plan                               centre            GET GET:Template POST:Correct POST:Import POST:Report POST:Save
        /Centre/Reviews/Index                              centre            GET GET:Export
        /Centre/Reviews/Review                             centre            GET POST:Approve POST:Reject POST:Return
        /Centre/Submissions/Index                          centre            GET GET:Export POST:Originals
        /Centre/Tickets/Index                              centre            GET GET:Export GET:RoomLists GET:SignInSheets GET:Tickets POST:Issue
        /Centre/Tickets/Rooms                              centre            GET POST:AddRoom POST:Arrangement POST:CopyVenue POST:RemoveRoom POST:UpdateRoom
        /Certificates/Query                                anonymous         GET POST
        /Certificates/Shared                               anonymous         GET GET:Pdf
        /Certificates/Verify                               anonymous         GET
        /Contact                                           anonymous         GET
        /Error                                             anonymous         GET POST
        /Help/Downloads                                    anonymous         GET GET:File
        /Help/Faq                                          anonymous         GET
        /Help/Manual/Candidate                             anonymous         GET GET:Pdf
        /Help/Manual/Index                                 anonymous         GET
        /Help/Manual/Institution                           anonymous         GET GET:Pdf
        /Index                                             anonymous         GET
        /Institution/Applicants/Details                    InstitutionStaff  GET POST:Pass POST:Transfer
        /Institution/Applicants/Edit                       InstitutionStaff  GET POST
        /Institution/Applicants/Index                      InstitutionStaff  GET
        /Institution/Applicants/New                        InstitutionStaff  GET POST
        /Institution/Certificates/Index                    InstitutionStaff  GET GET:Pdf GET:Register
        /Institution/Files/Index                           InstitutionStaff  GET
        /Institution/Import/Attachments                    InstitutionStaff  GET POST
        /Institution/Import/Index                          InstitutionStaff  GET GET:Template POST
        /Institution/Import/Result                         InstitutionStaff  GET
        /Institution/Index                                 InstitutionStaff  GET
        /Institution/Messages/Index                        InstitutionStaff  GET POST:MarkRead
        /Institution/Payments/Index                        InstitutionStaff  GET POST
        /Institution/Staff/Index                           InstitutionStaff  GET POST:Add POST:Disable POST:Enable
        /Institution/Submissions/Index                     InstitutionStaff  GET GET:Document POST
        /Institution/Tickets/Index                         InstitutionStaff  GET POST:PrintAll POST:PrintOne
        /Institutions/Apply                                anonymous         GET POST
        /Institutions/Status                               anonymous         GET
        /Results/Index                                     anonymous         GET GET:Pdf GET:Xlsx
        /Schedule                                          anonymous         GET
        /Tickets/Download                                  anonymous         GET POST
        /Tickets/Verify                                    anonymous         GET
        """;

    public static IReadOnlyList<Role> AllRoles { get; } = Enum.GetValues<Role>();

    /// <summary>Page key ("/Index", "/Candidate/Registrations/View") → its row.</summary>
    public static IReadOnlyDictionary<string, MatrixRow> Rows { get; } = Parse();

    private static Dictionary<string, MatrixRow> Parse()
    {
        var rows = new Dictionary<string, MatrixRow>(StringComparer.Ordinal);
        foreach (var line in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length < 3)
            {
                throw new InvalidOperationException($"Row \"{line}\" needs a page, an access and at least one handler");
            }

            rows.Add(cells[0], new MatrixRow(cells[0], cells[1], [.. cells.Skip(2)]));
        }

        return rows;
    }
}

public sealed record MatrixRow(string Page, string Access, IReadOnlyList<string> Handlers)
{
    public bool IsPublic => Access == AuthorizationMatrix.Anonymous;

    /// <summary>The signed-in roles that may use the page (every role, for a public page).</summary>
    public IReadOnlyList<Role> AllowedRoles => Access switch
    {
        AuthorizationMatrix.Anonymous => AuthorizationMatrix.AllRoles,
        "centre" => CentreRoleTable.Rows[Page["/Centre".Length..]],
        _ => [Enum.Parse<Role>(Access)],
    };
}
