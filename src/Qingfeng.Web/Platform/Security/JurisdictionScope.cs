using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Qingfeng.Platform.Security;

/// <summary>
/// What an organ may see: region subtrees (by tree key), units (with their sub-units) and,
/// subtracted from both, the units it is recused from by a delegation (提级监督 / 片区协作).
/// </summary>
public sealed record JurisdictionScope(
    IReadOnlyList<string> RegionKeys,
    IReadOnlyList<Guid> UnitIds,
    IReadOnlyList<Guid> RecusedUnitIds)
{
    public static readonly JurisdictionScope Nothing = new([], [], []);

    /// <summary>The area collaboration groups (片区协作) the organ is a member of.</summary>
    public IReadOnlyList<Guid> GroupIds { get; init; } = [];

    /// <summary>
    /// The units (with their sub-units) whose supervision a delegation in force hands to this organ — 提级监督 to the higher
    /// commission, 片区协作 to every member of the group — each with the home organ it was taken from. They are part of
    /// <see cref="UnitIds"/> already (reads); they also let the organ change the home organ's records about the unit (ADR 0008).
    /// </summary>
    public IReadOnlyList<HandedOverUnit> HandedOver { get; init; } = [];

    public bool IsEmpty => RegionKeys.Count == 0 && UnitIds.Count == 0;

    /// <summary>Whether a delegation in force hands the supervision of <paramref name="unitId"/> from <paramref name="homeOrganId"/> to this organ.</summary>
    public bool IsHandedOver(Guid homeOrganId, Guid unitId) =>
        HandedOver.Any(h => h.UnitId == unitId && h.HomeOrganId == homeOrganId);

    public bool Covers(string regionKey, Guid? unitId)
    {
        if (unitId is { } recusedCandidate && RecusedUnitIds.Contains(recusedCandidate))
        {
            return false;
        }

        return RegionKeys.Any(k => regionKey.StartsWith(k, StringComparison.Ordinal))
            || (unitId is { } id && UnitIds.Contains(id));
    }

    /// <summary>
    /// Builds the filter <c>(regionKey starts with any key OR unit in units) AND unit not recused</c>
    /// over any entity that carries a region key and a unit id. The bounds and the lists are query parameters, not
    /// constants, so the query compiles once per shape (number of region keys, whether units and recusals are present)
    /// and every caller of that shape reuses it: EF Core sends a list as one parameter (<c>json_each</c> on SQLite,
    /// <c>= ANY</c> on PostgreSQL).
    /// </summary>
    public Expression<Func<T, bool>> Predicate<T>(Expression<Func<T, string>> regionKey, Expression<Func<T, Guid?>> unitId)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var key = Predicates.Rebind(regionKey, parameter);
        var unit = Predicates.Rebind(unitId, parameter);

        // "Starts with the key" as the range [key, UpperBound(key)): both databases serve a range from the index on
        // the region key, while LIKE 'key%' is a scan on SQLite (its LIKE ignores case).
        Expression covered = Expression.Constant(false);
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        Expression Compare(string bound) => Expression.Call(compare, key, Parameter(bound));
        foreach (var k in RegionKeys.Distinct(StringComparer.Ordinal))
        {
            if (k.Length == 0)
            {
                covered = Expression.Constant(true);
                continue;
            }

            Expression inRange = Expression.GreaterThanOrEqual(Compare(k), Expression.Constant(0));
            if (UpperBound(k) is { } upper)
            {
                inRange = Expression.AndAlso(inRange, Expression.LessThan(Compare(upper), Expression.Constant(0)));
            }

            covered = Expression.OrElse(covered, inRange);
        }

        if (UnitIds.Count > 0)
        {
            covered = Expression.OrElse(covered, ContainsUnit(UnitIds, unit));
        }

        if (RecusedUnitIds.Count > 0)
        {
            covered = Expression.AndAlso(covered, Expression.Not(ContainsUnit(RecusedUnitIds, unit)));
        }

        return Expression.Lambda<Func<T, bool>>(covered, parameter);
    }

    /// <summary>
    /// The first digit string after every key that starts with <paramref name="key"/>: trailing nines carry
    /// (5201 → 5202, 5209 → 521, 52099 → 521), and a key of nines only has no bound (null). The bound is made of
    /// digits so that the range means the same under every collation: the character after '9' is ':', which .NET
    /// culture comparison and ICU collations sort before the digits, so [5209, 520:) held no key at all when the
    /// predicate ran in memory or on a database with such a collation.
    /// </summary>
    internal static string? UpperBound(string key)
    {
        var end = key.Length;
        while (end > 0 && key[end - 1] == '9')
        {
            end--;
        }

        return end == 0 ? null : key[..(end - 1)] + (char)(key[end - 1] + 1);
    }

    private static MethodCallExpression ContainsUnit(IReadOnlyList<Guid> ids, Expression unit)
    {
        var list = ids.Select(i => (Guid?)i).ToList();
        var contains = typeof(List<Guid?>).GetMethod(nameof(List<Guid?>.Contains))!;
        return Expression.Call(Parameter(list), contains, unit);
    }

    /// <summary>A value EF Core turns into a query parameter: a field of a closure object, as a captured variable is.</summary>
    private static MemberExpression Parameter<TValue>(TValue value) =>
        Expression.Field(Expression.Constant(new StrongBox<TValue>(value)), nameof(StrongBox<TValue>.Value));
}

/// <summary>A unit whose supervision a delegation in force hands over from its home organ.</summary>
public sealed record HandedOverUnit(Guid UnitId, Guid HomeOrganId);
