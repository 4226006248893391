using System.Linq.Expressions;

namespace Qingfeng.Platform.Data;

/// <summary>Composes LINQ predicates so that EF Core translates them as one expression.</summary>
public static class Predicates
{
    /// <summary><paramref name="left"/> AND <paramref name="right"/>; an always-true <paramref name="right"/> is dropped.</summary>
    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return right.Body is ConstantExpression { Value: true }
            ? left
            : Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, Rebind(right, left.Parameters[0])), left.Parameters);
    }

    /// <summary>
    /// The records whose date, as <paramref name="date"/> reads it, falls from <paramref name="from"/> to <paramref name="to"/>
    /// (both inclusive); an end not given is open. The bounds go to the database as parameters, not literals.
    /// </summary>
    public static IQueryable<T> Within<T>(this IQueryable<T> source, Expression<Func<T, DateOnly>> date, DateOnly? from, DateOnly? to) =>
        WithinDates(source, date, from, to);

    /// <inheritdoc cref="Within{T}(IQueryable{T}, Expression{Func{T, DateOnly}}, DateOnly?, DateOnly?)"/>
    /// <remarks>A record without the date is outside any bounded period.</remarks>
    public static IQueryable<T> Within<T>(this IQueryable<T> source, Expression<Func<T, DateOnly?>> date, DateOnly? from, DateOnly? to) =>
        WithinDates(source, date, from, to);

    /// <summary>The body of <paramref name="lambda"/> with its parameter replaced by <paramref name="parameter"/>.</summary>
    public static Expression Rebind(LambdaExpression lambda, ParameterExpression parameter)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        return new ReplaceParameter(lambda.Parameters[0], parameter).Visit(lambda.Body);
    }

    private static IQueryable<T> WithinDates<T>(IQueryable<T> source, LambdaExpression date, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(date);
        if (from is { } start)
        {
            source = source.Where(Expression.Lambda<Func<T, bool>>(Expression.GreaterThanOrEqual(date.Body, Bound(start, date.Body.Type)), date.Parameters));
        }

        if (to is { } end)
        {
            source = source.Where(Expression.Lambda<Func<T, bool>>(Expression.LessThanOrEqual(date.Body, Bound(end, date.Body.Type)), date.Parameters));
        }

        return source;
    }

    /// <summary>The day read from a holder object, as a captured variable is, so that EF Core sends it as a parameter.</summary>
    private static Expression Bound(DateOnly day, Type type)
    {
        var value = Expression.Property(Expression.Constant(new Day(day)), nameof(Day.Value));
        return type == value.Type ? value : Expression.Convert(value, type);
    }

    private sealed record Day(DateOnly Value);

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
