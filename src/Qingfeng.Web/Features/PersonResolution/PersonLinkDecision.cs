namespace Qingfeng.Features.PersonResolution;

/// <summary>
/// One decision that a mention means (or does not mean) a roster official: by an officer (picked, confirmed, "not the
/// same", "not on the roster") or by the resolver (an auto-link, with its score and reasons). Officers' decisions are
/// reused for the same mention (normalised name + unit); the resolver's are kept as the record of what it did.
/// </summary>
public sealed class PersonLinkDecision : Entity
{
    public const int MentionKeyMaxLength = 200;
    public const int ReasonMaxLength = 1000;

    private PersonLinkDecision()
    {
    }

    public PersonLinkDecision(string mentionKey, Guid officialId, bool isSame, bool isAutomatic, Guid? decidedById, string decidedBy, string? reason, int? score, DateTimeOffset decidedAt, Guid? organId, string subjectKind, Guid? subjectId, Guid? personId)
    {
        MentionKey = mentionKey.Length <= MentionKeyMaxLength ? mentionKey : mentionKey[..MentionKeyMaxLength];
        OfficialId = officialId;
        IsSame = isSame;
        IsAutomatic = isAutomatic;
        DecidedById = decidedById;
        DecidedBy = decidedBy;
        Reason = reason is { Length: > ReasonMaxLength } ? reason[..ReasonMaxLength] : reason;
        Score = score;
        DecidedAt = decidedAt;
        OrganId = organId;
        SubjectKind = subjectKind;
        SubjectId = subjectId;
        PersonId = personId;
    }

    /// <summary>The normalised name and unit of the mention (王建华|开阳县交通运输局).</summary>
    public string MentionKey { get; private set; } = "";

    public Guid OfficialId { get; private set; }

    /// <summary>Same person (true) or not the same (false).</summary>
    public bool IsSame { get; private set; }

    /// <summary>Made by the resolver (an auto-link), not by an officer.</summary>
    public bool IsAutomatic { get; private set; }

    public Guid? DecidedById { get; private set; }

    public string DecidedBy { get; private set; } = "";

    public string? Reason { get; private set; }

    public int? Score { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public Guid? OrganId { get; private set; }

    /// <summary>What the mention came from: Clue (later Import, Vetting).</summary>
    public string SubjectKind { get; private set; } = "";

    public Guid? SubjectId { get; private set; }

    public Guid? PersonId { get; private set; }
}

internal sealed class PersonLinkDecisionConfiguration : IEntityTypeConfiguration<PersonLinkDecision>
{
    public void Configure(EntityTypeBuilder<PersonLinkDecision> b)
    {
        b.ToTable("PersonLinkDecisions");
        b.Property(d => d.MentionKey).HasMaxLength(PersonLinkDecision.MentionKeyMaxLength);
        b.Property(d => d.DecidedBy).HasMaxLength(64);
        b.Property(d => d.Reason).HasMaxLength(PersonLinkDecision.ReasonMaxLength);
        b.Property(d => d.SubjectKind).HasMaxLength(32);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => d.MentionKey);
        b.HasIndex(d => new { d.SubjectId, d.PersonId });
    }
}
