using System.Buffers.Binary;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExamPortal.Tests.Pages.Account;

/// <summary>Passwords are hashed with PBKDF2 at 210,000 iterations, and older hashes are re-made at sign-in.</summary>
[Collection(SharedPortal.Name)]
public sealed class PasswordHashTests(PortalFactory portal)
{
    [Fact]
    public async Task New_passwords_are_hashed_with_210000_iterations()
    {
        var (userId, _, _) = await new Scenario(portal).CandidateAsync();

        Assert.Equal(PasswordRule.HashIterations, portal.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount);
        Assert.Equal(210_000, IterationsOf(await PasswordHashAsync(userId)));
    }

    [Fact]
    public async Task A_hash_made_with_identitys_old_default_is_upgraded_at_the_next_sign_in()
    {
        var (userId, mobile, _) = await new Scenario(portal).CandidateAsync();
        var old = new PasswordHasher<PortalUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            user.PasswordHash = old.HashPassword(user, Scenario.Password);
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        Assert.Equal(100_000, IterationsOf(await PasswordHashAsync(userId)));

        await portal.AsAsync(mobile, Scenario.Password);

        Assert.Equal(210_000, IterationsOf(await PasswordHashAsync(userId)));
    }

    // Identity's version 3 format: marker byte, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.
    private static int IterationsOf(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }

    private async Task<string> PasswordHashAsync(string userId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExamPortal.Web.Data.PortalDbContext>();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PasswordHash!).SingleAsync();
    }
}
