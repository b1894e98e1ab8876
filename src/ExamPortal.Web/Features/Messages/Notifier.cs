using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Messages;

/// <summary>
/// Writes the message that tells a candidate about a change. It only adds to the unit of work:
/// the message commits with the change that caused it, or not at all.
/// </summary>
public sealed class Notifier(PortalDbContext db, TimeProvider clock)
{
    public void RegistrationChanged(Registration registration, string projectName, string batchTitle)
    {
        (string Title, string Body)? text = registration.Status switch
        {
            RegistrationStatus.Submitted => ("报名已提交，等待审核", $"您报名的{batchTitle}“{projectName}”已提交，请留意审核结果。"),
            RegistrationStatus.Approved => ("报名审核通过", $"您报名的{batchTitle}“{projectName}”已审核通过，请在缴费期内缴费。"),
            RegistrationStatus.Rejected => ("报名审核不通过", $"您报名的{batchTitle}“{projectName}”审核不通过，原因：{registration.RejectReason}。审核不通过即为报名失败，不再受理该报名。"),
            RegistrationStatus.Returned => ("报名被退回修改", $"您报名的{batchTitle}“{projectName}”被退回修改，原因：{registration.ReturnReason}。需修改：{string.Join("、", registration.ReturnedItems)}。请在审核期内修改并重新提交。"),
            RegistrationStatus.ReturnExpired => ("报名逾期未修改", $"您报名的{batchTitle}“{projectName}”被退回后未在审核期内重新提交，已逾期，不再受理该报名。"),
            RegistrationStatus.PaymentSubmitted => ("缴费凭证已提交，等待确认", $"您报名的{batchTitle}“{projectName}”的缴费凭证已提交，请等待省职鉴中心确认收费，请勿重复缴费。"),
            RegistrationStatus.PaymentConfirmed => ("已确认收费", $"您报名的{batchTitle}“{projectName}”已确认收费，报名缴费成功。请在打印准考证时间内下载准考证。{Registration.LockedAfterPayment}。"),
            RegistrationStatus.PaymentReturned => ("缴费凭证被退回", $"您报名的{batchTitle}“{projectName}”的缴费凭证被退回，原因：{registration.PaymentReturnReason}。请在缴费期内改正后重新提交，逾期视为放弃报考。"),
            RegistrationStatus.Abandoned => ("未按时缴费，视为放弃报考", $"您报名的{batchTitle}“{projectName}”未在缴费期内完成缴费，视为放弃报考，不予核发准考证。"),
            RegistrationStatus.Cancelled => ("考核计划取消", $"您报名的{batchTitle}“{projectName}”因报名人数不足{PlanViability.MinimumRegistrants}人取消考核，说明：{registration.CancelReason}。您可在“我的报名”中一键转入该项目后续批次，已填信息和材料将保留。"),
            RegistrationStatus.TicketIssued => ("准考证已发放", $"您报名的{batchTitle}“{projectName}”准考证已发放，请在打印准考证时间内登录“我的报名”或“准考证下载”页面下载，用A4纸打印。考核当天须持准考证和有效的第二代居民身份证参加考核。"),
            _ => null,
        };
        // Institution applicants have no account: their institution follows the result on its own pages.
        if (text is not { } message || registration.CandidateUserId is not { } userId)
        {
            return;
        }

        Add(userId, message.Title, message.Body, registration.Id);
    }

    /// <summary>A message to every staff account of an institution: its applicants have no account of their own.</summary>
    public async Task InstitutionAsync(int institutionId, string title, string body, CancellationToken ct)
    {
        var staff = await db.Users.Where(u => u.InstitutionId == institutionId).Select(u => u.Id).ToListAsync(ct);
        foreach (var userId in staff)
        {
            Add(userId, title, body, null);
        }
    }

    public void User(string userId, string title, string body) => Add(userId, title, body, null);

    private void Add(string userId, string title, string body, Guid? registrationId) =>
        db.Messages.Add(new Message
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            RegistrationId = registrationId,
            Title = title,
            Body = body,
            CreatedAt = clock.GetUtcNow(),
        });
}
