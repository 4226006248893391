namespace Qingfeng.Features.PersonResolution;

public static class PersonResolutionFeature
{
    public static IServiceCollection AddPersonResolution(this IServiceCollection services)
    {
        services.AddSingleton<RosterNameIndex>();
        services.AddScoped<PersonResolver>();
        return services;
    }
}
