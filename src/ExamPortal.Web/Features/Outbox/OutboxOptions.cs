namespace ExamPortal.Web.Features.Outbox;

/// <summary>The background sender (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Runs <see cref="OutboxSender"/>; tests switch it off and call <see cref="OutboxDelivery.RunOnceAsync"/> themselves.</summary>
    public bool Enabled { get; set; } = true;

    public int PollSeconds { get; set; } = 15;

    /// <summary>Rows claimed (and locked) per transaction; the run goes on until fewer than this are due.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>After this many failed attempts a message is given up as Failed (an administrator may requeue it).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the n-th failed attempt: 1, 2, 4, 8 … minutes, never more than an hour.</summary>
    public static TimeSpan RetryDelay(int failedAttempts) =>
        TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, failedAttempts - 1))));
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>E-mail over SMTP (section <c>Smtp</c>).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string From { get; set; } = "四川省专项职业能力考核报名平台 <noreply@examportal.local>";
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Outside Production only: the portal runs its own SMTP listener on 127.0.0.1:<see cref="Port"/> (0 = any free port)
    /// and sends there; what arrives is kept in <see cref="Capture.CapturedMail"/>.
    /// </summary>
    public bool Capture { get; set; }

    /// <summary>E-mail is queued only when it can go somewhere: a server is configured, or mail is captured.</summary>
    public bool CanSend => Capture || !string.IsNullOrWhiteSpace(Host);
}

/// <summary>SMS through a provider's HTTP adapter (section <c>Sms</c>); see docs/notifications.md for the contract.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>Portal messages are also queued as SMS to the account's mobile number.</summary>
    public bool Enabled { get; set; }

    public string? Url { get; set; }
    public string? Key { get; set; }
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>Outside Production only: the portal hosts the contract itself at <c>/dev/sms</c> and sends there.</summary>
    public bool Capture { get; set; }
}
