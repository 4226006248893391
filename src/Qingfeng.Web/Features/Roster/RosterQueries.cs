using Qingfeng.Features.Audit;
using Qingfeng.Platform.Text;

namespace Qingfeng.Features.Roster;

/// <summary>
/// Read side of the roster: filtered, paged projections limited to the user's jurisdiction.
/// Anything outside it is "not found". Views of profiles and family members are audited.
/// </summary>
public sealed class RosterQueries(
    IDbContextFactory<QingfengDb> dbFactory,
    CurrentUser currentUser,
    JurisdictionService jurisdiction,
    AuditLog audit)
{
    /// <summary>The lengths of the tree keys of the region levels (<see cref="Region.SignificantDigits"/>).</summary>
    private static readonly int[] AncestorKeyLengths = [.. Enum.GetValues<RegionLevel>().Select(Region.SignificantDigits).Distinct()];

    public async Task<Paged<OfficialListItem>> SearchOfficialsAsync(OfficialQuery query, CancellationToken cancellationToken = default)
    {
        var q = await VisibleOfficialsAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var officials = Filter(q(db), query);
        var total = await officials.CountAsync(cancellationToken);
        var items = await Sort(officials, query)
            .PageOf(query)
            .Select(o => new OfficialListItem(o.Id, o.Name, o.Gender, o.BirthDate, o.Unit != null ? o.Unit.Name : null, o.Position, o.IsPrincipal, o.LeaderCategory, o.Rank, o.RegionKey, o.UnitId))
            .ToListAsync(cancellationToken);
        return new Paged<OfficialListItem>(items, total, query.PageNumber, query.Size);
    }

    /// <summary>Every official matching the filter (at most 50,000 rows) for Excel export; the export is audited.</summary>
    public async Task<IReadOnlyList<OfficialListItem>> ExportOfficialsAsync(OfficialQuery query, CancellationToken cancellationToken = default)
    {
        var q = await VisibleOfficialsAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await Sort(Filter(q(db), query), query).Take(50_000)
            .Select(o => new OfficialListItem(o.Id, o.Name, o.Gender, o.BirthDate, o.Unit != null ? o.Unit.Name : null, o.Position, o.IsPrincipal, o.LeaderCategory, o.Rank, o.RegionKey, o.UnitId))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync("Export", nameof(Official), null, string.Create(CultureInfo.InvariantCulture, $"rows={items.Count}"), cancellationToken: cancellationToken);
        return items;
    }

    public async Task<OfficialProfile> GetOfficialAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var q = await VisibleOfficialsAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var official = await q(db).Where(o => o.Id == id)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.NamePinyin,
                o.Gender,
                o.BirthDate,
                o.UnitId,
                UnitName = o.Unit != null ? o.Unit.Name : null,
                RegionCode = o.Unit != null ? o.Unit.RegionCode : null,
                o.Position,
                o.IsPrincipal,
                o.LeaderCategory,
                o.Rank,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (official is null)
        {
            await audit.RecordAsync("View", nameof(Official), id.ToString(), null, AuditOutcome.Denied, cancellationToken);
            throw DomainRuleException.NotFound("Official.NotFound");
        }

        // Tenures in a query of their own: joined into the official's query they halved the profile's throughput (load benchmark).
        var tenures = await db.Tenures.AsNoTracking().Where(t => t.OfficialId == id)
            .OrderByDescending(t => t.Start)
            .Select(t => new TenureItem(t.Id, t.Post!.Unit!.Name, t.Post.Title, t.Post.IsPrincipal, t.Start, t.End))
            .ToListAsync(cancellationToken);

        IReadOnlyList<FamilyMemberItem>? family = null;
        if (currentUser.Require().Has(Permission.RosterFamilyRead))
        {
            family = await db.FamilyMembers.AsNoTracking().Where(f => f.OfficialId == id)
                .OrderBy(f => f.Relation)
                .Select(f => new FamilyMemberItem(f.Relation, f.Name, f.Employer, f.Position))
                .ToListAsync(cancellationToken);
        }

        var regionPath = official.RegionCode is null ? null : await RegionPathAsync(db, official.RegionCode, cancellationToken);
        await audit.RecordAsync("View", nameof(Official), id.ToString(), family is null ? null : "family", cancellationToken: cancellationToken);
        return new OfficialProfile(
            official.Id, official.Name, official.NamePinyin, official.Gender, official.BirthDate, official.UnitId, official.UnitName,
            regionPath, official.Position, official.IsPrincipal, official.LeaderCategory, official.Rank, tenures, family);
    }

    public async Task<Paged<UnitListItem>> SearchUnitsAsync(UnitQuery query, CancellationToken cancellationToken = default)
    {
        var scope = await RequireScopeAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await FilterUnitsAsync(db, scope, query, cancellationToken);
        var total = await units.CountAsync(cancellationToken);
        var items = await ProjectUnits(db, units.OrderBy(u => u.RegionCode).ThenBy(u => u.Name)
            .PageOf(query))
            .ToListAsync(cancellationToken);
        return new Paged<UnitListItem>(items, total, query.PageNumber, query.Size);
    }

    /// <summary>Every unit matching the filter (at most 50,000 rows) for Excel export; the export is audited.</summary>
    public async Task<IReadOnlyList<UnitListItem>> ExportUnitsAsync(UnitQuery query, CancellationToken cancellationToken = default)
    {
        var scope = await RequireScopeAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await FilterUnitsAsync(db, scope, query, cancellationToken);
        var items = await ProjectUnits(db, units.OrderBy(u => u.RegionCode).ThenBy(u => u.Kind).ThenBy(u => u.Name).Take(50_000))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync("Export", nameof(Unit), null, string.Create(CultureInfo.InvariantCulture, $"rows={items.Count}"), cancellationToken: cancellationToken);
        return items;
    }

    /// <summary>How many officials, principal leaders (一把手) and units lie within the jurisdiction.</summary>
    public async Task<RosterSummary> SummaryAsync(CancellationToken cancellationToken = default)
    {
        var scope = await RequireScopeAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var officials = db.Officials.AsNoTracking().Where(scope.Predicate<Official>(o => o.RegionKey, o => o.UnitId));
        var officialCount = await officials.CountAsync(cancellationToken);
        var principalCount = await officials.CountAsync(o => o.IsPrincipal, cancellationToken);
        var unitCount = await db.Units.AsNoTracking().Where(scope.Predicate<Unit>(u => u.RegionKey, u => u.Id)).CountAsync(cancellationToken);
        return new RosterSummary(officialCount, principalCount, unitCount);
    }

    private static async Task<IQueryable<Unit>> FilterUnitsAsync(QingfengDb db, JurisdictionScope scope, UnitQuery query, CancellationToken cancellationToken)
    {
        var units = db.Units.AsNoTracking().Where(scope.Predicate<Unit>(u => u.RegionKey, u => u.Id));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            units = units.Where(u => u.Name.Contains(text));
        }

        if (query.RegionCode is { } code)
        {
            if (query.DirectOnly == true)
            {
                units = units.Where(u => u.RegionCode == code);
            }
            else if (await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.TreeKey).SingleOrDefaultAsync(cancellationToken) is { } key)
            {
                units = units.Where(u => u.RegionKey.StartsWith(key));
            }
        }

        if (query.Kind is { } kind)
        {
            units = units.Where(u => u.Kind == kind);
        }

        return units;
    }

    /// <summary>
    /// One level of the units tree: child regions that overlap the jurisdiction, and the units
    /// located directly in the region. Null <paramref name="regionCode"/> gives the top regions.
    /// </summary>
    public async Task<RegionChildren> RegionChildrenAsync(string? regionCode, CancellationToken cancellationToken = default)
    {
        var scope = await RequireScopeAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unitRegionKeys = scope.UnitIds.Count == 0
            ? []
            : await db.Units.AsNoTracking().Where(u => scope.UnitIds.Contains(u.Id)).Select(u => u.RegionKey).Distinct().ToListAsync(cancellationToken);
        var visibleKeys = scope.RegionKeys.Concat(unitRegionKeys).ToList();

        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == regionCode)
            .OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name, r.Level, r.TreeKey, HasChildren = db.Regions.Any(c => c.ParentCode == r.Code) || db.Units.Any(u => u.RegionCode == r.Code) })
            .ToListAsync(cancellationToken);
        var regions = children
            .Where(r => visibleKeys.Any(k => k.StartsWith(r.TreeKey, StringComparison.Ordinal) || r.TreeKey.StartsWith(k, StringComparison.Ordinal)))
            .Select(r => new RegionNode(r.Code, r.Name, r.Level, r.HasChildren))
            .ToList();

        IReadOnlyList<UnitListItem> units = [];
        if (regionCode is not null)
        {
            var inRegion = db.Units.AsNoTracking().Where(u => u.RegionCode == regionCode)
                .Where(scope.Predicate<Unit>(u => u.RegionKey, u => u.Id))
                .OrderBy(u => u.Kind).ThenBy(u => u.Name);
            units = await ProjectUnits(db, inRegion).ToListAsync(cancellationToken);
        }

        return new RegionChildren(regions, units);
    }

    private static IQueryable<UnitListItem> ProjectUnits(QingfengDb db, IQueryable<Unit> units) =>
        units.Select(u => new UnitListItem(
            u.Id,
            u.Name,
            u.Kind,
            u.ManagingLevel,
            u.Sector,
            u.RegionCode,
            db.Regions.Where(r => r.Code == u.RegionCode).Select(r => r.Name).First(),
            db.Officials.Count(o => o.UnitId == u.Id)));

    private async Task<JurisdictionScope> RequireScopeAsync(CancellationToken cancellationToken)
    {
        if (!currentUser.Require().Has(Permission.RosterRead))
        {
            throw new DomainRuleException("Rule.Forbidden") { Status = 403 };
        }

        return await jurisdiction.ScopeAsync(cancellationToken);
    }

    private async Task<Func<QingfengDb, IQueryable<Official>>> VisibleOfficialsAsync(CancellationToken cancellationToken)
    {
        var scope = await RequireScopeAsync(cancellationToken);
        var predicate = scope.Predicate<Official>(o => o.RegionKey, o => o.UnitId);
        return db => db.Officials.AsNoTracking().Where(predicate);
    }

    private static IQueryable<Official> Filter(IQueryable<Official> officials, OfficialQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            if (text.All(char.IsAsciiLetter))
            {
                var latin = text.ToLowerInvariant();
                officials = officials.Where(o => o.NamePinyin.StartsWith(latin) || o.NameInitials.StartsWith(latin));
            }
            else
            {
                officials = officials.Where(o => o.Name.Contains(text));
            }
        }

        if (!string.IsNullOrWhiteSpace(query.Unit))
        {
            var unit = query.Unit.Trim();
            officials = officials.Where(o => o.Unit != null && o.Unit.Name.Contains(unit));
        }

        if (!string.IsNullOrWhiteSpace(query.RegionCode))
        {
            var key = RegionKeyOf(query.RegionCode);
            officials = officials.Where(o => o.RegionKey.StartsWith(key));
        }

        if (query.Category is { } category)
        {
            officials = officials.Where(o => o.LeaderCategory == category);
        }

        if (query.PrincipalOnly == true)
        {
            officials = officials.Where(o => o.IsPrincipal);
        }

        return officials;
    }

    /// <summary>Region code to tree key without a lookup: trailing zero pairs of 6-digit codes are insignificant.</summary>
    internal static string RegionKeyOf(string code) => code.Length switch
    {
        6 when code.EndsWith("0000", StringComparison.Ordinal) => code[..2],
        6 when code.EndsWith("00", StringComparison.Ordinal) => code[..4],
        _ => code,
    };

    private static IQueryable<Official> Sort(IQueryable<Official> officials, OfficialQuery query)
    {
        var descending = query.Descending == true;
        return query.Sort switch
        {
            OfficialSort.Unit => officials.OrderBy(o => o.Unit!.Name, descending).ThenBy(o => o.NamePinyin),
            OfficialSort.Category => officials.OrderBy(o => o.LeaderCategory, descending).ThenBy(o => o.NamePinyin),
            OfficialSort.Position => officials.OrderBy(o => o.Position, descending).ThenBy(o => o.NamePinyin),
            _ => officials.OrderBy(o => o.NamePinyin, descending).ThenBy(o => o.Id),
        };
    }

    /// <summary>
    /// "贵州省 / 贵阳市 / 开阳县": the region and its ancestors, read in one query (an ancestor's tree key is a prefix of the
    /// code, <see cref="Region.Validate"/>; the region's own key is one of them) through the tree-key index, then walked up
    /// by parent code.
    /// </summary>
    private static async Task<string> RegionPathAsync(QingfengDb db, string code, CancellationToken cancellationToken)
    {
        string[] keys = [.. AncestorKeyLengths.Where(n => n <= code.Length).Select(n => code[..n])];
        var regions = await db.Regions.AsNoTracking().Where(r => keys.Contains(r.TreeKey))
            .Select(r => new { r.Code, r.Name, r.ParentCode }).ToDictionaryAsync(r => r.Code, cancellationToken);
        var names = new List<string>();
        string? current = code;
        while (current is not null && names.Count < 6)
        {
            if (!regions.TryGetValue(current, out var region))
            {
                break;
            }

            names.Insert(0, region.Name);
            current = region.ParentCode;
        }

        return string.Join(" / ", names);
    }

    internal static string PinyinOf(string name) => ChinesePinyin.ToPinyin(name);
}
