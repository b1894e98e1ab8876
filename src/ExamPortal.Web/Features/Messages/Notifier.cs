using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExamPortal.Web.Features.Messages;

/// <summary>
/// Writes the message that tells a candidate about a change, and queues the same message in the outbox as an e-mail
/// (when the account has a confirmed address) and an SMS (when <c>Sms:Enabled</c>). It only adds to the unit of work:
/// the message and its deliveries commit with the change that caused them, or not at all.
/// </summary>
public sealed class Notifier(PortalDbContext db, TimeProvider clock, Outbox.Outbox outbox, IOptions<SmtpOptions> smtp, IOptions<SmsOptions> sms)
{
    private const string EmailFooter = "此邮件由四川省专项职业能力考核报名平台自动发送，请勿直接回复。详情请登录平台，在“消息”中查看。";

    // Where each account's messages go, looked up once per unit of work.
    private readonly Dictionary<string, Contacts> _contacts = new(StringComparer.Ordinal);

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
        var staff = await db.Users.AsNoTracking().Where(u => u.InstitutionId == institutionId)
            .Select(u => new { u.Id, u.Email, u.EmailConfirmed, u.PhoneNumber })
            .ToListAsync(ct);
        foreach (var member in staff)
        {
            _contacts.TryAdd(member.Id, new Contacts(member.EmailConfirmed ? member.Email : null, member.PhoneNumber));
            Add(member.Id, title, body, null);
        }
    }

    public void User(string userId, string title, string body, Guid? registrationId = null) => Add(userId, title, body, registrationId);

    private void Add(string userId, string title, string body, Guid? registrationId)
    {
        db.Messages.Add(new Message
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            RegistrationId = registrationId,
            Title = title,
            Body = body,
            CreatedAt = clock.GetUtcNow(),
        });

        var sendEmail = smtp.Value.CanSend;
        var sendSms = sms.Value.Enabled;
        if (!sendEmail && !sendSms)
        {
            return;
        }

        var contacts = ContactsOf(userId);
        if (sendEmail && !string.IsNullOrWhiteSpace(contacts.Email))
        {
            outbox.Email(contacts.Email, title, $"{body}\n\n{EmailFooter}", userId);
        }

        if (sendSms && !string.IsNullOrWhiteSpace(contacts.Mobile))
        {
            outbox.Sms(contacts.Mobile, $"{title}：{body}", userId);
        }
    }

    /// <summary>
    /// The account as this unit of work sees it when it is tracked (an address confirmed a moment ago counts), otherwise
    /// one small query. The tracked lookup uses the identity map only: no change detection over everything tracked.
    /// </summary>
    private Contacts ContactsOf(string userId)
    {
        if (_contacts.TryGetValue(userId, out var known))
        {
            return known;
        }

        PortalUser? tracked;
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            tracked = db.Users.Local.FindEntry(userId)?.Entity;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        var contacts = tracked is not null
            ? new Contacts(tracked.EmailConfirmed ? tracked.Email : null, tracked.PhoneNumber)
            : db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new Contacts(u.EmailConfirmed ? u.Email : null, u.PhoneNumber))
                .SingleOrDefault() ?? new Contacts(null, null);
        _contacts[userId] = contacts;
        return contacts;
    }

    private sealed record Contacts(string? Email, string? Mobile);
}
