namespace Qingfeng.Platform.Files;

/// <summary>An uploaded evidence file, read into memory (at most <see cref="EvidenceFiles.MaxBytes"/>).</summary>
public sealed record EvidenceUpload(string FileName, string ContentType, byte[] Content);

/// <summary>The accepted evidence files: the types and size limit of <see cref="AttachmentRules"/>, checked by content.</summary>
public static class EvidenceFiles
{
    public const long MaxBytes = AttachmentRules.MaxBytes;

    public static void Check(EvidenceUpload file)
    {
        var extension = Path.GetExtension(file.FileName);
        if (!AttachmentRules.Types.ContainsKey(extension))
        {
            throw new DomainRuleException("Clue.AttachmentType", string.Join(' ', AttachmentRules.Types.Keys));
        }

        if (file.Content.Length == 0 || file.Content.Length > MaxBytes)
        {
            throw DomainRuleException.TooLarge("Clue.AttachmentSize", MaxBytes / 1024 / 1024);
        }

        if (!AttachmentSignatures.Match(extension, file.Content))
        {
            throw new DomainRuleException("Clue.AttachmentContent", extension);
        }
    }

    /// <summary>Reads an upload, refusing it before it is read in full when it is too large.</summary>
    public static async Task<EvidenceUpload> ReadAsync(string fileName, long length, Stream content, CancellationToken cancellationToken)
    {
        if (length <= 0 || length > MaxBytes)
        {
            throw DomainRuleException.TooLarge("Clue.AttachmentSize", MaxBytes / 1024 / 1024);
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var extension = Path.GetExtension(fileName);
        var type = AttachmentRules.Types.GetValueOrDefault(extension, "application/octet-stream");
        return new EvidenceUpload(Path.GetFileName(fileName), type, buffer.ToArray());
    }
}
