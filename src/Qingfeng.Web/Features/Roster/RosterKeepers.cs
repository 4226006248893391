namespace Qingfeng.Features.Roster;

/// <summary>
/// Who keeps the roster (ADR 0008): the units of a region, their posts and the tenures in them are maintained by the commission
/// (纪委监委 at province, prefecture or county level, whose case-management office imports the roster) whose standing region
/// grant covers the region most narrowly — the province keeps the provincial departments, Guiyang its city-level units, Kaiyang
/// everything in the county down to its villages. Higher commissions read what their jurisdiction covers but do not change it;
/// township commissions, stationed teams and inspection offices read the roster only. Built once per import from the grants.
/// </summary>
public sealed class RosterKeepers
{
    private readonly List<(string Key, Guid OrganId, string Name)> _grants;

    private RosterKeepers(List<(string Key, Guid OrganId, string Name)> grants) =>
        _grants = [.. grants.OrderByDescending(g => g.Key.Length)];

    public static async Task<RosterKeepers> LoadAsync(QingfengDb db, CancellationToken cancellationToken) =>
        From(await CommissionGrants.LoadAsync(db, cancellationToken));

    /// <summary>For tests and callers that already hold the grants.</summary>
    public static RosterKeepers From(IEnumerable<(string Key, Guid OrganId, string Name)> grants) => new([.. grants]);

    /// <summary>The commission that keeps the roster of the region with tree key <paramref name="regionKey"/>, if any.</summary>
    public (Guid OrganId, string Name)? KeeperOf(string regionKey)
    {
        foreach (var (key, organId, name) in _grants)
        {
            if (regionKey.StartsWith(key, StringComparison.Ordinal))
            {
                return (organId, name);
            }
        }

        return null;
    }
}
