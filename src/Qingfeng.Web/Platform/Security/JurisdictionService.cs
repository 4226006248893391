using Qingfeng.Features.Organs;

namespace Qingfeng.Platform.Security;

/// <summary>
/// The one place that answers "what may the acting user see": loads the user's organ grants and
/// the delegations in force, resolves them with <see cref="JurisdictionResolver"/> and caches the
/// result briefly in the shared <see cref="JurisdictionCache"/>.
/// </summary>
public sealed class JurisdictionService(IDbContextFactory<QingfengDb> dbFactory, CurrentUser currentUser, TimeProvider time, JurisdictionCache? cache = null)
{
    private readonly JurisdictionCache _cache = cache ?? new JurisdictionCache(new AccessEvents());

    public async Task<JurisdictionScope> ScopeAsync(CancellationToken cancellationToken = default)
    {
        var user = currentUser.Require();
        return user.OrganId is { } organId && user.Has(Permission.RosterRead) ? await OrganScopeAsync(organId, cancellationToken) : JurisdictionScope.Nothing;
    }

    /// <summary>The organ's resolved scope whatever the user's permissions (the caller checks them): from the cache when fresh.</summary>
    public async Task<JurisdictionScope> OrganScopeAsync(Guid organId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGet(organId, now, out var cached))
        {
            return cached;
        }

        var generation = _cache.Generation;
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

        var resolved = JurisdictionResolver.Resolve(
            organId,
            grants,
            ids => [.. ids.SelectMany(id => descendants[id]).Distinct()],
            delegations,
            groupIds.ToHashSet(),
            ChinaTime.DateOf(now));
        var scope = resolved with { GroupIds = groupIds };
        _cache.Set(organId, generation, now, scope);
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
