using ExamPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace ExamPortal.Tests.ScaleOut;

/// <summary>
/// The in-process portal of <see cref="PortalFactory"/> over a database that real portal processes (<see cref="PortalProcess"/>)
/// share with it: it builds data through the <see cref="Scenario"/> helpers and reads the outcome.
/// </summary>
public sealed class SharedDatabasePortal(string connectionString) : PortalFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("ConnectionStrings:Portal", connectionString);
}
