using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.QuarterlyReviews;

/// <summary>How the office judges one 一把手 after the quarter's review.</summary>
public enum ReviewAssessment
{
    Good,
    Fair,
    NeedsAttention,
    Concern,
}

/// <summary>
/// 按季度梳理分析 (domain.md A6): a supervision office's quarterly review of the 一把手 of the regions and units it is
/// linked to. The figures are generated from the other modules each time (the dossier); what the office records is
/// stored here: an overall conclusion and a note per official, until the review is finalised.
/// </summary>
public sealed class QuarterlyReview : Entity
{
    public const int ConclusionMaxLength = 8000;
    public const int NoteMaxLength = 2000;

    /// <summary>The most notes one save sets (a page of the dossier holds far fewer).</summary>
    public const int MaxNotesPerSave = 1000;

    private QuarterlyReview()
    {
    }

    public QuarterlyReview(Guid organId, int year, int quarter)
    {
        if (quarter is < 1 or > 4 || year is < 2000 or > 2100)
        {
            throw new DomainRuleException("QuarterlyReview.BadQuarter");
        }

        OrganId = organId;
        Year = year;
        Quarter = quarter;
    }

    public Guid OrganId { get; private set; }

    public int Year { get; private set; }

    public int Quarter { get; private set; }

    public string Conclusion { get; private set; } = "";

    public DateTimeOffset? FinalisedAt { get; private set; }

    public string? FinalisedBy { get; private set; }

    public List<QuarterlyReviewNote> Notes { get; private set; } = [];

    public bool IsFinal => FinalisedAt is not null;

    public DateOnly From => Window(Year, Quarter).From;

    public DateOnly To => Window(Year, Quarter).To;

    public void SetConclusion(string? conclusion)
    {
        EnsureOpen();
        Conclusion = InputRules.RequiredText(conclusion, ConclusionMaxLength);
    }

    /// <summary>Sets (or with an empty text and no assessment, removes) the note on one official.</summary>
    public void Note(Guid officialId, string officialName, string unitName, ReviewAssessment? assessment, string? text)
    {
        EnsureOpen();
        var note = Notes.SingleOrDefault(n => n.OfficialId == officialId);
        var trimmed = (text ?? "").Trim();
        if (assessment is null && trimmed.Length == 0)
        {
            if (note is not null)
            {
                Notes.Remove(note);
            }

            return;
        }

        if (note is null)
        {
            note = new QuarterlyReviewNote(Id, officialId, officialName, unitName);
            Notes.Add(note);
        }

        note.Set(assessment ?? ReviewAssessment.Good, InputRules.RequiredText(trimmed, NoteMaxLength, "Text"));
    }

    /// <summary>Closes the review: later edits are refused.</summary>
    public void Finalise(SupervisionActor actor, DateTimeOffset at)
    {
        EnsureOpen();
        if (Conclusion.Length == 0)
        {
            throw new DomainRuleException("QuarterlyReview.ConclusionRequired");
        }

        FinalisedAt = at;
        FinalisedBy = actor.Name;
    }

    private void EnsureOpen()
    {
        if (IsFinal)
        {
            throw DomainRuleException.Conflict("QuarterlyReview.Final");
        }
    }

    public static (DateOnly From, DateOnly To) Window(int year, int quarter)
    {
        var from = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return (from, from.AddMonths(3).AddDays(-1));
    }
}

/// <summary>The office's note on one 一把手 in a quarterly review.</summary>
public sealed class QuarterlyReviewNote : ChildRow
{
    private QuarterlyReviewNote()
    {
    }

    internal QuarterlyReviewNote(Guid reviewId, Guid officialId, string officialName, string unitName)
    {
        ReviewId = reviewId;
        OfficialId = officialId;
        OfficialName = officialName;
        UnitName = unitName;
    }

    public Guid ReviewId { get; private set; }

    public Guid OfficialId { get; private set; }

    public string OfficialName { get; private set; } = "";

    public string UnitName { get; private set; } = "";

    public ReviewAssessment Assessment { get; private set; }

    public string Text { get; private set; } = "";

    internal void Set(ReviewAssessment assessment, string text)
    {
        Assessment = assessment;
        Text = text;
    }
}
