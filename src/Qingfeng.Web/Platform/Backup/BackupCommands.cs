namespace Qingfeng.Platform.Backup;

/// <summary><c>backup create --out FILE</c>, <c>backup restore --from FILE [--force]</c>, <c>backup verify --from FILE</c>.</summary>
internal static class BackupCommands
{
    public static async Task<int> RunAsync(string verb, IConfiguration configuration, DatabaseOptions options, QingfengDatabase database, bool force, TextWriter output)
    {
        if (verb == "backup create")
        {
            if (configuration["out"] is not { Length: > 0 } outFile)
            {
                await output.WriteLineAsync("Usage: backup create --out FILE");
                return 1;
            }

            var manifest = await DatabaseBackup.CreateAsync(database, outFile, TimeProvider.System);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Backup written to {Path.GetFullPath(outFile)}: {manifest.Provider}, {manifest.Tables.Count} tables, {manifest.Tables.Values.Sum()} rows, audit head #{manifest.AuditHead?.Sequence ?? 0}, migration {manifest.Migration}."));
            await output.WriteLineAsync(DatabaseBackup.KeysNotice);
            return 0;
        }

        if (configuration["from"] is not { Length: > 0 } from || !File.Exists(from))
        {
            await output.WriteLineAsync($"Usage: {verb} --from FILE{(verb == "backup restore" ? " [--force]" : "")} (the file must exist)");
            return 1;
        }

        var check = verb == "backup restore"
            ? await DatabaseBackup.RestoreAsync(database, from, force)
            : await DatabaseBackup.VerifyAsync(options, from, database.AuditKey);
        if (!check.Intact)
        {
            await output.WriteLineAsync($"Backup BROKEN or refused ({verb}):");
            foreach (var problem in check.Problems)
            {
                await output.WriteLineAsync("  " + problem);
            }

            return 1;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{(verb == "backup restore" ? "Restored and verified" : "Verified in a scratch database")}: row counts equal the manifest; audit chain intact ({check.AuditEntriesVerified} entries up to the recorded head)."));
        if (verb == "backup restore")
        {
            await output.WriteLineAsync(DatabaseBackup.KeysNotice);
        }

        return 0;
    }
}
