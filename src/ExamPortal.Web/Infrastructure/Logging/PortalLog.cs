using ExamPortal.Domain.Common;

namespace ExamPortal.Web.Infrastructure.Logging;

/// <summary>Every log line the portal writes, in one place: ids only, never names, ID or phone numbers.</summary>
public static partial class PortalLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "User {UserId} signed in")]
    public static partial void SignedIn(this ILogger logger, string userId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Failed sign-in for user {UserId}")]
    public static partial void SignInFailed(this ILogger logger, string userId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Sign-in refused for locked-out user {UserId}")]
    public static partial void SignInLockedOut(this ILogger logger, string userId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Candidate account {UserId} created")]
    public static partial void CandidateSignedUp(this ILogger logger, string userId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Demo account for role {Role} created")]
    public static partial void DemoAccountCreated(this ILogger logger, Role role);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "{Count} returned registrations passed their review window and expired")]
    public static partial void ReturnsExpired(this ILogger logger, int count);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "{Count} approved registrations passed their payment window unpaid and were abandoned")]
    public static partial void PaymentsAbandoned(this ILogger logger, int count);

    [LoggerMessage(EventId = 2900, Level = LogLevel.Error, Message = "Background job {Job} failed; it runs again at its next tick")]
    public static partial void JobFailed(this ILogger logger, string job, Exception exception);
}
