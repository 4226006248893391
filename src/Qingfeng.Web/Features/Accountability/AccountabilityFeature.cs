namespace Qingfeng.Features.Accountability;

/// <summary>Accountability (问责) decisions and their 通报 (domain.md 2.4, A13, A17).</summary>
public static class AccountabilityFeature
{
    public static IServiceCollection AddAccountability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(AccountabilityOptions.Section).Get<AccountabilityOptions>() ?? new AccountabilityOptions());
        services.AddScoped<AccountabilityService>();
        services.AddScoped<AccountabilityQueries>();
        services.AddScoped<AccountabilityDocuments>();
        services.AddScoped<AccountabilityExcel>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccountability(this IEndpointRouteBuilder app)
    {
        app.MapAccountabilityEndpoints();
        return app;
    }
}
