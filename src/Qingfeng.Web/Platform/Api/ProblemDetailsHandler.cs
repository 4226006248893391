using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Platform.Rules;

namespace Qingfeng.Platform.Api;

/// <summary>Turns rule violations into localised ProblemDetails (404/409/422/403) with a stable <c>code</c>.</summary>
internal sealed class ProblemDetailsHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, arguments) = exception switch
        {
            DomainRuleException rule => (rule.Status, rule.Code, rule.Arguments.ToArray()),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Rule.Concurrency", []),
            UnauthorizedAccessException => (StatusCodes.Status401Unauthorized, "Rule.Unauthenticated", Array.Empty<object>()),
            BadHttpRequestException bad => (bad.StatusCode, "Rule.BadRequest", []),
            _ => (0, "", []),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = LocalisedProblem.Create(status, code, arguments),
            Exception = exception,
        });
    }
}
