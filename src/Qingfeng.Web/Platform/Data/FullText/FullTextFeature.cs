namespace Qingfeng.Platform.Data.FullText;

public static class FullTextFeature
{
    /// <summary>
    /// Registers the <see cref="IFullTextIndex"/> for the configured database provider.
    /// Call after <c>AddQingfengData</c>, which registers <see cref="QingfengDatabase"/>.
    /// </summary>
    public static IServiceCollection AddFullTextIndex(this IServiceCollection services)
    {
        services.AddSingleton<IFullTextIndex>(provider => For(provider.GetRequiredService<QingfengDatabase>().Provider));
        return services;
    }

    /// <summary>The index implementation for a provider.</summary>
    public static IFullTextIndex For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteFullTextIndex(),
        DatabaseProvider.Postgres => new PostgresFullTextIndex(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };
}
