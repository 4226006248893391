using Microsoft.AspNetCore.Diagnostics;

namespace Qingfeng.Platform.Ui;

/// <summary>
/// Errors a person can read: a browser's unknown address or a server error on a page answers with a page in the app's
/// layout (<c>/error/{status}</c>, <c>/error</c>), keeping its status (404, 500). The API, the OpenAPI document and the
/// framework's own files (<c>/_framework</c>, <c>/_blazor</c>, <c>/_content</c>, any address of a file) keep their answers:
/// ProblemDetails from <c>ProblemDetailsHandler</c> and the status code pages, as before.
/// </summary>
public static class ErrorPages
{
    public const string ServerErrorPath = "/error";

    public const string StatusPathFormat = "/error/{0}";

    private static readonly string[] NonPagePrefixes = ["/api", "/openapi", "/_framework", "/_blazor", "/_content", "/health"];

    /// <summary>
    /// The exception handler re-executes a page request that failed at <see cref="ServerErrorPath"/> (the API's failures are
    /// ProblemDetails, written by the exception handler services); a status without a body is re-executed at
    /// <see cref="StatusPathFormat"/> for a page request and written as ProblemDetails for anything else. Called on the app
    /// itself, not in a branch: re-execution routes through the app's endpoints, which a branch does not see.
    /// </summary>
    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = ServerErrorPath, CreateScopeForErrors = true });
        app.UseStatusCodePages();
        app.UseStatusCodePagesWithReExecute(StatusPathFormat, createScopeForStatusCodePages: true);

        // The page re-execution stands aside for anything but a page: the status code pages before it write ProblemDetails.
        app.Use((context, next) =>
        {
            if (!IsPageRequest(context) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>Whether the request asks for a page: not the API, not the framework's files, not a file by its extension.</summary>
    public static bool IsPageRequest(HttpContext context) => IsPagePath(context.Request.Path);

    /// <inheritdoc cref="IsPageRequest(HttpContext)"/>
    public static bool IsPagePath(PathString path) =>
        !NonPagePrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
        && !Path.HasExtension(path.Value);
}
