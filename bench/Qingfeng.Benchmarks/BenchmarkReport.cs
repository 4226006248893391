using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Qingfeng.Benchmarks;

/// <summary>
/// Writes one provider's results into <c>BENCHMARKS.md</c> between markers
/// (<c>&lt;!-- results:sqlite --&gt;</c> … <c>&lt;!-- /results:sqlite --&gt;</c>), leaving the rest of the file as written,
/// so that each database can be measured by its own command and the prose around the tables stays hand-kept.
/// </summary>
internal static class BenchmarkReport
{
    public static async Task WriteAsync(string file, ProvinceDataset data, IReadOnlyList<Measurement> rows, string command, IReadOnlyList<string> notes, string? sectionKey = null)
    {
        var section = await SectionAsync(data, rows, command, notes);
        var key = data.Database.Provider.ToString().ToLowerInvariant() + (sectionKey is null ? "" : "-" + sectionKey);
        var start = $"<!-- results:{key} -->";
        var end = $"<!-- /results:{key} -->";
        var text = File.Exists(file) ? await File.ReadAllTextAsync(file) : "# Benchmarks\n\n<!-- results:sqlite -->\n<!-- /results:sqlite -->\n\n<!-- results:postgres -->\n<!-- /results:postgres -->\n";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? string.Concat(text.AsSpan(0, from + start.Length), "\n", section, text.AsSpan(to))
            : text + $"\n{start}\n{section}{end}\n";
        await File.WriteAllTextAsync(file, text);
    }

    private static async Task<string> SectionAsync(ProvinceDataset data, IReadOnlyList<Measurement> rows, string command, IReadOnlyList<string> notes)
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(c, $"### {data.Label} {await VersionAsync(data)}, {data.Scale.Name} scale");
        s.AppendLine();
        s.AppendLine(c, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine()}.");
        s.AppendLine(c, $"Dataset: {data.Officials:N0} officials, {data.Clues:N0} clues, {data.AuditRows:N0} audit rows; measured as a case manager of {data.Organ.Name} ({data.Organ.Clues:N0} clues).");
        s.AppendLine(c, $"Command: `{command}`");
        s.AppendLine();
        s.AppendLine("| operation | app p50 | app p95 | app p99 | app ops/s | raw SQL p50 | raw SQL p95 | raw SQL p99 | overhead (p50) | Lucene.Net p50 / p95 | target | met |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var m in rows)
        {
            var seconds = m.Operation.StartsWith("roster import", StringComparison.Ordinal);
            string T(double ms) => seconds ? (ms / 1000).ToString("0.00 's'", c) : ms.ToString("0.0 'ms'", c);
            var lucene = m.Lucene is { } l ? $"{T(l.P(50))} / {T(l.P(95))}" : "";
            var met = m.Met switch { true => "yes", false => "**no**", null => "" };
            s.AppendLine(c, $"| {m.Operation} | {T(m.App.P(50))} | {T(m.App.P(95))} | {T(m.App.P(99))} | {m.App.Throughput:0.0} | {T(m.Raw.P(50))} | {T(m.Raw.P(95))} | {T(m.Raw.P(99))} | {m.Ratio:0.00}× | {lucene} | {m.Target} | {met} |");
        }

        s.AppendLine();
        s.AppendLine(c, $"Samples per operation: {rows[0].App.Count} (intake {rows.FirstOrDefault(r => r.Operation.StartsWith("clue intake", StringComparison.Ordinal))?.App.Count}, import runs {rows.FirstOrDefault(r => r.Operation.StartsWith("roster import", StringComparison.Ordinal))?.App.Count}), after 3 warm-up calls; one caller at a time, so ops/s is 1000 / mean latency.");
        foreach (var note in notes)
        {
            s.AppendLine();
            s.AppendLine(note);
        }

        return s.ToString();
    }

    private static async Task<string> VersionAsync(ProvinceDataset data)
    {
        await using var connection = data.OpenConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = data.Database.Provider == Platform.Data.DatabaseProvider.Sqlite ? "SELECT sqlite_version()" : "SHOW server_version";
        return (string?)await command.ExecuteScalarAsync() ?? "";
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var gib = memory is not null && long.TryParse(memory.Split(' ')[0], CultureInfo.InvariantCulture, out var kb) ? $"{kb / 1024.0 / 1024:0} GiB" : "?";
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {gib} RAM, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }
}
