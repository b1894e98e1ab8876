using ExamPortal.Domain.Common;
using Microsoft.AspNetCore.Authorization;

namespace ExamPortal.Web.Infrastructure.Auth;

public static class Policies
{
    public const string Candidate = nameof(Candidate);
    public const string Institution = nameof(Institution);
    public const string Centre = nameof(Centre);
    public const string CentreAdmin = nameof(CentreAdmin);
    public const string CentreFinance = nameof(CentreFinance);
    public const string CentreExam = nameof(CentreExam);
    public const string CentreReview = nameof(CentreReview);

    public static readonly IReadOnlyList<Role> CentreRoles =
        [Role.CentreReviewer, Role.CentreFinance, Role.CentreExam, Role.CentreAdmin];

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Candidate, p => p.RequireRole(nameof(Role.Candidate)));
        options.AddPolicy(Institution, p => p.RequireRole(nameof(Role.InstitutionStaff)));
        options.AddPolicy(Centre, p => p.RequireRole(CentreRoles.Select(r => r.ToString())));
        options.AddPolicy(CentreAdmin, p => p.RequireRole(nameof(Role.CentreAdmin)));

        // Money is finance's alone: reviewers and administrators cannot confirm or return payments.
        options.AddPolicy(CentreFinance, p => p.RequireRole(nameof(Role.CentreFinance)));

        // Registration review (审核), corrections and institutions' paper originals: finance does not review.
        options.AddPolicy(CentreReview, p => p.RequireRole(nameof(Role.CentreReviewer), nameof(Role.CentreAdmin)));

        // Exam affairs (考务): rooms, tickets and exam-day documents; administrators may stand in.
        options.AddPolicy(CentreExam, p => p.RequireRole(nameof(Role.CentreExam), nameof(Role.CentreAdmin)));
    }
}
