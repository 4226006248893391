namespace Qingfeng.Features.Talks;

/// <summary>Talks (谈话) and letters of inquiry (函询) of daily supervision.</summary>
public static class TalksFeature
{
    public static IServiceCollection AddTalks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Talks").Get<TalkOptions>() ?? new TalkOptions());
        services.AddSingleton<TalkTierRule>();
        services.AddScoped<TalkService>();
        services.AddScoped<TalkQueries>();
        services.AddScoped<TalkExcel>();
        services.AddScoped<TalkDocuments>();
        services.AddPeriodicSweep<InquiryReplySweep>();
        return services;
    }

    public static IEndpointRouteBuilder MapTalks(this IEndpointRouteBuilder app)
    {
        app.MapTalkEndpoints();
        return app;
    }
}
