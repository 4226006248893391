namespace Qingfeng.Features.DutyReports;

/// <summary>
/// A 述责述廉 campaign (e.g. the county commission plenary's annual session, domain.md §5 and A5): the reporting 一把手, the
/// content template, the review chain and the score scale — copied from <see cref="DutyReportOptions"/> when created — and the
/// attending leaders who score. Owned by the organ that runs it.
/// </summary>
public sealed class DutyReportCampaign : Entity
{
    public const int TitleMaxLength = 200;
    public const int MaxScorers = 200;

    private DutyReportCampaign()
    {
    }

    public DutyReportCampaign(Guid organId, string title, int year, DateOnly sessionOn, DutyReportOptions options)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("DutyReport.TitleRequired");
        }

        if (options.TemplateItems.Count == 0 || options.ReviewLevels.Count == 0 || options.Grades.Count == 0)
        {
            throw new DomainRuleException("DutyReport.BadConfiguration");
        }

        OrganId = organId;
        Title = InputRules.RequiredText(title, TitleMaxLength);
        Year = year;
        SessionOn = sessionOn;
        TemplateItems = [.. options.TemplateItems];
        LevelNames = [.. options.ReviewLevels.Select(l => l.Name)];
        LevelRoles = [.. options.ReviewLevels.Select(l => l.Role)];
        ScaleMax = options.ScaleMax;
        var grades = options.Grades.OrderByDescending(g => g.Min).ToList();
        GradeThresholds = [.. grades.Select(g => g.Min)];
        GradeNames = [.. grades.Select(g => g.Name)];
        ReminderBelow = options.ReminderBelow;
        MinimumVotes = Math.Max(1, options.MinimumVotes);
    }

    public Guid OrganId { get; private set; }

    public string Title { get; private set; } = "";

    public int Year { get; private set; }

    public DateOnly SessionOn { get; private set; }

    public List<string> TemplateItems { get; private set; } = [];

    public List<string> LevelNames { get; private set; } = [];

    public List<string> LevelRoles { get; private set; } = [];

    public int ScaleMax { get; private set; }

    public List<int> GradeThresholds { get; private set; } = [];

    public List<string> GradeNames { get; private set; } = [];

    public int ReminderBelow { get; private set; }

    public int MinimumVotes { get; private set; }

    public bool ScoringClosed { get; private set; }

    public List<CampaignScorer> Scorers { get; private set; } = [];

    /// <summary>The grade a mean score reaches.</summary>
    public string GradeOf(decimal mean)
    {
        for (var i = 0; i < GradeThresholds.Count; i++)
        {
            if (mean >= GradeThresholds[i])
            {
                return GradeNames[i];
            }
        }

        return GradeNames[^1];
    }

    public void SetScorers(IReadOnlyList<(Guid UserId, string Name)> scorers)
    {
        if (ScoringClosed)
        {
            throw DomainRuleException.Conflict("DutyReport.ScoringClosed");
        }

        Scorers.RemoveAll(s => scorers.All(n => n.UserId != s.UserId));
        foreach (var (userId, name) in scorers.Where(n => Scorers.All(s => s.UserId != n.UserId)))
        {
            Scorers.Add(new CampaignScorer(Id, userId, name));
        }
    }

    public bool IsScorer(Guid userId) => Scorers.Any(s => s.UserId == userId);

    public void CloseScoring()
    {
        if (ScoringClosed)
        {
            throw DomainRuleException.Conflict("DutyReport.ScoringClosed");
        }

        ScoringClosed = true;
    }
}

/// <summary>An attending leader designated to score the campaign's reports.</summary>
public sealed class CampaignScorer : ChildRow
{
    private CampaignScorer()
    {
    }

    internal CampaignScorer(Guid campaignId, Guid userId, string name)
    {
        CampaignId = campaignId;
        UserId = userId;
        Name = name;
    }

    public Guid CampaignId { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = "";
}
