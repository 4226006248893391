using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
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
    ApiTokenPrincipals principals,
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
        if (principals.TryGet(hash, now, out var known))
        {
            return AuthenticateResult.Success(new AuthenticationTicket(known, SchemeName));
        }

        var generation = principals.Generation;
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
        principals.Set(hash, generation, new ApiTokenPrincipals.Entry(user.Id, found.ExpiresAt, now, principal));
        return AuthenticateResult.Success(new AuthenticationTicket(principal.Clone(), SchemeName));
    }
}

/// <summary>
/// The principal of each API token in use, built once (the token, the user, roles and claims, the organ: five queries)
/// and kept in this process, so that a request with a known token costs no database round trip. An entry is dropped when
/// its user changes (<see cref="AccessChange.User"/>: roles, lockout, password, sign-out everywhere, a revoked token), is
/// not used after the token expires, and is read again after <see cref="CacheFor"/> for changes made by another process.
/// Each request gets its own copy of the principal.
/// </summary>
public sealed class ApiTokenPrincipals
{
    /// <summary>How long a principal is trusted when nothing in this process changed its user.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    public ApiTokenPrincipals(AccessEvents events)
    {
        events.Changed += change =>
        {
            if (change is AccessChange.User user)
            {
                Interlocked.Increment(ref _generation);
                foreach (var (hash, entry) in _entries)
                {
                    if (entry.UserId == user.UserId)
                    {
                        _entries.TryRemove(hash, out _);
                    }
                }
            }
        };
    }

    /// <summary>Read before loading a principal and pass to <see cref="Set"/>: one loaded across a change is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string tokenHash, DateTimeOffset now, [NotNullWhen(true)] out ClaimsPrincipal? principal)
    {
        if (_entries.TryGetValue(tokenHash, out var entry) && now < entry.ExpiresAt && now - entry.LoadedAt < CacheFor)
        {
            principal = entry.Principal.Clone();
            return true;
        }

        principal = null;
        return false;
    }

    public void Set(string tokenHash, long generation, Entry entry)
    {
        if (generation == Generation)
        {
            _entries[tokenHash] = entry;
        }
    }

    public sealed record Entry(Guid UserId, DateTimeOffset ExpiresAt, DateTimeOffset LoadedAt, ClaimsPrincipal Principal);
}
