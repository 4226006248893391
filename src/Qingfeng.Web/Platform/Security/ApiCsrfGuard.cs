using Microsoft.AspNetCore.Antiforgery;

namespace Qingfeng.Platform.Security;

/// <summary>
/// Cross-site request forgery on the API: the sign-in cookie also authenticates <c>/api</c> (the UI downloads
/// documents with it), and the cookie is SameSite=Strict. As a second wall, a POST, PUT, PATCH or DELETE under
/// <c>/api</c> that is authenticated by the cookie alone must carry a valid antiforgery token
/// (header <c>RequestVerificationToken</c>); integrations use Bearer tokens, which a forged form cannot send.
/// </summary>
public static class ApiCsrfGuard
{
    public static IApplicationBuilder UseApiCsrfGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        if (unsafeMethod
            && request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && context.User.Identity?.IsAuthenticated == true
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            await LocalisedProblem.WriteAsync(context, StatusCodes.Status403Forbidden, "Rule.AntiforgeryRequired");
            return;
        }

        await next(context);
    });
}
