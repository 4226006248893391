namespace Qingfeng.Platform.Jobs;

/// <summary>A job that looks at deadlines (or the calendar) and acts on what it finds; idempotent, so it may run as often as wanted.</summary>
public interface IPeriodicSweep
{
    /// <summary>Runs once; returns how many notifications or records it produced.</summary>
    Task<int> RunAsync(CancellationToken cancellationToken = default);
}

public static class PeriodicSweeps
{
    /// <summary>The interval of every sweep.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>
    /// Configuration switch (default true): whether the workers run the sweeps at all. Integration tests turn it off and
    /// run a sweep themselves, with their own clock, where they test one — a sweep in the background would race them.
    /// </summary>
    public const string EnabledKey = "Jobs:Sweeps";

    /// <summary>
    /// Registers the sweep (scoped, so tests can build it with their own clock) and a worker that runs it at start and then
    /// every <paramref name="interval"/> (hourly by default).
    /// </summary>
    public static IServiceCollection AddPeriodicSweep<TSweep>(this IServiceCollection services, TimeSpan? interval = null)
        where TSweep : class, IPeriodicSweep =>
        services.AddScoped<TSweep>().AddSingleton(new SweepSchedule<TSweep>(interval ?? Interval)).AddHostedService<SweepWorker<TSweep>>();
}

/// <summary>How often the worker of <typeparamref name="TSweep"/> runs it.</summary>
public sealed record SweepSchedule<TSweep>(TimeSpan Interval)
    where TSweep : class, IPeriodicSweep;

/// <summary>
/// Runs one sweep once the app has started and then at its interval (hourly unless registered otherwise), on the app's clock,
/// as the system user; a failure waits for the next run. The first run waits for the start because every sweep runs then,
/// and together they would hold the start back.
/// </summary>
internal sealed partial class SweepWorker<TSweep>(IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, IConfiguration configuration, SweepSchedule<TSweep> schedule, ILogger<SweepWorker<TSweep>> logger) : BackgroundService
    where TSweep : class, IPeriodicSweep
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(PeriodicSweeps.EnabledKey, true))
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        using var timer = new PeriodicTimer(schedule.Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserContext.System);
                var produced = await scope.ServiceProvider.GetRequiredService<TSweep>().RunAsync(stoppingToken);
                if (produced > 0)
                {
                    LogProduced(logger, typeof(TSweep).Name, produced);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, typeof(TSweep).Name, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Sweep} produced {Count} notifications or records.")]
    private static partial void LogProduced(ILogger logger, string sweep, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sweep} failed; it runs again at its next interval.")]
    private static partial void LogFailed(ILogger logger, string sweep, Exception exception);
}
