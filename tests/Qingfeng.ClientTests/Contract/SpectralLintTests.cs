using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.ClientTests.Contract;

/// <summary>
/// Spectral (pinned in tools/spectral, installed by .ci/setup.sh) lints docs/openapi.json with the repository's ruleset
/// (.spectral.yaml: <c>spectral:oas</c>): the contract integrators generate clients from has no error and no warning.
/// </summary>
public sealed class SpectralLintTests
{
    private static readonly string[] SeverityNames = ["error", "warning", "info", "hint"];

    [Fact]
    public async Task The_document_has_no_spectral_oas_error_or_warning()
    {
        var root = RepositoryRoot();
        var spectral = SpectralExecutable(root);
        var start = new ProcessStartInfo(spectral)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "lint", "docs/openapi.json", "--ruleset", ".spectral.yaml", "--format", "json", "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Spectral did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        // Exit code 1 only says that errors were found; anything but a JSON array of results means Spectral itself failed.
        List<SpectralResult>? results;
        try
        {
            results = JsonSerializer.Deserialize<List<SpectralResult>>(await output, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Spectral exited with {process.ExitCode} without a JSON report: {await errors}", e);
        }

        var findings = (results ?? []).Where(r => r.Severity <= 1).ToList();
        Assert.True(findings.Count == 0, Report(findings));
    }

    /// <summary>Every error and warning, grouped by rule: "rule (N): severity path: message".</summary>
    private static string Report(List<SpectralResult> findings)
    {
        var lines = findings
            .GroupBy(f => f.Code, StringComparer.Ordinal)
            .OrderBy(g => g.Min(f => f.Severity)).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Select(f => $"  {SeverityNames[f.Severity]} {Where(f)}: {f.Message}").Prepend($"{g.Key} ({g.Count()}):"));
        return $"Spectral (spectral:oas) reports {findings.Count(f => f.Severity == 0)} errors and {findings.Count(f => f.Severity == 1)} warnings in docs/openapi.json:"
            + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    /// <summary>The finding's JSON path in the document (<c>paths./api/v1/clues.get</c>), or <c>(document)</c> for the root.</summary>
    private static string Where(SpectralResult finding) => finding.Path.Count == 0 ? "(document)" : string.Join('.', finding.Path);

    private static string RepositoryRoot() =>
        typeof(SpectralLintTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The pinned Spectral of tools/spectral; skips (locally) or fails (CI) when it is not installed.</summary>
    private static string SpectralExecutable(string root)
    {
        var path = Path.Combine(root, "tools", "spectral", "node_modules", ".bin", "spectral");
        if (File.Exists(path))
        {
            return path;
        }

        const string reason = "The Spectral lint needs Node.js and tools/spectral installed (npm ci --prefix tools/spectral; .ci/setup.sh does it).";
        if (Requirements.RequireAll)
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
        return "";
    }

    private sealed record SpectralResult(string Code, string Message, IReadOnlyList<JsonElement> Path, int Severity);
}
