namespace Qingfeng.Features.Talks;

/// <summary>One severity tier of reminder talks and who talks at it (分层分级、谁批准谁实施: local practice).</summary>
public sealed class TalkTier
{
    public int Tier { get; set; }

    /// <summary>What the tier is for, e.g. "苗头性问题较突出".</summary>
    public string Description { get; set; } = "";

    /// <summary>Who talks, e.g. "纪委书记".</summary>
    public string Talker { get; set; } = "";
}

/// <summary>Configuration section <c>Talks</c>: the tier rule of reminder talks and the 约谈 pledge time.</summary>
public sealed class TalkOptions
{
    /// <summary>Calendar days after a 约谈 within which the official hands in the 廉政承诺书.</summary>
    public int PledgeDays { get; set; } = 15;

    /// <summary>Tier → talker. Empty in configuration means the defaults below.</summary>
    public List<TalkTier> Tiers { get; set; } = [];

    public static IReadOnlyList<TalkTier> DefaultTiers { get; } =
    [
        new() { Tier = 1, Description = "问题较严重或反映集中", Talker = "纪委书记" },
        new() { Tier = 2, Description = "问题较轻或有苗头性倾向", Talker = "纪委副书记或监督检查室主任" },
        new() { Tier = 3, Description = "一般性提醒", Talker = "监督检查室干部" },
    ];
}

/// <summary>Who talks to whom at each tier of a reminder talk: configuration, not code.</summary>
public sealed class TalkTierRule
{
    private readonly IReadOnlyList<TalkTier> _tiers;

    public TalkTierRule(TalkOptions options)
    {
        var configured = options.Tiers.Where(t => t.Tier > 0 && !string.IsNullOrWhiteSpace(t.Talker)).OrderBy(t => t.Tier).ToList();
        _tiers = configured.Count > 0 ? configured : TalkOptions.DefaultTiers;
        if (_tiers.Select(t => t.Tier).Distinct().Count() != _tiers.Count)
        {
            throw new InvalidOperationException("Talks:Tiers lists a tier twice.");
        }
    }

    public IReadOnlyList<TalkTier> Tiers => _tiers;

    /// <summary>The talker for a tier; an unknown tier is refused.</summary>
    public string TalkerFor(int tier) =>
        _tiers.FirstOrDefault(t => t.Tier == tier)?.Talker ?? throw new DomainRuleException("Talks.TierUnknown", tier);

    /// <summary>The talker title a talk of this type and tier gets: the tier's talker for reminder talks, none otherwise.</summary>
    public string? TalkerTitle(TalkType type, int? tier)
    {
        if (type != TalkType.Reminder)
        {
            return null;
        }

        return tier is { } t ? TalkerFor(t) : throw new DomainRuleException("Talks.TierRequired");
    }
}
