namespace Qingfeng.Features.Supervision;

/// <summary>The shared kernel of daily supervision: the access rule, the subject lookup, time limits and outcomes.</summary>
public static class SupervisionFeature
{
    public static IServiceCollection AddSupervision(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Supervision").Get<SupervisionOptions>() ?? new SupervisionOptions());
        services.AddSingleton<SupervisionCalendar>();
        services.AddScoped<SupervisionAccess>();
        return services;
    }
}
