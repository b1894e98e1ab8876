using ExamPortal.Domain.People;
using Microsoft.AspNetCore.Identity;

namespace ExamPortal.Web.Data.Entities;

/// <summary>
/// Every account. Candidates sign in with their mobile number (the user name); staff with their e-mail.
/// </summary>
public sealed class PortalUser : IdentityUser
{
    public string FullName { get; set; } = string.Empty;
    public IdDocumentType? IdDocumentType { get; set; }
    public string? IdNumber { get; set; }
    public Gender? Gender { get; set; }
    public DateOnly? BirthDate { get; set; }
    public int? InstitutionId { get; set; }
    public Institution? Institution { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
