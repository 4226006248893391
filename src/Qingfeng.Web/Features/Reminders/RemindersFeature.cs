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
            "ListReminders", "Reminder letters and pre-holiday reminders sent to officials within jurisdiction.")
            .WithDescription("Reminders sent to officials within the caller's jurisdiction: reminder letters (提醒函) and pre-holiday integrity text messages (节前廉洁提醒); filters by kind, date, official, holiday and text; sorted and paged. Daily-supervision readers (SupervisionRead).");
        reminders.MapExcelExport("/export", (ReminderService service, ReminderQuery query, CancellationToken ct) => service.ExportAsync(query, ct), "reminders.xlsx",
            "ExportReminders", "Excel export of the filtered reminders.")
            .WithDescription("The filtered reminders as an .xlsx workbook (audited); same filters and jurisdiction as ListReminders.");
        reminders.MapGetById((ReminderService service, Guid id, CancellationToken ct) => service.GetAsync(id, ct),
            "GetReminder", "One reminder.")
            .WithDescription("One reminder (letter or holiday text) with its text, suggestions and document number; a reminder outside the caller's jurisdiction answers 404.");
        reminders.MapWordDocument("/{id:guid}/document", (ReminderService service, Guid id, CancellationToken ct) => service.LetterAsync(id, ct),
            "ReminderLetter", "The 提醒函 as .docx in 信函格式.")
            .WithDescription("The 提醒函 as .docx in 信函格式 (audited); a holiday text message is no letter (422), a reminder outside the caller's jurisdiction answers 404.");
        reminders.MapCreate((ReminderService service, IssueReminderLetterRequest request, CancellationToken ct) => service.IssueLetterAsync(request, ct),
                "IssueReminderLetter", "Issues a 提醒函 to an official with a problem notice and suggestions.")
            .RequirePermission(Permission.SupervisionManage)
            .WithDescription("Issues a 提醒函 to an official within the caller's jurisdiction, with the problems it points out (问题提示) and suggestions (工作建议); it belongs to the caller's organ. Supervision staff (SupervisionManage); an official outside the jurisdiction answers 404, an issue date in the future 422.");
        return app;
    }
}
