using ExamPortal.Web.Features.Help;

namespace ExamPortal.Web.Pages.Help.Manual;

public sealed class CandidateModel(IWebHostEnvironment environment) : ManualPageModel(environment, ManualAudience.Candidate);
