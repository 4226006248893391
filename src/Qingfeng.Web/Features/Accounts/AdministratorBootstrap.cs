using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Qingfeng.Features.Audit;

namespace Qingfeng.Features.Accounts;

/// <summary>
/// Creates the first administrators of a production database from the command line
/// (<c>admin create --user NAME --role sysadmin</c>): a random one-time password is printed once,
/// and the administrator must enrol two-factor login at the first sign-in.
/// </summary>
public static class AdministratorBootstrap
{
    public static async Task EnsureRolesAsync(QingfengDb db, CancellationToken cancellationToken = default)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in Roles.All.Except(existing.OfType<string>()))
        {
            db.Roles.Add(new QingfengRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Returns the generated password. Only the three administrator roles can be bootstrapped.</summary>
    public static async Task<string> CreateAsync(QingfengDb db, string userName, string role, string? organName, CancellationToken cancellationToken = default)
    {
        if (!Roles.IsAdministrator(role))
        {
            throw new DomainRuleException("Account.BootstrapAdminOnly");
        }

        var normalized = userName.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
        {
            throw new DomainRuleException("Account.Exists") { Status = 409 };
        }

        await EnsureRolesAsync(db, cancellationToken);
        Guid? organId = organName is null
            ? null
            : await db.Organs.Where(o => o.Name == organName).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken)
              ?? throw DomainRuleException.NotFound("Account.OrganNotFound");
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y') + "-Aa1";
        var user = new QingfengUser
        {
            UserName = userName,
            NormalizedUserName = normalized,
            DisplayName = userName,
            OrganId = organId,
            LockoutEnabled = true,
        };
        user.PasswordHash = new PasswordHasher<QingfengUser>().HashPassword(user, password);
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(cancellationToken);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
        db.AuditEntries.Add(new AuditEntry("AdministratorBootstrapped", "User", user.Id.ToString(), role));
        await db.SaveChangesAsync(cancellationToken);
        return password;
    }
}
