using ExamPortal.Web.Features.Outbox;
using ExamPortal.Web.Features.Outbox.Capture;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExamPortal.Tests.Features.Outbox;

public sealed class SmtpCaptureListenerTests
{
    [Fact]
    public async Task Stopping_a_listener_again_after_it_was_disposed_is_quiet()
    {
        var mail = new CapturedMail();
        var listener = new SmtpCaptureListener(mail, Options.Create(new SmtpOptions { Port = 0 }), TimeProvider.System, NullLogger<SmtpCaptureListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        Assert.NotNull(mail.Port);
        await listener.StopAsync(CancellationToken.None);
        listener.Dispose();

        var again = await Record.ExceptionAsync(() => listener.StopAsync(CancellationToken.None));
        listener.Dispose();

        Assert.Null(again);
    }
}
