namespace Qingfeng.Features.Decisions;

/// <summary>Stationed supervision of 三重一大 decisions (domain.md §7, A12).</summary>
public static class DecisionsFeature
{
    public static IServiceCollection AddDecisions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(DecisionCheckOptions.Section).Get<DecisionCheckOptions>() ?? new DecisionCheckOptions());
        services.AddScoped<DecisionService>();
        services.AddScoped<DecisionQueries>();
        services.AddScoped<DecisionExcel>();
        return services;
    }

    public static IEndpointRouteBuilder MapDecisions(this IEndpointRouteBuilder app)
    {
        app.MapDecisionEndpoints();
        return app;
    }
}
