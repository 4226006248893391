namespace Qingfeng.Platform.Files;

/// <summary>
/// The files a person may upload as an attachment or as evidence (a clue's attachments, a rectification item's evidence):
/// the types accepted, by extension, with the content type they are served as, and the largest size. Each file's first bytes
/// must also match its extension (<see cref="AttachmentSignatures"/>).
/// </summary>
public static class AttachmentRules
{
    /// <summary>Largest attachment accepted.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The extensions accepted and the content type each is stored and served as.</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".txt"] = "text/plain",
        [".mp3"] = "audio/mpeg",
    };

    /// <summary>The content types an attachment may be served as.</summary>
    public static IReadOnlyList<string> ContentTypes { get; } = [.. Types.Values.Distinct(StringComparer.Ordinal)];
}
