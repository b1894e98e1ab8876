using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ExamPortal.Web.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the portal or reaching a server.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PortalDbContext>()
        .UseNpgsql("Host=127.0.0.1;Database=examportal_design")
        .UseSnakeCaseNamingConvention()
        .Options);
}
