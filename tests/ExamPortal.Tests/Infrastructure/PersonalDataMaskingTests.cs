using ExamPortal.Web.Infrastructure.Logging;

namespace ExamPortal.Tests.Infrastructure;

public sealed class PersonalDataMaskingTests
{
    [Theory]
    [InlineData("user 510104199001011230 signed up", "user **************1230 signed up")]
    [InlineData("id 11010519491231002X", "id **************002X")]
    [InlineData("call 13800000001 now", "call 138****0001 now")]
    [InlineData("order 42 and user 7", "order 42 and user 7")]
    public void ID_and_mobile_numbers_never_reach_a_log_line_in_clear(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasking.Mask(text));
}
