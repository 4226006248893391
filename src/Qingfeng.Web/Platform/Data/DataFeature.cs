using Microsoft.EntityFrameworkCore;

namespace Qingfeng.Platform.Data;

public static class DataFeature
{
    public static IServiceCollection AddQingfengData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton(new QingfengDatabase(options, contentRoot));
        services.AddScoped<IDbContextFactory<QingfengDb>, QingfengDbFactory>();
        return services;
    }
}
