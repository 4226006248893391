using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Qingfeng.Features.Accounts;

/// <summary>Bearer tokens for integrations (e.g. an external petition system): <c>Authorization: Bearer qf_…</c>.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    QingfengDatabase database,
    IUserClaimsPrincipalFactory<QingfengUser> claimsFactory,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string Prefix = "qf_";

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 128)
        {
            return AuthenticateResult.Fail("Malformed token.");
        }

        var hash = Hash(token);
        var now = time.GetUtcNow();
        await using var db = database.Create(DbActor.System);
        var found = await db.ApiTokens.AsNoTracking().Where(t => t.TokenHash == hash).SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.IsValidAt(now))
        {
            return AuthenticateResult.Fail("Invalid or expired token.");
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == found.UserId, Context.RequestAborted);
        if (user is null || (user.LockoutEnd is { } end && end > now))
        {
            return AuthenticateResult.Fail("User locked or missing.");
        }

        var principal = await claimsFactory.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
