using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Reliability;

/// <summary>
/// Two centre admins, the only active ones, each disable the other at the same moment: the rule "one active admin
/// must remain" holds across both changes, so exactly one succeeds and the other is told why. A portal of its own,
/// since it changes who may administer.
/// </summary>
public sealed class StaffAdministrationRaceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Two_admins_disabling_each_other_at_once_leave_one_active_admin()
    {
        var first = await OnlyActiveAdminAsync();
        var second = await NewAdminAsync();
        Assert.Equal(2, await ActiveAdminsAsync());

        var results = await Task.WhenAll(
            DisableAsync(second, new Actor(first, Role.CentreAdmin)),
            DisableAsync(first, new Actor(second, Role.CentreAdmin)));

        Assert.Single(results, r => r.Succeeded);
        var refused = Assert.Single(results, r => !r.Succeeded);
        Assert.Contains("管理员", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await ActiveAdminsAsync());
    }

    private async Task<WorkflowResult> DisableAsync(string userId, Actor admin)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CentreStaffAdministration>().SetDisabledAsync(userId, true, admin, CancellationToken.None);
    }

    private async Task<string> OnlyActiveAdminAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var admins = await users.GetUsersInRoleAsync(nameof(Role.CentreAdmin));
        var keep = admins.OrderBy(u => u.Email, StringComparer.Ordinal).First(u => u.LockoutEnd != DateTimeOffset.MaxValue);
        foreach (var other in admins.Where(u => u.Id != keep.Id))
        {
            await users.SetLockoutEndDateAsync(other, DateTimeOffset.MaxValue);
        }

        return keep.Id;
    }

    private async Task<string> NewAdminAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = "second.admin@demo.local", Email = "second.admin@demo.local", EmailConfirmed = true, FullName = "第二管理员", CreatedAt = portal.Clock.GetUtcNow() };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, nameof(Role.CentreAdmin))).Succeeded);
        return user.Id;
    }

    private async Task<int> ActiveAdminsAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where r.Name == nameof(Role.CentreAdmin) && u.LockoutEnd != DateTimeOffset.MaxValue
                      select u.Id).CountAsync();
    }
}
