namespace Qingfeng.Features.Reminders;

/// <summary>Reminder letters (提醒函) and pre-holiday integrity reminders.</summary>
public static class RemindersFeature
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddScoped<ReminderService>();
        services.AddPeriodicSweep<HolidayReminderSweep>();
        return services;
    }

    public static IEndpointRouteBuilder MapReminders(this IEndpointRouteBuilder app)
    {
        var reminders = app.MapApiGroup("/reminders", "Reminders").RequirePermission(Permission.SupervisionRead);
        reminders.MapQuery("/", (ReminderService service, ReminderQuery query, CancellationToken ct) => service.SearchAsync(query, ct),
            "ListReminders", "Reminder letters and pre-holiday reminders sent to officials within jurisdiction.");
        reminders.MapExcelExport("/export", (ReminderService service, ReminderQuery query, CancellationToken ct) => service.ExportAsync(query, ct), "reminders.xlsx",
            "ExportReminders", "Excel export of the filtered reminders.");
        reminders.MapGetById((ReminderService service, Guid id, CancellationToken ct) => service.GetAsync(id, ct),
            "GetReminder", "One reminder.");
        reminders.MapWordDocument("/{id:guid}/document", (ReminderService service, Guid id, CancellationToken ct) => service.LetterAsync(id, ct),
            "ReminderLetter", "The 提醒函 as .docx in 信函格式.");
        reminders.MapCreate((ReminderService service, IssueReminderLetterRequest request, CancellationToken ct) => service.IssueLetterAsync(request, ct),
                "IssueReminderLetter", "Issues a 提醒函 to an official with a problem notice and suggestions.")
            .RequirePermission(Permission.SupervisionManage);
        return app;
    }
}
