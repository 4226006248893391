using Qingfeng.Features.Organs;

namespace Qingfeng.Platform.Security;

/// <summary>
/// The standing region grants of the commissions (纪委监委 at province, prefecture or county level): the jurisdiction data
/// that says who keeps which region's roster (ADR 0008). Read here, beside the rest of jurisdiction, so that the roster —
/// below the organs in the layers (ADR 0009) — need not know the organs' types.
/// </summary>
public static class CommissionGrants
{
    /// <summary>Each commission's region grants: the region's tree key, the commission's id and name.</summary>
    public static async Task<IReadOnlyList<(string Key, Guid OrganId, string Name)>> LoadAsync(QingfengDb db, CancellationToken cancellationToken)
    {
        var grants = await (from g in db.JurisdictionGrants.AsNoTracking()
                            join o in db.Organs.AsNoTracking() on g.OrganId equals o.Id
                            where o.Kind == OrganKind.Commission && g.RegionKey != null
                            select new { Key = g.RegionKey!, o.Id, o.Name }).ToListAsync(cancellationToken);
        return [.. grants.Select(g => (g.Key, g.Id, g.Name))];
    }
}
