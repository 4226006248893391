using System.Globalization;
using Qingfeng.Features.Audit;
using Qingfeng.Features.Clues;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.Tests.Platform.Ui;

public sealed class TextCatalogTests
{
    [Fact]
    public void Every_entry_has_both_languages()
    {
        Assert.All(TextCatalog.Instance.Entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Value.Zh), e.Key);
            Assert.False(string.IsNullOrWhiteSpace(e.Value.En), e.Key);
        });
    }

    [Fact]
    public void Every_enum_value_shown_to_users_has_a_label()
    {
        var types = new[] { typeof(Gender), typeof(UnitKind), typeof(ManagingLevel), typeof(LeaderCategory), typeof(OfficialRank), typeof(FamilyRelation), typeof(RegionLevel), typeof(AuditOutcome),
            typeof(ClueSource), typeof(ClueState), typeof(DisposalMethod), typeof(ClosingOutcome), typeof(SanctionKind), typeof(AppealResult),
            typeof(ParticipantRole), typeof(DeadlineKind), typeof(ClueAction), typeof(DueStatus), typeof(DueFilter), typeof(ClueSort),
            typeof(FunnelDimension), typeof(ClueDocumentKind),
        };
        foreach (var type in types)
        {
            foreach (var name in Enum.GetNames(type))
            {
                Assert.True(TextCatalog.Instance.Entries.ContainsKey($"Enum.{type.Name}.{name}"), $"Enum.{type.Name}.{name}");
            }
        }
    }

    [Fact]
    public void Labels_parse_back_in_either_language()
    {
        Assert.Equal(LeaderCategory.DevelopmentZone, EnumText.Parse<LeaderCategory>("开发区一把手"));
        Assert.Equal(LeaderCategory.DevelopmentZone, EnumText.Parse<LeaderCategory>("development zone"));
        Assert.Null(EnumText.Parse<LeaderCategory>("不存在"));
        Assert.Equal("Male", EnumText.Label(Gender.Male, CultureInfo.GetCultureInfo("en")));
        Assert.Equal("男", EnumText.Label(Gender.Male, CultureInfo.GetCultureInfo("zh-CN")));
    }
}
