namespace Qingfeng.Platform.Data;

public static class DataFeature
{
    public static IServiceCollection AddQingfengData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        // The audit key comes from AddAudit: every context chains the audit trail with it.
        services.AddSingleton(sp => new QingfengDatabase(options, contentRoot, sp.GetRequiredService<Features.Audit.AuditKey>()));
        services.AddScoped<IDbContextFactory<QingfengDb>, QingfengDbFactory>();
        services.AddSingleton<RoundTrips>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>Anonymous <c>/health</c>: "Healthy" or "Unhealthy" (503) and nothing else.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health").AllowAnonymous().DisableHttpMetrics();
        return app;
    }
}
