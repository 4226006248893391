using System.Text;
using Xunit;

namespace Qingfeng.ClientTests.Journeys;

/// <summary>
/// Runs the steps of a journey in order and records each outcome, so that one run tells which steps a generated client
/// gets through and why the others fail. A step whose input an earlier step did not produce is recorded as not reached.
/// <paramref name="describe"/> adds what a client's exception holds beyond its message (the problem it read, say).
/// </summary>
internal sealed class Journey(Func<Exception, Task<string?>> describe)
{
    /// <summary>How much of each exception's message (or details) the report keeps.</summary>
    private const int MaxPartLength = 400;

    private readonly List<string> _report = [];
    private int _passed;

    public async Task<Guid?> RunAsync(string step, Func<Task<Guid>> action)
    {
        try
        {
            var result = await action();
            _passed++;
            _report.Add($"passed   {step}");
            return result;
        }
        catch (Exception e)
        {
            _report.Add($"FAILED   {step}: {await ReasonAsync(e)}");
            return null;
        }
    }

    public Task<Guid?> RunAsync(string step, Func<Task> action) => RunAsync(step, async () =>
    {
        await action();
        return Guid.Empty;
    });

    public Task<Guid?> RunAsync(string step, Guid? input, Func<Guid, Task<Guid>> action)
    {
        if (input is not { } value)
        {
            _report.Add($"SKIPPED  {step}: not reached, an earlier step it needs failed");
            return Task.FromResult<Guid?>(null);
        }

        return RunAsync(step, () => action(value));
    }

    public Task<Guid?> RunAsync(string step, Guid? input, Func<Guid, Task> action) => RunAsync(step, input, async value =>
    {
        await action(value);
        return Guid.Empty;
    });

    /// <summary>Fails with the whole report unless every step passed.</summary>
    public void AssertEveryStepPassed()
    {
        if (_passed == _report.Count)
        {
            return;
        }

        var message = new StringBuilder()
            .AppendLine(FormattableString.Invariant($"{_passed} of {_report.Count} steps passed:"))
            .AppendJoin(Environment.NewLine, _report)
            .ToString();
        Assert.Fail(message);
    }

    /// <summary>The exception and its causes on one line, each cut short: enough to tell a document defect from a test defect.</summary>
    private async Task<string> ReasonAsync(Exception e)
    {
        var text = new StringBuilder();
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (text.Length > 0)
            {
                text.Append(" <- ");
            }

            text.Append(current.GetType().Name).Append(": ").Append(Cut(current.Message.ReplaceLineEndings(" ")));
            if (await describe(current) is { } details)
            {
                text.Append(" [").Append(Cut(details)).Append(']');
            }
        }

        return text.ToString();
    }

    private static string Cut(string text) => text.Length <= MaxPartLength ? text : string.Concat(text.AsSpan(0, MaxPartLength), "…");
}
