using System.Text;
using System.Text.Json;

namespace Qingfeng.Features.Audit;

/// <summary>What a checkpoint file holds: its checkpoints and the numbers of lines that are not checkpoints.</summary>
public sealed record AuditCheckpointFileContents(bool Exists, IReadOnlyList<AuditCheckpoint> Checkpoints, IReadOnlyList<int> UnreadableLines);

/// <summary>
/// The checkpoint file outside the database: one JSON object per line, appended and never rewritten, e.g.
/// <c>{"number":3,"createdAt":"2026-12-02T02:00:00.000000Z","headSequence":752,"headHash":"…","entryCount":752,"algorithm":"HMAC-SM3","mac":"…"}</c>.
/// The operator ships it elsewhere (log collector, write-once storage); <c>audit verify</c> reads it back.
/// </summary>
public sealed class AuditCheckpointFile(string path)
{
    private static readonly JsonSerializerOptions LineJson = new(JsonSerializerDefaults.Web);

    public string Path { get; } = path;

    /// <summary>Appends one line and flushes it to disk; creates the file (owner read/write, group read) and its folder.</summary>
    public void Append(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var line = JsonSerializer.Serialize(
            new Line(checkpoint.Number, AuditChain.FormatTime(checkpoint.CreatedAt), checkpoint.HeadSequence, checkpoint.HeadHash, checkpoint.EntryCount, checkpoint.Algorithm, checkpoint.Mac),
            LineJson);
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        }

        using var stream = new FileStream(Path, options);
        stream.Write(Encoding.UTF8.GetBytes(line + "\n"));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Reads every line; a line that is not a checkpoint (e.g. cut short by a crash) is listed, not thrown.</summary>
    public AuditCheckpointFileContents Read()
    {
        if (!File.Exists(Path))
        {
            return new AuditCheckpointFileContents(false, [], []);
        }

        var checkpoints = new List<AuditCheckpoint>();
        var unreadable = new List<int>();
        var number = 0;
        using var reader = new StreamReader(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), Encoding.UTF8);
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (Parse(text) is { } checkpoint)
            {
                checkpoints.Add(checkpoint);
            }
            else
            {
                unreadable.Add(number);
            }
        }

        return new AuditCheckpointFileContents(true, checkpoints, unreadable);
    }

    private static AuditCheckpoint? Parse(string text)
    {
        try
        {
            if (JsonSerializer.Deserialize<Line>(text, LineJson) is { CreatedAt: { } createdAt, HeadHash: { } headHash, Algorithm: { } algorithm, Mac: { } mac } line
                && DateTimeOffset.TryParseExact(createdAt, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                return AuditCheckpoint.From(line.Number, at, line.HeadSequence, headHash, line.EntryCount, algorithm, mac);
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private sealed record Line(long Number, string? CreatedAt, long HeadSequence, string? HeadHash, long EntryCount, string? Algorithm, string? Mac);
}
