using Qingfeng.Features.Recommendations;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Rules;
using Xunit;

namespace Qingfeng.Tests.Features.Recommendations;

public sealed class RecommendationTests
{
    private static readonly SupervisedSubject Unit = new(Guid.NewGuid(), "某县卫生健康局", "520121", Guid.NewGuid(), "乙某", "局长", true, null);
    private static readonly SupervisionActor Officer = new(Guid.NewGuid(), "监督检查室干部");
    private static readonly DateOnly IssuedOn = new(2026, 3, 2);

    private static Recommendation Issue(params string[] measures) => new(
        Guid.NewGuid(), Unit, new RecommendationContent(RecommendationKind.Combined, "规范采购管理", "案件查办中发现", "采购个人说了算", measures, IssuedOn), "纪建〔2026〕1号", 2026, 1, IssuedOn.AddDays(30));

    [Fact]
    public void Each_measure_is_numbered_and_blank_ones_are_dropped()
    {
        var recommendation = Issue("建立集体决策制度", " ", "清理供应商");
        Assert.Equal([(1, "建立集体决策制度"), (2, "清理供应商")], recommendation.Measures.Select(m => (m.Number, m.Text)));
        Assert.Equal("Recommendation.MeasuresRequired", Assert.Throws<DomainRuleException>(() => Issue(" ")).Code);
    }

    [Fact]
    public void The_reply_is_overdue_only_after_its_deadline_and_only_until_it_is_recorded()
    {
        var recommendation = Issue("建立集体决策制度");
        Assert.False(recommendation.IsReplyOverdue(IssuedOn.AddDays(30)));
        Assert.True(recommendation.IsReplyOverdue(IssuedOn.AddDays(31)));
        recommendation.RecordReply(IssuedOn.AddDays(31), "已建立制度", null);
        Assert.False(recommendation.IsReplyOverdue(IssuedOn.AddDays(40)));
    }

    [Fact]
    public void Only_a_satisfactory_check_after_the_reply_closes_it()
    {
        var recommendation = Issue("建立集体决策制度");
        Assert.Equal("Recommendation.NotReplied", Assert.Throws<DomainRuleException>(() => recommendation.AddCheck(IssuedOn.AddDays(5), "未回复", true, Officer)).Code);
        recommendation.AddCheck(IssuedOn.AddDays(5), "督促回复", false, Officer);
        recommendation.RecordReply(IssuedOn.AddDays(20), "已整改", "对第二条有异议");
        recommendation.AddCheck(IssuedOn.AddDays(40), "制度执行中，尚需巩固", false, Officer);
        Assert.Equal(RecommendationState.Replied, recommendation.State);
        recommendation.AddCheck(IssuedOn.AddDays(90), "回头看整改到位", true, Officer);
        Assert.Equal((RecommendationState.Closed, IssuedOn.AddDays(90)), (recommendation.State, recommendation.ClosedOn));
        Assert.Equal(409, Assert.Throws<DomainRuleException>(() => recommendation.AddCheck(IssuedOn.AddDays(91), "再查", false, Officer)).Status);
    }

    [Fact]
    public void The_rules_count_of_the_outcome_follows_the_rules_recorded()
    {
        var recommendation = Issue("建立集体决策制度");
        recommendation.AddRule("采购“十不准”", IssuedOn.AddDays(10), null);
        recommendation.RecordOutcome(new SupervisionOutcome { ProblemsFound = 3, RulesAdopted = 7 });
        Assert.Equal((3, 1), (recommendation.Outcome.ProblemsFound, recommendation.Outcome.RulesAdopted));
        recommendation.AddRule("轮岗“五必须”", IssuedOn.AddDays(12), "关键岗位五年轮岗");
        Assert.Equal(2, recommendation.Outcome.RulesAdopted);
        Assert.Equal("Recommendation.DateBeforeIssue", Assert.Throws<DomainRuleException>(() => recommendation.AddRule("早于制发", IssuedOn.AddDays(-1), null)).Code);
    }
}
