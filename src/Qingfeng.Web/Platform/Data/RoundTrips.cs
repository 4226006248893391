using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qingfeng.Platform.Data;

/// <summary>
/// Counts the database round trips of each HTTP request: every command any context executes while the request runs,
/// authentication included. Each request's count is recorded on the <c>qingfeng.db.round_trips</c> histogram of the
/// <see cref="MeterName"/> meter with the endpoint's route and method (the query budget test reads it, and any metrics
/// exporter can). With <c>Diagnostics:RoundTripHeader</c> set (the load benchmark sets it; off by default) the answer also
/// carries the count so far in <see cref="Header"/>, taken when the answer starts: every query of a buffered JSON answer
/// or an export built in memory has run by then.
/// </summary>
public sealed class RoundTrips
{
    public const string MeterName = "Qingfeng";
    public const string InstrumentName = "qingfeng.db.round_trips";
    public const string Header = "X-Db-Round-Trips";

    private static readonly AsyncLocal<StrongBox<int>?> Current = new();

    private readonly Histogram<int> _perRequest;

    public RoundTrips(IMeterFactory meters)
    {
        _perRequest = meters.Create(MeterName).CreateHistogram<int>(InstrumentName, "{round_trip}", "Database commands executed while answering one HTTP request");
    }

    /// <summary>The interceptor every context of <see cref="QingfengDatabase"/> carries.</summary>
    internal static DbCommandInterceptor Interceptor { get; } = new CommandCounter();

    internal async Task CountAsync(HttpContext context, RequestDelegate next, bool header)
    {
        var count = new StrongBox<int>();
        Current.Value = count;
        if (header)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = count.Value.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
        }

        try
        {
            await next(context);
        }
        finally
        {
            Current.Value = null;
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(none)";
            _perRequest.Record(count.Value, new("http.route", route), new("http.request.method", context.Request.Method));
        }
    }

    private static void Count()
    {
        if (Current.Value is { } count)
        {
            Interlocked.Increment(ref count.Value);
        }
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }
    }
}

public static class RoundTripsFeature
{
    /// <summary>Counts the round trips of each request from here on (put it before authentication, which may query).</summary>
    public static IApplicationBuilder UseRoundTrips(this IApplicationBuilder app)
    {
        var roundTrips = app.ApplicationServices.GetRequiredService<RoundTrips>();
        var header = app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue<bool>("Diagnostics:RoundTripHeader");
        return app.Use((context, next) => roundTrips.CountAsync(context, next, header));
    }
}
