using Qingfeng.Features.Organs;

namespace Qingfeng.Platform.Security;

/// <summary>
/// Pure rules that turn an organ's grants and the delegations in force into a <see cref="JurisdictionScope"/>.
/// </summary>
public static class JurisdictionResolver
{
    /// <param name="organId">The organ whose scope is wanted.</param>
    /// <param name="grants">The organ's standing grants.</param>
    /// <param name="subUnitsOf">Expands a granted unit to itself and all its sub-units.</param>
    /// <param name="delegations">Every delegation that names the organ as home or delegate, or names a group it belongs to.</param>
    /// <param name="groupIds">The collaboration groups the organ belongs to.</param>
    /// <param name="today">The date delegations are evaluated on.</param>
    public static JurisdictionScope Resolve(
        Guid organId,
        IEnumerable<JurisdictionGrant> grants,
        Func<IReadOnlyCollection<Guid>, IReadOnlyCollection<Guid>> subUnitsOf,
        IEnumerable<SupervisionDelegation> delegations,
        IReadOnlySet<Guid> groupIds,
        DateOnly today)
    {
        var grantList = grants.Where(g => g.OrganId == organId).ToList();
        var regionKeys = grantList.Where(g => g.RegionKey is not null).Select(g => g.RegionKey!).ToList();
        var grantedUnits = grantList.Where(g => g.UnitId is not null).Select(g => g.UnitId!.Value).ToList();

        var inForce = delegations.Where(d => d.IsInForce(today)).ToList();
        var delegationsToMe = inForce
            .Where(d => d.HomeOrganId != organId
                && (d.DelegateOrganId == organId || (d.CollaborationGroupId is { } g && groupIds.Contains(g))))
            .ToList();
        var recusedHere = inForce.Where(d => d.HomeOrganId == organId).Select(d => d.UnitId).ToList();

        var units = subUnitsOf([.. grantedUnits.Concat(delegationsToMe.Select(d => d.UnitId)).Distinct()]);
        var recused = subUnitsOf(recusedHere);
        var handedOver = delegationsToMe
            .SelectMany(d => subUnitsOf([d.UnitId]).Select(u => new HandedOverUnit(u, d.HomeOrganId)))
            .Where(h => !recused.Contains(h.UnitId))
            .Distinct();
        return new JurisdictionScope(regionKeys, [.. units.Except(recused)], [.. recused]) { HandedOver = [.. handedOver] };
    }
}
