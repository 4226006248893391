using System.Collections.Concurrent;

namespace Qingfeng.Platform.Security;

/// <summary>
/// Resolved jurisdiction scopes per organ, shared by all requests and circuits for a short time (resolving one takes
/// several queries, and every list, search and profile needs it). Anything that changes grants, delegations or
/// collaboration groups publishes <see cref="AccessChange.Jurisdiction"/>, which takes effect for the next request on this
/// node; the time limit covers changes made by another process.
/// </summary>
public sealed class JurisdictionCache
{
    public JurisdictionCache(AccessEvents events)
    {
        events.Changed += change =>
        {
            if (change is AccessChange.Jurisdiction)
            {
                Invalidate();
            }
        };
    }

    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private long _generation;

    /// <summary>Read before resolving and pass to <see cref="Set"/>, so that a scope resolved across an invalidation is never kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(Guid organId, DateTimeOffset now, out JurisdictionScope scope)
    {
        if (_entries.TryGetValue(organId, out var entry) && entry.Generation == Generation && now - entry.At < CacheFor)
        {
            scope = entry.Scope;
            return true;
        }

        scope = JurisdictionScope.Nothing;
        return false;
    }

    public void Set(Guid organId, long generation, DateTimeOffset now, JurisdictionScope scope) => _entries[organId] = new Entry(generation, now, scope);

    private void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(long Generation, DateTimeOffset At, JurisdictionScope Scope);
}
