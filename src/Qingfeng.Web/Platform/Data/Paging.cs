using System.Linq.Expressions;

namespace Qingfeng.Platform.Data;

/// <summary>
/// Page and page size of a list query (<c>?page=&amp;pageSize=</c>), validated with the rest of the query.
/// List queries derive from it so every list pages the same way.
/// </summary>
public abstract record PageRequest
{
    [Range(1, 100_000)]
    public int? Page { get; init; }

    [Range(1, 200)]
    public int? PageSize { get; init; }

    /// <summary>The page to return (1 when not given).</summary>
    public int PageNumber => Page ?? 1;

    /// <summary>Rows per page (<see cref="DefaultSize"/> when not given).</summary>
    public int Size => PageSize ?? DefaultSize;

    protected virtual int DefaultSize => 20;
}

/// <summary>One page of a list with the total count of rows that matched.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class Paging
{
    /// <summary>The rows of the requested page; the source must already be ordered.</summary>
    public static IQueryable<T> PageOf<T>(this IQueryable<T> source, PageRequest request) =>
        source.Skip((request.PageNumber - 1) * request.Size).Take(request.Size);

    /// <inheritdoc cref="PageOf{T}(IQueryable{T}, PageRequest)"/>
    public static IEnumerable<T> PageOf<T>(this IEnumerable<T> source, PageRequest request) =>
        source.Skip((request.PageNumber - 1) * request.Size).Take(request.Size);

    /// <summary>The requested page of a list read whole (a short list its query returns unpaged), with its total.</summary>
    public static Paged<T> ToPaged<T>(this IReadOnlyList<T> all, PageRequest request) =>
        new([.. all.PageOf(request)], all.Count, request.PageNumber, request.Size);

    /// <summary>Orders by the key in the direction the list asked for.</summary>
    public static IOrderedQueryable<T> OrderBy<T, TKey>(this IQueryable<T> source, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? source.OrderByDescending(key) : source.OrderBy(key);
}
