using ExamPortal.Web.Features.Audit;

namespace ExamPortal.Tests.Features.Audit;

public sealed class AuditLabelTests
{
    [Fact]
    public void Every_action_the_audit_search_offers_reads_in_chinese()
    {
        var unlabelled = AuditLabels.TrailActionNames.Concat(AuditLabels.RegistrationActionNames).Where(a => !AuditLabels.HasLabel(a)).ToList();

        Assert.True(unlabelled.Count == 0, $"Actions without a Chinese label in AuditLabels: {string.Join(", ", unlabelled)}");
        Assert.All(AuditLabels.TrailActionNames, a => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", AuditLabels.Action(a)));
    }
}
