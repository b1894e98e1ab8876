using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;

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
            _ => null,
        };
        // Institution applicants have no account: their institution follows the result on its own pages.
        if (text is not { } message || registration.CandidateUserId is not { } userId)
        {
            return;
        }

        db.Messages.Add(new Message
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            RegistrationId = registration.Id,
            Title = message.Title,
            Body = message.Body,
            CreatedAt = clock.GetUtcNow(),
        });
    }
}
