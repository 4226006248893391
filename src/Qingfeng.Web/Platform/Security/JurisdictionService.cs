using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Organs;
using Qingfeng.Platform.Data;

namespace Qingfeng.Platform.Security;

/// <summary>
/// The one place that answers "what may the acting user see": loads the user's organ grants and
/// the delegations in force, resolves them with <see cref="JurisdictionResolver"/> and caches the
/// result briefly for the scope (request or circuit).
/// </summary>
public sealed class JurisdictionService(IDbContextFactory<QingfengDb> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private (Guid OrganId, DateTimeOffset At, JurisdictionScope Scope)? _cache;

    public async Task<JurisdictionScope> ScopeAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Require();
        if (user.OrganId is not { } organId || !user.Has(Permission.RosterRead))
        {
            return JurisdictionScope.Nothing;
        }

        var now = time.GetUtcNow();
        if (_cache is { } cached && cached.OrganId == organId && now - cached.At < CacheFor)
        {
            return cached.Scope;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var grants = await db.JurisdictionGrants.AsNoTracking().Where(g => g.OrganId == organId).ToListAsync(cancellationToken);
        var groupIds = await db.Set<CollaborationGroupMember>().AsNoTracking()
            .Where(m => m.OrganId == organId).Select(m => m.GroupId).ToListAsync(cancellationToken);
        var groupIdsNullable = groupIds.Select(g => (Guid?)g).ToList();
        var delegations = await db.SupervisionDelegations.AsNoTracking()
            .Where(d => d.HomeOrganId == organId || d.DelegateOrganId == organId || groupIdsNullable.Contains(d.CollaborationGroupId))
            .ToListAsync(cancellationToken);

        var roots = grants.Where(g => g.UnitId is not null).Select(g => g.UnitId!.Value)
            .Concat(delegations.Select(d => d.UnitId)).Distinct().ToList();
        var descendants = await DescendantsAsync(db, roots, cancellationToken);

        var scope = JurisdictionResolver.Resolve(
            organId,
            grants,
            ids => [.. ids.SelectMany(id => descendants[id]).Distinct()],
            delegations,
            groupIds.ToHashSet(),
            DateOnly.FromDateTime(now.UtcDateTime));
        _cache = (organId, now, scope);
        return scope;
    }

    /// <summary>Maps each root unit to itself and every unit below it.</summary>
    private static async Task<Dictionary<Guid, List<Guid>>> DescendantsAsync(QingfengDb db, List<Guid> roots, CancellationToken cancellationToken)
    {
        var result = roots.ToDictionary(r => r, r => new List<Guid> { r });
        foreach (var root in roots)
        {
            var frontier = new List<Guid?> { root };
            for (var depth = 0; depth < 8 && frontier.Count > 0; depth++)
            {
                var level = frontier;
                var children = await db.Units.AsNoTracking()
                    .Where(u => level.Contains(u.ParentId)).Select(u => u.Id).ToListAsync(cancellationToken);
                result[root].AddRange(children);
                frontier = [.. children.Select(c => (Guid?)c)];
            }
        }

        return result;
    }
}
