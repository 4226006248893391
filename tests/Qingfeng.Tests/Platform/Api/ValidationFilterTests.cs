using System.Globalization;
using Qingfeng.Features.Recommendations;
using Qingfeng.Platform.Api;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.Tests.Platform.Api;

public sealed class ValidationFilterTests
{
    private static readonly IssueRecommendationRequest Complete = new()
    {
        UnitId = Guid.NewGuid(),
        Kind = RecommendationKind.Supervision,
        Title = "关于加强政府采购管理的监察建议",
        Origin = "巡察反馈",
        Findings = "化整为零规避公开招标。",
        Measures = ["修订采购内控制度。"],
    };

    [Fact]
    public void A_complete_request_has_no_problems() => Assert.Empty(ValidationFilter.Validate(Complete));

    [Fact]
    public void An_empty_required_text_is_reported_once_as_required_not_also_as_too_short()
    {
        var problems = InChinese(() => ValidationFilter.Validate(Complete with { Title = "" }).ToList());

        var (member, message) = Assert.Single(problems);
        Assert.Equal("title", member);
        Assert.EndsWith("为必填项。", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_is_required_and_a_long_one_names_its_limit()
    {
        var empty = InChinese(() => ValidationFilter.Validate(Complete with { Measures = [] }).ToList());
        var tooMany = InChinese(() => ValidationFilter.Validate(Complete with { Measures = [.. Enumerable.Repeat("措施", Recommendation.MaxMeasures + 1)] }).ToList());

        Assert.EndsWith("为必填项。", Assert.Single(empty).Message, StringComparison.Ordinal);
        Assert.Contains($"不能超过 {Recommendation.MaxMeasures} 项", Assert.Single(tooMany).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_with_a_picker_says_what_to_pick_first_and_never_names_the_id_field()
    {
        var problems = InChinese(() => FormInput.Problems(Complete with { UnitId = null, Title = "" }, picked: false, "请选择单位。"));

        Assert.Equal("请选择单位。", problems[0]);
        Assert.Equal(2, problems.Count);
        Assert.DoesNotContain(problems, p => p.Contains("UnitId", StringComparison.Ordinal));
    }

    /// <summary>Reads the messages in Chinese, the default UI language, whatever the machine's culture.</summary>
    internal static T InChinese<T>(Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
