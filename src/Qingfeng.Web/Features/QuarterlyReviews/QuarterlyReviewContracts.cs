using System.Text.Json.Serialization;
using Qingfeng.Features.DutyReports;
using Qingfeng.Features.Roster;

namespace Qingfeng.Features.QuarterlyReviews;

public sealed record QuarterlyDossierQuery : PageRequest
{
    [Required]
    [Range(2000, 2100)]
    public int? Year { get; init; }

    [Required]
    [Range(1, 4)]
    public int? Quarter { get; init; }

    /// <summary>Only the regions under this GB/T 2260 code (e.g. 520121 for Kaiyang).</summary>
    [StringLength(12)]
    [RegularExpression("^[0-9]{6,12}$", ErrorMessage = "Validation.RegionCode")]
    public string? RegionCode { get; init; }

    /// <summary>Official or unit name contains.</summary>
    [StringLength(64)]
    public string? Text { get; init; }

    /// <summary>Only officials with something to look at this quarter (a clue, an open or overdue item…).</summary>
    public bool? NotableOnly { get; init; }

    protected override int DefaultSize => 50;
}

/// <summary>
/// One 一把手's quarter in figures, with the office's note. The clue figures count only clues the reader may see; for a
/// reader without clue access they are absent (left out of the JSON), not zero.
/// </summary>
public sealed record DossierRow(
    Guid OfficialId,
    string Name,
    string Position,
    string UnitName,
    LeaderCategory? Category,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CluesReceived,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CluesDisposed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CasesFiled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Sanctioned,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? EightPointClues,
    int RectificationOpen,
    int RectificationOverdue,
    int RectificationClosed,
    int Talks,
    int Inquiries,
    int Accountability,
    DutyReportState? DutyReportState,
    string? DutyReportGrade,
    ReviewAssessment? Assessment,
    string? Note)
{
    public bool IsNotable => (CluesReceived ?? 0) + (CluesDisposed ?? 0) + (CasesFiled ?? 0) + (EightPointClues ?? 0) + RectificationOpen + RectificationOverdue + Talks + Inquiries + Accountability > 0;
}

/// <summary>The dossier's sums; the clue figures as in <see cref="DossierRow"/> (absent for a reader without clue access).</summary>
public sealed record DossierTotals(
    int Officials,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CluesReceived,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CluesDisposed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CasesFiled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Sanctioned,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? EightPointClues,
    int RectificationOpen,
    int RectificationOverdue,
    int RectificationClosed,
    int Talks,
    int Inquiries,
    int Accountability);

public sealed record QuarterlyDossier(
    int Year,
    int Quarter,
    DateOnly From,
    DateOnly To,
    string OrganName,
    string Conclusion,
    bool IsFinal,
    string? FinalisedBy,
    DossierTotals Totals,
    Paged<DossierRow> Rows,
    Guid? Version);

public sealed record ReviewNoteInput
{
    [Required]
    public Guid? OfficialId { get; init; }

    public ReviewAssessment? Assessment { get; init; }

    [StringLength(QuarterlyReview.NoteMaxLength)]
    public string? Text { get; init; }
}

public sealed record SaveQuarterlyReviewRequest : IRequestExample<SaveQuarterlyReviewRequest>
{
    [StringLength(QuarterlyReview.ConclusionMaxLength)]
    public string? Conclusion { get; init; }

    /// <summary>Notes to set; officials not listed keep theirs.</summary>
    [MaxLength(QuarterlyReview.MaxNotesPerSave)]
    public IReadOnlyList<ReviewNoteInput>? Notes { get; init; }

    public Guid? Version { get; init; }

    public static SaveQuarterlyReviewRequest Example => new()
    {
        Conclusion = "本季度所联系地区和单位“一把手”总体能够履行第一责任人职责；个别单位“三重一大”集体决策执行不到位，需持续关注。",
        Notes = [new ReviewNoteInput { OfficialId = ExampleIds.Official, Assessment = ReviewAssessment.NeedsAttention, Text = "本季度收到反映其插手工程项目的问题线索1件，巡察反馈问题整改1项逾期。" }],
        Version = ExampleIds.Version,
    };
}
