using System.Collections.Frozen;
using Qingfeng.Features.Roster;

namespace Qingfeng.Features.PersonResolution;

/// <summary>One post an official holds or held, as the resolver compares it with a mention.</summary>
public sealed record RosterHolding(Guid? UnitId, string UnitName, string RegionKey, string Post, bool IsPrincipal, DateOnly? Start, DateOnly? End)
{
    /// <summary>The unit name without its regions and party prefix, abbreviations expanded (set when the index is built).</summary>
    public string UnitCore { get; init; } = "";

    public bool Covers(DateOnly date) => (Start is null || Start <= date) && (End is null || End >= date);
}

/// <summary>An official as the resolver's index holds them: name keys, current post and every tenure.</summary>
public sealed record RosterPerson(
    Guid Id,
    string Name,
    Guid? UnitId,
    string? UnitName,
    string Position,
    bool IsPrincipal,
    LeaderCategory? Category,
    string RegionKey,
    IReadOnlyList<RosterHolding> Holdings)
{
    public string Pinyin { get; } = PersonNames.Pinyin(Name);

    public string NearKey { get; } = PersonNames.NearKey(Name);

    public string Initials { get; } = PersonNames.Initials(Name);

    public string Surname { get; } = PersonNames.SurnameOf(Name);
}

/// <summary>A region as the index names it (开阳县, and its short form 开阳).</summary>
public sealed record RosterRegion(string TreeKey, string Name);

/// <summary>
/// The roster keyed for name resolution, built once and shared: by name, toneless pinyin, near-homophone key, initials,
/// the 2-character cuts of 3-character names and surname, plus the region names that prefix unit names. Lookups are
/// dictionary hits, so a mention costs a few hundred comparisons at province scale, never a scan of the roster.
/// </summary>
public sealed class RosterSnapshot
{
    private static readonly string[] RegionSuffixes = ["自治县", "自治州", "特区", "省", "市", "县", "区", "镇", "乡", "村", "街道"];

    private readonly FrozenDictionary<string, RosterPerson[]> _byName;
    private readonly FrozenDictionary<string, RosterPerson[]> _byPinyin;
    private readonly FrozenDictionary<string, RosterPerson[]> _byNearKey;
    private readonly FrozenDictionary<string, RosterPerson[]> _byInitials;
    private readonly FrozenDictionary<string, RosterPerson[]> _byShortForm;
    private readonly FrozenDictionary<string, RosterPerson[]> _bySurname;
    private readonly FrozenDictionary<string, string[]> _regionsByName;
    private readonly string[] _regionNamesLongestFirst;

    public RosterSnapshot(IEnumerable<RosterPerson> officials, IEnumerable<RosterRegion> regions, object? stamp = null)
    {
        Stamp = stamp;
        var regionList = regions.ToList();
        var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var region in regionList)
        {
            foreach (var name in NamesOf(region.Name))
            {
                if (!byName.TryGetValue(name, out var keys))
                {
                    byName[name] = keys = [];
                }

                keys.Add(region.TreeKey);
            }
        }

        _regionsByName = byName.ToFrozenDictionary(p => p.Key, p => p.Value.Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        _regionNamesLongestFirst = [.. _regionsByName.Keys.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)];

        var people = officials.Select(o => o with { Holdings = [.. o.Holdings.Select(h => h with { UnitCore = UnitOf(h.UnitName).Core })] }).ToList();
        Officials = people;
        _byName = Group(people, p => [p.Name]);
        _byPinyin = Group(people, p => [p.Pinyin]);
        _byNearKey = Group(people, p => [p.NearKey]);
        _byInitials = Group(people, p => [p.Initials]);
        _byShortForm = Group(people, p => PersonNames.ShortForms(p.Name));
        _bySurname = Group(people, p => [p.Surname]);
        Surnames = _bySurname.Keys.ToFrozenSet(StringComparer.Ordinal);
    }

    public object? Stamp { get; }

    public IReadOnlyList<RosterPerson> Officials { get; }

    /// <summary>Surnames that occur on the roster: what the parser accepts as the start of a name.</summary>
    public FrozenSet<string> Surnames { get; }

    public IReadOnlyList<RosterPerson> ByName(string name) => _byName.GetValueOrDefault(name) ?? [];

    public IReadOnlyList<RosterPerson> ByPinyin(string pinyin) => _byPinyin.GetValueOrDefault(pinyin) ?? [];

    public IReadOnlyList<RosterPerson> ByNearKey(string key) => _byNearKey.GetValueOrDefault(key) ?? [];

    public IReadOnlyList<RosterPerson> ByInitials(string initials) => _byInitials.GetValueOrDefault(initials) ?? [];

    public IReadOnlyList<RosterPerson> ByShortForm(string shortName) => _byShortForm.GetValueOrDefault(shortName) ?? [];

    public IReadOnlyList<RosterPerson> BySurname(string surname) => _bySurname.GetValueOrDefault(surname) ?? [];

    public bool IsRegionName(string text) => _regionsByName.ContainsKey(text);

    /// <summary>
    /// A unit name split into the regions that lead it and its core: 贵州省开阳县发改局 → regions (52, 520121), core
    /// 发展和改革局. A name that is only a region (开阳县, 青山镇) keeps its last region as the core.
    /// </summary>
    public UnitText UnitOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new UnitText("", "", []) { OnlyRegions = false };
        }

        var cleaned = UnitNames.Clean(text);
        var rest = cleaned;
        var regions = new List<string[]>();
        var last = "";
        var progressed = true;
        while (progressed && rest.Length > 0)
        {
            progressed = false;
            foreach (var name in _regionNamesLongestFirst)
            {
                if (name.Length >= 2 && rest.StartsWith(name, StringComparison.Ordinal))
                {
                    regions.Add(_regionsByName[name]);
                    last = name;
                    rest = rest[name.Length..];
                    progressed = true;
                    break;
                }
            }
        }

        var core = rest.Length == 0 ? last : UnitNames.Expand(rest);
        var full = string.Concat(cleaned.AsSpan(0, cleaned.Length - rest.Length), rest.Length == 0 ? "" : core);
        return new UnitText(full, core, regions) { OnlyRegions = rest.Length == 0 };
    }

    private static IEnumerable<string> NamesOf(string regionName)
    {
        yield return regionName;
        foreach (var suffix in RegionSuffixes)
        {
            if (regionName.EndsWith(suffix, StringComparison.Ordinal) && regionName.Length - suffix.Length >= 2)
            {
                yield return regionName[..^suffix.Length];
                yield break;
            }
        }
    }

    private static FrozenDictionary<string, RosterPerson[]> Group(List<RosterPerson> people, Func<RosterPerson, IEnumerable<string>> keys)
    {
        var groups = new Dictionary<string, List<RosterPerson>>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            foreach (var key in keys(person).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal))
            {
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }

                list.Add(person);
            }
        }

        return groups.ToFrozenDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal);
    }
}

/// <summary>A unit as written, normalised: the whole (regions kept), its core and the region keys each leading name may mean.</summary>
public sealed record UnitText(string Full, string Core, IReadOnlyList<string[]> Regions)
{
    /// <summary>The text names regions only (开阳县, 青山镇): its core is the last region's name.</summary>
    public bool OnlyRegions { get; init; }

    public bool IsEmpty => Full.Length == 0;
}

/// <summary>
/// The roster index kept in memory for the whole app (a singleton). It is rebuilt when the roster changes — the count of
/// officials, units, tenures and ended tenures is compared on each use (four index-only counts) — and at the latest every ten
/// minutes, so that renames are seen too.
/// </summary>
public sealed class RosterNameIndex(IDbContextFactory<QingfengDb> dbFactory, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (RosterSnapshot Snapshot, DateTimeOffset LoadedAt)? _current;

    public void Dispose() => _gate.Dispose();

    public async Task<RosterSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stamp = await StampAsync(db, cancellationToken);
        if (Fresh(stamp) is { } fresh)
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(stamp) is { } loaded)
            {
                return loaded;
            }

            var snapshot = await LoadAsync(db, stamp, cancellationToken);
            _current = (snapshot, time.GetUtcNow());
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private RosterSnapshot? Fresh(string stamp) =>
        _current is { } current && Equals(current.Snapshot.Stamp, stamp) && time.GetUtcNow() - current.LoadedAt < MaxAge ? current.Snapshot : null;

    private static async Task<string> StampAsync(QingfengDb db, CancellationToken cancellationToken)
    {
        var officials = await db.Officials.CountAsync(cancellationToken);
        var units = await db.Units.CountAsync(cancellationToken);
        var tenures = await db.Tenures.CountAsync(cancellationToken);
        var ended = await db.Tenures.CountAsync(t => t.End != null, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{officials}/{units}/{tenures}/{ended}");
    }

    private static async Task<RosterSnapshot> LoadAsync(QingfengDb db, string stamp, CancellationToken cancellationToken)
    {
        var tenures = (await db.Tenures.AsNoTracking()
                .Select(t => new { t.OfficialId, t.Start, t.End, t.Post!.UnitId, t.Post.Title, t.Post.IsPrincipal, UnitName = t.Post.Unit!.Name, t.Post.Unit.RegionKey })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.OfficialId);
        var officials = await db.Officials.AsNoTracking()
            .Select(o => new { o.Id, o.Name, o.UnitId, UnitName = o.Unit != null ? o.Unit.Name : null, o.Position, o.IsPrincipal, o.LeaderCategory, o.RegionKey })
            .ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().Where(r => r.Level != RegionLevel.Village).Select(r => new RosterRegion(r.TreeKey, r.Name)).ToListAsync(cancellationToken);
        var people = officials.Select(o =>
        {
            List<RosterHolding> holdings = [.. tenures[o.Id].Select(t => new RosterHolding(t.UnitId, t.UnitName, t.RegionKey, t.Title, t.IsPrincipal, t.Start, t.End))];
            if (holdings.Count == 0 && o.UnitName is not null)
            {
                holdings.Add(new RosterHolding(o.UnitId, o.UnitName, o.RegionKey, o.Position, o.IsPrincipal, null, null));
            }

            return new RosterPerson(o.Id, o.Name, o.UnitId, o.UnitName, o.Position, o.IsPrincipal, o.LeaderCategory, o.RegionKey, holdings);
        });
        return new RosterSnapshot(people, regions, stamp);
    }
}
