using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Platform.Data;

namespace Qingfeng.IntegrationTests.Infrastructure;

/// <summary>
/// Counts EF Core's query compilations (<see cref="CoreEventId.QueryCompilationStarting"/>: a miss of the compiled-query
/// cache) on one app's database, from EF's diagnostic source, whatever else the process runs: a count, never a timing.
/// </summary>
public sealed class QueryCompilations : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _connectionString;
    private readonly IDisposable _subscription;
    private readonly ConcurrentBag<IDisposable> _listeners = [];
    private readonly ConcurrentQueue<string> _compiled = new();

    public QueryCompilations(QingfengApp app)
    {
        _connectionString = app.Services.GetRequiredService<QingfengDatabase>().ConnectionString;
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The queries compiled since the last <see cref="Take"/>, as EF prints them, and forgets them.</summary>
    public IReadOnlyList<string> Take()
    {
        var taken = new List<string>();
        while (_compiled.TryDequeue(out var query))
        {
            taken.Add(query);
        }

        return taken;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            _listeners.Add(value.Subscribe(this, name => name == CoreEventId.QueryCompilationStarting.Name));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is QueryExpressionEventData data && data.Context?.Database.GetConnectionString() == _connectionString)
        {
            _compiled.Enqueue(data.Expression.ToString());
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }
    }
}
