using System.Text;
using Qingfeng.Features.Clues.Text;
using Xunit;

namespace Qingfeng.Tests.Features.Clues.Text;

/// <summary>The catalogue is valid data, and every category is reachable from a text of its own.</summary>
public sealed class ViolationCatalogTests
{
    private static readonly CategorySuggester Suggester = new(ViolationCatalog.Default);

    /// <summary>One positive text per category (synthetic; written for this test, not taken from the labelled sets).</summary>
    public static readonly TheoryData<string, string> Positives = new()
    {
        { "EP.FORMALISM", "这个单位形式主义、官僚主义作风严重。" },
        { "EP.FB.DECISIONS", "对上级的部署表态多、调门高，实际上有令不行。" },
        { "EP.FB.INACTION", "局里对企业的诉求长期不作为，能拖就拖。" },
        { "EP.FB.MASSES", "窗口人员冷硬横推，门难进、脸难看、事难办。" },
        { "EP.FB.MEETINGS", "县里文山会海，天天要求基层拍照打卡、过度留痕。" },
        { "EP.HEDONISM", "班子成员享乐主义、奢靡之风问题突出。" },
        { "EP.GIFTS", "中秋节收了下属送的月饼。" },
        { "EP.DINING", "几个干部晚上有个酒局，老板请的。" },
        { "EP.ALLOWANCES", "年底给干部职工发了过节费。" },
        { "EP.WEDDINGS", "他给父亲办了一场生日宴。" },
        { "EP.CARS", "站长长期公车私用。" },
        { "EP.TRAVEL", "局里几个人去泰国曼谷玩了一周。" },
        { "EP.BUILDINGS", "新盖的办公楼里局长办公室有九十平方米。" },
        { "EP.OTHER", "主任经常出入私人会所。" },
        { "DISC.POLITICAL", "他是一个两面人，严重违反政治纪律。" },
        { "DISC.POL.OBSTRUCTION", "他和几个老板串供，统一口径。" },
        { "DISC.POL.CLIQUES", "他在单位搞小圈子，拉帮结派。" },
        { "DISC.POL.SPEECH", "他在群里妄议中央大政方针。" },
        { "DISC.POL.SUPERSTITION", "乡长请风水先生看风水。" },
        { "DISC.ORGANIZATIONAL", "该干部拒不执行组织调动决定。" },
        { "DISC.ORG.CENTRALISM", "局长搞一言堂，大事都是个人说了算。" },
        { "DISC.ORG.APPOINTMENTS", "县里有人跑官要官、买官卖官。" },
        { "DISC.ORG.REPORTING", "他不如实报告个人有关事项。" },
        { "DISC.ORG.ELECTIONS", "换届时候选人拉票贿选。" },
        { "DISC.ORG.RECORDS", "副局长的档案造假，把年龄改小了。" },
        { "DISC.INTEGRITY", "他以权谋私，违反廉洁纪律。" },
        { "DISC.INT.GIFTS", "他收受管理服务对象送的有价证券。" },
        { "DISC.INT.RELATIVES", "镇长让他小舅子承揽了镇里的工程。" },
        { "DISC.INT.BUSINESS", "科长在一家砂石场入股，每年分红。" },
        { "DISC.INT.BORROWING", "科长向开发商借钱五十万不还。" },
        { "DISC.INT.FINANCE", "单位设账外账，违规报销。" },
        { "DISC.MASSES", "村干部严重违反群众纪律。" },
        { "DISC.MAS.FAVOURITISM", "村支书让亲戚吃低保，优亲厚友。" },
        { "DISC.MAS.EXTORTION", "经办人员吃拿卡要，故意刁难。" },
        { "DISC.MAS.HARM", "村干部克扣群众的补偿款。" },
        { "DISC.MAS.UMBRELLA", "副所长给涉黑团伙通风报信，充当保护伞。" },
        { "DISC.WORK", "几个干部工作日中午饮酒。" },
        { "DISC.WRK.INTERFERENCE", "副县长插手工程招投标。" },
        { "DISC.WRK.NEGLIGENCE", "该局在安全检查中履职不力。" },
        { "DISC.WRK.SECRETS", "有人把我的举报信透露给了被举报人。" },
        { "DISC.WRK.ACCOUNTABILITY", "县委落实全面从严治党主体责任不力。" },
        { "DISC.LIFE", "该干部生活作风有问题。" },
        { "DISC.LIF.EXTRAVAGANCE", "他生活奢靡，迷恋奢侈品。" },
        { "DISC.LIF.IMPROPER", "局长包养情人。" },
        { "DISC.LIF.MORALS", "干部醉酒驾驶机动车被查获。" },
        { "DISC.LIF.FAMILY", "区长家风不正，老婆打着他的旗号收钱。" },
        { "DUTY.ILLEGAL", "该公职人员涉嫌职务违法。" },
        { "DUTY.ILL.RENT_SEEKING", "他在土地出让中搞权力寻租。" },
        { "DUTY.ILL.WASTE", "新建的场馆建成后一直闲置，造成浪费国家资财。" },
        { "DUTY.CRIME", "原副县长涉嫌职务犯罪，已被留置。" },
        { "DUTY.CRM.BRIBERY", "局长利用职务上的便利为他人谋取利益，收受财物八十万元。" },
        { "DUTY.CRM.BRIBE_GIVING", "老板为拿工程向多名领导行贿。" },
        { "DUTY.CRM.INFLUENCE", "原厅长的丈夫涉嫌利用影响力受贿。" },
        { "DUTY.CRM.EMBEZZLEMENT", "出纳侵吞公款，涉嫌贪污。" },
        { "DUTY.CRM.MISAPPROPRIATION", "会计挪用公款三十万元炒股。" },
        { "DUTY.CRM.ABUSE", "局长滥用职权，违规审批，致使国家遭受损失。" },
        { "DUTY.CRM.NEGLECT", "站长玩忽职守，严重不负责任，导致事故造成两人死亡。" },
        { "DUTY.CRM.FAVOURITISM", "民警徇私枉法，以罚代刑。" },
        { "DUTY.CRM.PRIVATE_SHARE", "班子成员私分国有资产。" },
        { "DUTY.CRM.UNEXPLAINED", "他的巨额财产来源不明。" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Each_category_is_suggested_first_for_a_text_of_its_own(string code, string text)
    {
        var suggestions = Suggester.Suggest(text);

        Assert.NotEmpty(suggestions);
        Assert.Equal(code, suggestions[0].Code);
        Assert.NotEmpty(suggestions[0].Triggers);
    }

    [Fact]
    public void Every_category_has_a_positive_text()
    {
        var covered = Positives.Select(row => row.Data.Item1).ToHashSet(StringComparer.Ordinal);

        Assert.All(ViolationCatalog.Default.All, c => Assert.Contains(c.Code, covered));
    }

    [Fact]
    public void Existing_codes_are_kept_and_the_supervision_law_categories_are_added()
    {
        string[] since2024 =
        [
            "EP.FORMALISM", "EP.FB.DECISIONS", "EP.FB.INACTION", "EP.FB.MASSES", "EP.FB.MEETINGS", "EP.HEDONISM", "EP.GIFTS", "EP.DINING",
            "EP.ALLOWANCES", "EP.WEDDINGS", "EP.CARS", "EP.TRAVEL", "EP.BUILDINGS", "EP.OTHER", "DISC.POLITICAL", "DISC.POL.OBSTRUCTION",
            "DISC.POL.CLIQUES", "DISC.ORGANIZATIONAL", "DISC.ORG.APPOINTMENTS", "DISC.ORG.REPORTING", "DISC.INTEGRITY", "DISC.INT.GIFTS",
            "DISC.INT.RELATIVES", "DISC.INT.BUSINESS", "DISC.MASSES", "DISC.MAS.FAVOURITISM", "DISC.MAS.EXTORTION", "DISC.MAS.HARM",
            "DISC.WORK", "DISC.WRK.INTERFERENCE", "DISC.WRK.NEGLIGENCE", "DISC.LIFE", "DISC.LIF.EXTRAVAGANCE", "DISC.LIF.IMPROPER",
        ];
        var catalog = ViolationCatalog.Default;

        Assert.All(since2024, code => Assert.NotNull(catalog.Find(code)));
        Assert.Equal("受贿", catalog.Find("DUTY.CRM.BRIBERY")!.Name);
        Assert.Equal(10, catalog.All.Count(c => c.Parent == "DUTY.CRIME"));
        Assert.All(catalog.All.Where(c => c.Group == ViolationGroup.Supervision && c.Parent is not null), c => Assert.StartsWith(c.Parent!, c.Code.Replace(".CRM.", ".CRIME.", StringComparison.Ordinal).Replace(".ILL.", ".ILLEGAL.", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("生日宴", "EP.WEDDINGS")]
    [InlineData("月饼", "EP.GIFTS")]
    [InlineData("办公楼", "EP.BUILDINGS")]
    [InlineData("履职不力", "DISC.WRK.NEGLIGENCE")]
    [InlineData("去日本东京旅游", "EP.TRAVEL")]
    [InlineData("收了回扣", "DUTY.CRM.BRIBERY")]
    public void One_strong_phrase_suffices(string phrase, string code)
    {
        Assert.Equal(code, Suggester.Suggest("据反映，该同志" + phrase + "。")[0].Code);
    }

    [Fact]
    public void A_pattern_names_its_rule_and_the_phrase_as_written()
    {
        var text = "他利用职务之便为一家公司谋取利益，事后收了对方的好处。";
        var bribery = Suggester.Suggest(text).Single(s => s.Code == "DUTY.CRM.BRIBERY");

        var trigger = Assert.Single(bribery.Triggers, t => t.Rule == "为他人谋利");
        Assert.StartsWith("利用职务之便", trigger.Word, StringComparison.Ordinal);
        Assert.All(bribery.Triggers, t => Assert.All(t.Positions, p => Assert.Equal(t.Word, text.Substring(p, t.Word.Length))));
    }

    [Fact]
    public void A_denied_act_counts_little()
    {
        var suggestions = Suggester.Suggest("他从来没有收受红包礼金，问题是工作日中午饮酒，下午脱岗。");

        Assert.Equal("DISC.WORK", suggestions[0].Code);
        var gifts = suggestions.FirstOrDefault(s => s.Code == "EP.GIFTS");
        Assert.True(gifts is null || gifts.Triggers.Any(t => t.Negated));
    }

    [Fact]
    public void A_large_amount_puts_bribery_before_the_milder_gift_rule_and_keeps_both()
    {
        var serious = Suggester.Suggest("局长多次收受老板送的现金和购物卡，共计数十万元，为其承揽工程谋取利益。").Select(s => s.Code).ToList();
        var mild = Suggester.Suggest("春节期间，局长收受下属送的购物卡两张，价值一千元。").Select(s => s.Code).ToList();

        Assert.Equal("DUTY.CRM.BRIBERY", serious[0]);
        Assert.Contains(serious, c => c is "DISC.INT.GIFTS" or "EP.GIFTS");
        Assert.True(mild[0] is "EP.GIFTS" or "DISC.INT.GIFTS", mild[0]);
        Assert.DoesNotContain("DUTY.CRM.BRIBERY", mild.Take(1));
    }

    [Theory]
    [InlineData("""{"version":"1","categories":[{"code":"A","group":"Discipline","name":"甲","nameEn":"A","keywords":[{"word":"甲","weight":4}]},{"code":"A","group":"Discipline","name":"乙","nameEn":"B","keywords":[{"word":"乙","weight":4}]}]}""", "twice")]
    [InlineData("""{"version":"1","categories":[{"code":"A","group":"Discipline","name":"甲","nameEn":"A","keywords":[],"patterns":[{"label":"x","pattern":"(甲","weight":4}]}]}""", "regular expression")]
    [InlineData("""{"version":"1","categories":[{"code":"A","group":"Discipline","name":"甲","nameEn":"A","keywords":[],"patterns":[{"label":"x","pattern":"甲?","weight":4}]}]}""", "empty text")]
    [InlineData("""{"version":"1","categories":[{"code":"A","group":"Discipline","parent":"NOPE","name":"甲","nameEn":"A","keywords":[{"word":"甲","weight":4}]}]}""", "unknown parent")]
    [InlineData("""{"version":"1","categories":[{"code":"A","group":"Discipline","name":"甲","nameEn":"A","keywords":[{"word":"甲","weight":0}]}]}""", "weight")]
    [InlineData("""{"version":"1","categories":[{"code":"A","group":"Discipline","name":"甲","nameEn":"A","keywords":[{"word":"甲","weight":4},{"word":"甲","weight":2}]}]}""", "repeated keyword")]
    [InlineData("""{"version":"1","categories":[{"code":"A","group":"Discipline","name":"甲","nameEn":"A","keywords":[]}]}""", "neither keywords nor patterns")]
    [InlineData("""{"version":"1","categories":[{"code":"A","group":"Nope","name":"甲","nameEn":"A","keywords":[{"word":"甲","weight":4}]}]}""", "schema")]
    [InlineData("""{"version":"1","categories":[{"code":"A","group":"Discipline","name":"甲","nameEn":"A","words":[]}]}""", "schema")]
    [InlineData("""{"version":"1","categories":[{"code":"甲","group":"Discipline","name":"甲","nameEn":"A","keywords":[{"word":"甲","weight":4}]}]}""", "ASCII")]
    [InlineData("""{"version":"1","categories":[{"code":"A","group":"Discipline","name":"甲","nameEn":"A","keywords":[{"word":"甲","weight":4}]}],"boosts":[{"label":"b","pattern":"万","weight":2,"categories":["B"]}]}""", "unknown category")]
    [InlineData("""{"categories":[]}""", "version")]
    public void An_invalid_catalogue_is_refused_at_load(string json, string reason)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ViolationCatalog(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
