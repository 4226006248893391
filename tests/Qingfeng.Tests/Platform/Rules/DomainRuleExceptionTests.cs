using Qingfeng.Platform.Api;
using Qingfeng.Platform.Rules;
using Xunit;

namespace Qingfeng.Tests.Platform.Rules;

/// <summary>A refusal states its kind; only the API layer turns the kind into an HTTP status (<see cref="RuleStatus"/>).</summary>
public sealed class DomainRuleExceptionTests
{
    public static TheoryData<string, RuleKind, int> Factories => new()
    {
        { nameof(DomainRuleException.Conflict), RuleKind.Conflict, 409 },
        { nameof(DomainRuleException.Forbidden), RuleKind.Forbidden, 403 },
        { nameof(DomainRuleException.NotFound), RuleKind.NotFound, 404 },
        { nameof(DomainRuleException.TooLarge), RuleKind.TooLarge, 413 },
    };

    [Theory]
    [MemberData(nameof(Factories))]
    public void Each_factory_states_its_kind_and_the_api_answers_its_status(string factory, RuleKind kind, int status)
    {
        var exception = factory switch
        {
            nameof(DomainRuleException.Conflict) => DomainRuleException.Conflict("Talks.IllegalMove", "Held", "Planned"),
            nameof(DomainRuleException.Forbidden) => DomainRuleException.Forbidden("Supervision.NotOwningOrgan", "开阳县纪委监委"),
            nameof(DomainRuleException.TooLarge) => DomainRuleException.TooLarge("Clue.AttachmentSize", 10),
            _ => DomainRuleException.NotFound("Rule.NotFound"),
        };

        Assert.Equal(kind, exception.Kind);
        Assert.Equal(status, RuleStatus.Of(exception.Kind));
        Assert.Equal(status, exception.Status);
    }

    [Fact]
    public void The_arguments_of_a_factory_reach_the_message()
    {
        var exception = DomainRuleException.Conflict("Talks.IllegalMove", "Held", "Planned");

        Assert.Equal("Talks.IllegalMove", exception.Code);
        Assert.Equal(["Held", "Planned"], exception.Arguments);
    }

    [Fact]
    public void A_plain_refusal_is_unprocessable()
    {
        var exception = new DomainRuleException("Clue.AttachmentType", ".pdf");

        Assert.Equal(RuleKind.Refused, exception.Kind);
        Assert.Equal(422, exception.Status);
    }

    [Theory]
    [InlineData(400, RuleKind.Invalid)]
    [InlineData(403, RuleKind.Forbidden)]
    [InlineData(404, RuleKind.NotFound)]
    [InlineData(409, RuleKind.Conflict)]
    [InlineData(413, RuleKind.TooLarge)]
    [InlineData(422, RuleKind.Refused)]
    public void A_status_set_the_older_way_states_the_same_kind(int status, RuleKind kind)
    {
        var exception = new DomainRuleException("Rule.Violated") { Status = status };

        Assert.Equal(kind, exception.Kind);
        Assert.Equal(status, exception.Status);
    }

    [Fact]
    public void A_status_no_kind_answers_with_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DomainRuleException("Rule.Violated") { Status = 418 });
    }

    [Fact]
    public void Every_kind_has_one_status()
    {
        var statuses = Enum.GetValues<RuleKind>().Select(RuleStatus.Of).ToList();

        Assert.Equal(statuses.Count, statuses.Distinct().Count());
    }
}
