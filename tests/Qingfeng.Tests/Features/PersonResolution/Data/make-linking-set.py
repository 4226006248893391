"""Generates the labelled set for person linking: a synthetic roster with look-alikes and mentions written as petitions write them.

linking-roster.tsv   official id, name, unit, region key, post, principal (1/0), tenure start, tenure end (one row per tenure)
linking-regions.tsv  region key, name
linking-mentions.tsv id, kind, facts date, truth official id (or NONE), mention text

Every name is synthetic (random surname + given characters); counties, townships and units are invented. Look-alikes are
built on purpose: the same name in another county, homophones (王建华/王建花), near-homophones (n/l, in/ing, zh/z...), 2- and
3-character variants, deputies of the same unit, former holders whose tenure ended before the facts, masked names (王某).
The mention templates are independent of the resolver's parser: units abbreviated, post before or after the name, extra
words, full-width ＋, spaces. Usage: python3 make-linking-set.py   (seeded, deterministic)
"""
import random, pathlib

rng = random.Random(18)
here = pathlib.Path(__file__).parent

surnames = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范石廖贾夏韦方白邹熊秦江尹雷龙陶黎顾毛龚邵严向冉")
given = list("伟强磊军勇杰涛明超刚峰斌波辉鹏宇浩凯健俊帆旭宁亮成林文海东鑫新春志国建华平荣德福祥坤远航毅锋泽川岩松芳娜敏静丽艳秀霞玉兰红梅丹萍琳雪晓燕婷倩洁颖慧莉娟蓉薇琴悦佳欣怡露瑶岚")
# Homophones (same toneless pinyin, another character) and near-homophones (n/l, in/ing, en/eng, an/ang, zh/z, ch/c, sh/s, f/h).
homophone = {"华": "花", "建": "剑", "明": "鸣", "伟": "玮", "军": "君", "平": "萍", "林": "琳", "文": "雯", "国": "果", "志": "智",
             "王": "汪", "张": "章", "李": "黎", "刘": "留", "陈": "辰", "杨": "阳", "周": "舟", "徐": "许", "胡": "湖", "吴": "伍"}
near = {"宁": "林", "林": "宁", "新": "星", "斌": "兵", "明": "民", "军": "君", "成": "岑", "春": "村", "峰": "洪", "芳": "黄",
        "刚": "甘", "亮": "酿", "超": "曹", "帆": "欢", "鹏": "盆", "磊": "内", "东": "冬", "兰": "南", "张": "臧", "陈": "岑"}

counties = ["青岚县", "石门县", "白水县", "龙溪县", "松台县", "云岭县", "金沙坪县", "桃川县"]
towns = ["石桥镇", "青山镇", "白岩镇", "龙口乡", "松坝镇", "花溪乡"]
departments = [("交通运输局", ["交通局", "交运局"]), ("发展和改革局", ["发改局"]), ("卫生健康局", ["卫健局", "卫生局"]),
               ("住房和城乡建设局", ["住建局"]), ("市场监督管理局", ["市监局", "市场监管局"]), ("农业农村局", ["农业局"]),
               ("自然资源局", ["国土局", "自资局"]), ("教育局", ["教育局"]), ("财政局", ["财政局"]), ("水务局", ["水务局"])]

regions = [("52", "黔中省"), ("5290", "安平市")]
used_names = set()
officials = {}   # id -> name
rows = []        # (id, name, unit, region, post, principal, start, end)
next_id = [1]


def new_id():
    i = next_id[0]
    next_id[0] += 1
    return f"00000000-0000-4000-8000-{i:012d}"


def random_name(length=None):
    while True:
        length = length or rng.choice([2, 3, 3, 3])
        name = rng.choice(surnames) + "".join(rng.choice(given) for _ in range(length - 1))
        if name not in used_names:
            used_names.add(name)
            return name


def add(name, unit, region, post, principal, start, end=""):
    oid = new_id()
    officials[oid] = name
    used_names.add(name)
    rows.append((oid, name, unit, region, post, principal, start, end))
    return oid


units = []  # (unit name, region key, dept full, abbreviations, county, principal id, principal post, deputy ids, former id)
for c, county in enumerate(counties):
    ckey = f"5290{c + 1:02d}"
    regions.append((ckey, county))
    party = f"中共{county}委员会"
    add(random_name(), party, ckey, "县委书记", 1, "2021-03-01")
    add(random_name(), party, ckey, "县委副书记", 0, "2021-06-01")
    add(random_name(), f"{county}人民政府", ckey, "县长", 1, "2021-05-01")
    for t, town in enumerate(rng.sample(towns, 3)):
        tkey = f"{ckey}{t + 101:03d}"
        regions.append((tkey, town))
        add(random_name(), county + town, tkey, "党委书记", 1, "2022-01-01")
        add(random_name(), county + town, tkey, "镇长" if town.endswith("镇") else "乡长", 0, "2022-01-01")
    for full, abbreviations in departments:
        unit = county + full
        head = "局长"
        post = rng.choice(["局长", "党组书记、局长"])
        start = rng.choice(["2020-07-01", "2021-09-01", "2022-04-01"])
        former = add(random_name(), unit, ckey, post, 1, "2016-01-01", str(int(start[:4]) - 1) + start[4:])
        principal = add(random_name(), unit, ckey, post, 1, start)
        deputies = [add(random_name(), unit, ckey, "副" + head, 0, "2019-03-01") for _ in range(2)]
        units.append((unit, ckey, county, full, abbreviations, principal, post, deputies, former, start))

# Look-alikes around every principal: same name in another county, homophone, near-homophone, 2/3-character variants.
for unit, ckey, county, full, abbreviations, principal, post, deputies, former, start in units:
    name = officials[principal]
    other_county = rng.choice([u for u in units if u[2] != county])
    if rng.random() < 0.5:
        add(name, other_county[0], other_county[1], "副局长", 0, "2020-01-01")            # same name, another county
    if rng.random() < 0.5:
        chars = [i for i, ch in enumerate(name) if ch in homophone]
        if chars:
            i = rng.choice(chars)
            twin = name[:i] + homophone[name[i]] + name[i + 1:]
            if twin not in used_names:
                add(twin, rng.choice(units)[0], rng.choice(units)[1], "副局长", 0, "2020-01-01")
    if rng.random() < 0.4:
        chars = [i for i, ch in enumerate(name) if ch in near]
        if chars:
            i = rng.choice(chars)
            twin = name[:i] + near[name[i]] + name[i + 1:]
            if twin not in used_names:
                u = rng.choice(units)
                add(twin, u[0], u[1], "副局长", 0, "2020-01-01")
    if len(name) == 3 and rng.random() < 0.4:
        cut = name[:2] if rng.random() < 0.5 else name[0] + name[2]
        if cut not in used_names:
            u = rng.choice(units)
            add(cut, u[0], u[1], "副局长", 0, "2020-01-01")
    if rng.random() < 0.3:   # a deputy of the same unit with the same surname
        add(name[0] + "".join(rng.choice(given) for _ in range(len(name) - 1)), unit, ckey, "副局长", 0, "2019-03-01")

short = lambda county: county[:-1] if len(county) > 3 else county[:2]
mentions = []


def mention(kind, facts, truth, text):
    mentions.append((kind, facts, truth, text))


def unit_text(county, full, abbreviations, style):
    if style == 0:
        return county + full
    if style == 1:
        return county + rng.choice(abbreviations)
    if style == 2:
        return short(county) + rng.choice(abbreviations)
    return county + " " + full


def write(unit, post, name):
    style = rng.randrange(7)
    return [f"{unit}{post}{name}", f"{name}（{unit}{post}）", f"{unit} {post} {name}", f"反映{unit}的{name}{post}",
            f"{unit}＋{post}＋{name}", f"{unit}{name}{post}", f"被反映人：{unit}{post}{name}同志"][style]


for unit, ckey, county, full, abbreviations, principal, post, deputies, former, start in units:
    name = officials[principal]
    said = rng.choice(["局长", "局长", "书记"]) if "、" in post else "局长"
    facts = "2024-0" + str(rng.randint(1, 9)) + "-15"
    for _ in range(2):
        mention("principal", facts, principal, write(unit_text(county, full, abbreviations, rng.randrange(4)), said, name))
    chars = [i for i, ch in enumerate(name) if ch in homophone]
    if chars:
        i = rng.choice(chars)
        typo = name[:i] + homophone[name[i]] + name[i + 1:]
        mention("homophone-typo", facts, principal, write(unit_text(county, full, abbreviations, rng.randrange(3)), "局长", typo))
    mention("masked", facts, principal, write(unit_text(county, full, abbreviations, rng.randrange(3)), "局长", name[0] + rng.choice(["某", "某某"])))
    if len(name) == 3:
        mention("two-char-cut", facts, principal, write(unit_text(county, full, abbreviations, 0), "局长", name[:2] if rng.random() < 0.5 else name[0] + name[2]))
    mention("name-only", facts, principal, name)
    mention("spaced", facts, principal, f"{county} {full} 局长 {name[0]} {name[1:]}")
    deputy = rng.choice(deputies)
    mention("deputy", facts, deputy, write(unit_text(county, full, abbreviations, rng.randrange(3)), "副局长", officials[deputy]))
    formerly = str(int(start[:4]) - 2) + "-05-20"
    mention("former-holder", formerly, former, write(unit_text(county, full, abbreviations, 0), "局长", officials[former]))
    mention("not-on-roster", facts, "NONE", write(unit_text(county, full, abbreviations, rng.randrange(3)), "局长", random_name(3)))
    mention("not-on-roster-masked-deputy", facts, "NONE", write(unit_text(county, full, abbreviations, 0), "副局长", rng.choice([s for s in surnames if all(officials[d][0] != s for d in deputies)]) + "某"))

with open(here / "linking-regions.tsv", "w", encoding="utf-8") as f:
    for key, name in regions:
        f.write(f"{key}\t{name}\n")
with open(here / "linking-roster.tsv", "w", encoding="utf-8") as f:
    for row in rows:
        f.write("\t".join(str(x) for x in row) + "\n")
with open(here / "linking-mentions.tsv", "w", encoding="utf-8") as f:
    for i, (kind, facts, truth, text) in enumerate(mentions, 1):
        f.write(f"{i}\t{kind}\t{facts}\t{truth}\t{text}\n")
print(f"{len(set(r[0] for r in rows))} officials, {len(regions)} regions, {len(mentions)} mentions")
