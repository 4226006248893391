using Microsoft.AspNetCore.Identity;
using Qingfeng.Features.Audit;

namespace Qingfeng.Features.Accounts;

public enum LoginOutcome
{
    Succeeded,
    RequiresTwoFactor,
    MustEnrolTwoFactor,
    LockedOut,
    Failed,
    DemoRefused,
}

/// <summary>
/// Password and TOTP sign-in with lockout, demo refusal on PostgreSQL and an audit entry per attempt. A locked account and
/// an unknown name get the same answer (<see cref="LoginOutcome.Failed"/> to the page; the audit keeps the difference),
/// and an unknown name costs the same password hashing as a real one, so neither tells which accounts exist.
/// </summary>
public sealed class LoginService(
    SignInManager<QingfengUser> signInManager,
    UserManager<QingfengUser> userManager,
    AccountPolicy policy,
    QingfengDatabase database,
    CurrentUser currentUser,
    SessionStamps sessions,
    TimeProvider time)
{
    /// <summary>A hash to verify typed passwords against when the name is unknown, so that it takes as long as a real account.</summary>
    private static readonly Lazy<string> UnknownUserHash = new(() => new PasswordHasher<QingfengUser>().HashPassword(new QingfengUser(), Guid.NewGuid().ToString()));

    public async Task<LoginOutcome> PasswordSignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var user = await userManager.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            userManager.PasswordHasher.VerifyHashedPassword(new QingfengUser(), UnknownUserHash.Value, password);
            await RecordAsync(null, userName, "LoginFailed", "unknown user", AuditOutcome.Failure, cancellationToken);
            return LoginOutcome.Failed;
        }

        if (policy.Refuses(user))
        {
            await RecordAsync(user, userName, "LoginFailed", "demo account refused on PostgreSQL", AuditOutcome.Denied, cancellationToken);
            return LoginOutcome.DemoRefused;
        }

        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        LoginOutcome outcome;
        if (result.Succeeded)
        {
            outcome = policy.RequiresTwoFactor && !user.TwoFactorEnabled ? LoginOutcome.MustEnrolTwoFactor : LoginOutcome.Succeeded;
        }
        else
        {
            outcome = result.RequiresTwoFactor ? LoginOutcome.RequiresTwoFactor
                : result.IsLockedOut ? LoginOutcome.LockedOut
                : LoginOutcome.Failed;
        }

        var (action, auditOutcome) = outcome switch
        {
            LoginOutcome.Succeeded or LoginOutcome.MustEnrolTwoFactor => ("Login", AuditOutcome.Success),
            LoginOutcome.RequiresTwoFactor => ("LoginPassword", AuditOutcome.Success),
            LoginOutcome.LockedOut => ("LoginLockedOut", AuditOutcome.Denied),
            _ => ("LoginFailed", AuditOutcome.Failure),
        };
        await RecordAsync(user, userName, action, null, auditOutcome, cancellationToken);
        return outcome;
    }

    public async Task<LoginOutcome> TwoFactorSignInAsync(string code, CancellationToken cancellationToken = default)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return LoginOutcome.Failed;
        }

        var normalized = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(normalized, isPersistent: false, rememberClient: false);
        var outcome = result.Succeeded ? LoginOutcome.Succeeded : result.IsLockedOut ? LoginOutcome.LockedOut : LoginOutcome.Failed;
        await RecordAsync(user, user.UserName!, outcome == LoginOutcome.Succeeded ? "Login2fa" : "Login2faFailed", null, outcome == LoginOutcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failure, cancellationToken);
        return outcome;
    }

    /// <summary>Signs out and ends every other session of the user too (their cookies are refused from the next request).</summary>
    public async Task SignOutAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Context;
        await signInManager.SignOutAsync();
        if (user.IsAuthenticated)
        {
            await sessions.EndAllAsync(user.UserId, cancellationToken);
            await using var db = database.Create(new DbActor(time, () => UserContext.System));
            await AuditLog.RecordForAsync(db, user, "Logout", "User", user.UserId.ToString(), null, AuditOutcome.Success, cancellationToken);
        }
    }

    private async Task RecordAsync(QingfengUser? user, string userName, string action, string? details, AuditOutcome outcome, CancellationToken cancellationToken)
    {
        var name = userName.Length > 64 ? userName[..64] : userName;
        await using var db = database.Create(new DbActor(time, () => UserContext.System));
        var organName = user?.OrganId is { } organId
            ? await db.Organs.AsNoTracking().Where(o => o.Id == organId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var actor = new UserContext(user?.Id ?? Guid.Empty, user?.UserName ?? name, user?.DisplayName ?? name, user?.OrganId, organName, new HashSet<string>(), currentUser.Context.IpAddress);
        await AuditLog.RecordForAsync(db, actor, action, "User", user?.Id.ToString(), details, outcome, cancellationToken);
    }
}
