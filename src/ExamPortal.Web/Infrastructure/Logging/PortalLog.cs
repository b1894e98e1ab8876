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

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "{Count} deadline reminders sent")]
    public static partial void RemindersSent(this ILogger logger, int count);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "No reminder for the deadline {Deadline}: the working-day calendar has no year {Year}")]
    public static partial void ReminderCalendarMissing(this ILogger logger, DateOnly deadline, int year);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Outbox run: {Sent} sent, {Retrying} to retry, {Failed} given up")]
    public static partial void OutboxDelivered(this ILogger logger, int sent, int retrying, int failed);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Channel}) failed attempt {Attempts} with {ErrorType}; next attempt at {NextAttemptAt}")]
    public static partial void OutboxRetrying(this ILogger logger, Guid messageId, ExamPortal.Web.Data.Entities.OutboxChannel channel, int attempts, DateTimeOffset nextAttemptAt, string errorType);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Channel}) given up after {Attempts} attempts; last error {ErrorType}")]
    public static partial void OutboxGaveUp(this ILogger logger, Guid messageId, ExamPortal.Web.Data.Entities.OutboxChannel channel, int attempts, string errorType);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "SMTP capture listener on 127.0.0.1:{Port}: mail is kept in memory, not delivered (Smtp:Capture)")]
    public static partial void SmtpCaptureListening(this ILogger logger, int port);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "SMTP capture listener stopped with an error while shutting down")]
    public static partial void SmtpCaptureStopped(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Smtp:Host is not set and Smtp:Capture is off: portal messages are not queued as e-mail")]
    public static partial void EmailNotConfigured(this ILogger logger);

    [LoggerMessage(EventId = 2900, Level = LogLevel.Error, Message = "Background job {Job} failed; it runs again at its next tick")]
    public static partial void JobFailed(this ILogger logger, string job, Exception exception);

    [LoggerMessage(EventId = 3100, Level = LogLevel.Error, Message = "PostgreSQL cannot be reached ({ExceptionType}): pages answer 503 with the maintenance page until it is back")]
    public static partial void DatabaseUnavailable(this ILogger logger, string exceptionType);
}
