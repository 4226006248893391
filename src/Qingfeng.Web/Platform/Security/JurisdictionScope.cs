using System.Linq.Expressions;
using Qingfeng.Platform.Data;

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

    public bool IsEmpty => RegionKeys.Count == 0 && UnitIds.Count == 0;

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
    /// over any entity that carries a region key and a unit id.
    /// </summary>
    public Expression<Func<T, bool>> Predicate<T>(Expression<Func<T, string>> regionKey, Expression<Func<T, Guid?>> unitId)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var key = Predicates.Rebind(regionKey, parameter);
        var unit = Predicates.Rebind(unitId, parameter);

        // "Starts with the key" as the range [key, key with its last digit + 1): both databases serve a range from
        // the index on the region key, while LIKE 'key%' is a scan on SQLite (its LIKE ignores case).
        Expression covered = Expression.Constant(false);
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        Expression Compare(string bound) => Expression.Call(compare, key, Expression.Constant(bound));
        foreach (var k in RegionKeys.Distinct(StringComparer.Ordinal))
        {
            if (k.Length == 0)
            {
                covered = Expression.Constant(true);
                continue;
            }

            var upper = k[..^1] + (char)(k[^1] + 1);
            var inRange = Expression.AndAlso(
                Expression.GreaterThanOrEqual(Compare(k), Expression.Constant(0)),
                Expression.LessThan(Compare(upper), Expression.Constant(0)));
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

    private static MethodCallExpression ContainsUnit(IReadOnlyList<Guid> ids, Expression unit)
    {
        var list = ids.Select(i => (Guid?)i).ToList();
        var contains = typeof(List<Guid?>).GetMethod(nameof(List<Guid?>.Contains))!;
        return Expression.Call(Expression.Constant(list), contains, unit);
    }
}
