namespace Qingfeng.Features.Clues;

/// <summary>A file attached to a clue (letter scan, photo, audit excerpt), stored encrypted in the database.</summary>
public sealed class ClueAttachment : Entity
{
    private ClueAttachment()
    {
    }

    public ClueAttachment(Guid clueId, string fileName, string contentType, long size)
    {
        ClueId = clueId;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
    }

    public Guid ClueId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>The encrypted content (SM4-GCM, bound to this attachment's id).</summary>
    public byte[] Cipher { get; private set; } = [];

    public void Seal(byte[] cipher) => Cipher = cipher;
}
