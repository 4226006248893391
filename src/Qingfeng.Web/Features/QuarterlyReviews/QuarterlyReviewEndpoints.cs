using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.QuarterlyReviews;

public static class QuarterlyReviewsFeature
{
    public static IServiceCollection AddQuarterlyReviews(this IServiceCollection services) =>
        services.AddScoped<QuarterlyReviewService>().AddScoped<QuarterlyReviewFiles>();

    public static IEndpointRouteBuilder MapQuarterlyReviews(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/quarterly-reviews", "QuarterlyReviews").RequirePermission(Permission.SupervisionRead);
        group.MapQuery("/", (QuarterlyReviewService service, QuarterlyDossierQuery query, CancellationToken ct) => service.DossierAsync(query, ct),
            "QuarterlyDossier", "按季度梳理分析: the quarter's figures per 一把手 in the caller's jurisdiction, with the office's notes and conclusion.")
            .WithDescription("按季度梳理分析: for the given `year` and `quarter`, the figures of each 一把手 within the caller's jurisdiction — clues received, disposed of, filed, sanctioned and Eight-point Rules clues (only for readers of clues, absent otherwise), rectification items open, overdue and closed, talks, 函询, accountability and the 述责述廉 result — with the caller's organ's notes and conclusion; paged. Daily-supervision readers (SupervisionRead); without a year and quarter it answers 422.");
        group.MapPut("/{year:int}/{quarter:int}", async ([Range(2000, 2100)] int year, [Range(1, 4)] int quarter, SaveQuarterlyReviewRequest request, QuarterlyReviewService service, CancellationToken ct) =>
                TypedResults.Ok(await service.SaveAsync(year, quarter, request, ct)))
            .RequirePermission(Permission.SupervisionManage)
            .WithName("SaveQuarterlyReview").WithSummary("Records the conclusion and notes per official; returns the new version.")
            .WithDescription("Records the conclusion of the caller's organ's review of the quarter and notes (assessment and text) per 一把手; officials not listed keep their notes. Answers the new `version`; send the one you read (a stale one answers 409). Supervision staff (SupervisionManage); an official who is not a 一把手 within the jurisdiction answers 404, a finalised review 409.");
        group.MapPost("/{year:int}/{quarter:int}/finalise", async ([Range(2000, 2100)] int year, [Range(1, 4)] int quarter, QuarterlyReviewService service, CancellationToken ct) =>
            {
                await service.FinaliseAsync(year, quarter, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.SupervisionManage)
            .WithName("FinaliseQuarterlyReview").WithSummary("Closes the review (a conclusion is required); later edits are refused.")
            .WithDescription("Closes the caller's organ's review of the quarter; later edits answer 409. A review without a saved conclusion answers 422. Supervision staff (SupervisionManage).");
        group.MapGet("/document", async ([AsParameters] QuarterlyDossierQuery query, QuarterlyReviewFiles files, CancellationToken ct) =>
            {
                var (name, content) = await files.DocumentAsync(query, ct);
                return TypedResults.File(content, QuarterlyReviewDocument.ContentType, name);
            })
            .WithName("QuarterlyReviewDocument").WithSummary("The dossier as a .docx report in official layout.")
            .ProducesFile(QuarterlyReviewDocument.ContentType)
            .WithDescription("The quarter's dossier as a .docx report in official layout; same figures, filters and jurisdiction as QuarterlyDossier (year and quarter required).");
        group.MapExcelExport("/export", (QuarterlyReviewFiles files, QuarterlyDossierQuery query, CancellationToken ct) => files.ExcelAsync(query, ct), "quarterly-review.xlsx",
            "ExportQuarterlyReview", "The dossier table as Excel.")
            .WithDescription("The quarter's dossier table as an .xlsx workbook (the clue columns only for readers of clues); same filters as QuarterlyDossier.");
        return app;
    }
}

/// <summary>The dossier as files: the Word report and the Excel table.</summary>
public sealed class QuarterlyReviewFiles(QuarterlyReviewService service, TimeProvider time, ExportHeadings headings)
{
    public async Task<(string Name, byte[] Content)> DocumentAsync(QuarterlyDossierQuery query, CancellationToken cancellationToken)
    {
        var dossier = await service.FullDossierAsync(query, cancellationToken);
        return (QuarterlyReviewDocument.Title(dossier) + ".docx", QuarterlyReviewDocument.ToDocx(dossier, ChinaTime.DateOf(time.GetUtcNow())));
    }

    public async Task<byte[]> ExcelAsync(QuarterlyDossierQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        string H(string key) => TextCatalog.Instance.Get(key, culture);
        var dossier = await service.FullDossierAsync(query, cancellationToken);
        // The clue columns only for a reader who may see clues (the figures are absent, not zero, for anyone else).
        var withClues = dossier.Totals.CluesReceived is not null;
        var rows = dossier.Rows.Items.Select(r => new Dictionary<string, object?>
        {
            [H("Quarterly.Official")] = r.Name,
            [H("Field.Unit")] = r.UnitName,
            [H("Quarterly.Position")] = r.Position,
        }
        .Concat(withClues
            ? new Dictionary<string, object?>
            {
                [H("Quarterly.CluesReceived")] = r.CluesReceived,
                [H("Quarterly.CluesDisposed")] = r.CluesDisposed,
                [H("Quarterly.CasesFiled")] = r.CasesFiled,
                [H("Quarterly.Sanctioned")] = r.Sanctioned,
                [H("Quarterly.EightPoint")] = r.EightPointClues,
            }
            : [])
        .Concat(new Dictionary<string, object?>
        {
            [H("Quarterly.RectificationOpen")] = r.RectificationOpen,
            [H("Quarterly.RectificationOverdue")] = r.RectificationOverdue,
            [H("Quarterly.RectificationClosed")] = r.RectificationClosed,
            [H("Nav.Talks")] = r.Talks,
            [H("Nav.Inquiries")] = r.Inquiries,
            [H("Nav.Accountability")] = r.Accountability,
            [H("Nav.DutyReports")] = r.DutyReportGrade ?? (r.DutyReportState is { } state ? EnumText.Label(state, culture) : null),
            [H("Quarterly.Assessment")] = r.Assessment is { } a ? EnumText.Label(a, culture) : null,
            [H("Quarterly.Note")] = r.Note,
        })
        .ToDictionary()).ToList();
        return Spreadsheet.Write(headings.For(QuarterlyReviewDocument.Title(dossier), query), rows, H("Nav.QuarterlyReviews"));
    }
}
