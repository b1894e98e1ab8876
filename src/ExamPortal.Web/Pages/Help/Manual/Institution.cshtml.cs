using ExamPortal.Web.Features.Help;

namespace ExamPortal.Web.Pages.Help.Manual;

public sealed class InstitutionModel(IWebHostEnvironment environment) : ManualPageModel(environment, ManualAudience.Institution);
