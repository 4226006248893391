namespace Qingfeng.Features.DutyReports;

public static class DutyReportsFeature
{
    public static IServiceCollection AddDutyReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Supervision:DutyReports").Get<DutyReportOptions>() ?? new DutyReportOptions());
        services.AddScoped<DutyReportService>();
        services.AddScoped<DutyReportQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapDutyReports(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapApiGroup("/duty-report-campaigns", "DutyReports").RequirePermission(Permission.SupervisionRead);
        campaigns.MapQuery("/", (DutyReportQueries queries, CampaignQuery query, CancellationToken ct) => queries.CampaignsAsync(query, ct),
            "ListDutyReportCampaigns", "述责述廉 campaigns of the caller's organ, or with reports in its jurisdiction.");
        campaigns.MapPost("/", async (CreateCampaignRequest request, DutyReportService service, CancellationToken ct) =>
            {
                var id = await service.CreateCampaignAsync(request, ct);
                return TypedResults.Created($"/api/v1/duty-report-campaigns/{id}", new { id });
            })
            .RequirePermission(Permission.DutyReportReview)
            .WithName("CreateDutyReportCampaign").WithSummary("A campaign with the configured template, review chain and score scale.");
        campaigns.MapGetById((DutyReportQueries queries, Guid id, CancellationToken ct) => queries.CampaignAsync(id, ct),
            "GetDutyReportCampaign", "The campaign with its reports (aggregate scores only) and scorers.");
        campaigns.MapPost("/{id:guid}/reporters", async (Guid id, AddReporterRequest request, DutyReportService service, CancellationToken ct) =>
            {
                var reportId = await service.AddReporterAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/duty-reports/{reportId}", new { id = reportId });
            })
            .WithName("AddDutyReporter").WithSummary("Adds a reporting 一把手 (on site or in writing).");
        campaigns.MapUpdate("/{id:guid}/scorers", (DutyReportService service, Guid id, SetScorersRequest request, CancellationToken ct) => service.SetScorersAsync(id, request, ct),
            "SetDutyReportScorers", "Designates the attending leaders who score (users of the organ).");
        campaigns.MapAction("/{id:guid}/close-scoring", (DutyReportService service, Guid id, CancellationToken ct) => service.CloseScoringAsync(id, ct),
            "CloseDutyReportScoring", "Closes scoring: the aggregates become visible.");
        campaigns.MapGet("/{id:guid}/export", async (Guid id, DutyReportQueries queries, CancellationToken ct) =>
                TypedResults.File(await queries.ExportAsync(id, ct), ApiConventions.ExcelContentType, "duty-reports.xlsx"))
            .WithName("ExportDutyReportCampaign").WithSummary("The campaign's results as Excel.").ProducesFile(ApiConventions.ExcelContentType);
        campaigns.MapWordDocument("/{id:guid}/document", (DutyReportQueries queries, Guid id, CancellationToken ct) => queries.DocumentAsync(id, ct),
            "DutyReportCampaignDocument", "The results summary (测评结果) as .docx.");
        campaigns.MapGet("/scorer-candidates", async (DutyReportQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ScorerCandidatesAsync(ct)))
            .WithName("DutyReportScorerCandidates").WithSummary("Users of the caller's organ who may score.");

        var reports = app.MapApiGroup("/duty-reports", "DutyReports").RequirePermission(Permission.SupervisionRead);
        reports.MapWorkflow(DutyReportWorkflow.Table, "DutyReportWorkflow");
        reports.MapGetById((DutyReportQueries queries, Guid id, CancellationToken ct) => queries.ReportAsync(id, ct),
            "GetDutyReport", "A report with its answers, reviews and comments (the view is audited); scores only as the aggregate.");
        reports.MapUpdate("/{id:guid}", (DutyReportService service, Guid id, WriteReportRequest request, CancellationToken ct) => service.WriteAsync(id, request, ct),
            "WriteDutyReport", "Saves the answers per template item; with submit, submits or resubmits.");
        reports.MapAction("/{id:guid}/review", (DutyReportService service, Guid id, ReviewReportRequest request, CancellationToken ct) => service.ReviewAsync(id, request, ct),
            "ReviewDutyReport", "Approves at the current level or returns for revision with reasons and a deadline.");
        reports.MapPost("/{id:guid}/comments", async (Guid id, CommentReportRequest request, DutyReportService service, CancellationToken ct) =>
                TypedResults.Ok(await service.CommentAsync(id, request, ct)))
            .WithName("CommentOnDutyReport").WithSummary("点评; the problems named become rectification items (their ids are returned).");
        reports.MapAction("/{id:guid}/votes", (DutyReportService service, Guid id, VoteRequest request, CancellationToken ct) => service.VoteAsync(id, request, ct),
            "VoteOnDutyReport", "One secret vote by a designated scorer; individual scores are never stored or shown.");
        return app;
    }
}
