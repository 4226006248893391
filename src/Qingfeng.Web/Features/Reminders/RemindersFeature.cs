using Microsoft.AspNetCore.Http.HttpResults;
using Qingfeng.Platform.Api;
using Qingfeng.Platform.Jobs;
using Qingfeng.Platform.Security;

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
        reminders.MapGet("/", async ([AsParameters] ReminderQuery query, ReminderService service, CancellationToken ct) => TypedResults.Ok(await service.SearchAsync(query, ct)))
            .WithName("ListReminders").WithSummary("Reminder letters and pre-holiday reminders sent to officials within jurisdiction.");
        reminders.MapGet("/export", async ([AsParameters] ReminderQuery query, ReminderService service, CancellationToken ct) =>
                TypedResults.File(await service.ExportAsync(query, ct), ApiConventions.ExcelContentType, "reminders.xlsx"))
            .WithName("ExportReminders").WithSummary("Excel export of the filtered reminders.");
        reminders.MapGet("/{id:guid}", async (Guid id, ReminderService service, CancellationToken ct) => TypedResults.Ok(await service.GetAsync(id, ct)))
            .WithName("GetReminder").WithSummary("One reminder.").ProducesProblem(StatusCodes.Status404NotFound);
        reminders.MapGet("/{id:guid}/document", async (Guid id, ReminderService service, CancellationToken ct) =>
            {
                var (name, content) = await service.LetterAsync(id, ct);
                return TypedResults.File(content, ReminderService.DocxContentType, name);
            })
            .WithName("ReminderLetter").WithSummary("The 提醒函 as .docx in 信函格式.");
        reminders.MapPost("/", async Task<Created<IdResult>> (IssueReminderLetterRequest request, ReminderService service, CancellationToken ct) =>
            {
                var id = await service.IssueLetterAsync(request, ct);
                return TypedResults.Created($"/api/v1/reminders/{id}", new IdResult(id));
            })
            .RequirePermission(Permission.SupervisionManage)
            .WithName("IssueReminderLetter").WithSummary("Issues a 提醒函 to an official with a problem notice and suggestions.");
        return app;
    }
}
