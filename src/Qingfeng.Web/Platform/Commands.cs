using Qingfeng.Features.Audit;
using Qingfeng.Features.DemoProvince;
using Qingfeng.Platform.Data;

namespace Qingfeng.Platform;

/// <summary>
/// Command-line verbs of the host (<c>dotnet run --project src/Qingfeng.Web -- audit verify</c>).
/// They write to the given output (the console from Program): they are the operator's tools.
/// </summary>
internal static class Commands
{
    private static string? Verb(string[] args) =>
        args.Length >= 2 && $"{args[0]} {args[1]}" is "audit verify" or "demo generate" ? $"{args[0]} {args[1]}" : null;

    public static bool IsCommand(string[] args) => Verb(args) is not null;

    /// <summary>Runs the verb and returns the process exit code (0 success, 1 failure).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var verb = Verb(args) ?? throw new ArgumentException("Not a command.", nameof(args));

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args[2..])
            .Build();
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var database = new QingfengDatabase(options, Directory.GetCurrentDirectory());
        await database.MigrateAsync();

        if (verb == "audit verify")
        {
            var result = await AuditLog.VerifyChainAsync(database.Create(DbActor.System));
            if (result.Intact)
            {
                await output.WriteLineAsync($"Audit chain intact: {result.EntriesChecked} entries verified ({AuditChain.Algorithm}).");
            }
            else
            {
                await output.WriteLineAsync($"Audit chain BROKEN at entry #{result.Break!.Sequence}: {result.Break.Reason} ({result.EntriesChecked} entries verified before it).");
                return 1;
            }

            return 0;
        }

        var scale = Enum.TryParse<DemoScale>(configuration["scale"], ignoreCase: true, out var s) ? s : DemoScale.Demo;
        var stats = await DemoProvinceGenerator.GenerateAsync(database, scale, TimeProvider.System);
        await output.WriteLineAsync($"Generated {scale} province: {stats}.");
        return 0;
    }
}
