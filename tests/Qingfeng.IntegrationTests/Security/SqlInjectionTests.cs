using System.Diagnostics;
using System.Text.RegularExpressions;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>
/// sqlmap (Debian's) against the real server on a loopback port, signed in with an API token. The targets come
/// from the OpenAPI document: every GET operation's query parameters, filled with values that match real rows
/// (sqlmap's boolean test needs a true baseline). CI form: the free-text parameters, level 1, risk 1, techniques
/// B, E and U. Full form (QINGFENG_SECURITY_FULL=1, or tools/security/sqlmap-all.sh): every query parameter,
/// level 5, risk 3, all techniques.
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed partial class SqlInjectionTests(KestrelApp kestrel, ITestOutputHelper output)
{
    [Fact]
    public async Task Sqlmap_finds_no_injectable_parameter_in_any_documented_query()
    {
        var sqlmap = Requirements.Sqlmap();
        var full = Requirements.SecurityFull;
        var app = kestrel.App;
        var records = await ForeignRecords.CreateAsync(app, "开阳县", "520121", await app.ClientForAsync(TestUsers.KaiyangPetition.UserName));
        var probe = await OpenApiProbe.LoadAsync(app.CreateClient(new() { BaseAddress = kestrel.BaseAddress }));
        var values = new Dictionary<string, string>
        {
            ["user"] = TestUsers.KaiyangPetition.UserName,
            ["action"] = "Register",
            ["entityType"] = "Clue",
            ["entityId"] = records.ClueId.ToString(),

            // A flags enum has no value list in the OpenAPI schema, so the generated sample would not bind.
            ["Form"] = nameof(Qingfeng.Features.Accountability.AccountabilityMethod.Examination),
        };

        // Who may call what: the first of these personas that gets 200 scans the operation.
        var callers = new[] { TestUsers.KaiyangLeader, TestUsers.AuditAdmin, TestUsers.SystemAdmin, TestUsers.ProvinceCaseManagement };
        var tokens = new Dictionary<string, HttpClient>();
        foreach (var caller in callers)
        {
            tokens[caller.UserName] = await app.ClientForAsync(caller.UserName);
        }

        var tested = new List<string>();
        var findings = new List<string>();
        var targets = probe.Operations
            .Where(o => o.IsSafe && o.Template.StartsWith("/api/", StringComparison.Ordinal) && (full || !o.Template.EndsWith("/export", StringComparison.Ordinal)))
            .Select(o => (Operation: o, Parameters: probe.QueryParameters(o, freeTextOnly: !full)))
            .Where(t => t.Parameters.Count > 0)
            .ToList();
        Assert.True(targets.Count >= 5, $"Only {targets.Count} operations with query parameters to scan");

        foreach (var (operation, parameters) in targets)
        {
            using var request = probe.Build(operation, records, values);
            string? caller = null;
            foreach (var (name, client) in tokens)
            {
                using var check = probe.Build(operation, records, values);
                if ((await client.SendAsync(check)).IsSuccessStatusCode)
                {
                    caller = name;
                    break;
                }
            }

            Assert.True(caller is not null, $"No persona may call {operation}; the scan would test nothing");
            var token = tokens[caller].DefaultRequestHeaders.Authorization!.Parameter!;
            var url = new Uri(kestrel.BaseAddress, request.RequestUri!).AbsoluteUri;
            var log = await RunAsync(sqlmap, url, parameters, token, full);
            var clean = NotInjectable().Matches(log).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            output.WriteLine($"{operation} as {caller}: {string.Join(", ", parameters)} → not injectable: {string.Join(", ", clean)}");
            if (log.Contains("identified the following injection point", StringComparison.OrdinalIgnoreCase)
                || log.Contains("is vulnerable", StringComparison.OrdinalIgnoreCase)
                || VulnerableParameter().IsMatch(log))
            {
                findings.Add($"{operation}: {log}");
            }

            // sqlmap must have actually tested each parameter: a scan that silently skipped proves nothing.
            var untested = parameters.Where(p => !clean.Contains(p)).ToList();
            Assert.True(untested.Count == 0 || findings.Count > 0, $"{operation}: sqlmap did not conclude on {string.Join(", ", untested)}:\n{Tail(log)}");
            tested.AddRange(parameters.Select(p => $"{operation.Template}?{p}"));
        }

        output.WriteLine($"sqlmap ({(full ? "full" : "quick")}): {tested.Count} parameters in {targets.Count} operations, {findings.Count} injectable");
        Assert.True(findings.Count == 0, string.Join("\n\n", findings));
    }

    private static async Task<string> RunAsync(string sqlmap, string url, IReadOnlyList<string> parameters, string token, bool full)
    {
        var outputDirectory = Directory.CreateTempSubdirectory("qf_sqlmap_");
        var start = new ProcessStartInfo(sqlmap)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "-u", url, "-p", string.Join(',', parameters), "--headers", $"Authorization: Bearer {token}",
            "--batch", "--disable-coloring", "--flush-session", "--output-dir", outputDirectory.FullName,
            "--timeout", "10", "--retries", "1", "--threads", "2",
            .. full ? (string[])["--level", "5", "--risk", "3"] : ["--level", "1", "--risk", "1", "--technique", "BEU", "--dbms", "SQLite"]])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var cap = new CancellationTokenSource(TimeSpan.FromMinutes(full ? 60 : 5));
        var stdout = process.StandardOutput.ReadToEndAsync(cap.Token);
        var stderr = process.StandardError.ReadToEndAsync(cap.Token);
        try
        {
            await process.WaitForExitAsync(cap.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"sqlmap did not finish within its time cap on {url}");
        }

        var log = await stdout + await stderr;
        outputDirectory.Delete(recursive: true);
        return log;
    }

    private static string Tail(string log) => log.Length > 3000 ? log[^3000..] : log;

    [GeneratedRegex(@"GET parameter '([^']+)' does not seem to be injectable")]
    private static partial Regex NotInjectable();

    [GeneratedRegex(@"GET parameter '[^']+' is vulnerable|Parameter: [^ ]+ \(GET\)")]
    private static partial Regex VulnerableParameter();
}
