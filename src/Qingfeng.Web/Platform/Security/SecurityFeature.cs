using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Qingfeng.Platform.Security;

public static class SecurityFeature
{
    public static IServiceCollection AddQingfengSecurity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<AccessEvents>();
        services.AddSingleton<JurisdictionCache>();
        services.AddScoped<JurisdictionService>();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        return services;
    }

    /// <summary>Fills <see cref="CurrentUser"/> from the authenticated request.</summary>
    public static IApplicationBuilder UseCurrentUser(this IApplicationBuilder app) => app.UseMiddleware<CurrentUserMiddleware>();
}
