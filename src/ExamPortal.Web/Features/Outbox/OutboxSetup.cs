using ExamPortal.Web.Features.Outbox.Capture;
using ExamPortal.Web.Infrastructure.Logging;

namespace ExamPortal.Web.Features.Outbox;

/// <summary>Wires the outbox: queue, delivery, SMTP and SMS senders, the background sender and, outside Production, capture.</summary>
public static class OutboxSetup
{
    public static void AddOutbox(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.Configure<SmsOptions>(configuration.GetSection(SmsOptions.Section));

        var smtp = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        var sms = configuration.GetSection(SmsOptions.Section).Get<SmsOptions>() ?? new SmsOptions();
        if (builder.Environment.IsProduction() && (smtp.Capture || sms.Capture))
        {
            throw new InvalidOperationException(
                "Smtp:Capture and Sms:Capture keep mail and texts in memory instead of delivering them: they are refused in Production. Configure Smtp:Host and Sms:Url instead.");
        }

        if (sms.Enabled && !sms.Capture && (!Uri.TryCreate(sms.Url, UriKind.Absolute, out _) || string.IsNullOrWhiteSpace(sms.Key)))
        {
            throw new InvalidOperationException("Sms:Enabled needs Sms:Url (an absolute URL of the SMS adapter) and Sms:Key; see docs/notifications.md.");
        }

        // Outbox itself (the queue every feature writes to) is registered with the features in Program.cs.
        services.AddScoped<OutboxDelivery>();
        services.AddScoped<OutboxAdministration>();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<CapturedMail>();
        services.AddSingleton<CapturedSms>();
        services.AddHttpClient<ISmsSender, HttpSmsSender>(http => http.Timeout = TimeSpan.FromSeconds(Math.Max(1, sms.TimeoutSeconds)));

        // The listener starts before the sender, so the first run already knows its port.
        if (smtp.Capture)
        {
            services.AddHostedService<SmtpCaptureListener>();
        }

        if (configuration.GetValue($"{OutboxOptions.Section}:{nameof(OutboxOptions.Enabled)}", true))
        {
            services.AddHostedService<OutboxSender>();
        }
    }

    public static void UseOutbox(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var smtp = app.Configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        if (!smtp.CanSend)
        {
            app.Logger.EmailNotConfigured();
        }

        if (app.Configuration.GetValue<bool>($"{SmsOptions.Section}:{nameof(SmsOptions.Capture)}") && !app.Environment.IsProduction())
        {
            app.MapSmsCapture();
        }
    }
}
