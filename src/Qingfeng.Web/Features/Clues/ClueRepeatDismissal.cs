namespace Qingfeng.Features.Clues;

/// <summary>
/// An officer's decision that two clues are <b>not</b> the same matter (不是重复件): kept with who, when and why, so the pair is
/// not offered again and the decision can be read back. Confirming a repeat is the existing MarkRepeat action.
/// </summary>
public sealed class ClueRepeatDismissal : Entity
{
    public const int ReasonMaxLength = 500;

    private ClueRepeatDismissal()
    {
    }

    public ClueRepeatDismissal(Guid clueId, Guid otherClueId, Guid organId, Guid dismissedById, string dismissedByName, DateTimeOffset dismissedAt, string reason)
    {
        ClueId = clueId;
        OtherClueId = otherClueId;
        OrganId = organId;
        DismissedById = dismissedById;
        DismissedByName = dismissedByName;
        DismissedAt = dismissedAt;
        Reason = reason;
    }

    /// <summary>The clue on whose page the candidate was dismissed.</summary>
    public Guid ClueId { get; private set; }

    /// <summary>The candidate dismissed.</summary>
    public Guid OtherClueId { get; private set; }

    /// <summary>The organ that owns the clue and made the decision.</summary>
    public Guid OrganId { get; private set; }

    public Guid DismissedById { get; private set; }

    public string DismissedByName { get; private set; } = "";

    public DateTimeOffset DismissedAt { get; private set; }

    public string Reason { get; private set; } = "";

    /// <summary>Whether this decision is about the pair of these two clues, in either order.</summary>
    public bool Concerns(Guid a, Guid b) => (ClueId == a && OtherClueId == b) || (ClueId == b && OtherClueId == a);
}

internal sealed class ClueRepeatDismissalConfiguration : IEntityTypeConfiguration<ClueRepeatDismissal>
{
    public void Configure(EntityTypeBuilder<ClueRepeatDismissal> b)
    {
        b.ToTable("ClueRepeatDismissals");
        b.Property(d => d.DismissedByName).HasMaxLength(64);
        b.Property(d => d.Reason).HasMaxLength(ClueRepeatDismissal.ReasonMaxLength);
        b.HasIndex(d => new { d.ClueId, d.OtherClueId }).IsUnique();
        b.HasIndex(d => d.OtherClueId);
    }
}
