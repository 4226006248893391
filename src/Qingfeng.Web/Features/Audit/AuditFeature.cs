using Qingfeng.Platform.Api;
using Qingfeng.Platform.Documents;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Audit;

public static class AuditFeature
{
    public static IServiceCollection AddAudit(this IServiceCollection services) =>
        services.AddScoped<AuditLog>();

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var audit = app.MapApiGroup("/audit", "Audit").RequirePermission(Permission.AuditRead);
        audit.MapGet("/", async ([AsParameters] AuditQuery query, AuditLog log, CancellationToken ct) =>
                TypedResults.Ok(await log.SearchAsync(query, ct)))
            .WithName("SearchAudit").WithSummary("Search the audit trail (audit administrators only).");
        audit.MapGet("/verify", async (AuditLog log, CancellationToken ct) =>
                TypedResults.Ok(await log.VerifyAsync(ct)))
            .WithName("VerifyAudit").WithSummary("Verify the SM3 hash chain; names the first bad entry.");
        audit.MapGet("/export", async ([AsParameters] AuditQuery query, AuditLog log, CancellationToken ct) =>
            {
                var rows = await log.ExportAsync(query, ct);
                return TypedResults.File(await Spreadsheet.WriteAsync(AuditExcel.Rows(rows), cancellationToken: ct), ApiConventions.ExcelContentType, "audit.xlsx");
            })
            .WithName("ExportAudit").WithSummary("Excel export of the filtered audit trail.");
        return app;
    }
}

internal static class AuditExcel
{
    public static IEnumerable<Dictionary<string, object?>> Rows(IEnumerable<AuditItem> items) =>
        items.Select(e => new Dictionary<string, object?>
        {
            ["序号"] = e.Sequence,
            ["时间"] = ChinaTime.Format(e.Timestamp),
            ["用户"] = e.UserName,
            ["机关"] = e.OrganName,
            ["操作"] = e.Action,
            ["对象类型"] = e.EntityType,
            ["对象标识"] = e.EntityId,
            ["详情"] = e.Details,
            ["来源地址"] = e.IpAddress,
            ["结果"] = e.Outcome.ToString(),
            ["算法"] = e.Algorithm,
            ["哈希"] = e.Hash,
        });
}
