using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Payments;

// 个人缴费 in batch 2 (payment 2026-04-01 to 04-03, each day to 24:00 Beijing time; exam 2026-04-25): one
// receipt for one approved registration, with what the payer states about the transfer.
public sealed class PaymentSubmissionTests
{
    private const string NotYetOpen = "本批次缴费时间为2026年4月1日至4月3日，尚未开始，请在缴费期内缴费并上传凭证";
    private const string Closed = "本批次缴费时间为2026年4月1日至4月3日，现已截止；未在规定时间内完成缴费的视为放弃报考";
    private const string ProjectName = "大数据运行平台搭建";

    private static readonly DateTimeOffset At = Instant("2026-04-02T10:00:00+08:00");

    [Fact]
    public void An_approved_candidate_submits_a_receipt_and_the_registration_awaits_confirmation()
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();
        var historyBefore = registration.History.Count;
        var id = Guid.NewGuid();
        var receipt = Guid.NewGuid();
        var claim = new PaymentClaim("  张三 ", 100.00m, D("2026-04-02"), " sn 2026 ０４０２－ab ", PaidByOther: false);

        var payment = Payment.Submit(id, [builder.Line(registration)], claim, receipt, false, Candidate, At, Batch2);

        Assert.Equal(RegistrationStatus.PaymentSubmitted, registration.Status);
        Assert.Equal(id, registration.PaymentId);
        Assert.Null(registration.PaymentReturnReason);
        Assert.Null(registration.PaymentConfirmedAt);
        Assert.Equal(historyBefore + 1, registration.History.Count);
        var entry = registration.History[^1];
        Assert.Equal(
            (RegistrationActions.PaymentSubmitted, (RegistrationStatus?)RegistrationStatus.Approved, RegistrationStatus.PaymentSubmitted),
            (entry.Action, entry.From, entry.To));
        Assert.Equal((CandidateUserId, (Role?)Role.Candidate, At), (entry.ActorUserId, entry.ActorRole, entry.At));
        Assert.Equal("转账金额¥100.00，流水号SN20260402-AB", entry.Note);

        Assert.Equal(id, payment.Id);
        Assert.Equal(PaymentStatus.Submitted, payment.Status);
        Assert.Equal(RegistrationChannel.Individual, payment.Channel);
        Assert.Equal(CandidateUserId, payment.CandidateUserId);
        Assert.Null(payment.InstitutionId);
        Assert.Equal(2, payment.BatchId);
        Assert.Equal([registration.Id], payment.RegistrationIds);
        Assert.Equal(receipt, payment.ReceiptFileId);
        Assert.Equal("张三", payment.PayerName);
        Assert.Equal(100m, payment.Amount);
        Assert.Equal(100m, payment.ExpectedAmount);
        Assert.Equal(1, payment.HeadCount);
        Assert.Equal(D("2026-04-02"), payment.TransferDate);
        Assert.Equal("SN20260402-AB", payment.BankSerialNumber);
        Assert.False(payment.PaidByOther);
        Assert.Null(payment.Remark);
        Assert.Equal(At, payment.SubmittedAt);
        Assert.Equal(TimeSpan.Zero, payment.SubmittedAt.Offset);
        Assert.Equal(CandidateUserId, payment.SubmittedByUserId);
        Assert.Null(payment.DecidedAt);
        Assert.Null(payment.DecidedByUserId);
        Assert.Null(payment.ReturnReason);
    }

    [Theory]
    [InlineData("sn20260402", "SN20260402")]
    [InlineData(" 6222 0210 0112 ", "622202100112")]
    [InlineData("２０２６０４０２", "20260402")]
    [InlineData("ＳＮ２０２６ａｂ", "SN2026AB")]
    [InlineData("ab－１２３４５６", "AB-123456")]
    [InlineData("\t2026\u30000402\n", "20260402")]
    public void The_serial_is_stored_upper_case_without_spaces_and_with_full_width_characters_made_ascii(string typed, string stored)
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();

        var payment = Submit(builder, registration, OwnClaim(registration) with { BankSerialNumber = typed });

        Assert.Equal(stored, payment.BankSerialNumber);
        Assert.Equal(stored, Payment.NormalizeSerial(typed));
        Assert.EndsWith("流水号" + stored, registration.History[^1].Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "请填写银行交易流水号（回单上的流水号或交易序号）")]
    [InlineData("   ", "请填写银行交易流水号（回单上的流水号或交易序号）")]
    [InlineData("12345", "银行交易流水号应为6至40位字母或数字，请按回单填写")]
    [InlineData("流水号20260402", "银行交易流水号应为6至40位字母或数字，请按回单填写")]
    [InlineData("SN_20260402", "银行交易流水号应为6至40位字母或数字，请按回单填写")]
    [InlineData("12345678901234567890123456789012345678901", "银行交易流水号应为6至40位字母或数字，请按回单填写")]
    public void A_missing_or_malformed_serial_is_refused(string serial, string message)
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => Submit(builder, registration, OwnClaim(registration) with { BankSerialNumber = serial }));

        Assert.Equal(message, error.Message);
        Assert.Equal(RegistrationStatus.Approved, registration.Status);
        Assert.Null(registration.PaymentId);
    }

    [Fact]
    public void A_serial_of_forty_characters_is_accepted()
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();
        var serial = new string('7', Payment.SerialMaxLength);

        var payment = Submit(builder, registration, OwnClaim(registration) with { BankSerialNumber = serial });

        Assert.Equal(serial, payment.BankSerialNumber);
    }

    [Theory]
    [InlineData("2026-04-01T00:00:00+08:00")]
    [InlineData("2026-03-31T16:00:00Z")]
    [InlineData("2026-04-02T12:00:00+08:00")]
    [InlineData("2026-04-03T23:59:59+08:00")]
    [InlineData("2026-04-03T15:59:59Z")]
    public void A_receipt_is_accepted_on_every_day_of_the_payment_window_in_China(string at)
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();

        var payment = Submit(builder, registration, OwnClaim(registration) with { TransferDate = D("2026-03-31") }, at: Instant(at));

        Assert.Equal(RegistrationStatus.PaymentSubmitted, registration.Status);
        Assert.Equal(Instant(at), payment.SubmittedAt);
        Assert.Equal(Instant(at), registration.History[^1].At);
    }

    [Theory]
    [InlineData("2026-03-31T23:59:59+08:00", NotYetOpen)]
    [InlineData("2026-03-31T15:59:59Z", NotYetOpen)]
    [InlineData("2026-04-04T00:00:00+08:00", Closed)]
    [InlineData("2026-04-03T16:00:00Z", Closed)]
    [InlineData("2026-04-10T09:00:00+08:00", Closed)]
    public void A_receipt_outside_the_payment_window_in_China_is_refused_naming_the_window(string at, string message)
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();
        var historyBefore = registration.History.Count;

        var error = Assert.Throws<DomainRuleException>(
            () => Submit(builder, registration, OwnClaim(registration) with { TransferDate = D("2026-03-31") }, at: Instant(at)));

        Assert.Equal(message, error.Message);
        Assert.Equal(RegistrationStatus.Approved, registration.Status);
        Assert.Null(registration.PaymentId);
        Assert.Equal(historyBefore, registration.History.Count);
    }

    [Fact]
    public void An_amount_different_from_the_fee_is_refused_showing_both_in_yuan()
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => Submit(builder, registration, OwnClaim(registration) with { Amount = 90m }));

        Assert.Equal("转账金额¥90.00与应缴考核费¥100.00不一致，请核对回单上的转账金额", error.Message);
        Assert.Contains("¥100.00", error.Message, StringComparison.Ordinal);
        Assert.Contains("¥90.00", error.Message, StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Approved, registration.Status);
    }

    [Theory]
    [InlineData("100.001")]
    [InlineData("99.995")]
    [InlineData("0.005")]
    public void An_amount_with_more_than_two_decimals_is_refused(string amount)
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(
            () => Submit(builder, registration, OwnClaim(registration) with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal("转账金额最多保留两位小数（精确到分），请核对", error.Message);
        Assert.Equal(RegistrationStatus.Approved, registration.Status);
    }

    [Fact]
    public void An_amount_written_with_a_trailing_zero_is_the_same_amount()
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();

        var payment = Submit(builder, registration, OwnClaim(registration) with { Amount = 100.000m });

        Assert.Equal(RegistrationStatus.PaymentSubmitted, registration.Status);
        Assert.Equal(100m, payment.Amount);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-100")]
    public void A_zero_or_negative_amount_is_refused(string amount)
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(
            () => Submit(builder, registration, OwnClaim(registration) with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal("请填写转账金额（与银行回单一致）", error.Message);
    }

    [Fact]
    public void A_payer_who_is_not_the_candidate_is_refused_unless_paying_for_another()
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => Submit(builder, registration, OwnClaim(registration) with { PayerName = "李四" }));

        Assert.Equal(
            "付款人“李四”与考生姓名“张三”不一致：本人缴费请填写回单上的付款人姓名；如由他人代缴，请选择“他人代缴”并按要求备注",
            error.Message);
        Assert.Equal(RegistrationStatus.Approved, registration.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_payer_is_refused(string payer)
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => Submit(builder, registration, OwnClaim(registration) with { PayerName = payer }));

        Assert.Equal("请填写付款人名称（与银行回单一致）", error.Message);
    }

    [Fact]
    public void A_payer_name_longer_than_a_hundred_characters_is_refused()
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();
        var payer = new string('李', Payment.PayerNameMaxLength + 1);

        var error = Assert.Throws<DomainRuleException>(
            () => Submit(builder, registration, OwnClaim(registration) with { PayerName = payer }));

        Assert.Equal("付款人名称不能超过100字", error.Message);
    }

    [Fact]
    public void Someone_else_paying_builds_the_announcements_remark_from_the_form()
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();
        var claim = OwnClaim(registration) with { PayerName = " 李四 ", PaidByOther = true };
        const string Remark = "该笔费用由李四代张三缴纳2026年4月25日考试日期大数据运行平台搭建考试项目的费用，金额为100.00元";

        var payment = Submit(builder, registration, claim, remarkConfirmed: true);

        Assert.Equal(Remark, payment.Remark);
        Assert.Equal(Remark, Payment.ProxyRemark(builder.Line(registration), claim, Batch2));
        Assert.Equal(Remark, PaymentRemark.ForProxy("李四", "张三", D("2026-04-25"), ProjectName, 100m));
        Assert.True(payment.PaidByOther);
        Assert.Equal("李四", payment.PayerName);
        Assert.Equal(RegistrationStatus.PaymentSubmitted, registration.Status);
    }

    [Fact]
    public void Someone_else_paying_must_confirm_the_remark_is_on_the_receipt()
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();
        var historyBefore = registration.History.Count;

        var error = Assert.Throws<DomainRuleException>(
            () => Submit(builder, registration, OwnClaim(registration) with { PayerName = "李四", PaidByOther = true }, remarkConfirmed: false));

        Assert.Equal("他人代缴须在银行回单上备注系统生成的说明，请核对备注内容并勾选确认", error.Message);
        Assert.Equal(RegistrationStatus.Approved, registration.Status);
        Assert.Equal(historyBefore, registration.History.Count);
    }

    [Fact]
    public void Paying_for_another_with_the_candidates_own_name_is_refused()
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(
            () => Submit(builder, registration, OwnClaim(registration) with { PaidByOther = true }, remarkConfirmed: true));

        Assert.StartsWith("选择了“他人代缴”，但付款人与考生姓名相同", error.Message, StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Approved, registration.Status);
    }

    [Theory]
    [InlineData("2026-04-03", "2026-04-02T10:00:00+08:00", "转账日期不能晚于今天，请按回单填写")]
    [InlineData("2026-04-03", "2026-04-02T15:59:59Z", "转账日期不能晚于今天，请按回单填写")]
    [InlineData("2026-03-08", "2026-04-02T10:00:00+08:00", "转账日期早于本批次报名开始日期（2026年3月9日），请核对回单")]
    public void A_transfer_date_in_the_future_or_before_registration_opened_is_refused(string transferDate, string at, string message)
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(
            () => Submit(builder, registration, OwnClaim(registration) with { TransferDate = D(transferDate) }, at: Instant(at)));

        Assert.Equal(message, error.Message);
        Assert.Equal(RegistrationStatus.Approved, registration.Status);
    }

    [Theory]
    [InlineData("2026-03-09", "2026-04-02T10:00:00+08:00")]
    [InlineData("2026-04-02", "2026-04-02T00:00:00+08:00")]
    [InlineData("2026-04-03", "2026-04-02T16:00:00Z")]
    public void A_transfer_on_the_first_registration_day_or_today_in_China_is_accepted(string transferDate, string at)
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();

        var payment = Submit(builder, registration, OwnClaim(registration) with { TransferDate = D(transferDate) }, at: Instant(at));

        Assert.Equal(D(transferDate), payment.TransferDate);
    }

    [Theory]
    [InlineData("candidate-2", Role.Candidate)]
    [InlineData("staff-1", Role.InstitutionStaff)]
    [InlineData("finance-1", Role.CentreFinance)]
    [InlineData("admin-1", Role.CentreAdmin)]
    public void Only_the_candidate_pays_for_an_individual_registration(string userId, Role role)
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => Submit(builder, registration, OwnClaim(registration), by: new Actor(userId, role)));

        Assert.Equal("考生个人报名只能由考生本人办理", error.Message);
        Assert.Equal(RegistrationStatus.Approved, registration.Status);
    }

    [Theory]
    [InlineData(RegistrationStatus.Draft, "草稿")]
    [InlineData(RegistrationStatus.Submitted, "待审核")]
    [InlineData(RegistrationStatus.Returned, "退回修改")]
    [InlineData(RegistrationStatus.Rejected, "审核不通过")]
    [InlineData(RegistrationStatus.ReturnExpired, "逾期未修改")]
    [InlineData(RegistrationStatus.PaymentSubmitted, "待确认")]
    [InlineData(RegistrationStatus.PaymentConfirmed, "确认收费")]
    [InlineData(RegistrationStatus.Abandoned, "已放弃")]
    [InlineData(RegistrationStatus.Cancelled, "考核计划取消")]
    public void Only_an_approved_or_payment_returned_registration_may_pay(RegistrationStatus status, string displayName)
    {
        var builder = A.Registration().In(status);
        var registration = builder.Build();
        var historyBefore = registration.History.Count;
        var paymentBefore = registration.PaymentId;

        var error = Assert.Throws<DomainRuleException>(() => Submit(builder, registration, OwnClaim(registration)));

        Assert.Equal($"只有“审核通过”或“缴费退回”的报名可以缴费，本报名当前为“{displayName}”", error.Message);
        Assert.Equal(status, registration.Status);
        Assert.Equal(paymentBefore, registration.PaymentId);
        Assert.Equal(historyBefore, registration.History.Count);
    }

    [Fact]
    public void An_individual_receipt_pays_for_one_registration_only()
    {
        var builder = A.Registration().Submitted().Approved();
        var first = builder.Build();
        var second = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => Payment.Submit(
            Guid.NewGuid(), [builder.Line(first), builder.Line(second)], OwnClaim(first) with { Amount = 200m }, Guid.NewGuid(), false, Candidate, At, Batch2));

        Assert.Equal("个人缴费一张回单只对应一项报名", error.Message);
        Assert.Equal(RegistrationStatus.Approved, first.Status);
        Assert.Equal(RegistrationStatus.Approved, second.Status);
    }

    [Fact]
    public void A_receipt_must_list_at_least_one_registration()
    {
        var error = Assert.Throws<DomainRuleException>(() => Payment.Submit(
            Guid.NewGuid(), [], new PaymentClaim("张三", 100m, D("2026-04-02"), "SN20260402001", false), Guid.NewGuid(), false, Candidate, At, Batch2));

        Assert.Equal("请至少选择一名需要缴费的考生", error.Message);
    }

    [Fact]
    public void A_payment_needs_its_own_id_and_a_receipt_file()
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();
        var claim = OwnClaim(registration);

        Assert.Throws<ArgumentException>(() => Payment.Submit(Guid.Empty, [builder.Line(registration)], claim, Guid.NewGuid(), false, Candidate, At, Batch2));
        Assert.Throws<ArgumentException>(() => Payment.Submit(Guid.NewGuid(), [builder.Line(registration)], claim, Guid.Empty, false, Candidate, At, Batch2));
        Assert.Equal(RegistrationStatus.Approved, registration.Status);
    }

    [Fact]
    public void A_second_receipt_while_the_first_awaits_confirmation_is_refused()
    {
        var builder = A.Registration().Submitted().Approved().PaymentSubmitted();
        var registration = builder.Build();
        var first = builder.LastPayment!;

        var error = Assert.Throws<DomainRuleException>(() => Submit(builder, registration, OwnClaim(registration)));

        Assert.Contains("本报名当前为“待确认”", error.Message, StringComparison.Ordinal);
        Assert.Equal(first.Id, registration.PaymentId);
    }

    [Fact]
    public void Expected_is_the_sum_of_the_fees_of_the_lines()
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();

        Assert.Equal(250.50m, Payment.Expected([new PaymentLine(registration, 100m, "甲"), new PaymentLine(registration, 150.50m, "乙")]));
        Assert.Equal(0m, Payment.Expected([]));
    }

    private static Payment Submit(
        RegistrationBuilder builder, Registration registration, PaymentClaim claim, bool remarkConfirmed = false, Actor? by = null, DateTimeOffset? at = null) =>
        Payment.Submit(Guid.NewGuid(), [builder.Line(registration)], claim, Guid.NewGuid(), remarkConfirmed, by ?? Candidate, at ?? At, Batch2);
}
