using Qingfeng.Features.Audit;

namespace Qingfeng.Features.Clues;

public sealed record ReencryptionResult(int Clues, int Attachments);

/// <summary>
/// After a key rotation (a new <c>Encryption:CurrentKeyId</c>, the old key still listed), re-encrypts every
/// clue's content and reporter and every attachment still under an old key, in batches, so that the old key
/// can then be removed. The search index is unaffected (it uses the separate index key).
/// </summary>
public static class ClueKeyRotation
{
    public static async Task<ReencryptionResult> ReencryptAsync(QingfengDatabase database, FieldEncryption encryption, CancellationToken cancellationToken = default)
    {
        const int Batch = 500;
        var clues = 0;
        var lastId = Guid.Empty;
        while (true)
        {
            await using var db = database.Create(DbActor.System);
            var page = await db.Clues.Where(c => c.Id.CompareTo(lastId) > 0).OrderBy(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            lastId = page[^1].Id;
            var changed = 0;
            foreach (var clue in page)
            {
                var content = clue.ContentCipher is { } c && !encryption.IsCurrent(c) ? encryption.Encrypt(encryption.Decrypt(c, Bind(clue.Id, "content")), Bind(clue.Id, "content")) : clue.ContentCipher;
                var reporter = clue.ReporterCipher is { } r && !encryption.IsCurrent(r) ? encryption.Encrypt(encryption.Decrypt(r, Bind(clue.Id, "reporter")), Bind(clue.Id, "reporter")) : clue.ReporterCipher;
                if (content != clue.ContentCipher || reporter != clue.ReporterCipher)
                {
                    clue.SetProtectedContent(content!, reporter, clue.Fingerprint ?? "");
                    changed++;
                }
            }

            if (changed > 0)
            {
                db.BulkAuditSummary = new AuditEntry("Reencrypt", nameof(Clue), null, $"clues={changed} key={encryption.CurrentKeyId}");
                await db.SaveChangesAsync(cancellationToken);
                clues += changed;
            }
        }

        var attachments = 0;
        await using (var db = database.Create(DbActor.System))
        {
            foreach (var attachment in await db.Set<ClueAttachment>().ToListAsync(cancellationToken))
            {
                if (!encryption.IsCurrent(attachment.Cipher))
                {
                    attachment.Seal(encryption.EncryptBytes(encryption.DecryptBytes(attachment.Cipher, Bind(attachment.Id, "file")), Bind(attachment.Id, "file")));
                    attachments++;
                }
            }

            if (attachments > 0)
            {
                db.BulkAuditSummary = new AuditEntry("Reencrypt", nameof(ClueAttachment), null, $"attachments={attachments} key={encryption.CurrentKeyId}");
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return new ReencryptionResult(clues, attachments);
    }

    /// <summary>The associated data a field is bound to; the same as <see cref="ClueProtection"/> uses.</summary>
    internal static string Bind(Guid id, string field) => $"{id:N}:{field}";
}
