using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Qingfeng.Features.Audit;

namespace Qingfeng.Features.Accounts;

public sealed record UserListItem(Guid Id, string UserName, string DisplayName, string? OrganName, IReadOnlyList<string> Roles, bool TwoFactorEnabled, DateTimeOffset? LockoutEnd, bool IsDemo);

/// <summary>An organ to choose from when creating a user.</summary>
public sealed record OrganOption(Guid Id, string Name);

public sealed record CreateUserRequest : IRequestExample<CreateUserRequest>
{
    [Required]
    [StringLength(32, MinimumLength = 3)]
    [RegularExpression("^[a-zA-Z0-9._-]+$", ErrorMessage = "Validation.UserName")]
    public string UserName { get; init; } = "";

    [Required]
    [StringLength(32)]
    public string DisplayName { get; init; } = "";

    public Guid? OrganId { get; init; }

    [Required]
    [StringLength(128, MinimumLength = 12)]
    public string Password { get; init; } = "";

    public static CreateUserRequest Example => new()
    {
        UserName = "ky.supervision3",
        DisplayName = "陈某某",
        OrganId = ExampleIds.Organ,
        Password = "Initial-Passphrase-2026!",
    };
}

public sealed record SetRolesRequest : IRequestExample<SetRolesRequest>
{
    [Required]
    [MaxLength(16)]
    [ItemMaxLength(32)]
    public IReadOnlyList<string> Roles { get; init; } = [];

    public static SetRolesRequest Example => new()
    {
        Roles = [Qingfeng.Platform.Security.Roles.SupervisionOffice],
    };
}

public sealed record ChangePasswordRequest : IRequestExample<ChangePasswordRequest>
{
    [Required]
    [StringLength(128)]
    public string CurrentPassword { get; init; } = "";

    [Required]
    [StringLength(128, MinimumLength = 12)]
    public string NewPassword { get; init; } = "";

    public static ChangePasswordRequest Example => new()
    {
        CurrentPassword = "Initial-Passphrase-2026!",
        NewPassword = "Longer-Own-Passphrase-2027",
    };
}

public sealed record IssueTokenRequest : IRequestExample<IssueTokenRequest>
{
    [Required]
    [StringLength(64)]
    public string Name { get; init; } = "";

    public static IssueTokenRequest Example => new()
    {
        Name = "省信访信息系统对接",
    };
}

public sealed record IssuedToken(Guid Id, string Name, string Token, DateTimeOffset ExpiresAt);

public sealed record ApiTokenItem(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>
/// Accounts under 三员分立: the system admin creates users, the security admin grants roles and
/// unlocks accounts, nobody grants themself a role. Every change is audited.
/// </summary>
public sealed class AccountService(
    UserManager<QingfengUser> userManager,
    IDbContextFactory<QingfengDb> dbFactory,
    CurrentUser currentUser,
    SessionStamps sessions,
    AccessEvents events,
    AuditLog audit,
    SecurityOptions options,
    TimeProvider time)
{
    public async Task<IReadOnlyList<UserListItem>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        Require(Permission.UsersManage, Permission.RolesAssign);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                OrganName = db.Organs.Where(o => o.Id == u.OrganId).Select(o => o.Name).FirstOrDefault(),
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                u.TwoFactorEnabled,
                u.LockoutEnd,
                u.IsDemo,
            })
            .ToListAsync(cancellationToken);
        return [.. users.Select(u => new UserListItem(u.Id, u.UserName!, u.DisplayName, u.OrganName, u.Roles, u.TwoFactorEnabled, u.LockoutEnd, u.IsDemo))];
    }

    /// <summary>All organs, ordered by name, for the organ choice when creating a user (system administrator).</summary>
    public async Task<IReadOnlyList<OrganOption>> ListOrgansAsync(CancellationToken cancellationToken = default)
    {
        Require(Permission.UsersManage);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organs = await db.Organs.AsNoTracking()
            .Select(o => new OrganOption(o.Id, o.Name))
            .ToListAsync(cancellationToken);
        return [.. organs.OrderBy(o => o.Name, StringComparer.Ordinal)];
    }

    public async Task<Guid> CreateUserAsync(CreateUserRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        Require(Permission.UsersManage);
        var user = new QingfengUser { UserName = request.UserName, DisplayName = request.DisplayName, OrganId = request.OrganId };
        var result = await userManager.CreateAsync(user, request.Password);
        if (!result.Succeeded)
        {
            throw new DomainRuleException("Account.CreateFailed", string.Join("; ", result.Errors.Select(e => e.Code)));
        }

        return user.Id;
    }

    /// <summary>Replaces a user's roles. Administrator roles are exclusive (三员分立) and nobody changes their own roles.</summary>
    public async Task SetRolesAsync(Guid userId, SetRolesRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var actor = Require(Permission.RolesAssign);
        if (actor.UserId == userId)
        {
            throw new DomainRuleException("Account.OwnRoles") { Status = 409 };
        }

        var wanted = request.Roles.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Any(r => !Roles.All.Contains(r)))
        {
            throw new DomainRuleException("Account.UnknownRole");
        }

        if (wanted.Any(Roles.IsAdministrator) && wanted.Count > 1)
        {
            throw new DomainRuleException("Account.AdminRoleExclusive");
        }

        var user = await userManager.FindByIdAsync(userId.ToString()) ?? throw DomainRuleException.NotFound("Account.NotFound");
        var current = await userManager.GetRolesAsync(user);
        var remove = current.Except(wanted).ToList();
        var add = wanted.Except(current).ToList();
        if (remove.Count > 0)
        {
            await userManager.RemoveFromRolesAsync(user, remove);
        }

        if (add.Count > 0)
        {
            await userManager.AddToRolesAsync(user, add);
        }

        // The user's sessions end: the next request with an old cookie is refused, and signing in again gives the new roles.
        await sessions.EndAllAsync(userId, cancellationToken);
        await audit.RecordAsync("RolesChanged", "User", userId.ToString(), $"+[{string.Join(',', add)}] -[{string.Join(',', remove)}]", cancellationToken: cancellationToken);
    }

    public async Task UnlockAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        Require(Permission.RolesAssign);
        var user = await userManager.FindByIdAsync(userId.ToString()) ?? throw DomainRuleException.NotFound("Account.NotFound");
        await userManager.SetLockoutEndDateAsync(user, null);
        await userManager.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync("Unlocked", "User", userId.ToString(), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Ends every sign-in session of a user at once (a new security stamp: each cookie is refused on its next request and
    /// open pages return to the sign-in page). API tokens are not affected: revoke those separately.
    /// </summary>
    public async Task SignOutEverywhereAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        Require(Permission.RolesAssign);
        if (!await sessions.EndAllAsync(userId, cancellationToken))
        {
            throw DomainRuleException.NotFound("Account.NotFound");
        }

        await audit.RecordAsync("SignedOutEverywhere", "User", userId.ToString(), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Changes the current user's password after checking the current one. A wrong current password counts as a failed
    /// sign-in (five lock the account); a change ends every sign-in session of the user, this one included.
    /// </summary>
    public async Task ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var actor = currentUser.Require();
        var user = await userManager.FindByIdAsync(actor.UserId.ToString()) ?? throw DomainRuleException.NotFound("Account.NotFound");
        var result = await userManager.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            await userManager.AccessFailedAsync(user);
            await audit.RecordAsync("PasswordChanged", "User", user.Id.ToString(), "current password wrong", AuditOutcome.Failure, cancellationToken);
            throw new DomainRuleException("Account.PasswordIncorrect");
        }

        if (!result.Succeeded)
        {
            throw new DomainRuleException("Account.PasswordRejected", string.Join("; ", result.Errors.Select(e => e.Code)));
        }

        await audit.RecordAsync("PasswordChanged", "User", user.Id.ToString(), cancellationToken: cancellationToken);
    }

    /// <summary>Issues a token for the current user; the plain token is shown once and only its hash is kept.</summary>
    public async Task<IssuedToken> IssueTokenAsync(IssueTokenRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var user = currentUser.Require();
        var now = time.GetUtcNow();
        return await IssueTokenForAsync(dbFactory, user.UserId, request.Name, now, now.AddDays(options.ApiTokenDays), cancellationToken);
    }

    /// <summary>The current user's API tokens (never the tokens themselves).</summary>
    public async Task<IReadOnlyList<ApiTokenItem>> ListTokensAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Require();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.UserId)
            .Select(t => new ApiTokenItem(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
        return [.. tokens.OrderByDescending(t => t.CreatedAt)];
    }

    /// <summary>Revokes one of the current user's tokens; someone else's token is "not found".</summary>
    public async Task RevokeTokenAsync(Guid tokenId, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Require();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == user.UserId, cancellationToken)
            ?? throw DomainRuleException.NotFound("Account.TokenNotFound");
        token.Revoke(QingfengDb.Truncate(time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new AccessChange.User(user.UserId));
    }

    internal static async Task<IssuedToken> IssueTokenForAsync(IDbContextFactory<QingfengDb> dbFactory, Guid userId, string name, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var plain = ApiTokenAuthenticationHandler.Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = new ApiToken(userId, name, ApiTokenAuthenticationHandler.Hash(plain), QingfengDb.Truncate(createdAt), QingfengDb.Truncate(expiresAt));
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedToken(token.Id, name, plain, token.ExpiresAt);
    }

    private UserContext Require(params Permission[] anyOf)
    {
        var user = currentUser.Require();
        if (!anyOf.Any(user.Has))
        {
            throw new DomainRuleException("Rule.Forbidden") { Status = 403 };
        }

        return user;
    }
}
