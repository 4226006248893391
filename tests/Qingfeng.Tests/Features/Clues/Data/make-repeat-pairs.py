"""Generates repeat-pairs.tsv: labelled pairs of clues with their reported persons, for ClueRepeats.

Each pair is two clues of one organ. Label 1: the same matter retold (重复件) — across stages (first letter,
supplementary letter, 12388 call record, verification summary), genres (letter, online form, phone record,
通报-style summary), reordered, shortened, with a new detail, the person named in full, masked (王某某/王某) or by
title (王局长), the unit written in full or abbreviated. Label 0: a look-alike different matter — the same
person and another matter, the same person and the same kind of matter with other facts (amount, date,
counterpart), or the same kind of matter about another person (same unit or another unit).

Columns: id, label, split, kind, persons A, persons B, text A, text B. A person is "name|unit|key": key is the
roster official when linked (the same key = the same official), empty for free text; the evaluation reads each
pair twice, once with the keys (linked) and once without (free text).
Split: "tune" rows (seed 11) were used to choose the weights and threshold; "held" rows (seed 29) were not
looked at while tuning. All names are synthetic: surname + random given-name characters, no real person.
Usage: python3 make-repeat-pairs.py   (deterministic)
"""
import random, pathlib

path = pathlib.Path(__file__).with_name("repeat-pairs.tsv")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "志建国明华军伟强平文辉海涛云春德宏永兴红光庆刚昌新成世富安龙学天玉家正洪东祥生彬宇鹏松林振福荣清俊"
# (full name, abbreviation, typical posts)
UNITS = [("交通运输局", "交通局", ["局长", "党组书记", "副局长"]), ("发展和改革局", "发改局", ["局长", "副局长"]),
         ("卫生健康局", "卫健局", ["局长", "副局长"]), ("人力资源和社会保障局", "人社局", ["局长", "副局长"]),
         ("住房和城乡建设局", "住建局", ["局长", "副局长"]), ("市场监督管理局", "市场监管局", ["局长", "副局长"]),
         ("自然资源局", "自然资源局", ["局长", "副局长"]), ("水务局", "水务局", ["局长", "副局长"]),
         ("教育局", "教育局", ["局长", "副局长"]), ("民政局", "民政局", ["局长", "副局长"]),
         ("农业农村局", "农业农村局", ["局长", "副局长"]), ("财政局", "财政局", ["局长", "副局长"])]
TOWNS = ["清水镇", "龙岗镇", "石门乡", "白云镇", "南江镇", "花溪乡", "金坪镇", "桃源乡"]
COUNTIES = ["开阳县", "息烽县", "修文县", "清镇市", "龙里县", "长顺县"]
BOSSES = ["建筑公司老板", "砂石厂老板", "药品经销商", "物业公司经理", "房地产开发商", "运输公司老板", "装修公司老板", "劳务公司负责人"]
PLACES = ["金鼎大酒店", "绿源农家乐", "悦来酒楼", "河边的鱼庄", "开发区一家私人会所", "温泉山庄", "湖畔茶楼", "高速路口的农庄"]
RELATIVES = ["妻子", "弟弟", "小舅子", "侄子", "女儿", "女婿", "表哥", "儿子"]
PROJECTS = ["通村公路硬化", "人饮安全工程", "学校改扩建", "河道治理", "高标准农田", "污水管网", "安置房", "乡村旅游步道"]
DESTS = ["三亚", "大理", "桂林", "张家界", "西双版纳", "厦门", "成都", "昆明"]
FUNDS = ["扶贫专项资金", "救灾资金", "工会经费", "项目配套资金", "食堂经费"]
USES = ["炒股", "买房", "借给朋友做生意", "归还个人赌债"]
AMOUNTS = [2, 3, 5, 8, 10, 12, 15, 20, 30, 50, 80]  # thousands of yuan
MONTHS = ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"]
HOLIDAYS = ["春节前", "中秋节前", "国庆期间", "端午节", "元旦前后", "五一假期"]
CN = "零一二三四五六七八九"


def cn_amount(k, rng):
    """k thousand yuan as people write it: 2万元, 两万元, 20000元, 两万块钱."""
    if k % 10 == 0:
        w = k // 10
        word = {1: "一", 2: "两", 3: "三", 5: "五", 8: "八"}.get(w, str(w))
        return rng.choice([f"{word}万元", f"{w}万元", f"{k * 1000}元", f"{word}万块钱", f"{word}万"])
    if k < 10:
        word = {2: "两", 3: "三", 5: "五", 8: "八"}[k]
        return rng.choice([f"{word}千元", f"{k * 1000}元", f"{word}千块钱", f"{k}千元"])
    w, r = divmod(k, 10)
    word = "一万" + CN[r] + "千" if w == 1 else f"{w}万{r}千"
    return rng.choice([f"{word}元", f"{k * 1000}元", f"{k / 10:g}万元"])


def person(rng):
    if rng.random() < 0.25:
        unit_full = rng.choice(TOWNS)
        unit_abbr = unit_full
        post = rng.choice(["党委书记", "镇长" if "镇" in unit_full else "乡长"])
    else:
        u = rng.choice(UNITS)
        unit_full, unit_abbr, post = u[0], u[1], rng.choice(u[2])
    county = rng.choice(COUNTIES)
    surname = rng.choice(SURNAMES)
    given = "".join(rng.sample(GIVEN, rng.choice([1, 2, 2])))
    return {"surname": surname, "name": surname + given, "county": county, "unit_full": unit_full,
            "unit_abbr": unit_abbr, "post": post, "key": f"o{rng.randrange(10**6)}"}


def title(p):
    post = p["post"]
    short = {"党委书记": "书记", "党组书记": "书记", "副局长": "副局长"}.get(post, post)
    return p["surname"] + short


def refer(p, rng, genre):
    """How a text names the person (first mention, then short)."""
    unit = rng.choice([p["county"] + p["unit_full"], "县" + p["unit_full"] if "局" in p["unit_full"] else p["unit_full"],
                       p["unit_abbr"], p["county"] + p["unit_abbr"]])
    form = rng.choice(["full", "masked2", "masked1", "title"]) if genre != "summary" else rng.choice(["full", "masked2"])
    if form == "full":
        first, again = unit + p["post"] + p["name"], p["name"]
    elif form == "masked2":
        first, again = unit + p["post"] + p["surname"] + "某某", p["surname"] + "某某"
    elif form == "masked1":
        first, again = unit + p["post"] + p["surname"] + "某", p["surname"] + "某"
    else:
        first, again = unit + title(p), title(p)
    return first, again


def typed_person(p, rng, linked_key=True):
    """The reported person as an officer types it into the form (free text) — or links it (key)."""
    name = rng.choice([p["name"], p["name"], p["surname"] + "某某", p["surname"] + "某", title(p)])
    unit = rng.choice([p["county"] + p["unit_full"], p["unit_full"], p["unit_abbr"], p["county"] + p["unit_abbr"], ""])
    return f"{name}|{unit}|{p['key'] if linked_key else ''}"


def matter(rng, kind=None):
    kind = kind or rng.choice(list(TYPES))
    return {"kind": kind, "boss": rng.choice(BOSSES), "boss_surname": rng.choice(SURNAMES), "place": rng.choice(PLACES),
            "rel": rng.choice(RELATIVES), "proj": rng.choice(PROJECTS), "dest": rng.choice(DESTS), "fund": rng.choice(FUNDS),
            "use": rng.choice(USES), "k": rng.choice(AMOUNTS), "month": rng.choice(MONTHS), "holiday": rng.choice(HOLIDAYS),
            "year": rng.choice(["2024年", "2025年", "去年", "今年"]), "n": rng.choice([2, 3, 4, 5, 6]), "tables": rng.choice([20, 30, 40, 60]),
            "by_holiday": rng.random() < 0.5}


def when(m, rng):
    """The time of the facts, as retellings write it: with or without the year, by a holiday or by the month."""
    if m["by_holiday"]:
        return rng.choice([m["year"] + m["holiday"], m["holiday"]])
    return rng.choice([m["year"] + m["month"], m["year"] + m["month"], m["month"] + "份"])


# Each kind: core facts (at least one kept) and extra facts; each fact has several phrasings.
# A phrasing is a function (m, who, rng) -> sentence; who is how the person is named in that text.
TYPES = {
    "gift": {
        "core": [[lambda m, w, r: f"{w}{when(m, r)}收受{m['boss']}{m['boss_surname']}某送的现金{cn_amount(m['k'], r)}",
                  lambda m, w, r: f"{m['boss']}{m['boss_surname']}某{when(m, r)}到{w}家里送了{cn_amount(m['k'], r)}，{w}收下了",
                  lambda m, w, r: f"{w}收了{m['boss_surname']}老板{cn_amount(m['k'], r)}红包"]],
        "extra": [[lambda m, w, r: f"{m['boss_surname']}某的公司随后拿到了{m['proj']}项目",
                   lambda m, w, r: f"之后{w}把{m['proj']}工程给了{m['boss_surname']}老板"],
                  [lambda m, w, r: "另外还有两条中华烟和两瓶茅台", lambda m, w, r: "还送了烟酒"]],
    },
    "banquet": {
        "core": [[lambda m, w, r: f"{w}{when(m, r)}在{m['place']}接受{m['boss']}{m['boss_surname']}某宴请",
                  lambda m, w, r: f"{m['boss_surname']}老板{when(m, r)}请{w}在{m['place']}吃饭",
                  lambda m, w, r: f"{w}经常到{m['place']}吃喝，由{m['boss']}{m['boss_surname']}某买单"]],
        "extra": [[lambda m, w, r: f"席间喝了{m['n']}瓶茅台", lambda m, w, r: f"一桌人喝了{CN[m['n']]}瓶白酒"],
                  [lambda m, w, r: "饭后还去KTV唱歌", lambda m, w, r: "吃完又去打牌，输赢上千元"],
                  [lambda m, w, r: "当天是工作日", lambda m, w, r: "那天是星期三，下午都没回单位"]],
    },
    "project": {
        "core": [[lambda m, w, r: f"{w}利用职权让其{m['rel']}承接了{m['proj']}项目",
                  lambda m, w, r: f"{m['proj']}工程是{w}给{m['rel']}揽来的",
                  lambda m, w, r: f"{w}的{m['rel']}拿到了{m['proj']}工程，是{w}打的招呼"]],
        "extra": [[lambda m, w, r: f"合同金额{cn_amount(m['k'] * 10, r)}", lambda m, w, r: f"工程款{cn_amount(m['k'] * 10, r)}"],
                  [lambda m, w, r: f"其{m['rel']}没有施工资质", lambda m, w, r: f"{m['rel']}的公司根本没有资质"],
                  [lambda m, w, r: "工程质量很差，刚完工就开裂", lambda m, w, r: "验收时走了过场"]],
    },
    "subsidy": {
        "core": [[lambda m, w, r: f"{w}把不符合条件的{m['rel']}纳入低保",
                  lambda m, w, r: f"{w}的{m['rel']}家里有车有房，却在吃低保",
                  lambda m, w, r: f"低保名单里有{w}的{m['rel']}"]],
        "extra": [[lambda m, w, r: f"从{m['year']}{m['month']}开始每月领取", lambda m, w, r: f"{m['year']}{m['month']}起一直在领"],
                  [lambda m, w, r: "真正困难的群众却评不上", lambda m, w, r: "村里困难户意见很大"]],
    },
    "wedding": {
        "core": [[lambda m, w, r: f"{w}{when(m, r)}为{m['rel']}在{m['place']}操办婚宴{m['tables']}多桌",
                  lambda m, w, r: f"{w}给{m['rel']}办婚礼，在{m['place']}摆了{m['tables']}几桌",
                  lambda m, w, r: f"{when(m, r)}{w}的{m['rel']}结婚，在{m['place']}大办酒席"]],
        "extra": [[lambda m, w, r: f"收受下属和管理服务对象礼金约{cn_amount(m['k'] * 10, r)}", lambda m, w, r: f"收礼金{cn_amount(m['k'] * 10, r)}左右"],
                  [lambda m, w, r: "单位的车都去接亲了", lambda m, w, r: "用了五辆公车接送客人"]],
    },
    "car": {
        "core": [[lambda m, w, r: f"{w}{when(m, r)}让司机开公务车送{m['rel']}去{m['dest']}",
                  lambda m, w, r: f"{w}公车私用，{when(m, r)}用单位的车把{m['rel']}送到{m['dest']}",
                  lambda m, w, r: f"单位公务车{when(m, r)}被{w}派去{m['dest']}接送{m['rel']}"]],
        "extra": [[lambda m, w, r: "油费过路费在单位报销", lambda m, w, r: "加油票拿回单位报了"],
                  [lambda m, w, r: f"往返{CN[m['n']]}天", lambda m, w, r: f"来回跑了{m['n']}天"]],
    },
    "travel": {
        "core": [[lambda m, w, r: f"{w}{when(m, r)}以考察为名带单位人员去{m['dest']}旅游",
                  lambda m, w, r: f"{w}借学习考察到{m['dest']}游玩",
                  lambda m, w, r: f"{when(m, r)}{w}组织单位{m['n']}个人到{m['dest']}旅游，名义上是考察"]],
        "extra": [[lambda m, w, r: f"费用{cn_amount(m['k'], r)}由{m['boss']}承担", lambda m, w, r: f"{m['boss_surname']}老板买单{cn_amount(m['k'], r)}"],
                  [lambda m, w, r: "回来后用会议费报销", lambda m, w, r: "费用在单位以培训费名义报了"]],
    },
    "recruit": {
        "core": [[lambda m, w, r: f"{w}在{m['year']}事业单位招聘中给考官打招呼，让其{m['rel']}被录用",
                  lambda m, w, r: f"{w}的{m['rel']}{m['year']}招聘面试分数高得离谱，是{w}事先打了招呼",
                  lambda m, w, r: f"{m['year']}公开招聘，{w}插手让{m['rel']}进了县医院"]],
        "extra": [[lambda m, w, r: "笔试成绩排在后面", lambda m, w, r: "笔试只排第六名"],
                  [lambda m, w, r: "面试考官都是他的下属", lambda m, w, r: "考官是他安排的人"]],
    },
    "embezzle": {
        "core": [[lambda m, w, r: f"{w}挪用{m['fund']}{cn_amount(m['k'] * 10, r)}用于{m['use']}",
                  lambda m, w, r: f"{w}把{m['fund']}拿去{m['use']}，有{cn_amount(m['k'] * 10, r)}",
                  lambda m, w, r: f"{m['fund']}被{w}挪走{cn_amount(m['k'] * 10, r)}"]],
        "extra": [[lambda m, w, r: f"{m['year']}{m['month']}才还回去", lambda m, w, r: "至今没有归还"],
                  [lambda m, w, r: "出纳不敢声张", lambda m, w, r: "会计知道这个事"]],
    },
    "stake": {
        "core": [[lambda m, w, r: f"{w}通过{m['rel']}在{m['boss_surname']}某的公司持有干股",
                  lambda m, w, r: f"{w}在{m['rel']}名下有{m['boss_surname']}老板公司的干股，每年分红",
                  lambda m, w, r: f"{m['boss_surname']}某的公司有{w}的干股，挂在{m['rel']}名下"]],
        "extra": [[lambda m, w, r: f"每年分红{cn_amount(m['k'] * 10, r)}", lambda m, w, r: f"一年分红有{cn_amount(m['k'] * 10, r)}"],
                  [lambda m, w, r: "这家公司承揽了单位很多业务", lambda m, w, r: "公司业务都来自他们单位"]],
    },
}
CATEGORY = {"gift": "违规收送礼品礼金", "banquet": "违规吃喝", "project": "违规插手工程项目", "subsidy": "优亲厚友",
            "wedding": "违规操办婚丧喜庆", "car": "公车私用", "travel": "公款旅游", "recruit": "违规干预招聘",
            "embezzle": "挪用公款", "stake": "违规持有干股"}
NEW_DETAILS = ["当时在场的还有单位两名股长", "此事单位很多人都知道", "我手里有照片可以作证", "事后他还让人把发票处理掉了",
               "这件事在群里已经传开", "我这里有转账记录", "上次反映后他还找人打听是谁举报的"]


def body(m, p, rng, genre, again, keep_all):
    spec = TYPES[m["kind"]]
    core = [rng.choice(ph)(m, again, rng) for ph in spec["core"]]
    extras = [rng.choice(ph)(m, again, rng) for ph in spec["extra"]]
    if not keep_all:
        extras = rng.sample(extras, rng.randint(0, len(extras)))
    facts = core + extras
    rng.shuffle(facts)
    if genre == "summary":
        order = "一二三四五"
        return "；".join(f"{order[i]}是{f}" for i, f in enumerate(facts)) + "。"
    return "。".join(facts) + "。"


def render(m, p, rng, genre, keep_all=False, new_detail=False):
    first, again = refer(p, rng, genre)
    b = body(m, p, rng, genre, again, keep_all)
    if new_detail:
        b += rng.choice(NEW_DETAILS) + "。"
    if genre == "letter":
        return rng.choice(["尊敬的县纪委监委领导：", "县纪委领导：您好！", ""]) + f"我要实名反映{first}的问题。" + b + rng.choice(["恳请组织调查核实。", "请领导重视。", ""])
    if genre == "online":
        return f"被反映人：{again}；单位职务：{first.replace(again, '')}；问题类别：{CATEGORY[m['kind']]}。主要问题：" + b
    if genre == "phone":
        return f"来电人反映：{first}，" + b + "来电人要求查处，未留姓名。"
    if genre == "supplement":
        return rng.choice(["我在", "本人于"]) + rng.choice(MONTHS) + f"曾反映{first}的问题，至今未见处理，现补充反映：" + b
    return f"经初步了解，{first}存在以下问题：" + b + rng.choice(["涉嫌违反中央八项规定精神。", "涉嫌违反廉洁纪律。", "以上问题有待进一步核实。"])


GENRES = ["letter", "online", "phone", "supplement", "summary"]


def differ(m, rng):
    """The same kind of matter with other facts: amount, time, counterpart, place, relative."""
    n = dict(m)
    when_keys = ["holiday"] if m["by_holiday"] else ["month"]
    used = {"gift": ["k", "boss_surname", "proj"] + when_keys, "banquet": ["place", "boss_surname"] + when_keys,
            "project": ["rel", "proj", "k"], "subsidy": ["rel", "month"], "wedding": ["rel", "place", "k"] + when_keys,
            "car": ["rel", "dest"] + when_keys, "travel": ["dest", "k", "boss_surname"] + when_keys, "recruit": ["rel", "year"],
            "embezzle": ["fund", "k", "use"], "stake": ["rel", "boss_surname", "k"]}[m["kind"]]
    keys = rng.sample(used, 2)
    pools = {"k": AMOUNTS, "boss": BOSSES, "boss_surname": list(SURNAMES), "place": PLACES, "rel": RELATIVES, "proj": PROJECTS,
             "dest": DESTS, "fund": FUNDS, "use": USES, "month": MONTHS, "holiday": HOLIDAYS, "year": ["2024年", "2025年", "去年", "今年"]}
    for k in keys:
        n[k] = rng.choice([x for x in pools[k] if x != m[k]])
    return n


def other_person(p, rng, same_unit):
    q = person(rng)
    if same_unit:
        q.update({k: p[k] for k in ("county", "unit_full", "unit_abbr")})
        q["post"] = "副局长" if p["post"] != "副局长" and "局" in p["unit_full"] else q["post"]
    while q["surname"] == p["surname"]:
        q["surname"] = rng.choice(SURNAMES)
        q["name"] = q["surname"] + q["name"][1:]
    return q


def pairs(seed, count_pos, count_neg):
    rng = random.Random(seed)
    rows = []
    for i in range(count_pos):
        p, m = person(rng), matter(rng)
        kind = ["stage", "genre", "short", "detail"][i % 4]
        ga = "letter" if kind == "stage" else rng.choice(GENRES)
        gb = rng.choice(["supplement", "summary", "phone"]) if kind == "stage" else rng.choice([g for g in GENRES if g != ga])
        a = render(m, p, rng, ga, keep_all=kind != "short")
        b = render(m, p, rng, gb, keep_all=False, new_detail=kind in ("detail", "stage"))
        rows.append((1, "retell-" + kind, typed_person(p, rng), typed_person(p, rng), a, b))
    for i in range(count_neg):
        p = person(rng)
        kind = ["same-person-other-matter", "same-person-same-kind", "other-person-same-kind", "same-unit-same-kind"][i % 4]
        m = matter(rng)
        if kind == "same-person-other-matter":
            n, q = matter(rng, rng.choice([k for k in TYPES if k != m["kind"]])), p
        elif kind == "same-person-same-kind":
            n, q = differ(m, rng), p
        else:
            n, q = (m if rng.random() < 0.5 else differ(m, rng)), other_person(p, rng, kind == "same-unit-same-kind")
        ga, gb = rng.choice(GENRES), rng.choice(GENRES)
        rows.append((0, kind, typed_person(p, rng), typed_person(q, rng), render(m, p, rng, ga, keep_all=True), render(n, q, rng, gb)))
    return rows


tune = pairs(11, 60, 80)
held = pairs(29, 60, 80)
out = ["# id\tlabel\tsplit\tkind\tpersonsA\tpersonsB\ttextA\ttextB — generated by make-repeat-pairs.py; label 1 = the same matter retold (重复件).",
       "# A person is name|unit|key (key = linked roster official; ignored for the free-text evaluation). All names are synthetic."]
rows = [(r, "tune") for r in tune] + [(r, "held") for r in held]
for i, ((label, kind, pa, pb, a, b), split) in enumerate(rows, 1):
    assert "\t" not in a + b + pa + pb
    out.append(f"{i}\t{label}\t{split}\t{kind}\t{pa}\t{pb}\t{a}\t{b}")
path.write_text("\n".join(out) + "\n", encoding="utf-8")
print(len(tune), len(held))
