using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Messages;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Payments;

/// <summary>
/// Submits receipts and records finance's decisions: loads what the actor may touch, lets the Payment
/// aggregate decide, and saves the payment, its registrations' steps and the messages in one SaveChanges.
/// The receipt file is stored first, by the page, so that a refused claim can be corrected without choosing it again.
/// </summary>
public sealed class PaymentWorkflow(PortalDbContext db, TimeProvider clock, Notifier notifier, FileStore files, RegistrationWorkflow registrations, InstitutionStanding standing)
{
    public const string PayeeMissing = "省职鉴中心尚未公布收款账户，暂不能提交缴费凭证；请稍后再来，切勿向其他账户转账";

    public Task<PayeeAccount?> PayeeAsync(CancellationToken ct) => db.PayeeAccounts.AsNoTracking().SingleOrDefaultAsync(ct);

    public async Task<WorkflowResult> SubmitIndividualAsync(
        Guid registrationId, uint version, Actor candidate, PaymentClaim claim, bool remarkConfirmed, Guid receiptFileId, CancellationToken ct)
    {
        var context = await registrations.LoadAsync(registrationId, candidate, ct);
        if (context is null)
        {
            return WorkflowResult.NotFound;
        }

        if (context.Registration.Version != version)
        {
            return WorkflowResult.Conflict;
        }

        db.Entry(context.Registration).Property(r => r.Version).OriginalValue = version;
        return await SubmitAsync(
            [new PaymentLine(context.Registration, context.Project.Fee, context.Project.Name)], context.Batch, claim, remarkConfirmed, receiptFileId, candidate, ct);
    }

    /// <summary>One receipt for several approved applicants of the staff member's institution in one batch (机构缴费).</summary>
    public async Task<WorkflowResult> SubmitInstitutionAsync(
        Actor staff, int batchId, IReadOnlyCollection<Guid> registrationIds, PaymentClaim claim, Guid receiptFileId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registrationIds);
        var institutionId = await db.Users.Where(u => u.Id == staff.UserId).Select(u => u.InstitutionId).SingleOrDefaultAsync(ct);
        var batch = await db.Batches.SingleOrDefaultAsync(b => b.Id == batchId, ct);
        if (institutionId is null || batch is null)
        {
            return WorkflowResult.NotFound;
        }

        if (await standing.RefusalAsync(institutionId.Value, ct) is { } suspended)
        {
            return suspended;
        }

        if (registrationIds.Count == 0)
        {
            return WorkflowResult.Refused("请勾选本张回单所缴费用对应的考生");
        }

        var selected = await db.Registrations
            .Where(r => r.InstitutionId == institutionId && r.BatchId == batchId && registrationIds.Contains(r.Id))
            .ToListAsync(ct);
        if (selected.Count != registrationIds.Distinct().Count())
        {
            return WorkflowResult.Refused("所选考生中有的已不在本机构本批次的待缴费名单中，请刷新页面后重新勾选");
        }

        var planIds = selected.Select(r => r.ExamPlanId).Distinct().ToList();
        var projects = await db.ExamPlans.Where(p => planIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Project.Fee, p.Project.Name }).ToDictionaryAsync(p => p.Id, ct);
        var lines = selected
            .OrderBy(r => r.Details!.FullName)
            .Select(r => new PaymentLine(r, projects[r.ExamPlanId].Fee, projects[r.ExamPlanId].Name))
            .ToList();
        return await SubmitAsync(lines, batch, claim, remarkConfirmed: true, receiptFileId, staff, ct);
    }

    /// <summary>确认收费. Confirming a payment already confirmed succeeds and changes nothing.</summary>
    public async Task<WorkflowResult> ConfirmAsync(Guid paymentId, uint version, Actor finance, CancellationToken ct)
    {
        var payment = await db.Payments.SingleOrDefaultAsync(p => p.Id == paymentId, ct);
        if (payment is null)
        {
            return WorkflowResult.NotFound;
        }

        if (payment.Status == PaymentStatus.Confirmed)
        {
            return new WorkflowResult(WorkflowOutcome.Ok, "该缴费此前已确认收费，本次未作改动");
        }

        return await DecideAsync(payment, version, (regs, batch) => payment.Confirm(regs, finance, clock.GetUtcNow(), batch.Schedule), ct);
    }

    public async Task<WorkflowResult> ReturnAsync(Guid paymentId, uint version, Actor finance, string reason, CancellationToken ct)
    {
        var payment = await db.Payments.SingleOrDefaultAsync(p => p.Id == paymentId, ct);
        if (payment is null)
        {
            return WorkflowResult.NotFound;
        }

        return await DecideAsync(payment, version, (regs, batch) => payment.ReturnToPayer(regs, finance, clock.GetUtcNow(), batch.Schedule, reason), ct);
    }

    private async Task<WorkflowResult> SubmitAsync(
        IReadOnlyList<PaymentLine> lines, Batch batch, PaymentClaim claim, bool remarkConfirmed, Guid receiptFileId, Actor by, CancellationToken ct)
    {
        if (await PayeeAsync(ct) is null)
        {
            return WorkflowResult.Refused(PayeeMissing);
        }

        // The receipt was stored (checked by ReceiptProcessor) by the same person on the same form.
        if (!await files.IsOwnedByAsync(receiptFileId, by.UserId, ct))
        {
            return WorkflowResult.Refused("请重新上传银行回单");
        }

        Payment payment;
        try
        {
            payment = Payment.Submit(Guid.CreateVersion7(), lines, claim, receiptFileId, remarkConfirmed, by, clock.GetUtcNow(), batch.Schedule);
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }

        db.Payments.Add(payment);
        await NotifyAsync(payment, lines.Select(l => l.Registration).ToList(), batch,
            $"{batch.Title}缴费凭证已提交（{payment.HeadCount}人，{Money.Yuan(payment.Amount)}），等待省职鉴中心确认。", ct);
        return await db.SaveOrConflictAsync(WorkflowResult.Created(payment.Id), ct);
    }

    private async Task<WorkflowResult> DecideAsync(Payment payment, uint version, Action<IReadOnlyList<Registration>, Batch> decide, CancellationToken ct)
    {
        if (payment.Version != version)
        {
            return WorkflowResult.Conflict;
        }

        db.Entry(payment).Property(p => p.Version).OriginalValue = version;
        var batch = await db.Batches.SingleAsync(b => b.Id == payment.BatchId, ct);
        var ids = payment.RegistrationIds.ToList();
        var paidFor = await db.Registrations.Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        try
        {
            decide(paidFor, batch);
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }

        var summary = payment.Status == PaymentStatus.Confirmed
            ? $"{batch.Title}缴费（{payment.HeadCount}人，{Money.Yuan(payment.Amount)}，流水号{payment.BankSerialNumber}）已确认收费。{Registration.LockedAfterPayment}。"
            : $"{batch.Title}缴费（{payment.HeadCount}人，{Money.Yuan(payment.Amount)}，流水号{payment.BankSerialNumber}）被退回，原因：{payment.ReturnReason}。请在缴费期内改正后重新提交，逾期视为放弃报考。";
        await NotifyAsync(payment, paidFor, batch, summary, ct);
        return await db.SaveOrConflictAsync(WorkflowResult.Ok, ct);
    }

    // Individuals hear about their registration; an institution gets one message about the whole receipt.
    private async Task NotifyAsync(Payment payment, IReadOnlyList<Registration> paidFor, Batch batch, string institutionSummary, CancellationToken ct)
    {
        if (payment.InstitutionId is { } institutionId)
        {
            await notifier.InstitutionAsync(institutionId, $"缴费{PaymentStatuses.DisplayName(payment.Status)}", institutionSummary, ct);
            return;
        }

        var planIds = paidFor.Select(r => r.ExamPlanId).Distinct().ToList();
        // Projected in SQL: the plans' Project is not loaded when finance decides, so p.Project would be null here.
        var names = await db.ExamPlans.Where(p => planIds.Contains(p.Id)).Select(p => new { p.Id, p.Project.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        foreach (var registration in paidFor)
        {
            notifier.RegistrationChanged(registration, names[registration.ExamPlanId], batch.Title);
        }
    }
}
