using ExamPortal.Web.Features.Verification;

namespace ExamPortal.Web.Features.Certificates;

public static class CertificateLinks
{
    public static Func<string, string> VerificationUrl(HttpRequest request, IConfiguration configuration) =>
        PublicUrl.For(request, configuration, "/Certificates/Verify/");

    public static Func<string, string> ShareUrl(HttpRequest request, IConfiguration configuration) =>
        PublicUrl.For(request, configuration, "/Certificates/Shared/");
}
