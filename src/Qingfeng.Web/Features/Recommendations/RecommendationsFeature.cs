namespace Qingfeng.Features.Recommendations;

/// <summary>Supervision recommendations (纪检监察建议书), their follow-up and the rules units adopted (domain.md 10, A3).</summary>
public static class RecommendationsFeature
{
    public static IServiceCollection AddRecommendations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(RecommendationOptions.Section).Get<RecommendationOptions>() ?? new RecommendationOptions());
        services.AddScoped<RecommendationService>();
        services.AddScoped<RecommendationQueries>();
        services.AddScoped<RecommendationDocuments>();
        services.AddScoped<RecommendationExcel>();
        services.AddPeriodicSweep<RecommendationReplySweep>();
        return services;
    }

    public static IEndpointRouteBuilder MapRecommendations(this IEndpointRouteBuilder app)
    {
        app.MapRecommendationEndpoints();
        return app;
    }
}
