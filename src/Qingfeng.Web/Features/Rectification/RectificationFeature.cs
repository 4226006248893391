namespace Qingfeng.Features.Rectification;

public static class RectificationFeature
{
    public static IServiceCollection AddRectification(this IServiceCollection services)
    {
        services.AddScoped<RectificationService>();
        return services;
    }

    public static IEndpointRouteBuilder MapRectification(this IEndpointRouteBuilder app) => app;
}
