namespace Qingfeng.Features.Roster;

public static class RosterFeature
{
    public static IServiceCollection AddRoster(this IServiceCollection services) =>
        services
            .AddScoped<RosterQueries>()
            .AddScoped<RosterExcel>()
            .AddScoped<RosterImporter>();

    public static IEndpointRouteBuilder MapRoster(this IEndpointRouteBuilder app)
    {
        app.MapRosterEndpoints();
        return app;
    }
}
