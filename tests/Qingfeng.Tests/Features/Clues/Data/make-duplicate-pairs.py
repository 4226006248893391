"""Regenerates the generated rows of duplicate-pairs.tsv (ids after the hand-written ones).

Hand-written rows (ids 1-68) are kept as they are. Generated rows describe one synthetic
"matter" in two independent renderings (duplicates) or two matters of the same official that
differ in date, place, amount or counterpart, or in type (non-duplicates). The templates here are
deliberately independent of ClueTextGenerator so the evaluation is not circular.
Usage: python3 make-duplicate-pairs.py   (seeded, deterministic)
"""
import random, pathlib

HAND = 68
rng = random.Random(7)
path = pathlib.Path(__file__).with_name("duplicate-pairs.tsv")

officials = ["县交通运输局局长杨某", "县水务局局长黄某", "县教育局局长梁某", "县卫健局局长宋某", "县民政局局长邓某",
    "县住建局局长曹某", "县自然资源局局长肖某", "县农业农村局局长董某", "青山镇党委书记袁某", "桃源乡乡长潘某",
    "县文旅局局长蔡某", "县林业局局长余某", "县市场监管局局长杜某", "县人社局局长叶某", "县城投公司董事长程某",
    "金坪镇镇长魏某", "县财政局局长吕某", "县医保局局长丁某", "县公安局副局长姜某", "龙溪村党支部书记崔某"]
dates = ["2025年春节前", "2025年元宵节", "今年3月8日", "今年4月中旬", "五一假期", "今年6月底", "7月的一个周五",
    "8月15日", "今年中秋节前后", "国庆假期", "10月下旬", "去年11月", "去年12月28日", "年底", "2024年端午节"]
places = ["县城的金鼎大酒店", "城郊的绿源农家乐", "县城悦来酒楼", "河边的鱼庄", "开发区的一家会所", "老县城的土菜馆",
    "温泉山庄", "乡政府食堂", "县城的一家茶楼", "高速路口的农庄"]
amounts = ["两千元", "五千元", "八千元", "一万元", "一万五千元", "两万元", "三万元", "五万元", "八万元", "十二万元"]
bosses = ["建筑公司老板陈某", "砂石厂老板王某", "药品经销商刘某", "物业公司经理胡某", "房地产开发商郭某", "种养大户林某",
    "运输公司老板马某", "装修公司老板韦某", "超市老板熊某", "驾校校长冉某"]
relatives = ["妻子", "弟弟", "小舅子", "侄子", "女儿", "女婿", "表哥", "儿子"]
projects = ["村道硬化", "人饮工程", "学校改扩建", "河道治理", "高标准农田", "污水管网", "安置房", "乡村旅游步道"]
subsidies = ["低保", "危房改造补助", "产业奖补资金", "临时救助", "养老服务补贴"]
dests = ["三亚", "大理", "桂林", "张家界", "西双版纳", "厦门"]

# Each type: list of renderings; each rendering is a function of the matter slots.
types = {
 "gift": [lambda m: f"{m['date']}，{m['boss']}到{m['o']}家里送了{m['amt']}现金和两瓶茅台酒。",
          lambda m: f"{m['o']}{m['date']}收了{m['boss']}{m['amt']}，另外还有两瓶茅台。",
          lambda m: f"{m['boss']}在{m['date']}给{m['o']}送去现金{m['amt']}和茅台两瓶，{m['o']}都收下了。"],
 "dining": [lambda m: f"{m['date']}，{m['o']}在{m['place']}接受{m['boss']}宴请，喝了三瓶白酒，还带走两条烟。",
            lambda m: f"{m['boss']}{m['date']}在{m['place']}请{m['o']}吃饭，开了三瓶白酒，走时又塞了两条烟。",
            lambda m: f"{m['o']}与{m['boss']}{m['date']}在{m['place']}吃喝，席间喝了三瓶白酒。"],
 "project": [lambda m: f"{m['o']}利用职权让{m['rel']}承接了{m['proj']}项目，合同金额{m['amt']}，其{m['rel']}没有施工资质。",
             lambda m: f"{m['proj']}项目是{m['o']}给{m['rel']}揽来的，合同{m['amt']}，{m['rel']}根本没有资质。",
             lambda m: f"{m['o']}的{m['rel']}没有资质却拿到{m['proj']}工程，合同额{m['amt']}，都是{m['o']}打的招呼。"],
 "subsidy": [lambda m: f"{m['o']}把不符合条件的{m['rel']}纳入{m['sub']}名单，{m['date']}起每月领取{m['amt']}。",
             lambda m: f"{m['o']}的{m['rel']}家里条件很好，却从{m['date']}开始享受{m['sub']}，每月{m['amt']}。",
             lambda m: f"{m['sub']}名单里有{m['o']}的{m['rel']}，{m['date']}开始领，每月{m['amt']}，根本不符合条件。"],
 "wedding": [lambda m: f"{m['o']}{m['date']}为{m['rel']}在{m['place']}操办酒席四十多桌，收受下属和老板礼金约{m['amt']}。",
             lambda m: f"{m['date']}，{m['o']}给{m['rel']}在{m['place']}办酒，摆了四十几桌，收礼金{m['amt']}左右。",
             lambda m: f"{m['o']}在{m['place']}给{m['rel']}大办酒席，时间是{m['date']}，四十多桌，礼金收了大概{m['amt']}。"],
 "travel": [lambda m: f"{m['o']}{m['date']}以考察为名带单位六个人去{m['dest']}旅游，费用{m['amt']}由{m['boss']}承担。",
            lambda m: f"{m['date']}，{m['boss']}出钱{m['amt']}，安排{m['o']}和单位六个人到{m['dest']}游玩，名义上是考察。",
            lambda m: f"{m['o']}借学习考察到{m['dest']}旅游，{m['date']}去的，一行六人，{m['boss']}买单{m['amt']}。"],
 "car": [lambda m: f"{m['date']}，{m['o']}让司机开公务车送{m['rel']}去{m['dest']}，往返四天，油费过路费在单位报销。",
         lambda m: f"{m['o']}公车私用，{m['date']}用单位的车把{m['rel']}送到{m['dest']}，来回四天，费用单位报了。",
         lambda m: f"单位公务车{m['date']}被{m['o']}派去接送{m['rel']}，去的是{m['dest']}，跑了四天，加油费回单位报销。"],
}
# The slots each type's renderings use: a different event changes two of them.
used = {"gift": ["date", "boss", "amt"], "dining": ["date", "place", "boss"], "project": ["rel", "proj", "amt"],
        "subsidy": ["rel", "sub", "date", "amt"], "wedding": ["date", "rel", "place", "amt"],
        "travel": ["date", "dest", "amt", "boss"], "car": ["date", "rel", "dest"]}
wrappers = [lambda t: "尊敬的县纪委领导：我要反映" + t + "请组织调查核实。",
            lambda t: t,
            lambda t: "实名举报：" + t,
            lambda t: "您好！" + t + "希望严肃处理。",
            lambda t: "再次反映：" + t + "我之前已经反映过，至今没有回音。"]
extras = ["当时在场的还有两名股长。", "此事单位很多人都知道。", "有照片可以作证。", "后来他还让人把发票处理掉了。",
          "这件事在群里传开了。", "我这里还有转账记录。"]

def matter(o, t):
    return {"o": o, "t": t, "date": rng.choice(dates), "place": rng.choice(places), "amt": rng.choice(amounts),
            "boss": rng.choice(bosses), "rel": rng.choice(relatives), "proj": rng.choice(projects),
            "sub": rng.choice(subsidies), "dest": rng.choice(dests)}

def render(m, renderer, extra):
    text = renderer(m) + (rng.choice(extras) if extra else "")
    return rng.choice(wrappers)(text)

def changed(m, keys):
    n = dict(m)
    for k in keys:
        pool = {"date": dates, "place": places, "amt": amounts, "boss": bosses, "rel": relatives,
                "proj": projects, "sub": subsidies, "dest": dests}[k]
        n[k] = rng.choice([x for x in pool if x != m[k]])
    return n

rows = []
for _ in range(50):
    o, t = rng.choice(officials), rng.choice(list(types))
    m = matter(o, t)
    r1, r2 = rng.sample(types[t], 2)
    rows.append((1, render(m, r1, rng.random() < 0.3), render(m, r2, rng.random() < 0.5)))
for i in range(90):
    o = rng.choice(officials)
    if i < 60:  # same type, a different event
        t = rng.choice(list(types))
        m = matter(o, t)
        n = changed(m, rng.sample(used[t], 2))
        r1, r2 = rng.choice(types[t]), rng.choice(types[t])
    else:  # a different matter type
        t1, t2 = rng.sample(list(types), 2)
        m, n = matter(o, t1), matter(o, t2)
        r1, r2 = rng.choice(types[t1]), rng.choice(types[t2])
    rows.append((0, render(m, r1, rng.random() < 0.3), render(n, r2, rng.random() < 0.3)))
rng.shuffle(rows)

lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
hand = [l for l in lines if l and not l.startswith("#") and l.split("\t")[0].isdigit() and int(l.split("\t")[0]) <= HAND]
if not hand:  # first run: take the hand-written pairs from hand_pairs.txt
    hand = [f"{i}\t{l.split('|')[0]}\t{l.split('|')[1]}\t{l.split('|')[2]}"
            for i, l in enumerate(pathlib.Path(__file__).with_name("hand_pairs.txt").read_text(encoding="utf-8").splitlines(), 1)]
out = ["# id\tlabel\ttextA\ttextB — label 1 = repeat report (重复件) of the same matter, 0 = a different matter; the same official is implied.",
       f"# ids 1-{HAND} are hand-written; later ids are generated by make-duplicate-pairs.py (seed 7). All names are synthetic."]
out += hand
out += [f"{HAND + i}\t{label}\t{a}\t{b}" for i, (label, a, b) in enumerate(rows, 1)]
assert all("\t" not in x for _, a, b in rows for x in (a, b))
path.write_text("\n".join(out) + "\n", encoding="utf-8")
print(len(hand), len(rows))
