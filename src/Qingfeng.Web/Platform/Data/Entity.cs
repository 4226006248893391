namespace Qingfeng.Platform.Data;

/// <summary>Base of every business entity: a time-ordered id, audit fields and a concurrency token.</summary>
public abstract class Entity
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();

    public DateTimeOffset CreatedAt { get; internal set; }

    public string CreatedBy { get; internal set; } = "";

    public DateTimeOffset? UpdatedAt { get; internal set; }

    public string? UpdatedBy { get; internal set; }

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid Version { get; internal set; } = Guid.NewGuid();
}
