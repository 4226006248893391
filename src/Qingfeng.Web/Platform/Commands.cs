using Qingfeng.Features.Audit;
using Qingfeng.Features.DemoProvince;
using Qingfeng.Platform.Data;

namespace Qingfeng.Platform;

/// <summary>
/// Command-line verbs of the host (<c>dotnet run --project src/Qingfeng.Web -- audit verify</c>).
/// They print to the console on purpose: they are the operator's tools.
/// </summary>
internal static class Commands
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        var verb = args.Length >= 2 ? $"{args[0]} {args[1]}" : null;
        if (verb is not ("audit verify" or "demo generate"))
        {
            return false;
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args[2..])
            .Build();
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var database = new QingfengDatabase(options, Directory.GetCurrentDirectory());
        await database.MigrateAsync();

#pragma warning disable RS0030 // Console output is this command's purpose.
        if (verb == "audit verify")
        {
            var result = await AuditLog.VerifyChainAsync(database.Create(DbActor.System));
            if (result.Intact)
            {
                Console.WriteLine($"Audit chain intact: {result.EntriesChecked} entries verified ({AuditChain.Algorithm}).");
            }
            else
            {
                Console.WriteLine($"Audit chain BROKEN at entry #{result.Break!.Sequence}: {result.Break.Reason} ({result.EntriesChecked} entries verified before it).");
                Environment.ExitCode = 1;
            }

            return true;
        }

        var scale = Enum.TryParse<DemoScale>(configuration["scale"], ignoreCase: true, out var s) ? s : DemoScale.Demo;
        var stats = await DemoProvinceGenerator.GenerateAsync(database, scale, TimeProvider.System);
        Console.WriteLine($"Generated {scale} province: {stats}.");
#pragma warning restore RS0030
        return true;
    }
}
