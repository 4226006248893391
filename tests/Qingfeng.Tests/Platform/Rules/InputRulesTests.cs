using System.Globalization;
using System.Text.Json;
using Qingfeng.Features.Accountability;
using Qingfeng.Features.Clues;
using Qingfeng.Features.DutyReports;
using Qingfeng.Features.Recommendations;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Api;
using Qingfeng.Platform.Rules;
using Qingfeng.Tests.Features.Clues;
using Qingfeng.Tests.Platform.Api;
using Xunit;

namespace Qingfeng.Tests.Platform.Rules;

/// <summary>The one set of input rules: what a request may carry, and that entities refuse rather than cut.</summary>
public sealed class InputRulesTests
{
    private static readonly RegisterClueRequest Clue = new()
    {
        Source = ClueSource.Letter,
        ReceivedOn = new DateOnly(2026, 3, 2),
        Content = "反映其违规收受礼金两万元，请核查。",
        Persons = [new ReportedPersonRequest { Name = "张三" }],
    };

    [Fact]
    public void A_valid_request_has_no_problems() => Assert.Empty(InputRules.Validate(Clue));

    [Theory]
    [InlineData(99)]
    [InlineData(0)]
    public void An_enum_value_no_member_has_is_refused_by_its_json_name(int source)
    {
        var (member, message) = Assert.Single(ValidationFilterTests.InChinese(() => InputRules.Validate(Clue with { Source = (ClueSource)source }).ToList()));

        Assert.Equal("source", member);
        Assert.Equal("线索来源不是允许的取值。", message);
    }

    [Fact]
    public void A_flags_enum_may_combine_its_members_but_not_carry_other_bits()
    {
        Assert.True(InputRules.IsDefined(AccountabilityMethod.Examination | AccountabilityMethod.Circulation));
        Assert.False(InputRules.IsDefined((AccountabilityMethod)128));
        Assert.False(InputRules.IsDefined((DisposalMethod)9));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1999-12-31")]
    [InlineData("2101-01-01")]
    [InlineData("9999-12-31")]
    public void A_date_outside_the_default_window_is_refused_naming_the_window(string date)
    {
        var (member, message) = Assert.Single(ValidationFilterTests.InChinese(() => InputRules.Validate(Clue with { ReceivedOn = DateOnly.Parse(date, CultureInfo.InvariantCulture) }).ToList()));

        Assert.Equal("receivedOn", member);
        Assert.Contains("2000-01-01 到 2100-12-31", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_id_left_out_is_missing_not_the_empty_guid()
    {
        var escalation = new Qingfeng.Features.Organs.EscalateRequest { ValidFrom = new DateOnly(2026, 12, 1), Reason = "群众反映集中，提级监督" };

        Assert.Equal("unitId", Assert.Single(InputRules.Validate(escalation)).Member);
        Assert.Empty(InputRules.Validate(escalation with { UnitId = Guid.NewGuid() }));
    }

    [Fact]
    public void A_member_may_declare_its_own_window()
    {
        Assert.Empty(InputRules.Validate(new Born { BirthDate = new DateOnly(1950, 5, 1) }));
        Assert.Equal("birthDate", Assert.Single(InputRules.Validate(new Born { BirthDate = new DateOnly(1899, 12, 31) })).Member);
        Assert.Equal("birthDate", Assert.Single(InputRules.Validate(new Born { BirthDate = new DateOnly(2101, 1, 1) })).Member);
    }

    [Fact]
    public void Nested_members_and_list_entries_are_named_by_their_path()
    {
        var request = Clue with
        {
            Reporter = new ReporterDetails { Name = new string('名', 65) },
            Persons = [new ReportedPersonRequest { Name = "张三" }, new ReportedPersonRequest { Name = new string('名', 65) }],
            Categories = ["EP.GIFTS", new string('C', 33)],
        };

        var members = InputRules.Validate(request).Select(p => p.Member).ToList();

        Assert.Equal(["reporter.name", "persons[1].name", "categories[1]"], members);
    }

    [Fact]
    public void Each_entry_of_a_list_of_texts_is_held_to_its_length()
    {
        var request = RecommendationRequest(["建立集体决策制度", new string('措', Recommendation.MeasureMaxLength + 1)]);

        var (member, message) = Assert.Single(ValidationFilterTests.InChinese(() => InputRules.Validate(request).ToList()));

        Assert.Equal("measures[1]", member);
        Assert.Contains($"不能超过 {Recommendation.MeasureMaxLength} 个字符", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_refuses_the_request_with_a_400_carrying_every_field()
    {
        var refused = Assert.Throws<DomainRuleException>(() => InputRules.Ensure(Clue with { Source = (ClueSource)99, ReceivedOn = DateOnly.MinValue }));

        Assert.Equal((400, InputRules.FailedCode), (refused.Status, refused.Code));
        Assert.Equal(["source", "receivedOn"], refused.Errors!.Keys);
    }

    [Fact]
    public void An_undefined_disposal_method_cannot_be_proposed_so_a_principal_leaders_clue_cannot_be_closed_through_it()
    {
        var scenario = new ClueScenario();
        var clue = scenario.At(ClueState.Assigned, principal: true);

        var refused = Assert.Throws<DomainRuleException>(() =>
            clue.Apply(ClueAction.ProposeDisposal, new() { Method = (DisposalMethod)9, Comment = "了结" }, scenario.Handler, ClueScenario.Now, scenario.Deadlines));

        Assert.Equal(400, refused.Status);
        Assert.Equal("method", Assert.Single(refused.Errors!.Keys));
        Assert.Equal((ClueState.Assigned, (DisposalMethod?)null), (clue.State, clue.Method));
        Assert.Throws<DomainRuleException>(() => ClueWorkflow.StateFor((DisposalMethod)9));
    }

    [Fact]
    public void Entities_refuse_a_text_over_its_column_instead_of_cutting_it()
    {
        var campaign = new DutyReportCampaign(Guid.NewGuid(), "述责述廉", 2026, new DateOnly(2026, 12, 20), new DutyReportOptions());
        var report = new DutyReport(campaign, new SupervisedSubject(Guid.NewGuid(), "某局", "520121", Guid.NewGuid(), "甲某", "局长", true, null), ReportMode.OnSite);
        var answers = campaign.TemplateItems.Select(_ => "内容").ToList();
        answers[1] = new string('文', DutyReport.AnswerMaxLength + 1);

        var refused = Assert.Throws<DomainRuleException>(() => report.Write(answers));

        Assert.Equal((400, "answers"), (refused.Status, Assert.Single(refused.Errors!.Keys)));
        Assert.All(report.Answers, a => Assert.Equal("", a));
        Assert.Equal(new string('文', 10), InputRules.Text(" " + new string('文', 10) + " ", 10));
    }

    [Theory]
    [InlineData("9")]
    [InlineData("\"9\"")]
    [InlineData("\"TalkInquiry, Verification\"")]
    [InlineData("\"Bogus\"")]
    [InlineData("\" Close\"")]
    public void Json_enums_are_member_names_only(string value)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<ClueActionRequest>($$"""{"method":{{value}}}""", Json));

        Assert.IsType<UndefinedEnumException>(error);
        Assert.Equal("$.method", error.Path);
    }

    [Fact]
    public void Json_enums_read_their_names_in_any_case_and_flags_as_a_list_of_names()
    {
        Assert.Equal(DisposalMethod.Close, JsonSerializer.Deserialize<ClueActionRequest>("""{"method":"close"}""", Json)!.Method);
        Assert.Equal(
            AccountabilityMethod.Examination | AccountabilityMethod.Circulation,
            JsonSerializer.Deserialize<AccountabilityMethod>("\"Examination, Circulation\"", Json));
        Assert.Equal("\"Verification\"", JsonSerializer.Serialize(DisposalMethod.Verification, Json));
    }

    [Fact]
    public void Every_member_of_every_request_has_a_label_in_both_languages()
    {
        var requests = typeof(InputRules).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.Namespace?.StartsWith("Qingfeng.Features", StringComparison.Ordinal) == true
                && (t.Name.EndsWith("Request", StringComparison.Ordinal) || t.Name.EndsWith("Query", StringComparison.Ordinal) || t.Name.EndsWith("Input", StringComparison.Ordinal)));
        var unlabelled = requests
            .SelectMany(t => t.GetProperties().Where(p => p.SetMethod is not null).Select(p => (Type: t.Name, Member: p.Name)))
            .Where(m => Qingfeng.Platform.Ui.TextCatalog.Instance.Find("Field." + m.Member, CultureInfo.GetCultureInfo("zh-CN")) is null)
            .Select(m => $"{m.Type}.{m.Member}")
            .ToList();

        Assert.True(unlabelled.Count == 0, "Refusals would name these members in English on a Chinese page:\n" + string.Join('\n', unlabelled));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new StrictEnumConverter() } };

    private static IssueRecommendationRequest RecommendationRequest(IReadOnlyList<string> measures) => new()
    {
        UnitId = Guid.NewGuid(),
        Kind = RecommendationKind.Supervision,
        Title = "关于加强政府采购管理的监察建议",
        Origin = "巡察反馈",
        Findings = "化整为零规避公开招标。",
        Measures = measures,
    };

    private sealed record Born
    {
        [DateWindow("1900-01-01", "2100-12-31")]
        public DateOnly? BirthDate { get; init; }
    }
}
