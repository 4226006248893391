namespace Qingfeng.Features.Recommendations;

/// <summary>Local practice for recommendations (configuration section <c>Supervision:Recommendations</c>).</summary>
public sealed class RecommendationOptions
{
    public const string Section = "Supervision:Recommendations";

    /// <summary>Word in the unified number before the year: 纪建〔2026〕3号.</summary>
    public string NumberPrefix { get; set; } = "纪建";

    /// <summary>Days after receipt within which the unit may object (stated in the letter).</summary>
    public int ObjectionDays { get; set; } = 15;
}
