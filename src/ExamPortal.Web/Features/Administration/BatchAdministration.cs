using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Administration;

/// <summary>The CentreAdmin's changes to payment settings: the payee account and a batch's payment window, each audited.</summary>
public sealed class BatchAdministration(PortalDbContext db, TimeProvider clock)
{
    public const int PayeeFieldMaxLength = 100;

    public async Task<WorkflowResult> ExtendPaymentWindowAsync(int batchId, DateOnly? newEnd, string? reason, Actor admin, CancellationToken ct)
    {
        var batch = await db.Batches.SingleOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return WorkflowResult.NotFound;
        }

        if (newEnd is not { } end)
        {
            return WorkflowResult.Refused("请选择延长后的缴费截止日期");
        }

        var now = clock.GetUtcNow();
        var schedule = batch.Schedule;
        if (schedule.PaymentExtensionRefusal(admin.Role, ChinaTime.DateOf(now), end, reason) is { } refusal)
        {
            return WorkflowResult.Refused(refusal);
        }

        var before = batch.PaymentEnd;
        batch.PaymentEnd = schedule.WithPaymentEnd(end).Payment.End;
        AuditTrail.Record(db, admin, now, AuditTrail.PaymentWindowExtended, $"Batch:{batch.Id}",
            $"{batch.Title}缴费截止日期由{before:yyyy-MM-dd}延长至{end:yyyy-MM-dd}；原因：{reason!.Trim()}");
        await db.SaveChangesAsync(ct);
        return WorkflowResult.Ok;
    }

    public async Task<WorkflowResult> SavePayeeAsync(string? payeeName, string? accountNumber, string? bankName, Actor admin, CancellationToken ct)
    {
        var name = payeeName?.Trim() ?? string.Empty;
        var account = accountNumber?.Trim() ?? string.Empty;
        var bank = bankName?.Trim() ?? string.Empty;
        if (name.Length == 0 || account.Length == 0 || bank.Length == 0)
        {
            return WorkflowResult.Refused("收款人名称、收款人账号和开户银行都须填写");
        }

        if (name.Length > PayeeFieldMaxLength || bank.Length > PayeeFieldMaxLength || account.Length > 40)
        {
            return WorkflowResult.Refused($"收款人名称和开户银行不能超过{PayeeFieldMaxLength}字，账号不能超过40位");
        }

        var now = clock.GetUtcNow();
        var existing = await db.PayeeAccounts.SingleOrDefaultAsync(ct);
        var before = existing is null ? "未设置" : $"{existing.PayeeName}／{existing.AccountNumber}／{existing.BankName}";
        if (existing is null)
        {
            existing = new PayeeAccount { PayeeName = name, AccountNumber = account, BankName = bank, UpdatedByUserId = admin.UserId };
            db.PayeeAccounts.Add(existing);
        }

        existing.PayeeName = name;
        existing.AccountNumber = account;
        existing.BankName = bank;
        existing.UpdatedAt = now;
        existing.UpdatedByUserId = admin.UserId;
        AuditTrail.Record(db, admin, now, AuditTrail.PayeeAccountChanged, "PayeeAccount", $"收款账户由“{before}”改为“{name}／{account}／{bank}”");
        await db.SaveChangesAsync(ct);
        return WorkflowResult.Ok;
    }
}
