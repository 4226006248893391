using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Qingfeng.Features.Clues.Text;
using Qingfeng.Features.Notifications;
using Qingfeng.Platform.Files;

namespace Qingfeng.Features.Clues;

public static class CluesFeature
{
    public static IServiceCollection AddClues(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Clues").Get<ClueOptions>() ?? new ClueOptions());
        services.AddSingleton<ClueDeadlines>();
        services.AddSingleton<ViolationCatalog>();
        services.AddSingleton<CategorySuggester>();
        services.AddSingleton<DuplicateDetector>();
        services.AddSingleton<ClueTextGenerator>();
        services.AddSingleton<ClueProtection>();
        services.AddScoped<ClueAccess>();
        services.AddScoped<INotificationLinkFilter, ClueNotificationFilter>();
        services.AddScoped<ClueService>();
        services.AddScoped<ClueQueries>();
        services.AddScoped<ClueStatistics>();
        services.AddScoped<ClueExcel>();
        services.AddScoped<ClueLinking>();
        services.AddScoped<ClueDocuments>();
        services.AddScoped<Talks.IClueCircle, ClueLetterCircle>();
        services.AddPeriodicSweep<ClueDeadlineSweep>();
        services.AddSingleton<ClueSearchIndexUpgrade>();
        services.AddHostedService(provider => provider.GetRequiredService<ClueSearchIndexUpgrade>());
        return services;
    }

    public static IEndpointRouteBuilder MapClues(this IEndpointRouteBuilder app)
    {
        var clues = app.MapApiGroup("/clues", "Clues").RequirePermission(Permission.ClueRead);
        clues.MapQuery("/", (ClueQueries queries, ClueQuery query, CancellationToken ct) => queries.SearchAsync(query, ct),
            "ListClues", "The caller's clue queue: filters, full-text search, 一把手 first, paged.");
        clues.MapExcelExport("/export", (ClueExcel excel, ClueQuery query, CancellationToken ct) => excel.ExportAsync(query, ct), "clues.xlsx",
            "ExportClues", "Excel export of the filtered queue.");
        clues.MapGet("/workload", async (ClueQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.WorkloadAsync(ct)))
            .WithName("ClueWorkload").WithSummary("Counts of the caller's pending, overdue and due-soon clues.");
        clues.MapGetById((ClueQueries queries, Guid id, CancellationToken ct) => queries.GetAsync(id, ct),
            "GetClue", "A clue with its history and the actions open to the caller (the view is audited).");
        clues.MapPost("/", async Task<Created<RegisterClueResult>> (RegisterClueRequest request, ClueService service, CancellationToken ct) =>
            {
                var result = await service.RegisterAsync(request, ct);
                return TypedResults.Created($"/api/v1/clues/{result.Id}", result);
            })
            .RequirePermission(Permission.ClueRegister)
            .WithName("RegisterClue").WithSummary("Registers a clue (登记); returns its number and any likely repeats.");
        clues.MapPost("/{id:guid}/actions", async (Guid id, ClueActionRequest request, ClueService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ActAsync(id, request, ct)))
            .WithName("ActOnClue").WithSummary("Takes one workflow action (see ClueAction); illegal moves answer 409, missing inputs 422.");
        clues.MapAction("/{id:guid}/recusals", (ClueService service, Guid id, RecuseRequest request, CancellationToken ct) => service.RecuseAsync(id, request, ct),
            "RecuseFromClue", "回避: declare a conflict (or, as a leader, withdraw an officer); access ends at once.");
        clues.MapUpdate("/{id:guid}/outcome", (ClueService service, Guid id, RecordOutcomeRequest request, CancellationToken ct) => service.RecordOutcomeAsync(id, request, ct),
            "RecordClueOutcome", "Records problems and clues found, funds paid out and recovered.");
        clues.MapPost("/{id:guid}/attachments", async (Guid id, IFormFile file, ClueService service, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                return TypedResults.Ok(await service.AttachAsync(id, file.FileName, file.Length, stream, ct));
            })
            .DisableAntiforgery()
            .WithName("AttachToClue").WithSummary("Attaches a file (pdf, jpg, png, docx, xlsx, txt, mp3; at most 10 MB), stored encrypted.");
        clues.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ClueQueries queries, CancellationToken ct) =>
            {
                var (name, type, content) = await queries.AttachmentAsync(id, attachmentId, ct);
                return TypedResults.File(content, type, name);
            })
            .WithName("DownloadClueAttachment").WithSummary("Downloads an attachment (audited).").ProducesFile(AttachmentRules.ContentTypes);
        clues.MapWordDocument("/{id:guid}/documents/{kind}", (ClueDocuments documents, Guid id, ClueDocumentKind kind, CancellationToken ct) => documents.BuildAsync(id, kind, ct),
            "ClueDocument", "Generates a lifecycle document (.docx) for the clue.");
        clues.MapGet("/assignees", async ([FromQuery] ClueAction action, ClueService service, CancellationToken ct) =>
                TypedResults.Ok(await service.AssigneesAsync(action, ct)))
            .WithName("ClueAssignees").WithSummary("Officers of the caller's organ who can be given the step an action assigns.");
        clues.MapGet("/workflow", () => TypedResults.Ok(ClueWorkflow.Transitions))
            .WithName("ClueWorkflow").WithSummary("The lifecycle as data: every action, its states, roles and required inputs.");
        clues.MapGet("/categories", (ClueProtection protection) => TypedResults.Ok(protection.Categories.All))
            .WithName("ClueCategories").WithSummary("Violation categories (versioned reference data).");
        clues.MapPost("/category-suggestions", (SuggestCategoriesRequest request, ClueProtection protection) =>
                TypedResults.Ok(protection.SuggestCategories(request.Text)))
            .WithName("SuggestClueCategories").WithSummary("Suggests violation categories from a text, with the words that triggered each.");
        clues.MapGet("/person-suggestions", async ([AsParameters] PersonSuggestionQuery query, ClueLinking linking, CancellationToken ct) =>
                TypedResults.Ok(await linking.SuggestAsync(query.Text, ct)))
            .WithName("SuggestReportedPersons").WithSummary("Roster officials matching a reported person typed as free text (name and unit).");

        var statistics = app.MapApiGroup("/clue-statistics", "Clues").RequirePermission(Permission.ClueStatistics);
        statistics.MapQuery("/funnel", (ClueStatistics stats, FunnelQuery query, CancellationToken ct) => stats.FunnelAsync(query, ct),
            "ClueFunnel", "Clues → disposed by method → filed → sanctioned → transferred, with outcomes, by a dimension.");
        statistics.MapExcelExport("/funnel/export", (ClueExcel excel, FunnelQuery query, CancellationToken ct) => excel.ExportFunnelAsync(query, ct), "clue-funnel.xlsx",
            "ExportClueFunnel", "Excel export of the funnel table.");
        return app;
    }
}
