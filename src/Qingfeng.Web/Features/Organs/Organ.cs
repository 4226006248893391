namespace Qingfeng.Features.Organs;

public enum OrganKind
{
    /// <summary>纪委监委 at province, prefecture or county level.</summary>
    Commission = 1,

    /// <summary>乡镇纪委.</summary>
    TownshipCommission = 2,

    /// <summary>派驻纪检监察组.</summary>
    StationedTeam = 3,

    /// <summary>巡察办.</summary>
    InspectionOffice = 4,

    /// <summary>组织部门 and other outside bodies that request work.</summary>
    External = 5,
}

/// <summary>
/// An organ (机关) to which users belong: a commission, a township 纪委, a stationed team…
/// Its <see cref="JurisdictionGrant"/>s bound what its users may see.
/// </summary>
public sealed class Organ : Entity
{
    private Organ()
    {
    }

    public Organ(string name, OrganKind kind, string regionCode, Organ? parent = null)
    {
        Name = name;
        Kind = kind;
        RegionCode = regionCode;
        ParentId = parent?.Id;
    }

    public string Name { get; private set; } = "";

    public OrganKind Kind { get; private set; }

    /// <summary>The region where the organ sits (its home).</summary>
    public string RegionCode { get; private set; } = "";

    public Guid? ParentId { get; private set; }

    public List<JurisdictionGrant> Grants { get; private set; } = [];

    public JurisdictionGrant GrantRegion(string regionTreeKey)
    {
        if (Grants.Any(g => g.RegionKey == regionTreeKey))
        {
            throw new DomainRuleException("Jurisdiction.DuplicateGrant");
        }

        var grant = new JurisdictionGrant(Id, regionTreeKey, null);
        Grants.Add(grant);
        return grant;
    }

    public JurisdictionGrant GrantUnit(Guid unitId)
    {
        if (Grants.Any(g => g.UnitId == unitId))
        {
            throw new DomainRuleException("Jurisdiction.DuplicateGrant");
        }

        var grant = new JurisdictionGrant(Id, null, unitId);
        Grants.Add(grant);
        return grant;
    }
}

/// <summary>One piece of an organ's standing jurisdiction: a region subtree or a single unit (with its sub-units).</summary>
public sealed class JurisdictionGrant : Entity
{
    private JurisdictionGrant()
    {
    }

    internal JurisdictionGrant(Guid organId, string? regionKey, Guid? unitId)
    {
        OrganId = organId;
        RegionKey = regionKey;
        UnitId = unitId;
    }

    public Guid OrganId { get; private set; }

    /// <summary>Tree key of a region: every unit whose region key starts with it is in scope.</summary>
    public string? RegionKey { get; private set; }

    public Guid? UnitId { get; private set; }
}

public enum DelegationKind
{
    /// <summary>提级监督: a higher commission takes over the supervision of a (village) unit.</summary>
    Escalation = 1,

    /// <summary>片区协作: the commissions of an area collaboration group supervise each other's units.</summary>
    AreaCollaboration = 2,
}

/// <summary>
/// A delegation of supervision over one unit (domain.md A15): the unit's leaders become visible to
/// the delegate organ (escalation) or to every member of a collaboration group, and the home organ
/// that would normally supervise them is recused for as long as the delegation is in force.
/// </summary>
public sealed class SupervisionDelegation : Entity
{
    private SupervisionDelegation()
    {
    }

    private SupervisionDelegation(DelegationKind kind, Guid unitId, Guid homeOrganId, Guid? delegateOrganId, Guid? groupId, DateOnly from, DateOnly? to, string reason)
    {
        if (to is { } end && end < from)
        {
            throw new DomainRuleException("Delegation.EndBeforeStart");
        }

        Kind = kind;
        UnitId = unitId;
        HomeOrganId = homeOrganId;
        DelegateOrganId = delegateOrganId;
        CollaborationGroupId = groupId;
        ValidFrom = from;
        ValidTo = to;
        Reason = reason;
    }

    public DelegationKind Kind { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The organ that normally supervises the unit and is recused by this delegation.</summary>
    public Guid HomeOrganId { get; private set; }

    public Guid? DelegateOrganId { get; private set; }

    public Guid? CollaborationGroupId { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public string Reason { get; private set; } = "";

    public static SupervisionDelegation Escalate(Guid unitId, Organ home, Organ higher, DateOnly from, DateOnly? to, string reason)
    {
        if (home.Id == higher.Id)
        {
            throw new DomainRuleException("Delegation.SameOrgan");
        }

        return new SupervisionDelegation(DelegationKind.Escalation, unitId, home.Id, higher.Id, null, from, to, reason);
    }

    public static SupervisionDelegation ToGroup(Guid unitId, Organ home, CollaborationGroup group, DateOnly from, DateOnly? to, string reason)
    {
        if (!group.Members.Any(m => m.OrganId == home.Id))
        {
            throw new DomainRuleException("Delegation.HomeNotInGroup");
        }

        if (group.Members.Count < 2)
        {
            throw new DomainRuleException("Delegation.GroupTooSmall");
        }

        return new SupervisionDelegation(DelegationKind.AreaCollaboration, unitId, home.Id, null, group.Id, from, to, reason);
    }

    public bool IsInForce(DateOnly today) => ValidFrom <= today && (ValidTo is null || ValidTo >= today);

    /// <summary>Ends the delegation on <paramref name="lastDay"/>; the home organ supervises again from the next day.</summary>
    public void End(DateOnly lastDay)
    {
        if (lastDay < ValidFrom)
        {
            throw new DomainRuleException("Delegation.EndBeforeStart");
        }

        if (ValidTo is { } current && current <= lastDay)
        {
            throw DomainRuleException.Conflict("Delegation.AlreadyEnded");
        }

        ValidTo = lastDay;
    }
}

/// <summary>An area collaboration group (片区协作组) of several township commissions.</summary>
public sealed class CollaborationGroup : Entity
{
    public const int MaxMembers = 50;

    private CollaborationGroup()
    {
    }

    public CollaborationGroup(string name, IEnumerable<Organ> members)
    {
        Name = name;
        Members = members.Select(m => new CollaborationGroupMember(Id, m.Id)).ToList();
        if (Members.Count < 2)
        {
            throw new DomainRuleException("Delegation.GroupTooSmall");
        }
    }

    public string Name { get; private set; } = "";

    public List<CollaborationGroupMember> Members { get; private set; } = [];
}

public sealed class CollaborationGroupMember
{
    private CollaborationGroupMember()
    {
    }

    internal CollaborationGroupMember(Guid groupId, Guid organId)
    {
        GroupId = groupId;
        OrganId = organId;
    }

    public Guid GroupId { get; private set; }

    public Guid OrganId { get; private set; }
}
