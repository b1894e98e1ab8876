using System.Net;
using System.Text.Json;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Infrastructure.Bench;
using Microsoft.AspNetCore.Hosting;

namespace ExamPortal.Tests.Infrastructure;

/// <summary>A portal of its own with bench/'s raw floors switched on (Bench:Floors), as bench/run.sh web starts it.</summary>
public sealed class FloorPortalFactory : PortalFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting(FloorEndpoints.Setting, "true");
    }
}

/// <summary>The shared portal runs with the default settings: the floors do not exist there.</summary>
[Collection(SharedPortal.Name)]
public sealed class BenchFloorsAbsentTests(PortalFactory portal)
{
    [Theory]
    [InlineData("/bench/floor/constant")]
    [InlineData("/bench/floor/certificate/SC2026AAAAAAAAAA")]
    public async Task By_default_the_floor_routes_do_not_exist(string path)
    {
        var response = await portal.CreateBrowserlessClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>With Bench:Floors on, floor A answers a constant and floor B one certificate by number as JSON.</summary>
public sealed class BenchFloorsTests(FloorPortalFactory portal) : IClassFixture<FloorPortalFactory>
{
    [Fact]
    public async Task Floor_A_answers_a_constant_string()
    {
        var response = await portal.CreateBrowserlessClient().GetAsync(new Uri("/bench/floor/constant", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ExamPortal", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Floor_B_answers_an_issued_certificate_by_number_and_404_for_an_unknown_number()
    {
        var results = new ResultScenario(portal);
        var holder = await results.TicketHolderAsync("05", "底线甲");
        await results.ScoresAsync([holder], "88");
        await results.CertificatesIssuedAsync();
        var certificate = (await results.CertificateAsync(holder.RegistrationId))!;
        var client = portal.CreateBrowserlessClient();

        var found = await client.GetAsync(new Uri($"/bench/floor/certificate/{certificate.Number}", UriKind.Relative));
        var missing = await client.GetAsync(new Uri("/bench/floor/certificate/SC2026AAAAAAAAAA", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        using var json = JsonDocument.Parse(await found.Content.ReadAsStringAsync());
        Assert.Equal(certificate.Number, json.RootElement.GetProperty("number").GetString());
        Assert.Equal("底线甲", json.RootElement.GetProperty("fullName").GetString());
        Assert.Equal("大数据分析", json.RootElement.GetProperty("projectName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
