using Microsoft.Data.Sqlite;
using Npgsql;

namespace Qingfeng.Features.Audit;

/// <summary>The <c>Audit</c> configuration section (the key itself is <see cref="AuditKey"/>).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// The longest a checkpoint may be old: the app writes one every half of it while it runs, and <c>audit verify</c>
    /// reports the latest checkpoint as stale when it is older than this.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The append-only checkpoint file outside the database (one JSON line per checkpoint), for the operator to ship
    /// elsewhere. Default: <c>{data directory}/audit/{database name}.checkpoints.jsonl</c>.
    /// </summary>
    public string? CheckpointFile { get; set; }

    /// <summary>The section with defaults filled in and the file path made absolute (relative to <paramref name="contentRootPath"/>).</summary>
    public static AuditOptions Resolve(IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<AuditOptions>() ?? new AuditOptions();
        if (options.CheckpointInterval < TimeSpan.FromMinutes(1))
        {
            throw new InvalidOperationException($"{Section}:CheckpointInterval must be at least one minute (e.g. 01:00:00), not {options.CheckpointInterval}.");
        }

        options.CheckpointFile = Path.GetFullPath(
            string.IsNullOrWhiteSpace(options.CheckpointFile) ? DefaultCheckpointFile(configuration, contentRootPath) : options.CheckpointFile,
            contentRootPath);
        return options;
    }

    /// <summary>
    /// One file per database, in the data directory (beside a SQLite database, else <c>{content root}/data</c>), so that
    /// two databases never share a checkpoint file.
    /// </summary>
    public static string DefaultCheckpointFile(IConfiguration configuration, string contentRootPath)
    {
        var connection = configuration["Database:ConnectionString"];
        var dataDirectory = Path.Combine(contentRootPath, "data");
        string? name;
        if (EncryptionKeyRing.IsSqlite(configuration))
        {
            // Beside the database, where the demo keys are too.
            dataDirectory = Path.GetDirectoryName(Path.GetDirectoryName(EncryptionKeyRing.DemoKeyFilePath(configuration, contentRootPath)))!;
            var source = connection is { Length: > 0 } ? new SqliteConnectionStringBuilder(connection).DataSource : "qingfeng.db";
            name = string.IsNullOrEmpty(source) || source.Equals(":memory:", StringComparison.Ordinal) ? "memory" : Path.GetFileNameWithoutExtension(source);
        }
        else
        {
            name = connection is { Length: > 0 } ? new NpgsqlConnectionStringBuilder(connection).Database : null;
        }

        return Path.Combine(dataDirectory, "audit", $"{(string.IsNullOrEmpty(name) ? "qingfeng" : name)}.checkpoints.jsonl");
    }

    /// <summary>The file, from the resolved options.</summary>
    public AuditCheckpointFile File() => new(CheckpointFile ?? throw new InvalidOperationException("Resolve the audit options first."));
}
