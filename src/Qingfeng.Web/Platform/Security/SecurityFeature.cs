using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Qingfeng.Platform.Security;

public static class SecurityFeature
{
    public static IServiceCollection AddQingfengSecurity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<JurisdictionCache>();
        services.AddScoped<JurisdictionService>();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        return services;
    }

    /// <summary>
    /// Baseline response headers: no MIME sniffing, no framing (clickjacking), no referrer leaking
    /// record ids to other sites. A content security policy is issue 4's (it needs the asset audit).
    /// </summary>
    public static IApplicationBuilder UseBaselineSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    });

    /// <summary>Fills <see cref="CurrentUser"/> from the authenticated request.</summary>
    public static IApplicationBuilder UseCurrentUser(this IApplicationBuilder app) => app.UseMiddleware<CurrentUserMiddleware>();
}
