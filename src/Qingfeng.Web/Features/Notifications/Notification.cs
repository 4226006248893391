namespace Qingfeng.Features.Notifications;

/// <summary>
/// An in-app message to one user (e.g. "clue 开阳县-2026-00012: 函询 reply overdue"). The text is a
/// catalog key with arguments so it shows in the reader's language. <see cref="DedupKey"/> makes
/// repeated sweeps idempotent.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Notification(Guid userId, string messageKey, IReadOnlyList<string> arguments, string? link, string dedupKey, DateTimeOffset createdAt)
    {
        UserId = userId;
        MessageKey = messageKey;
        Arguments = string.Join('\u001f', arguments);
        Link = link;
        DedupKey = dedupKey;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid UserId { get; private set; }

    public string MessageKey { get; private set; } = "";

    /// <summary>Arguments of the message, separated by the unit separator character.</summary>
    public string Arguments { get; private set; } = "";

    public string? Link { get; private set; }

    public string DedupKey { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public IReadOnlyList<string> ArgumentList => Arguments.Length == 0 ? [] : Arguments.Split('\u001f');

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.MessageKey).HasMaxLength(64);
        b.Property(n => n.Arguments).HasMaxLength(1000);
        b.Property(n => n.Link).HasMaxLength(200);
        b.Property(n => n.DedupKey).HasMaxLength(200);
        b.HasIndex(n => n.DedupKey).IsUnique();
        b.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}
