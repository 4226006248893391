using System.Text;

namespace Qingfeng.Features.Clues.Text;

/// <summary>
/// Writes synthetic petition texts (信访举报件) for the demo and for benchmarks: letters
/// ("尊敬的县纪委领导：我要反映…") and terse online reports, with varied invented details
/// (amounts, dates, places, relatives, counterparts). Deterministic for a seeded <see cref="Random"/>.
/// Names of other people are always "surname + 某", so no real person is named.
/// </summary>
public sealed class ClueTextGenerator
{
    public const int MinLength = 60;

    public const int MaxLength = 400;

    private static readonly string[] Dates =
    [
        "2026年春节期间", "2026年元旦前后", "2025年中秋节前", "2025年国庆假期", "今年3月12日", "今年5月的一个周五", "去年11月",
        "去年年底", "今年端午节", "上个月", "今年4月中旬", "2025年7月",
    ];

    private static readonly string[] Places = ["某农家乐", "金桂大酒店", "山水农家乐", "县城悦来酒楼", "河边鱼庄", "温泉山庄", "开发区一家私人会所", "老街土菜馆"];
    private static readonly string[] Amounts = ["两千元", "五千元", "八千元", "一万元", "两万元", "三万元", "五万元", "十二万元", "二十多万元"];
    private static readonly string[] Relatives = ["妻子", "弟弟", "小舅子", "侄子", "女儿", "女婿", "表哥", "儿子"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "梁"];
    private static readonly string[] Trades = ["建筑公司老板", "砂石厂老板", "药品经销商", "物业公司经理", "房地产开发商", "运输公司老板", "装修公司老板"];
    private static readonly string[] Projects = ["村道硬化", "人饮工程", "学校改扩建", "河道治理", "高标准农田", "污水管网", "安置房"];
    private static readonly string[] Destinations = ["三亚", "大理", "桂林", "张家界", "西双版纳", "厦门", "荔波小七孔"];

    private static readonly string[] LetterOpenings = ["尊敬的县纪委领导：我要反映", "尊敬的纪委领导：您好！我实名反映", "县纪委监委：我要举报", "尊敬的领导：现反映"];
    private static readonly string[] OnlineOpenings = ["举报", "网上举报：", "反映", ""];
    private static readonly string[] Closings = ["希望组织调查核实，严肃处理。", "请领导重视，还群众一个公道。", "以上情况属实，请调查。", "恳请纪委查处。", "群众意见很大。"];

    // {o} official, {d} date, {p} place, {a} amount, {r} relative, {b} counterpart, {j} project, {t} destination
    private static readonly Dictionary<string, string[]> Facts = new(StringComparer.Ordinal)
    {
        ["EP.GIFTS"] = ["{d}收受{b}送的红包{a}和两箱茅台。", "{d}，{b}到其家中拜年，送了购物卡{a}。", "逢年过节都收下属单位送的礼品礼金，{d}一次就收了{a}。"],
        ["EP.DINING"] = ["{d}在{p}接受{b}宴请，包间里喝了三瓶白酒。", "经常用公款吃喝，{d}在{p}请客一桌花了{a}。", "{d}带单位几个人到{p}聚餐，餐费{a}拿回单位报销。"],
        ["EP.ALLOWANCES"] = ["{d}以加班费名义给单位干部每人发放{a}。", "违规发放过节费和福利，{d}每人{a}，钱从小金库出。", "{d}巧立名目发放津补贴，人均{a}。"],
        ["EP.WEDDINGS"] = ["{d}为{r}在{p}大操大办婚宴，摆了四十多桌，收受礼金{a}。", "{d}给{r}办升学宴，在{p}摆酒二十桌，下属都去随礼。", "{d}父亲丧事大操大办，流水席三天，收礼金{a}。"],
        ["EP.CARS"] = ["{d}开着单位的公务用车带{r}去{t}游玩，公车私用。", "长期公车私用，让司机每天开公车接送{r}。", "{d}用单位车辆送{r}回老家，加油卡在单位报销。"],
        ["EP.TRAVEL"] = ["{d}以学习考察为名带单位六人去{t}旅游，费用{a}由{b}承担。", "{d}借培训之机到{t}游玩，门票和机票都在单位报销。", "{d}组织班子成员到{t}公款旅游，花费{a}。"],
        ["DISC.INT.RELATIVES"] = ["利用职权让{r}承揽了{j}工程项目，合同金额{a}。", "{r}没有资质却中标{j}项目，都是他打的招呼。", "给{r}安排工作，还让{r}的公司承包了{j}工程。"],
        ["DISC.INT.BUSINESS"] = ["在{b}的公司入股，每年分红{a}。", "违规经商办企业，通过{r}代持一家公司的股份。", "与{b}合伙开公司，在公司有干股，{d}分红{a}。"],
        ["DISC.INT.GIFTS"] = ["收受{b}好处费{a}，为其承接工程提供帮助。", "{d}收受服务对象送的现金{a}。", "多次收受{b}送的现金，累计{a}。"],
        ["DISC.MAS.FAVOURITISM"] = ["把自己的{r}评成低保户，真正困难的群众却评不上，优亲厚友。", "危房改造名额给了自己的亲戚，{r}家不符合条件也领了补助。", "{d}把{r}纳入特困救助名单，搞人情保。"],
        ["DISC.MAS.HARM"] = ["克扣群众的征地补偿款，每户扣{a}。", "{d}截留惠农补助资金，涉及二十多户村民，共{a}。", "挪用村集体资金{a}，至今未还。"],
        ["DISC.WRK.INTERFERENCE"] = ["插手{j}项目招投标，指定{b}的公司中标。", "{d}为{b}的案件打招呼说情，干预执法。", "在{j}工程招标中暗箱操作，其他公司都是围标。"],
        ["DISC.ORG.APPOINTMENTS"] = ["违规提拔自己的亲信，{d}突击提拔了三名干部。", "在单位招聘中打招呼，让{r}违规进入单位，任人唯亲。", "{d}干部调整中搞任人唯亲，选人用人不公。"],
        ["EP.FB.MASSES"] = ["对办事群众态度恶劣，冷硬横推，我办事跑了好几趟都没办成。", "群众反映问题推来推去踢皮球，门难进、脸难看、事难办。"],
    };

    private static readonly (string From, string To)[] Paraphrases =
    [
        ("收受", "收了"), ("两箱", "2箱"), ("宴请", "请吃饭"), ("单位", "局里"), ("利用职权", "利用职务便利"), ("违规", ""), ("每人", "每个人"),
        ("摆了", "办了"), ("承揽", "拿下"), ("，", "。"), ("大操大办", "大办"), ("干部", "人员"), ("家中", "家里"),
    ];

    private static readonly string[] RepeatOpenings = ["再次反映：", "我之前已经反映过，至今没有处理，现再次举报：", "补充反映：", "重复举报，请重视："];
    private static readonly string[] RepeatAdditions = ["另外，当时在场的还有单位两名股长。", "补充一点：此事单位很多人都知道。", "我手里有照片可以作证。", "事后他还让人把发票处理了。"];

    /// <summary>The categories with their own phrasing: the most common ones in practice.</summary>
    public static IReadOnlyList<string> CommonCategoryCodes { get; } = [.. Facts.Keys];

    public string Generate(Random random, string officialName, string unitName, string position, string categoryCode)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!Facts.TryGetValue(categoryCode, out var facts))
        {
            throw new ArgumentException($"No phrasing for category {categoryCode}.", nameof(categoryCode));
        }

        var subject = unitName + position + officialName;
        var letter = random.Next(3) > 0;
        var builder = new StringBuilder(MaxLength);
        builder.Append(letter ? Pick(random, LetterOpenings) : Pick(random, OnlineOpenings)).Append(subject);
        builder.Append(random.Next(2) == 0 ? "，" : "的问题。该同志");
        var count = letter ? 2 : 1;
        var start = random.Next(facts.Length);
        for (var i = 0; i < count && i < facts.Length; i++)
        {
            builder.Append(Fill(random, facts[(start + i) % facts.Length], officialName));
        }

        if (letter || builder.Length < MinLength)
        {
            builder.Append(Pick(random, Closings));
        }

        while (builder.Length < MinLength)
        {
            builder.Append(Pick(random, RepeatAdditions));
        }

        return builder.Length <= MaxLength ? builder.ToString() : builder.ToString(0, MaxLength);
    }

    /// <summary>A plausible re-report of <paramref name="original"/>: new opening, reworded, sentences reordered, sometimes a new detail.</summary>
    public string GenerateRepeat(Random random, string original)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(original);
        var body = original;
        foreach (var opening in LetterOpenings.Concat(OnlineOpenings).Where(o => o.Length > 0))
        {
            if (body.StartsWith(opening, StringComparison.Ordinal))
            {
                body = body[opening.Length..];
                break;
            }
        }

        foreach (var (from, to) in Paraphrases)
        {
            if (random.Next(2) == 0)
            {
                body = body.Replace(from, to, StringComparison.Ordinal);
            }
        }

        var sentences = body.Split('。', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (sentences.Count > 2)
        {
            var moved = sentences[^1];
            sentences.RemoveAt(sentences.Count - 1);
            sentences.Insert(1, moved);
        }

        var builder = new StringBuilder(MaxLength).Append(Pick(random, RepeatOpenings)).AppendJoin('。', sentences).Append('。');
        if (random.Next(2) == 0)
        {
            builder.Append(Pick(random, RepeatAdditions));
        }

        return builder.Length <= MaxLength ? builder.ToString() : builder.ToString(0, MaxLength);
    }

    private static string Fill(Random random, string template, string officialName)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var counterpart = Pick(random, Trades) + Pick(random, Surnames) + "某";
        return template
            .Replace("{o}", officialName, StringComparison.Ordinal)
            .Replace("{d}", Pick(random, Dates), StringComparison.Ordinal)
            .Replace("{p}", Pick(random, Places), StringComparison.Ordinal)
            .Replace("{a}", Pick(random, Amounts), StringComparison.Ordinal)
            .Replace("{r}", Pick(random, Relatives), StringComparison.Ordinal)
            .Replace("{b}", counterpart, StringComparison.Ordinal)
            .Replace("{j}", Pick(random, Projects), StringComparison.Ordinal)
            .Replace("{t}", Pick(random, Destinations), StringComparison.Ordinal);
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
