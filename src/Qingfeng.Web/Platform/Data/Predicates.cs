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

    /// <summary>The body of <paramref name="lambda"/> with its parameter replaced by <paramref name="parameter"/>.</summary>
    public static Expression Rebind(LambdaExpression lambda, ParameterExpression parameter)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        return new ReplaceParameter(lambda.Parameters[0], parameter).Visit(lambda.Body);
    }

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
