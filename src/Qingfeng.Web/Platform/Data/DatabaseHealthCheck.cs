using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Qingfeng.Platform.Data;

/// <summary><c>/health</c>: 200 "Healthy" when the database answers, 503 "Unhealthy" when it does not (for operators and load balancers).</summary>
internal sealed class DatabaseHealthCheck(QingfengDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await using var db = database.Create(DbActor.System);
            return await db.Database.CanConnectAsync(timeout.Token)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database does not answer.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The database did not answer within 5 s.");
        }
    }
}
