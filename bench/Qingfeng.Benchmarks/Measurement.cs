using System.Diagnostics;

namespace Qingfeng.Benchmarks;

/// <summary>Latencies of one measured loop (milliseconds) and the loop's wall time, for throughput.</summary>
internal sealed class Samples(List<double> milliseconds, double seconds)
{
    public int Count => milliseconds.Count;

    /// <summary>Operations per second over the measured loop (one caller, one after the other).</summary>
    public double Throughput => Count / seconds;

    public double P(int percentile)
    {
        var sorted = milliseconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>Runs <paramref name="work"/> three times to warm up, then <paramref name="count"/> times measured.</summary>
    public static async Task<Samples> MeasureAsync(int count, Func<int, Task> work, int warmUp = 3)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await work(i);
        }

        var times = new List<double>(count);
        var loop = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await work(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new Samples(times, loop.Elapsed.TotalSeconds);
    }
}

/// <summary>
/// The issue's target for an operation: a p95 limit (ms), an overhead limit over raw SQL, and for the search engine
/// row not slower than Lucene.Net: the engine's statement (the raw column: the SQL the index runs, on a pooled
/// connection, as Lucene runs on an open searcher) at p95 against Lucene's p95.
/// </summary>
internal sealed record Target(double? P95Ms = null, double? Ratio = null, bool AtMostLucene = false)
{
    public static readonly Target List = new(50, 1.5);

    public override string ToString() => string.Join(", ", new[]
    {
        P95Ms is { } p ? $"p95 ≤ {(p >= 1000 ? $"{p / 1000:0} s" : $"{p:0} ms")}" : null,
        Ratio is { } r ? $"≤ {r:0.0}× raw" : null,
        AtMostLucene ? "engine (raw) p95 ≤ Lucene.Net p95" : null,
    }.OfType<string>());
}

/// <summary>One operation: the app's figures next to its baselines, measured in the same run.</summary>
internal sealed record Measurement(string Operation, Samples App, Samples Raw, Samples? Lucene = null, Target? Target = null)
{
    /// <summary>Whether the target is met (null when the operation has none).</summary>
    public bool? Met => Target is not { } t ? null
        : (t.P95Ms is not { } p || App.P(95) <= p) && (t.Ratio is not { } r || Ratio <= r) && (!t.AtMostLucene || Lucene is null || Raw.P(95) <= Lucene.P(95));

    /// <summary>The app's overhead: its median over the raw-SQL baseline's median (medians are the steadiest figure on a shared machine).</summary>
    public double Ratio => App.P(50) / Raw.P(50);
}
