namespace Qingfeng.Features.Rectification;

public static class RectificationFeature
{
    public static IServiceCollection AddRectification(this IServiceCollection services)
    {
        services.AddScoped<RectificationService>();
        services.AddScoped<RectificationQueries>();
        services.AddScoped<RectificationExcel>();
        services.AddPeriodicSweep<RectificationDeadlineSweep>();
        return services;
    }

    public static IEndpointRouteBuilder MapRectification(this IEndpointRouteBuilder app)
    {
        app.MapRectificationEndpoints();
        return app;
    }
}
