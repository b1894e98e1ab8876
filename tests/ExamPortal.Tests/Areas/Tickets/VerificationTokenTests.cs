using ExamPortal.Domain.Tickets;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Features.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Tickets;

/// <summary>
/// The signed tokens behind the tickets' QR codes, with the portal's own key: a signature is base64url, whose
/// alphabet has '-' in it too, so about one token in four has the separator inside its signature as well.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class VerificationTokenTests(PortalFactory portal)
{
    [Fact]
    public async Task Every_ticket_number_signed_verifies_whatever_characters_its_signature_has_and_no_other_purpose_accepts_it()
    {
        var tokens = portal.Services.GetRequiredService<VerificationTokens>();
        var numbers = Enumerable.Range(1, 300).Select(n => TicketNumber.Format(2026, 2, "01", n)).ToList();

        var signed = new List<string>();
        foreach (var number in numbers)
        {
            signed.Add(await tokens.SignAsync(TicketDocuments.TicketPurpose, number, CancellationToken.None));
        }

        Assert.Contains(signed, t => t[(t.IndexOf('-', StringComparison.Ordinal) + 1)..].Contains('-', StringComparison.Ordinal));
        for (var i = 0; i < numbers.Count; i++)
        {
            Assert.Equal(numbers[i], await tokens.VerifyAsync(TicketDocuments.TicketPurpose, signed[i], CancellationToken.None));
            Assert.Null(await tokens.VerifyAsync("certificate", signed[i], CancellationToken.None));
        }

        // Another number under a good signature, or a signature cut short, is not accepted.
        Assert.Null(await tokens.VerifyAsync(TicketDocuments.TicketPurpose, numbers[1] + signed[0][numbers[0].Length..], CancellationToken.None));
        Assert.Null(await tokens.VerifyAsync(TicketDocuments.TicketPurpose, signed[0][..^1], CancellationToken.None));
        Assert.Null(await tokens.VerifyAsync(TicketDocuments.TicketPurpose, numbers[0], CancellationToken.None));
        Assert.Null(await tokens.VerifyAsync(TicketDocuments.TicketPurpose, null, CancellationToken.None));
    }
}
