using Qingfeng.Platform.Api;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Workflow;

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
        campaigns.MapGet("/", async ([AsParameters] CampaignQuery query, DutyReportQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.CampaignsAsync(query, ct)))
            .WithName("ListDutyReportCampaigns").WithSummary("述责述廉 campaigns of the caller's organ, or with reports in its jurisdiction.");
        campaigns.MapPost("/", async (CreateCampaignRequest request, DutyReportService service, CancellationToken ct) =>
            {
                var id = await service.CreateCampaignAsync(request, ct);
                return TypedResults.Created($"/api/v1/duty-report-campaigns/{id}", new { id });
            })
            .RequirePermission(Permission.DutyReportReview)
            .WithName("CreateDutyReportCampaign").WithSummary("A campaign with the configured template, review chain and score scale.");
        campaigns.MapGet("/{id:guid}", async (Guid id, DutyReportQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.CampaignAsync(id, ct)))
            .WithName("GetDutyReportCampaign").WithSummary("The campaign with its reports (aggregate scores only) and scorers.");
        campaigns.MapPost("/{id:guid}/reporters", async (Guid id, AddReporterRequest request, DutyReportService service, CancellationToken ct) =>
            {
                var reportId = await service.AddReporterAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/duty-reports/{reportId}", new { id = reportId });
            })
            .WithName("AddDutyReporter").WithSummary("Adds a reporting 一把手 (on site or in writing).");
        campaigns.MapPut("/{id:guid}/scorers", async (Guid id, SetScorersRequest request, DutyReportService service, CancellationToken ct) =>
            {
                await service.SetScorersAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("SetDutyReportScorers").WithSummary("Designates the attending leaders who score (users of the organ).");
        campaigns.MapPost("/{id:guid}/close-scoring", async (Guid id, DutyReportService service, CancellationToken ct) =>
            {
                await service.CloseScoringAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("CloseDutyReportScoring").WithSummary("Closes scoring: the aggregates become visible.");
        campaigns.MapGet("/{id:guid}/export", async (Guid id, DutyReportQueries queries, CancellationToken ct) =>
                TypedResults.File(await queries.ExportAsync(id, ct), ApiConventions.ExcelContentType, "duty-reports.xlsx"))
            .WithName("ExportDutyReportCampaign").WithSummary("The campaign's results as Excel.");
        campaigns.MapGet("/{id:guid}/document", async (Guid id, DutyReportQueries queries, CancellationToken ct) =>
            {
                var (name, content) = await queries.DocumentAsync(id, ct);
                return TypedResults.File(content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
            })
            .WithName("DutyReportCampaignDocument").WithSummary("The results summary (测评结果) as .docx.");
        campaigns.MapGet("/scorer-candidates", async (DutyReportQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ScorerCandidatesAsync(ct)))
            .WithName("DutyReportScorerCandidates").WithSummary("Users of the caller's organ who may score.");

        var reports = app.MapApiGroup("/duty-reports", "DutyReports").RequirePermission(Permission.SupervisionRead);
        reports.MapWorkflow(DutyReportWorkflow.Table, "DutyReportWorkflow");
        reports.MapGet("/{id:guid}", async (Guid id, DutyReportQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ReportAsync(id, ct)))
            .WithName("GetDutyReport").WithSummary("A report with its answers, reviews and comments (the view is audited); scores only as the aggregate.");
        reports.MapPut("/{id:guid}", async (Guid id, WriteReportRequest request, DutyReportService service, CancellationToken ct) =>
            {
                await service.WriteAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("WriteDutyReport").WithSummary("Saves the answers per template item; with submit, submits or resubmits.");
        reports.MapPost("/{id:guid}/review", async (Guid id, ReviewReportRequest request, DutyReportService service, CancellationToken ct) =>
            {
                await service.ReviewAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("ReviewDutyReport").WithSummary("Approves at the current level or returns for revision with reasons and a deadline.");
        reports.MapPost("/{id:guid}/comments", async (Guid id, CommentReportRequest request, DutyReportService service, CancellationToken ct) =>
                TypedResults.Ok(await service.CommentAsync(id, request, ct)))
            .WithName("CommentOnDutyReport").WithSummary("点评; the problems named become rectification items (their ids are returned).");
        reports.MapPost("/{id:guid}/votes", async (Guid id, VoteRequest request, DutyReportService service, CancellationToken ct) =>
            {
                await service.VoteAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("VoteOnDutyReport").WithSummary("One secret vote by a designated scorer; individual scores are never stored or shown.");
        return app;
    }
}
