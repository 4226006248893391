namespace Qingfeng.Platform.Data;

/// <summary>
/// Base of a row that belongs to one record alone (its history, progress, reviews …), mapped with
/// <see cref="EntityMapping.ToChildTable{T}"/>: the row sets its own time-ordered key as it is made, so EF never generates it.
/// </summary>
public abstract class ChildRow
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();
}
