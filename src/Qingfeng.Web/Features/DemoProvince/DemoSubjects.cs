using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.DemoProvince;

/// <summary>Who the demo supervision records (talks, ledger items, 述责述廉, accountability) are about.</summary>
internal static class DemoSubjects
{
    /// <summary>The 一把手 of Kaiyang's county-level units (not villages), unordered: each generator orders them its own way.</summary>
    public static IQueryable<Official> KaiyangPrincipals(QingfengDb db) =>
        db.Officials.Where(o => o.IsPrincipal && o.RegionKey.StartsWith("520121") && o.Unit!.Kind != UnitKind.VillageOrCommunity);

    public static IQueryable<SupervisedSubject> AsSubjects(this IQueryable<Official> officials) =>
        officials.Select(o => new SupervisedSubject(o.UnitId!.Value, o.Unit!.Name, o.RegionKey, o.Id, o.Name, o.Position, true, o.LeaderCategory));
}
