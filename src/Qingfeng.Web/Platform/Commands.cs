using Qingfeng.Features.Accounts;
using Qingfeng.Features.Audit;
using Qingfeng.Features.DemoProvince;
using Qingfeng.Platform.Backup;

namespace Qingfeng.Platform;

/// <summary>
/// Command-line verbs of the host (<c>dotnet run --project src/Qingfeng.Web -- audit verify</c>).
/// They write to the given output (the console from Program): they are the operator's tools.
/// </summary>
internal static class Commands
{
    private static string? Verb(string[] args) =>
        args.Length >= 2 && $"{args[0]} {args[1]}" is "audit verify" or "audit checkpoint" or "demo generate" or "admin create" or "keys reencrypt" or "backup create" or "backup restore" or "backup verify" ? $"{args[0]} {args[1]}" : null;

    public static bool IsCommand(string[] args) => Verb(args) is not null;

    /// <summary>Runs the verb and returns the process exit code (0 success, 1 failure; <c>audit verify</c>: 2 when intact but not anchored by a fresh checkpoint).</summary>
    /// <param name="args">The verb and its settings.</param>
    /// <param name="output">Where the command writes its report.</param>
    /// <param name="time">The clock (the system clock; tests give their own to age a checkpoint).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
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

        // Every verb that writes appends audit entries, and every verb that verifies checks them: all need the audit key.
        AuditKey auditKey;
        AuditOptions auditOptions;
        try
        {
            auditKey = AuditKey.Resolve(configuration, Directory.GetCurrentDirectory()).Key;
            auditOptions = AuditOptions.Resolve(configuration, Directory.GetCurrentDirectory());
        }
        catch (InvalidOperationException e)
        {
            await output.WriteLineAsync($"Refused: {e.Message}");
            return 1;
        }

        var database = new QingfengDatabase(options, Directory.GetCurrentDirectory(), auditKey);
        if (verb.StartsWith("backup ", StringComparison.Ordinal))
        {
            // Before any migration: restore needs the target as it is (empty), and create must not change the source.
            return await BackupCommands.RunAsync(verb, configuration, options, database, force, output);
        }

        await database.MigrateAsync();

        if (verb == "audit verify")
        {
            // 0: intact and anchored by a fresh checkpoint; 1: evidence of tampering; 2: intact, but not (freshly) anchored.
            var result = await AuditVerifier.VerifyAsync(database.Create(DbActor.System), auditOptions.File(), auditOptions.CheckpointInterval, time.GetUtcNow());
            foreach (var line in result.Report(auditOptions.CheckpointInterval))
            {
                await output.WriteLineAsync(line);
            }

            return result.Current ? 0 : result.Intact ? 2 : 1;
        }

        if (verb == "audit checkpoint")
        {
            var checkpoint = await new AuditCheckpointWriter(database, auditOptions, time).WriteAsync();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Audit checkpoint #{checkpoint.Number} written at {AuditChain.FormatTime(checkpoint.CreatedAt)}: head #{checkpoint.HeadSequence} {checkpoint.HeadHash}, {checkpoint.EntryCount} entries; in the database and in {auditOptions.CheckpointFile}."));
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
