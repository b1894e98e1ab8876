using ExamPortal.Domain.Institutions;

namespace ExamPortal.Tests.Domain.Institutions;

public sealed class InstitutionApplicationSubmitTests
{
    private const string Blank = " \u3000 ";

    [Fact]
    public void AValidFormBecomesAPendingApplicationSubmittedByAnonymous()
    {
        var form = new ApplicationForm();

        var application = form.Submit();

        Assert.Equal(form.Id, application.Id);
        Assert.Equal("成都数智职业技能培训有限公司", application.Name);
        Assert.Equal("91510107MA6CAQW8XN", application.CreditCode);
        Assert.False(application.CreditCodeCheckConfirmed);
        Assert.Equal(InstitutionType.Enterprise, application.Type);
        Assert.Equal("四川省成都市武侯区人民南路四段1号", application.Address);
        Assert.Equal("李四", application.ContactPerson);
        Assert.Equal("028-86156861", application.ContactPhone);
        Assert.Equal("lisi@example.com", application.ContactEmail);
        Assert.Equal(InstitutionApplicationStatus.Pending, application.Status);
        Assert.Equal(ApplicationForm.SubmittedAt, application.SubmittedAt);
        Assert.Equal(TimeSpan.Zero, application.SubmittedAt.Offset);
        Assert.Null(application.DecidedAt);
        Assert.Null(application.DecidedByUserId);
        Assert.Null(application.RejectReason);
        Assert.Null(application.InstitutionId);

        var entry = Assert.Single(application.History);
        Assert.Equal(application.Id, entry.ApplicationId);
        Assert.Null(entry.From);
        Assert.Equal(InstitutionApplicationStatus.Pending, entry.To);
        Assert.Equal("anonymous", entry.ActorUserId);
        Assert.Null(entry.ActorRole);
        Assert.Equal(ApplicationForm.SubmittedAt, entry.At);
        Assert.Equal(TimeSpan.Zero, entry.At.Offset);
        Assert.Null(entry.Note);
    }

    [Fact]
    public void WhatIsTypedIsTrimmedAndNormalised()
    {
        var application = (new ApplicationForm() with
        {
            Name = "  成都数智职业技能培训有限公司 ",
            CreditCode = "９１５１ ０１０７ ma6c aqw8 xn",
            Address = " 四川省成都市武侯区人民南路四段1号\t",
            ContactPerson = " 李四 ",
            ContactPhone = "+86 138-1234-5678",
            ContactEmail = "  LiSi@Example.com ",
        }).Submit();

        Assert.Equal("成都数智职业技能培训有限公司", application.Name);
        Assert.Equal("91510107MA6CAQW8XN", application.CreditCode);
        Assert.Equal("四川省成都市武侯区人民南路四段1号", application.Address);
        Assert.Equal("李四", application.ContactPerson);
        Assert.Equal("13812345678", application.ContactPhone);
        Assert.Equal("LiSi@Example.com", application.ContactEmail);
    }

    [Theory]
    [InlineData(InstitutionType.Enterprise, "企业")]
    [InlineData(InstitutionType.College, "院校")]
    [InlineData(InstitutionType.RegisteredEvaluationBody, "已备案的职业技能等级评价机构")]
    [InlineData(InstitutionType.StandardDeveloper, "专项职业能力考核规范开发单位")]
    [InlineData(InstitutionType.RecommendedAssociation, "经主管部门推荐的行业协会")]
    public void EveryKindOfOrganisationTheAnnouncementListsMayApply(InstitutionType type, string displayName)
    {
        var application = (new ApplicationForm() with { Type = type }).Submit();

        Assert.Equal(type, application.Type);
        Assert.Equal(displayName, InstitutionTypes.DisplayName(type));
    }

    [Fact]
    public void TheAnnouncementListsFiveKindsOfOrganisation() =>
        Assert.Equal(5, Enum.GetValues<InstitutionType>().Length);

    [Theory]
    [InlineData("Name", Blank, "请填写机构名称，与营业执照或登记证书上的名称一致")]
    [InlineData("CreditCode", "", "请填写统一社会信用代码（营业执照或登记证书上的18位代码）")]
    [InlineData("CreditCode", "91510107MA6CAQW8X", "统一社会信用代码应为18位，您输入了17位，请对照营业执照核对")]
    [InlineData("CreditCode", "91510107MA6CAQW8XM", "校验位与计算结果不符。部分早期赋码的代码确实如此；如确认与营业执照一致，请勾选确认后提交")]
    [InlineData("Address", "", "请填写机构地址")]
    [InlineData("ContactPerson", Blank, "请填写联系人姓名")]
    [InlineData("ContactPhone", "", "请填写联系电话（手机号码，或带区号的座机号码如028-86156861）")]
    [InlineData("ContactPhone", "028 8615 686１ 转 8", "联系电话只能包含数字和“-”，请去掉其他字符（座机号码如028-86156861）")]
    [InlineData("ContactEmail", "", "请填写电子邮箱，它将作为本机构第一个经办人账号的登录名")]
    [InlineData("ContactEmail", "lisi＠example.com", "电子邮箱只能包含英文字母、数字和半角符号，请检查是否混入了空格、中文或全角字符（如“＠”“．”）")]
    public void EachFieldsProblemIsKeyedByItsName(string field, string value, string message)
    {
        var form = field switch
        {
            "Name" => new ApplicationForm() with { Name = value },
            "CreditCode" => new ApplicationForm() with { CreditCode = value },
            "Address" => new ApplicationForm() with { Address = value },
            "ContactPerson" => new ApplicationForm() with { ContactPerson = value },
            "ContactPhone" => new ApplicationForm() with { ContactPhone = value },
            "ContactEmail" => new ApplicationForm() with { ContactEmail = value },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };

        var refused = form.Refused();

        var problem = Assert.Single(refused.Problems);
        Assert.Equal(field, problem.Key);
        Assert.Equal(message, problem.Value);
        Assert.Equal($"申请信息有1处需要修改：{message}", refused.Message);
    }

    [Fact]
    public void AnUnknownTypeIsAProblemOnType()
    {
        var refused = (new ApplicationForm() with { Type = (InstitutionType)99 }).Refused();

        Assert.Equal("请从列表中选择机构类型", Assert.Single(refused.Problems, p => p.Key == "Type").Value);
    }

    [Theory]
    [InlineData("Name", "机构名称", 200)]
    [InlineData("Address", "机构地址", 300)]
    [InlineData("ContactPerson", "联系人", 50)]
    public void TextLongerThanItsColumnIsRefused(string field, string label, int max)
    {
        var tooLong = new string('川', max + 1);
        var form = field switch
        {
            "Name" => new ApplicationForm() with { Name = tooLong },
            "Address" => new ApplicationForm() with { Address = tooLong },
            _ => new ApplicationForm() with { ContactPerson = tooLong },
        };

        var refused = form.Refused();

        Assert.Equal($"{label}不能超过{max}字，您输入了{max + 1}字，请精简", Assert.Single(refused.Problems, p => p.Key == field).Value);
    }

    [Fact]
    public void TextAsLongAsItsColumnIsAccepted()
    {
        var application = (new ApplicationForm() with
        {
            Name = new string('川', InstitutionApplication.NameMaxLength),
            Address = new string('川', InstitutionApplication.AddressMaxLength),
            ContactPerson = new string('川', InstitutionApplication.ContactPersonMaxLength),
        }).Submit();

        Assert.Equal(InstitutionApplication.NameMaxLength, application.Name.Length);
    }

    [Fact]
    public void AllProblemsAreReportedAtOnceInTheFormsOrder()
    {
        var form = new ApplicationForm() with
        {
            Name = "",
            CreditCode = null,
            Type = (InstitutionType)99,
            Address = Blank,
            ContactPerson = "",
            ContactPhone = "86156",
            ContactEmail = "lisi@example",
        };

        var refused = form.Refused();

        Assert.Equal(
            ["Name", "CreditCode", "Type", "Address", "ContactPerson", "ContactPhone", "ContactEmail"],
            refused.Problems.Keys);
        Assert.Equal("座机号码至少应有7位数字，请连同区号填写，如028-86156861", refused.Problems["ContactPhone"]);
        Assert.Equal("电子邮箱格式不正确，应形如 name@example.com，请核对", refused.Problems["ContactEmail"]);
        Assert.StartsWith("申请信息有7处需要修改：请填写机构名称", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullTextIsTreatedAsBlank()
    {
        var refused = (new ApplicationForm() with { Name = null!, Address = null!, ContactPerson = null!, ContactPhone = null!, ContactEmail = null! })
            .Refused();

        Assert.Equal(["Name", "Address", "ContactPerson", "ContactPhone", "ContactEmail"], refused.Problems.Keys);
    }

    [Fact]
    public void ACheckCharacterMismatchTheApplicantConfirmedIsAcceptedAndRecorded()
    {
        var application = (new ApplicationForm() with { CreditCode = "91510107ma6caqw8xm", ConfirmCheckMismatch = true }).Submit();

        Assert.Equal("91510107MA6CAQW8XM", application.CreditCode);
        Assert.True(application.CreditCodeCheckConfirmed);
        Assert.Equal("申请人确认统一社会信用代码与营业执照一致（校验位与计算结果不符）", Assert.Single(application.History).Note);
    }

    [Fact]
    public void ConfirmingAValidCodeRecordsNothing()
    {
        var application = (new ApplicationForm() with { ConfirmCheckMismatch = true }).Submit();

        Assert.False(application.CreditCodeCheckConfirmed);
        Assert.Null(Assert.Single(application.History).Note);
    }

    [Fact]
    public void ConfirmationDoesNotExcuseAMalformedCode()
    {
        var refused = (new ApplicationForm() with { CreditCode = "91510107MO6CAQW8XN", ConfirmCheckMismatch = true }).Refused();

        Assert.StartsWith("第10位“O”", refused.Problems["CreditCode"], StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyIdIsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => (new ApplicationForm() with { Id = Guid.Empty }).Submit());
}
