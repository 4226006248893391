using Qingfeng.Features.Accounts;
using Qingfeng.Features.Audit;
using Qingfeng.Features.DemoProvince;
using Qingfeng.Platform.Backup;
using Qingfeng.Platform.Data;

namespace Qingfeng.Platform;

/// <summary>
/// Command-line verbs of the host (<c>dotnet run --project src/Qingfeng.Web -- audit verify</c>).
/// They write to the given output (the console from Program): they are the operator's tools.
/// </summary>
internal static class Commands
{
    private static string? Verb(string[] args) =>
        args.Length >= 2 && $"{args[0]} {args[1]}" is "audit verify" or "demo generate" or "admin create" or "keys reencrypt" or "backup create" or "backup restore" or "backup verify" ? $"{args[0]} {args[1]}" : null;

    public static bool IsCommand(string[] args) => Verb(args) is not null;

    /// <summary>Runs the verb and returns the process exit code (0 success, 1 failure).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var verb = Verb(args) ?? throw new ArgumentException("Not a command.", nameof(args));

        // A flag without a value would swallow the next argument as its value.
        var rest = args[2..].ToList();
        var force = rest.Remove("--force");
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. rest])
            .Build();
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var database = new QingfengDatabase(options, Directory.GetCurrentDirectory());
        if (verb.StartsWith("backup ", StringComparison.Ordinal))
        {
            // Before any migration: restore needs the target as it is (empty), and create must not change the source.
            return await BackupCommands.RunAsync(verb, configuration, options, database, force, output);
        }

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

        if (verb == "admin create")
        {
            if (configuration["user"] is not { Length: > 0 } user || configuration["role"] is not { Length: > 0 } role)
            {
                await output.WriteLineAsync("Usage: admin create --user NAME --role sysadmin|secadmin|auditadmin [--organ 贵州省纪委监委]");
                return 1;
            }

            await using var db = database.Create(DbActor.System);
            try
            {
                var password = await AdministratorBootstrap.CreateAsync(db, user, role, configuration["organ"]);
                await output.WriteLineAsync($"Created {role} '{user}'. One-time password (shown once; two-factor enrolment follows the first sign-in): {password}");
                return 0;
            }
            catch (Rules.DomainRuleException e)
            {
                await output.WriteLineAsync($"Refused: {e.Code}");
                return 1;
            }
        }

        if (verb == "keys reencrypt")
        {
            var keys = Security.EncryptionKeyRing.FromConfiguration(configuration)
                ?? Security.EncryptionKeyRing.LoadOrCreateFile(Security.EncryptionKeyRing.DemoKeyFilePath(configuration, Directory.GetCurrentDirectory())).Keys;
            var result = await Features.Clues.ClueKeyRotation.ReencryptAsync(database, new Security.FieldEncryption(keys));
            await output.WriteLineAsync($"Re-encrypted under key '{keys.CurrentKeyId}': {result.Clues} clues, {result.Attachments} attachments.");
            return 0;
        }

        var scale = Enum.TryParse<DemoScale>(configuration["scale"], ignoreCase: true, out var s) ? s : DemoScale.Demo;
        var stats = await DemoProvinceGenerator.GenerateAsync(database, scale, TimeProvider.System);
        await output.WriteLineAsync($"Generated {scale} province: {stats}.");
        return 0;
    }
}
