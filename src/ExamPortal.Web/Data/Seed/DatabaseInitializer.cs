using ExamPortal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Data.Seed;

/// <summary>Applies migrations and seeds at start-up when configured (./run.sh, docker-compose).</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await provider.GetRequiredService<PortalDbContext>().Database.MigrateAsync(ct);
        await provider.GetRequiredService<PersonKeyBackfill>().RunAsync(ct);
        await provider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(ct);
        if (configuration.GetValue<bool>("Seed:DemoData") && !environment.IsProduction())
        {
            await provider.GetRequiredService<DemoDataSeeder>().SeedAsync(ct);
            if (configuration.GetValue<bool>("Seed:DemoRegistrations"))
            {
                await provider.GetRequiredService<DemoRegistrationSeeder>().SeedAsync(ct);
            }
        }
    }
}
