namespace Qingfeng.Platform.Calendar;

public static class CalendarFeature
{
    /// <summary>
    /// The holiday store (embedded years plus files in <c>Calendar:Directory</c>, default
    /// <c>{content root}/data/calendar</c>) and the <see cref="WorkingDayCalendar"/> over it.
    /// </summary>
    public static IServiceCollection AddWorkingDayCalendar(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var directory = configuration["Calendar:Directory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, contentRootPath)
            : Path.Combine(contentRootPath, "data", "calendar");
        services.AddSingleton(sp => new HolidayCalendarStore(directory, sp.GetRequiredService<ILogger<HolidayCalendarStore>>()));
        services.AddSingleton<WorkingDayCalendar>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        app.MapCalendarEndpoints();
        return app;
    }
}
