using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Audit;

public static class AuditFeature
{
    /// <summary>
    /// The audit log, its key (<c>Audit:Key</c>; on SQLite without one, a demo key file beside the database; on
    /// PostgreSQL without one the app refuses to start) and the periodic checkpoint, written every half interval.
    /// </summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration, string contentRootPath)
    {
        var (key, demoFile, created) = AuditKey.Resolve(configuration, contentRootPath);
        var options = AuditOptions.Resolve(configuration, contentRootPath);
        services.AddSingleton(key);
        services.AddSingleton(options);
        services.AddSingleton<AuditCheckpointWriter>();
        services.AddPeriodicSweep<AuditCheckpointSweep>(options.CheckpointInterval / 2);
        services.AddHostedService(sp => new AuditStartNotice(sp.GetRequiredService<ILogger<AuditLog>>(), options, demoFile, created));
        return services.AddScoped<AuditLog>();
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var audit = app.MapApiGroup("/audit", "Audit").RequirePermission(Permission.AuditRead);
        audit.MapQuery("/", (AuditLog log, AuditQuery query, CancellationToken ct) => log.SearchAsync(query, ct),
            "SearchAudit", "Search the audit trail (audit administrators only).")
            .WithDescription("Searches the keyed, hash-chained audit trail (审计日志): who did what to which record, when, with what outcome; filtered and paged. Audit administrator only (AuditRead): the other administrators and the business roles get 403.");
        audit.MapGet("/verify", async (AuditLog log, CancellationToken ct) =>
                TypedResults.Ok(await log.VerifyAsync(ct)))
            .WithName("VerifyAudit").WithSummary("Verify the keyed hash chain against its checkpoints: the first bad entry, truncation, a rebuilt chain, deleted or forged checkpoints, a stale checkpoint.")
            .WithDescription("Recomputes the keyed hash chain of the audit trail and compares it with the checkpoints kept in the database and the checkpoint file; reports the first bad entry, truncation, a rebuilt chain, deleted or forged checkpoints and a stale checkpoint. Audit administrator only (AuditRead).");
        audit.MapGet("/export", async ([AsParameters] AuditQuery query, AuditLog log, ExportHeadings headings, CancellationToken ct) =>
            {
                var rows = await log.ExportAsync(query, ct);
                return TypedResults.File(Spreadsheet.Write(headings.For(AuditExcel.Title, query), AuditExcel.Rows(rows), AuditExcel.Title), ApiConventions.ExcelContentType, "audit.xlsx");
            })
            .WithName("ExportAudit").WithSummary("Excel export of the filtered audit trail.")
            .ProducesFile(ApiConventions.ExcelContentType)
            .WithDescription("The audit trail under the same filters as SearchAudit, as an .xlsx workbook. Audit administrator only (AuditRead).");
        return app;
    }
}

/// <summary>Says at start where the checkpoints go, and warns when the audit key is the demo key file.</summary>
internal sealed partial class AuditStartNotice(ILogger logger, AuditOptions options, string? demoKeyFile, bool created) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogCheckpoints(logger, options.CheckpointFile!, options.CheckpointInterval);
        if (demoKeyFile is not null)
        {
            LogDemoKey(logger, created ? "newly created" : "generated", demoKeyFile);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoints go to the database and to {File}, at least every {Interval}; ship that file elsewhere.")]
    private static partial void LogCheckpoints(ILogger logger, string file, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit chain is keyed with the {State} demo key file {Path}. This is for demo use only: configure Audit:Key from a secret store for production, and back the key up apart from the database.")]
    private static partial void LogDemoKey(ILogger logger, string state, string path);
}

internal static class AuditExcel
{
    /// <summary>The export's title in the reader's language.</summary>
    public static string Title => TextCatalog.Instance.Get("Nav.Audit", System.Globalization.CultureInfo.CurrentUICulture);

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
