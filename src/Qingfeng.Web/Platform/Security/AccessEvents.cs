namespace Qingfeng.Platform.Security;

/// <summary>Something that changes who a user is or what they may see, published after it is saved.</summary>
public abstract record AccessChange
{
    /// <summary>A user's row was written: security stamp, roles, lockout, password, sign-out, API tokens.</summary>
    public sealed record User(Guid UserId) : AccessChange;

    /// <summary>Jurisdiction grants, delegations or collaboration groups changed: every resolved scope is stale.</summary>
    public sealed record Jurisdiction : AccessChange;
}

/// <summary>
/// The one channel through which the in-process caches of authentication and authorisation (session stamps, API token
/// principals, jurisdiction scopes) learn that what they hold has changed, at once. Writers publish here and never touch a
/// cache; each cache subscribes. A second node would relay what it publishes (for instance with PostgreSQL
/// <c>LISTEN/NOTIFY</c>) and publish what it receives here; until then the caches also read again after a short time, for
/// changes made by another process.
/// </summary>
public sealed class AccessEvents
{
    public event Action<AccessChange>? Changed;

    public void Publish(AccessChange change) => Changed?.Invoke(change);
}
