using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Qingfeng.Features.Accounts;

/// <summary>
/// Sessions that end. A sign-in cookie carries the user's security stamp from the moment of signing in; signing out, a
/// password change, a role change, a lockout and an administrator's "sign out everywhere" give the user a new stamp, and
/// every cookie holding the old one is refused on its next request (401 on the API, the sign-in page in the UI) and every
/// open page (Blazor circuit) of that user is told at once. The stamps are kept in this process, so that an authenticated
/// request costs no database round trip: an entry is dropped whenever the user's row is written
/// (<see cref="QingfengUserStore"/> publishes <see cref="AccessChange.User"/>), and otherwise read again after
/// <see cref="CacheFor"/> (for changes made by another process or node). API tokens do not carry a stamp and are not
/// affected.
/// </summary>
public sealed class SessionStamps
{
    /// <summary>How long a stamp read from the database is trusted when nothing in this process changed it.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly QingfengDatabase _database;
    private readonly TimeProvider _time;
    private readonly IOptions<IdentityOptions> _options;
    private readonly AccessEvents _events;
    private long _generation;

    public SessionStamps(QingfengDatabase database, TimeProvider time, IOptions<IdentityOptions> options, AccessEvents events)
    {
        _database = database;
        _time = time;
        _options = options;
        _events = events;
        events.Changed += change =>
        {
            if (change is AccessChange.User user)
            {
                Forget(user.UserId);
            }
        };
    }

    /// <summary>Raised after a user's row was written (the stamp may have changed): open pages of that user check at once.</summary>
    public event Action<Guid>? Changed;

    /// <summary>Whether the principal's stamp is the user's current one (false for an unknown or deleted user).</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (UserIdOf(principal) is not { } userId || principal.FindFirstValue(_options.Value.ClaimsIdentity.SecurityStampClaimType) is not { } stamp)
        {
            return false;
        }

        return string.Equals(stamp, await CurrentAsync(userId, cancellationToken), StringComparison.Ordinal);
    }

    /// <summary>The user's current stamp: from the cache, or read once from the users table.</summary>
    public async Task<string?> CurrentAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        if (_entries.TryGetValue(userId, out var cached) && cached.Loaded && now - cached.At < CacheFor)
        {
            return cached.Stamp;
        }

        var started = Interlocked.Read(ref _generation);
        await using var db = _database.Create(DbActor.System);
        var stamp = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(cancellationToken);

        // A write to the user since this read started leaves its marker in place: the stamp read may already be stale.
        var loaded = new Entry(started, now, stamp, Loaded: true);
        _entries.AddOrUpdate(userId, loaded, (_, existing) => !existing.Loaded && existing.Generation > started ? existing : loaded);
        return stamp;
    }

    /// <summary>
    /// Ends every sign-in session of the user: a new stamp in one statement (no lost update beside a concurrent write of the
    /// row, such as a failed sign-in), then the cache entry dropped. False when there is no such user.
    /// </summary>
    public async Task<bool> EndAllAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.Create(DbActor.System);
        var stamp = NewStamp();
        var concurrency = Guid.NewGuid().ToString();
        var changed = await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp).SetProperty(u => u.ConcurrencyStamp, concurrency), cancellationToken);
        _events.Publish(new AccessChange.User(userId));
        return changed > 0;
    }

    /// <summary>A fresh random security stamp.</summary>
    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

    /// <summary>Forgets the user's stamp (their row was written) and tells the open pages of that user.</summary>
    private void Forget(Guid userId)
    {
        _entries[userId] = new Entry(Interlocked.Increment(ref _generation), default, null, Loaded: false);
        Changed?.Invoke(userId);
    }

    /// <summary>The check of the sign-in cookie on every request (the cookie's <c>OnValidatePrincipal</c>).</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStamps>();
        if (context.Principal is { } principal && await sessions.IsCurrentAsync(principal, context.HttpContext.RequestAborted))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    public static Guid? UserIdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A stamp read at <paramref name="Generation"/>, or (not loaded) the marker of a write at that generation.</summary>
    private sealed record Entry(long Generation, DateTimeOffset At, string? Stamp, bool Loaded);
}
