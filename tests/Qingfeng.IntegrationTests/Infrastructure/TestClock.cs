using System.Diagnostics;
using Qingfeng.Platform.Calendar;

namespace Qingfeng.IntegrationTests.Infrastructure;

/// <summary>
/// The one clock of the integration tests and of every app they start: it begins at a fixed instant, 10:00 on a
/// working Wednesday in China, and runs at the real rate from the first use. A test that computes "today" and the
/// app that checks it therefore always agree — no run can straddle midnight in China (16:00 UTC) — and a test
/// behaves the same on every day of the year. Tests that move time on purpose use a <c>FakeTimeProvider</c>.
/// Identity's lockout and two-factor codes keep the wall clock: the framework reads it directly.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly long _started = Stopwatch.GetTimestamp();

    private TestClock()
    {
    }

    public static TestClock Instance { get; } = new();

    /// <summary>Today in China on this clock: the date the apps under test count from.</summary>
    public static DateOnly Today => ChinaTime.DateOf(Instance.GetUtcNow());

    public override DateTimeOffset GetUtcNow() => Start.ToUniversalTime() + Stopwatch.GetElapsedTime(_started);
}
