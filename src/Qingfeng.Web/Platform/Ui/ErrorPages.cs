namespace Qingfeng.Platform.Ui;

/// <summary>
/// Errors a person can read: a browser's unknown address or a server error on a page answers with a page in the app's
/// layout (<c>/error/{status}</c>, <c>/error</c>), keeping its status (404, 500). The API, the OpenAPI document and the
/// framework's own files (<c>/_framework</c>, <c>/_blazor</c>, <c>/_content</c>, any address of a file) keep their answers:
/// ProblemDetails from the exception handler and the status code pages, as before.
/// </summary>
public static class ErrorPages
{
    public const string ServerErrorPath = "/error";

    public const string StatusPathFormat = "/error/{0}";

    private static readonly string[] NonPagePrefixes = ["/api", "/openapi", "/_framework", "/_blazor", "/_content", "/health"];

    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app)
    {
        app.UseWhen(IsPageRequest, pages => pages
            .UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = ServerErrorPath, CreateScopeForErrors = true })
            .UseStatusCodePagesWithReExecute(StatusPathFormat, createScopeForStatusCodePages: true));
        app.UseWhen(context => !IsPageRequest(context), others => others
            .UseExceptionHandler()
            .UseStatusCodePages());
        return app;
    }

    /// <summary>Whether the request asks for a page: not the API, not the framework's files, not a file by its extension.</summary>
    public static bool IsPageRequest(HttpContext context)
    {
        var path = context.Request.Path;
        return !NonPagePrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            && !Path.HasExtension(path.Value);
    }
}
