
namespace Qingfeng.Features.Organs;

public sealed record DelegationItem(
    Guid Id,
    DelegationKind Kind,
    Guid UnitId,
    string UnitName,
    string HomeOrganName,
    string? DelegateName,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string Reason,
    bool InForce);

public sealed record OrganOptionItem(Guid Id, string Name, OrganKind Kind);

public sealed record CollaborationGroupItem(Guid Id, string Name, IReadOnlyList<string> Members);

public sealed record EscalateRequest : IRequestExample<EscalateRequest>
{
    [Required]
    public Guid UnitId { get; init; }

    [Required]
    public DateOnly ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    [Required]
    [StringLength(256)]
    public string Reason { get; init; } = "";

    public static EscalateRequest Example => new()
    {
        UnitId = ExampleIds.Unit,
        ValidFrom = new DateOnly(2026, 12, 1),
        ValidTo = new DateOnly(2027, 11, 30),
        Reason = "该村党支部书记与镇纪委书记系近亲属，县纪委监委提级监督。",
    };
}

public sealed record GroupDelegationRequest : IRequestExample<GroupDelegationRequest>
{
    [Required]
    public Guid UnitId { get; init; }

    [Required]
    public Guid GroupId { get; init; }

    [Required]
    public DateOnly ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    [Required]
    [StringLength(256)]
    public string Reason { get; init; } = "";

    public static GroupDelegationRequest Example => new()
    {
        UnitId = ExampleIds.Unit,
        GroupId = ExampleIds.Group,
        ValidFrom = new DateOnly(2026, 12, 1),
        ValidTo = new DateOnly(2027, 11, 30),
        Reason = "片区协作交叉监督，本镇纪委回避。",
    };
}

public sealed record CreateGroupRequest : IRequestExample<CreateGroupRequest>
{
    [Required]
    [StringLength(128)]
    public string Name { get; init; } = "";

    [Required]
    [MaxLength(CollaborationGroup.MaxMembers)]
    public IReadOnlyList<Guid> OrganIds { get; init; } = [];

    public static CreateGroupRequest Example => new()
    {
        Name = "开阳县第二片区协作组",
        OrganIds = [ExampleIds.Organ, ExampleIds.OtherOrgan],
    };
}

public sealed record EndDelegationRequest : IRequestExample<EndDelegationRequest>
{
    [Required]
    public DateOnly ValidTo { get; init; }

    public static EndDelegationRequest Example => new()
    {
        ValidTo = new DateOnly(2026, 12, 31),
    };
}

/// <summary>
/// Escalated supervision (提级监督) and area collaboration (片区协作), decided by a commission's
/// leadership over the organs directly below it. The home organ is found from the standing grants
/// and recused; every change is audited by the context.
/// </summary>
public sealed class DelegationService(IDbContextFactory<QingfengDb> dbFactory, CurrentUser currentUser, JurisdictionService jurisdiction, AccessEvents events, TimeProvider time)
{
    public async Task<IReadOnlyList<DelegationItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        var (organId, _) = await RequireLeaderAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var below = await SubordinateIdsAsync(db, organId, cancellationToken);
        var today = Today();
        var rows = await db.SupervisionDelegations.AsNoTracking()
            .Where(d => d.DelegateOrganId == organId || below.Contains(d.HomeOrganId))
            .Select(d => new
            {
                Delegation = d,
                UnitName = db.Units.Where(u => u.Id == d.UnitId).Select(u => u.Name).First(),
                HomeName = db.Organs.Where(o => o.Id == d.HomeOrganId).Select(o => o.Name).First(),
                DelegateName = d.DelegateOrganId != null
                    ? db.Organs.Where(o => o.Id == d.DelegateOrganId).Select(o => o.Name).FirstOrDefault()
                    : db.CollaborationGroups.Where(g => g.Id == d.CollaborationGroupId).Select(g => g.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new DelegationItem(r.Delegation.Id, r.Delegation.Kind, r.Delegation.UnitId, r.UnitName, r.HomeName, r.DelegateName, r.Delegation.ValidFrom, r.Delegation.ValidTo, r.Delegation.Reason, r.Delegation.IsInForce(today)))
            .OrderByDescending(d => d.InForce).ThenByDescending(d => d.ValidFrom)];
    }

    /// <summary>The organs directly below the user's organ (e.g. the township commissions of a county).</summary>
    public async Task<IReadOnlyList<OrganOptionItem>> SubordinatesAsync(CancellationToken cancellationToken = default)
    {
        var (organId, _) = await RequireLeaderAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organs = await db.Organs.AsNoTracking().Where(o => o.ParentId == organId)
            .Select(o => new OrganOptionItem(o.Id, o.Name, o.Kind)).ToListAsync(cancellationToken);
        return [.. organs.OrderBy(o => o.Name, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<CollaborationGroupItem>> GroupsAsync(CancellationToken cancellationToken = default)
    {
        var (organId, _) = await RequireLeaderAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var below = await SubordinateIdsAsync(db, organId, cancellationToken);
        var groups = await db.CollaborationGroups.AsNoTracking()
            .Where(g => g.Members.Any(m => below.Contains(m.OrganId)))
            .Select(g => new { g.Id, g.Name, Members = g.Members.Join(db.Organs, m => m.OrganId, o => o.Id, (m, o) => o.Name).ToList() })
            .ToListAsync(cancellationToken);
        return [.. groups.Select(g => new CollaborationGroupItem(g.Id, g.Name, g.Members))];
    }

    public async Task<Guid> CreateGroupAsync(CreateGroupRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var (organId, _) = await RequireLeaderAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = await db.Organs.Where(o => request.OrganIds.Contains(o.Id) && o.ParentId == organId).ToListAsync(cancellationToken);
        if (members.Count != request.OrganIds.Distinct().Count())
        {
            throw new DomainRuleException("Delegation.NotSubordinate");
        }

        var group = new CollaborationGroup(request.Name.Trim(), members);
        db.CollaborationGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new AccessChange.Jurisdiction());
        return group.Id;
    }

    /// <summary>The user's commission takes over the supervision of a unit from the organ below that normally has it.</summary>
    public async Task<Guid> EscalateAsync(EscalateRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var (organId, scope) = await RequireLeaderAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (unit, home) = await UnitAndHomeAsync(db, organId, scope, request.UnitId, cancellationToken);
        var higher = await db.Organs.SingleAsync(o => o.Id == organId, cancellationToken);
        await RefuseOverlapAsync(db, unit, request.ValidFrom, cancellationToken);
        var delegation = SupervisionDelegation.Escalate(unit, home, higher, request.ValidFrom, request.ValidTo, request.Reason.Trim());
        db.SupervisionDelegations.Add(delegation);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new AccessChange.Jurisdiction());
        return delegation.Id;
    }

    /// <summary>Gives a unit to an area collaboration group; its home organ must be a member and is recused.</summary>
    public async Task<Guid> AssignToGroupAsync(GroupDelegationRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var (organId, scope) = await RequireLeaderAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (unit, home) = await UnitAndHomeAsync(db, organId, scope, request.UnitId, cancellationToken);
        var group = await db.CollaborationGroups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Id == request.GroupId, cancellationToken)
            ?? throw DomainRuleException.NotFound("Delegation.GroupNotFound");
        await RefuseOverlapAsync(db, unit, request.ValidFrom, cancellationToken);
        var delegation = SupervisionDelegation.ToGroup(unit, home, group, request.ValidFrom, request.ValidTo, request.Reason.Trim());
        db.SupervisionDelegations.Add(delegation);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new AccessChange.Jurisdiction());
        return delegation.Id;
    }

    public async Task EndAsync(Guid id, EndDelegationRequest request, CancellationToken cancellationToken = default)
    {
        InputRules.Ensure(request);
        var (organId, _) = await RequireLeaderAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var below = await SubordinateIdsAsync(db, organId, cancellationToken);
        var delegation = await db.SupervisionDelegations
            .SingleOrDefaultAsync(d => d.Id == id && (d.DelegateOrganId == organId || below.Contains(d.HomeOrganId)), cancellationToken)
            ?? throw DomainRuleException.NotFound("Delegation.NotFound");
        delegation.End(request.ValidTo);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new AccessChange.Jurisdiction());
    }

    private DateOnly Today() => ChinaTime.DateOf(time.GetUtcNow());

    private async Task<(Guid OrganId, JurisdictionScope Scope)> RequireLeaderAsync(CancellationToken cancellationToken)
    {
        var user = currentUser.Require();
        if (!user.Has(Permission.JurisdictionManage) || user.OrganId is not { } organId)
        {
            throw new DomainRuleException("Rule.Forbidden") { Status = 403 };
        }

        return (organId, await jurisdiction.ScopeAsync(cancellationToken));
    }

    private static async Task<List<Guid>> SubordinateIdsAsync(QingfengDb db, Guid organId, CancellationToken cancellationToken) =>
        await db.Organs.AsNoTracking().Where(o => o.ParentId == organId).Select(o => o.Id).ToListAsync(cancellationToken);

    /// <summary>The unit (within the leader's jurisdiction) and the subordinate organ whose standing grant covers it most closely.</summary>
    private static async Task<(Guid UnitId, Organ Home)> UnitAndHomeAsync(QingfengDb db, Guid organId, JurisdictionScope scope, Guid unitId, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.RegionKey }).SingleOrDefaultAsync(cancellationToken);
        if (unit is null || !scope.Covers(unit.RegionKey, unit.Id))
        {
            throw DomainRuleException.NotFound("Rule.NotFound");
        }

        var candidates = await db.Organs.Include(o => o.Grants).Where(o => o.ParentId == organId).ToListAsync(cancellationToken);
        var home = candidates
            .Select(o => (Organ: o, Depth: o.Grants.Where(g => g.UnitId == unit.Id || (g.RegionKey is { } k && unit.RegionKey.StartsWith(k, StringComparison.Ordinal)))
                .Select(g => g.RegionKey?.Length ?? int.MaxValue).DefaultIfEmpty(-1).Max()))
            .Where(x => x.Depth >= 0)
            .OrderByDescending(x => x.Depth)
            .Select(x => x.Organ)
            .FirstOrDefault()
            ?? throw new DomainRuleException("Delegation.NoHomeOrgan");
        return (unit.Id, home);
    }

    private async Task RefuseOverlapAsync(QingfengDb db, Guid unitId, DateOnly from, CancellationToken cancellationToken)
    {
        var today = Today();
        var open = await db.SupervisionDelegations.AsNoTracking().Where(d => d.UnitId == unitId).ToListAsync(cancellationToken);
        if (open.Any(d => d.IsInForce(today) || d.IsInForce(from)))
        {
            throw new DomainRuleException("Delegation.AlreadyDelegated") { Status = 409 };
        }
    }
}
