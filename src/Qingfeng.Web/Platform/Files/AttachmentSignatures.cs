namespace Qingfeng.Platform.Files;

/// <summary>
/// The first bytes each allowed attachment type must start with, so that a page or a script renamed to
/// <c>.pdf</c> or <c>.png</c> is refused at the door rather than stored under a trusted type.
/// </summary>
internal static class AttachmentSignatures
{
    private static readonly Dictionary<string, byte[][]> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ["%PDF-"u8.ToArray()],
        [".png"] = [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]],
        [".jpg"] = [[0xFF, 0xD8, 0xFF]],
        [".jpeg"] = [[0xFF, 0xD8, 0xFF]],
        [".docx"] = [[0x50, 0x4B, 0x03, 0x04]],
        [".xlsx"] = [[0x50, 0x4B, 0x03, 0x04]],
        [".mp3"] = ["ID3"u8.ToArray(), [0xFF, 0xFB], [0xFF, 0xF3], [0xFF, 0xF2]],
    };

    /// <summary>True when the content starts as its extension promises; text has no signature and always matches.</summary>
    public static bool Match(string extension, ReadOnlySpan<byte> content)
    {
        if (!Signatures.TryGetValue(extension, out var accepted))
        {
            return true;
        }

        foreach (var signature in accepted)
        {
            if (content.StartsWith(signature))
            {
                return true;
            }
        }

        return false;
    }
}
