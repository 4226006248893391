using Microsoft.AspNetCore.Diagnostics;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Platform.Api;

/// <summary>Turns rule violations into localised ProblemDetails (404/409/422/403) with a stable <c>code</c>.</summary>
internal sealed class ProblemDetailsHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // Refused input, whether a service refused it or binding could not read it: a validation problem naming the field.
        var errors = (exception as DomainRuleException)?.Errors ?? BindingFailures.Of(exception as BadHttpRequestException, httpContext);
        if (errors is { Count: > 0 })
        {
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = LocalisedProblem.Invalid(errors.ToDictionary(StringComparer.Ordinal)),
                Exception = exception,
            });
        }

        var (status, code, arguments) = exception switch
        {
            DomainRuleException rule => (RuleStatus.Of(rule.Kind), rule.Code, rule.Arguments.ToArray()),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Rule.Concurrency", []),

            // Two requests created the same record at once (the unique key of the second insert fails): the later one is a
            // conflict to retry, not a server error.
            DbUpdateException duplicate when DbErrors.IsUniqueViolation(duplicate) => (StatusCodes.Status409Conflict, "Rule.Concurrency", []),
            UnauthorizedAccessException => (StatusCodes.Status401Unauthorized, "Rule.Unauthenticated", Array.Empty<object>()),
            BadHttpRequestException bad => (bad.StatusCode, "Rule.BadRequest", []),
            _ when DatabaseUnavailable.Is(exception) => (StatusCodes.Status503ServiceUnavailable, "Rule.DatabaseUnavailable", []),
            _ => (0, "", []),
        };
        if (status == 0)
        {
            // Any other failure is a server error: the API answers it with ProblemDetails; a page request is left to the
            // exception handler's error page in the app's layout (Platform/Ui/ErrorPages).
            if (ErrorPages.IsPagePath(RequestedPath(httpContext)))
            {
                return false;
            }

            httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Status = StatusCodes.Status500InternalServerError },
                Exception = exception,
            });
        }

        httpContext.Response.StatusCode = status;
        var problem = LocalisedProblem.Create(status, code, arguments);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            if (WantsPage(httpContext.Request))
            {
                // A person in a browser gets a page, not JSON.
                httpContext.Response.ContentType = "text/html; charset=utf-8";
                await httpContext.Response.WriteAsync(OutagePage(problem.Title ?? "", problem.Detail ?? "", CultureInfo.CurrentUICulture), cancellationToken);
                return true;
            }
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The address that failed: the exception handler has already put its error page's address on the request.</summary>
    private static PathString RequestedPath(HttpContext httpContext) =>
        httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } path ? new PathString(path) : httpContext.Request.Path;

    private static bool WantsPage(HttpRequest request) =>
        !RequestedPath(request.HttpContext).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static string OutagePage(string title, string detail, CultureInfo culture)
    {
        static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
        return $$"""
            <!DOCTYPE html>
            <html lang="{{(culture.Name.StartsWith("zh", StringComparison.Ordinal) ? "zh-CN" : "en")}}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="{{DatabaseUnavailable.RetryAfterSeconds * 2}}"><title>{{Encode(title)}}</title></head>
            <body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>{{Encode(title)}}</h1><p>{{Encode(detail)}}</p></body></html>
            """;
    }
}
