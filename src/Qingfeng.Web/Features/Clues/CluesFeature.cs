using Qingfeng.Features.Clues.Text;
using Qingfeng.Features.Notifications;

namespace Qingfeng.Features.Clues;

public static class CluesFeature
{
    public static IServiceCollection AddClues(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Clues").Get<ClueOptions>() ?? new ClueOptions());
        services.AddSingleton<ClueDeadlines>();
        services.AddSingleton<ViolationCatalog>();
        services.AddSingleton<CategorySuggester>();
        services.AddSingleton<DuplicateDetector>();
        services.AddSingleton<ClueTextGenerator>();
        services.AddSingleton<ClueProtection>();
        services.AddScoped<ClueAccess>();
        services.AddScoped<INotificationLinkFilter, ClueNotificationFilter>();
        services.AddScoped<ClueService>();
        services.AddScoped<ClueQueries>();
        services.AddScoped<ClueStatistics>();
        services.AddScoped<ClueExcel>();
        services.AddScoped<ClueLinking>();
        services.AddScoped<ClueDocuments>();
        services.AddScoped<Talks.IClueCircle, ClueLetterCircle>();
        services.AddPeriodicSweep<ClueDeadlineSweep>();
        services.AddSingleton<ClueSearchIndexUpgrade>();
        services.AddHostedService(provider => provider.GetRequiredService<ClueSearchIndexUpgrade>());
        return services;
    }

    public static IEndpointRouteBuilder MapClues(this IEndpointRouteBuilder app)
    {
        app.MapClueEndpoints();
        return app;
    }
}
