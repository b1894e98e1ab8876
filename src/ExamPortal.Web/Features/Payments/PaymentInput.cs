using System.Globalization;
using ExamPortal.Domain.Payments;
using FluentValidation;

namespace ExamPortal.Web.Features.Payments;

/// <summary>
/// The receipt form, bound as text so that a mistyped amount or date comes back as typed with a Chinese
/// message. PendingReceiptId: a receipt already uploaded in an earlier, refused attempt, so it need not be chosen again.
/// </summary>
public sealed class PaymentInput
{
    public uint Version { get; set; }
    public string? PayerName { get; set; }
    public string? Amount { get; set; }
    public string? TransferDate { get; set; }
    public string? BankSerialNumber { get; set; }
    public bool PaidByOther { get; set; }
    public bool RemarkConfirmed { get; set; }
    public Guid? PendingReceiptId { get; set; }
    public List<Guid> RegistrationIds { get; set; } = [];

    public static bool TryParseAmount(string? text, out decimal amount)
    {
        var cleaned = (text ?? string.Empty).Trim().TrimStart('¥', '￥').Replace(",", string.Empty, StringComparison.Ordinal).Replace("元", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact((text ?? string.Empty).Trim(), ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Call after validation passed.</summary>
    public PaymentClaim ToClaim()
    {
        var amount = TryParseAmount(Amount, out var parsed) ? parsed : 0m;
        var date = TryParseDate(TransferDate, out var day) ? day : default;
        return new PaymentClaim(PayerName ?? string.Empty, amount, date, BankSerialNumber ?? string.Empty, PaidByOther);
    }
}

public sealed class PaymentInputValidator : AbstractValidator<PaymentInput>
{
    public PaymentInputValidator()
    {
        RuleFor(x => x.PayerName).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写付款人名称（与银行回单一致）")
            .MaximumLength(Payment.PayerNameMaxLength).WithMessage($"付款人名称不能超过{Payment.PayerNameMaxLength}字");
        RuleFor(x => x.Amount).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写转账金额（与银行回单一致）")
            .Must(v => PaymentInput.TryParseAmount(v, out var a) && a > 0).When(x => !string.IsNullOrWhiteSpace(x.Amount))
            .WithMessage("转账金额请填写数字，例如 100.00");
        RuleFor(x => x.TransferDate).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写转账日期")
            .Must(v => PaymentInput.TryParseDate(v, out _)).When(x => !string.IsNullOrWhiteSpace(x.TransferDate))
            .WithMessage("转账日期格式应为 2026-03-10");
        RuleFor(x => x.BankSerialNumber).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写银行交易流水号（回单上的流水号或交易序号）");
    }
}
