using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Qingfeng.Features.Clues;
using Qingfeng.Platform;
using Qingfeng.Platform.Backup;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.Tests.Architecture;

/// <summary>
/// The layers of ADR 0009 (docs/decisions/0009-layers.md), checked on the compiled assembly's type references
/// (<see cref="TypeDependencies"/>; Razor components included): no cycle between feature folders, each feature using only
/// the layers to its left and the edges named here, Platform not depending on Features, entities free of UI types and of
/// HTTP status codes.
/// </summary>
public sealed class LayerArchitectureTests
{
    /// <summary>The layers, left (lowest) to right. A feature may use the layers to its left, within its own layer only a named edge.</summary>
    internal static readonly string[][] Layers =
    [
        ["Organs", "Audit", "Roster", "PersonResolution", "Accounts", "Notifications"],
        ["Supervision"],
        ["Clues", "Talks", "Rectification", "DutyReports", "Accountability", "Recommendations", "Decisions", "Reminders"],
        ["Outcomes", "QuarterlyReviews", "IntegrityFiles", "Home"],
        ["DemoProvince"],
    ];

    /// <summary>The uses inside one layer that ADR 0009 names, and why. Keep them few; together they must stay free of cycles.</summary>
    internal static readonly Dictionary<(string From, string To), string> NamedEdges = new()
    {
        // Base: the roster is the master data; organs hold jurisdiction over its regions and units; everything is audited.
        [("Organs", "Roster")] = "grants and delegations name the roster's units and regions (DelegationService checks the unit)",
        [("Roster", "Audit")] = "imports and views of the roster are audited",
        [("PersonResolution", "Roster")] = "names as written are resolved against the roster's officials, units and regions (ADR 0009)",
        [("Accounts", "Audit")] = "sign-ins and account changes are audited",
        [("Accounts", "Organs")] = "an account belongs to an organ",

        // Records: a record opens follow-up items in the rectification ledger in the same save, or names the clue it came from.
        [("Talks", "Rectification")] = "a talk's follow-ups become rectification items (RectificationService.Open)",
        [("DutyReports", "Rectification")] = "problems raised on a 述责述廉 report become rectification items",
        [("Recommendations", "Rectification")] = "a recommendation's measures become rectification items",
        [("Decisions", "Rectification")] = "a decision record's findings become rectification items",
        [("Accountability", "Rectification")] = "an accountability decision's measures become a rectification item; its cause may be one",
        [("Decisions", "Clues")] = "a finding raised as a clue, shown only through the need-to-know door (ClueAccess)",
        [("Accountability", "Clues")] = "an accountability decision caused by a clue, shown only through the need-to-know door (ClueAccess)",
        [("Accountability", "Decisions")] = "an accountability decision caused by a decision record (the cause picker reads DecisionQueries)",
        [("Clues", "Talks")] = "a clue's 谈话函询 letter and talk are the ledgers' Inquiry and Talk records (the ledger asks back through IClueCircle)",
    };

    /// <summary>
    /// Platform types that use features, and why: composition points, each allowed the features it names ("*": every feature).
    /// Anything else under <c>Qingfeng.Platform</c> must not know a feature.
    /// </summary>
    private const string AuditChain = "the keyed audit chain (AuditKey, AuditChain) is written inside every save (ADR 0004)";

    internal static readonly Dictionary<string, (string[] Features, string Reason)> PlatformExceptions = new(StringComparer.Ordinal)
    {
        [typeof(QingfengDb).FullName!] = (["*"], "the one model (house style): declares every feature's tables"),
        [typeof(Commands).FullName!] = (["Accounts", "Audit", "Clues", "DemoProvince"], "the command line is a composition root beside Program (bootstrap, audit verification, key rotation, demo seeding)"),
        [typeof(JurisdictionResolver).FullName!] = (["Organs"], "jurisdiction is computed from the organs' grants and delegations"),
        [typeof(JurisdictionService).FullName!] = (["Organs", "Roster"], "jurisdiction is computed from the organs' grants and delegations over the roster's units"),
        [typeof(CommissionGrants).FullName!] = (["Organs"], "who keeps which region's roster is jurisdiction data (ADR 0008), read here for the roster"),
        [typeof(RevalidatingAuthenticationStateProvider).FullName!] = (["Accounts"], "a circuit re-checks that its account is still active"),
        [typeof(Transactions).FullName!] = (["Audit"], AuditChain),
        [typeof(QingfengDatabase).FullName!] = (["Audit"], AuditChain),
        [typeof(SqliteQingfengDb).FullName!] = (["Audit"], AuditChain),
        [typeof(PostgresQingfengDb).FullName!] = (["Audit"], AuditChain),
        [typeof(SqliteDesignTimeFactory).FullName!] = (["Audit"], AuditChain),
        [typeof(PostgresDesignTimeFactory).FullName!] = (["Audit"], AuditChain),
        [typeof(DataFeature).FullName!] = (["Audit"], AuditChain),
        [typeof(BackupCommands).FullName!] = (["Audit"], "a backup is verified against the audit chain's key"),
        [typeof(PostgresBackup).FullName!] = (["Audit"], "a backup is verified against the audit chain's key"),
        [typeof(DatabaseBackup).FullName!] = (["Audit"], "a backup records and verifies the audit chain"),
    };

    /// <summary>
    /// Entities that still use <c>Platform.Ui.ChinaTime</c> (the China calendar day of an instant), which is no UI type:
    /// move it to <c>Platform/Calendar</c> once issue 15's parallel rewrites of these entities are merged, then empty this set.
    /// </summary>
    [Fact]
    public void Feature_folders_have_no_cycle()
    {
        var edges = TypeDependencies.BetweenFeatures();
        var cycles = StronglyConnected(edges.Select(e => e.Key).ToList()).Where(c => c.Count > 1).ToList();
        Assert.True(cycles.Count == 0, "Feature folders that use each other in a cycle (cut an edge, ADR 0009):\n" + string.Join('\n', cycles.Select(cycle =>
            string.Join(", ", cycle) + ":\n" + string.Join('\n', edges.Where(e => cycle.Contains(e.Key.From) && cycle.Contains(e.Key.To))
                .Select(e => $"  {e.Key.From} → {e.Key.To}: {string.Join("; ", e.Take(3))}")))));
    }

    [Fact]
    public void Features_use_only_the_layers_to_their_left_and_the_named_edges()
    {
        var layerOf = Layers.SelectMany((layer, i) => layer.Select(f => (Feature: f, Layer: i))).ToDictionary(x => x.Feature, x => x.Layer, StringComparer.Ordinal);
        var features = TypeDependencies.All.Select(d => TypeDependencies.Folder(d.FromNamespace)).OfType<string>().Where(f => f != "Platform").ToHashSet(StringComparer.Ordinal);
        var unplaced = features.Where(f => !layerOf.ContainsKey(f)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unplaced.Count == 0, "Feature folders in no layer (place them in ADR 0009 and in Layers): " + string.Join(", ", unplaced));

        var wrong = TypeDependencies.BetweenFeatures()
            .Where(e => layerOf[e.Key.To] > layerOf[e.Key.From] || (layerOf[e.Key.To] == layerOf[e.Key.From] && !NamedEdges.ContainsKey(e.Key)))
            .Select(e => $"{e.Key.From} (layer {layerOf[e.Key.From]}) → {e.Key.To} (layer {layerOf[e.Key.To]}): {string.Join("; ", e.Take(3))}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(wrong.Count == 0, "Uses against the layers of ADR 0009 (move the code, or name the edge there and in NamedEdges):\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Every_named_edge_is_still_used_and_stays_inside_one_layer()
    {
        var layerOf = Layers.SelectMany((layer, i) => layer.Select(f => (Feature: f, Layer: i))).ToDictionary(x => x.Feature, x => x.Layer, StringComparer.Ordinal);
        var used = TypeDependencies.BetweenFeatures().Select(e => e.Key).ToHashSet();
        Assert.Empty(NamedEdges.Keys.Where(e => !used.Contains(e)).Select(e => $"{e.From} → {e.To} is named but no longer used (remove it)"));
        Assert.Empty(NamedEdges.Keys.Where(e => layerOf[e.From] != layerOf[e.To]).Select(e => $"{e.From} → {e.To} crosses layers: it needs no name"));
    }

    [Fact]
    public void Platform_does_not_depend_on_features_except_the_named_composition_points()
    {
        var uses = TypeDependencies.All
            .Where(d => TypeDependencies.Folder(d.FromNamespace) == "Platform" && TypeDependencies.Folder(d.ToNamespace) is { } to && to != "Platform")
            .ToList();
        var wrong = uses.Where(d => !(PlatformExceptions.TryGetValue(d.From, out var allowed)
                && (allowed.Features.Contains("*") || allowed.Features.Contains(TypeDependencies.Folder(d.ToNamespace)))))
            .Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.True(wrong.Count == 0, "Platform types that use features (invert the dependency, e.g. with an extension point, or name a composition point in PlatformExceptions):\n" + string.Join('\n', wrong));

        var stale = PlatformExceptions.Where(e => e.Value.Features.Any(f => !uses.Any(d => d.From == e.Key && (f == "*" || TypeDependencies.Folder(d.ToNamespace) == f))))
            .Select(e => e.Key).ToList();
        Assert.True(stale.Count == 0, "Named Platform exceptions no longer using (all) their features (narrow or remove them): " + string.Join(", ", stale));
    }

    [Fact]
    public void Entities_do_not_use_the_UI_platform()
    {
        var entities = MappedTypes();
        var users = TypeDependencies.All.Where(d => entities.Contains(d.From) && d.ToNamespace.StartsWith("Qingfeng.Platform.Ui", StringComparison.Ordinal)).ToList();
        var wrong = users.Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.True(wrong.Count == 0, "Entities that use Platform.Ui types (keep display in the pages and contracts):\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Entities_do_not_set_HTTP_status_codes_on_their_refusals()
    {
        var entities = MappedTypes();
        var setters = TypeDependencies.StatusSetters.Where(entities.Contains).ToHashSet(StringComparer.Ordinal);
        Assert.True(setters.Count == 0, "Entities that set DomainRuleException.Status (throw DomainRuleException.Conflict/Forbidden/NotFound instead):\n" + string.Join('\n', setters.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_scan_sees_the_types_the_rules_are_about()
    {
        // The rules are live: the scan finds a Razor page using its feature's service, a known cross-layer use and the mapped
        // entities; the status scan finds the services that still state a status (ClueService refuses with 403/409 its own way).
        Assert.Contains(TypeDependencies.All, d => d.From == "Qingfeng.Features.Roster.Pages.OfficialDetail" && d.To == typeof(Qingfeng.Features.Roster.RosterQueries).FullName);
        Assert.Contains(TypeDependencies.All, d => d.From == typeof(ClueService).FullName && d.ToNamespace == "Qingfeng.Features.Roster");
        Assert.Contains(typeof(Clue).FullName!, MappedTypes());
        Assert.Contains(typeof(ClueService).FullName!, TypeDependencies.StatusSetters);
    }

    /// <summary>The CLR types the DbContext maps: entity types, owned types and complex types.</summary>
    private static HashSet<string> MappedTypes()
    {
        using var db = new SqliteQingfengDb(new DbContextOptionsBuilder<SqliteQingfengDb>().UseSqlite("Data Source=:memory:").Options);
        static IEnumerable<Type> Complex(IEnumerable<IComplexProperty> properties) =>
            properties.SelectMany(p => Complex(p.ComplexType.GetComplexProperties()).Prepend(p.ComplexType.ClrType));
        return db.Model.GetEntityTypes().Where(e => !e.HasSharedClrType)
            .SelectMany(e => Complex(e.GetComplexProperties()).Prepend(e.ClrType))
            .Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Tarjan's strongly connected components of a directed graph given by its edges.</summary>
    internal static List<List<string>> StronglyConnected(IReadOnlyCollection<(string From, string To)> edges)
    {
        var next = edges.ToLookup(e => e.From, e => e.To);
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var to in next[node])
            {
                if (index.TryGetValue(to, out var seen))
                {
                    if (stack.Contains(to))
                    {
                        low[node] = Math.Min(low[node], seen);
                    }
                }
                else
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                components.Add([.. component.Order(StringComparer.Ordinal)]);
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return components;
    }
}
