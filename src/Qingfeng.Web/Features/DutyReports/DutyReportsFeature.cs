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
            "ListDutyReportCampaigns", "述责述廉 campaigns of the caller's organ, or with reports in its jurisdiction.")
            .WithDescription("述责述廉 campaigns run by the caller's organ or with reports of officials within its jurisdiction, with their numbers of reports, approved and returned; by year and title. Daily-supervision readers (SupervisionRead).");
        campaigns.MapPost("/", async (CreateCampaignRequest request, DutyReportService service, CancellationToken ct) =>
            {
                var id = await service.CreateCampaignAsync(request, ct);
                return TypedResults.Created($"/api/v1/duty-report-campaigns/{id}", new { id });
            })
            .RequirePermission(Permission.DutyReportReview)
            .WithName("CreateDutyReportCampaign").WithSummary("A campaign with the configured template, review chain and score scale.")
            .WithDescription("Creates a 述责述廉 campaign of the caller's organ. It copies the configured content template (the items every report answers), the joint review chain (多级联审: 派驻纪检监察组 → 监督检查室 → 党风政风监督室 by default) and the score scale, so that later configuration changes do not alter it; answers 201 with `{ id }`. Needs DutyReportReview (leadership, supervision and party-conduct offices, stationed teams).");
        campaigns.MapGetById((DutyReportQueries queries, Guid id, CancellationToken ct) => queries.CampaignAsync(id, ct),
            "GetDutyReportCampaign", "The campaign with its reports (aggregate scores only) and scorers.")
            .WithDescription("The campaign with its template, review levels, score scale, scorers and reports (state, review level, revision deadline; the mean score and grade only once scoring is closed and enough votes were cast). A campaign the caller's organ neither runs nor has reports of in its jurisdiction answers 404.");
        campaigns.MapPost("/{id:guid}/reporters", async (Guid id, AddReporterRequest request, DutyReportService service, CancellationToken ct) =>
            {
                var reportId = await service.AddReporterAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/duty-reports/{reportId}", new { id = reportId });
            })
            .WithName("AddDutyReporter").WithSummary("Adds a reporting 一把手 (on site or in writing).")
            .WithDescription("Adds a 一把手 within the caller's jurisdiction who reports on site (OnSite) or in writing (Written); answers 201 with the new report's `{ id }`. Needs DutyReportReview and a campaign of the caller's organ: a campaign only seen through its reports answers 403, any other 404; an official already reporting in it answers 409.");
        campaigns.MapUpdate("/{id:guid}/scorers", (DutyReportService service, Guid id, SetScorersRequest request, CancellationToken ct) => service.SetScorersAsync(id, request, ct),
            "SetDutyReportScorers", "Designates the attending leaders who score (users of the organ).")
            .WithDescription("Designates the attending leaders who score (测评), replacing the list; scorers are users of the campaign's organ. Needs DutyReportReview and a campaign of the caller's organ (403 or 404 otherwise); a user of another organ answers 422.");
        campaigns.MapAction("/{id:guid}/close-scoring", (DutyReportService service, Guid id, CancellationToken ct) => service.CloseScoringAsync(id, ct),
            "CloseDutyReportScoring", "Closes scoring: the aggregates become visible.")
            .WithDescription("Closes scoring: no more votes, and each report's mean score and grade become visible (given the minimum number of votes). Needs DutyReportReview and a campaign of the caller's organ; closing twice answers 409.");
        campaigns.MapGet("/{id:guid}/export", async (Guid id, DutyReportQueries queries, CancellationToken ct) =>
                TypedResults.File(await queries.ExportAsync(id, ct), ApiConventions.ExcelContentType, "duty-reports.xlsx"))
            .WithName("ExportDutyReportCampaign").WithSummary("The campaign's results as Excel.")
            .ProducesFile(ApiConventions.ExcelContentType)
            .WithDescription("The campaign's results (reports, states, aggregate scores and grades) as an .xlsx workbook (audited).");
        campaigns.MapWordDocument("/{id:guid}/document", (DutyReportQueries queries, Guid id, CancellationToken ct) => queries.DocumentAsync(id, ct),
            "DutyReportCampaignDocument", "The results summary (测评结果) as .docx.")
            .WithDescription("The campaign's results summary (测评结果) as .docx.");
        campaigns.MapGet("/scorer-candidates", async (DutyReportQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ScorerCandidatesAsync(ct)))
            .WithName("DutyReportScorerCandidates").WithSummary("Users of the caller's organ who may score.")
            .WithDescription("Users of the caller's organ who may be designated scorers. Needs DutyReportReview.");

        var reports = app.MapApiGroup("/duty-reports", "DutyReports").RequirePermission(Permission.SupervisionRead);
        reports.MapWorkflow(DutyReportWorkflow.Table, "DutyReportWorkflow");
        reports.MapGetById((DutyReportQueries queries, Guid id, CancellationToken ct) => queries.ReportAsync(id, ct),
            "GetDutyReport", "A report with its answers, reviews and comments (the view is audited); scores only as the aggregate.")
            .WithDescription("One 述责述廉 report with its answers per template item, the reviews per level, the comments (点评) and their rectification items, `version` and the actions open to the caller; scores only as the aggregate. The view is audited; a report outside the caller's jurisdiction answers 404.");
        reports.MapUpdate("/{id:guid}", (DutyReportService service, Guid id, WriteReportRequest request, CancellationToken ct) => service.WriteAsync(id, request, ct),
            "WriteDutyReport", "Saves the answers per template item; with submit, submits or resubmits.")
            .WithDescription("Saves the answers, one per template item in order (another count answers 422); with `submit` it submits, or resubmits after a return, and review starts at the first level — every item must then be answered (422). SupervisionManage and the campaign's organ (others 403); send the `version` you read: a stale one, or a report under review or approved, answers 409.");
        reports.MapAction("/{id:guid}/review", (DutyReportService service, Guid id, ReviewReportRequest request, CancellationToken ct) => service.ReviewAsync(id, request, ct),
            "ReviewDutyReport", "Approves at the current level or returns for revision with reasons and a deadline.")
            .WithDescription("多级联审: approves the report at its current review level (after the last level it is Approved) or returns it (`Returned`, reasons required) with a revision deadline, by default the configured working days. The caller needs DutyReportReview and the role of the current level, in the campaign's organ — or, at the stationed-team level, a 派驻纪检监察组 of that organ; the wrong level answers 403. A report not under review, a stale `version`, or a second level in the same round by the same person answers 409.");
        reports.MapPost("/{id:guid}/comments", async (Guid id, CommentReportRequest request, DutyReportService service, CancellationToken ct) =>
                TypedResults.Ok(await service.CommentAsync(id, request, ct)))
            .WithName("CommentOnDutyReport").WithSummary("点评; the problems named become rectification items (their ids are returned).")
            .WithDescription("点评: a comment on a report; each problem it names opens a rectification item (整改台账) of the reporting 一把手 in the same save, due on `rectifyBy` or by default; answers their ids. Needs DutyReportReview and the campaign's organ (others 403).");
        reports.MapAction("/{id:guid}/votes", (DutyReportService service, Guid id, VoteRequest request, CancellationToken ct) => service.VoteAsync(id, request, ct),
            "VoteOnDutyReport", "One secret vote by a designated scorer; individual scores are never stored or shown.")
            .WithDescription("One secret score (测评) of an approved report by a designated scorer of the campaign's organ, within the campaign's scale (0–100 by default); individual scores are never stored or shown, only the aggregate. A caller who is not a scorer answers 403; a report not approved, scoring closed or a second vote 409; a score outside the scale 422.");
        return app;
    }
}
