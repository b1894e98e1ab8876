using ExamPortal.Web.Features.Announcement;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Pages;

public sealed class AnnouncementModel : PageModel
{
    public IReadOnlyList<AnnouncementParagraph> Paragraphs => AnnouncementText.Paragraphs;
}
