#!/usr/bin/env python3
"""A synthetic city for tests and benchmarks of `juesuan batch`.

    scripts/synth_city.py N OUT_DIR [--broken K] [--seed S] [--folders F] [--city NAME]

writes N department YAMLs under OUT_DIR, grouped in folders by 主管部门
(OUT_DIR/03-教育局/教育局本级.yaml, …), by varying the two reference
departments in data/examples/: names; amounts scaled per department and
perturbed per 项; 项 dropped, or added from data/catalog/functional.yaml;
both formats (2021, 2022); amounts in 万元 or 元; some departments with
政府性基金 and some without, some with no "三公" spending, some with several
units. Every balance is made consistent (收入总计 = 支出总计; 一般公共预算
fiscal closing = opening + income − spending; each 政府性基金 项's closing =
opening + income − spending; 06表 = 05表 基本支出; 小微 ≤ 中小 ≤ 采购总额;
公务用车保有量 ≤ 车辆总数), so each one passes `juesuan check` with no error.

--broken K adds K deliberately broken departments on top of the N (a YAML
syntax error, an amount written with a thousands separator, a misspelt key,
an audit error), and prints each one's path on stdout as "broken: PATH".
The same N, K and seed give the same files, byte for byte.
"""

import argparse
import copy
import os
import random
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = {
    "2021": os.path.join(ROOT, "data/examples/2021-jiaozuo-gongxinju.yaml"),
    "2022": os.path.join(ROOT, "data/examples/2022-jiaozuo-zhengwu-dashuju.yaml"),
}
BASE_CITY = "焦作市"

# 主管部门 and the kinds of units under them.
AGENCIES = [
    ("教育局", ["第一中学", "第二中学", "实验小学", "教育考试中心", "教师发展中心", "电化教育馆", "职业技术学校"]),
    ("卫生健康委员会", ["人民医院", "中医院", "疾病预防控制中心", "妇幼保健院", "卫生健康监督局", "血站"]),
    ("财政局", ["财政信息中心", "国库支付中心", "政府采购中心"]),
    ("公安局", ["交通警察支队", "看守所", "警务保障中心"]),
    ("自然资源和规划局", ["不动产登记中心", "土地储备中心", "测绘院"]),
    ("住房和城乡建设局", ["住房保障中心", "建设工程质量监督站", "房产事务中心"]),
    ("交通运输局", ["公路事业发展中心", "运输事业发展中心", "港航事务中心"]),
    ("农业农村局", ["农业技术推广站", "动物疫病预防控制中心", "农机推广站", "种子管理站"]),
    ("水利局", ["河务局", "水文水资源勘测中心", "灌区管理所"]),
    ("文化广电和旅游局", ["图书馆", "博物馆", "群众艺术馆", "文化市场综合执法支队"]),
    ("民政局", ["社会福利院", "救助管理站", "殡仪馆"]),
    ("人力资源和社会保障局", ["社会保险中心", "就业创业服务中心", "人事考试中心"]),
    ("生态环境局", ["生态环境监测中心", "环境应急中心"]),
    ("市场监督管理局", ["质量技术监督检验测试中心", "食品检验检测中心", "计量测试所"]),
    ("应急管理局", ["应急救援指挥中心", "地震监测中心"]),
    ("司法局", ["公证处", "法律援助中心"]),
    ("审计局", ["审计信息中心"]),
    ("统计局", ["调查队", "统计普查中心"]),
    ("商务局", ["招商服务中心", "口岸服务中心"]),
    ("科学技术局", ["科技情报研究所", "生产力促进中心"]),
    ("工业和信息化局", ["中小企业服务中心", "煤炭工业服务中心"]),
    ("发展和改革委员会", ["价格认证中心", "重点项目服务中心"]),
    ("城市管理局", ["园林绿化中心", "环境卫生管理处", "市政设施维护中心"]),
    ("林业局", ["林业技术推广站", "国有林场"]),
    ("医疗保障局", ["医疗保障服务中心"]),
    ("政务服务和大数据管理局", ["电子政务管理中心", "外来投资服务中心"]),
    ("机关事务管理局", ["公务用车服务中心", "机关服务中心"]),
    ("退役军人事务局", ["退役军人服务中心", "光荣院"]),
]

REASONS = [
    "人员经费增加", "年中追加专项经费", "项目按进度支付，部分资金结转下年", "厉行节约，压减一般性支出",
    "在职人员减少，相关经费减少", "年中调整功能分类科目", "按规定缴纳社会保险", "上级专项资金年中下达",
]

FUND_CODE = "2296002"   # 用于社会福利的彩票公益金支出: where the 政府性基金 money of a department goes


class Amt:
    """An amount in 0.01 万元 (= 100 元), written in the file's unit."""

    unit_yuan = False

    def __init__(self, units):
        assert units >= 0, units
        self.units = int(units)


def amt_representer(dumper, a):
    if Amt.unit_yuan:
        return dumper.represent_scalar("tag:yaml.org,2002:int", str(a.units * 100))
    return dumper.represent_scalar("tag:yaml.org,2002:float", "%d.%02d" % divmod(a.units, 100))


yaml.SafeDumper.add_representer(Amt, amt_representer)


def units(v):
    """A number from the reference YAML (万元) in 0.01 万元."""
    return int(round(float(v or 0) * 100))


def load_catalog():
    """The 项 of the 一般公共预算 (the budget a random 项 with general money
    belongs to): those of data/catalog/functional-budgets.yaml are left out."""
    with open(os.path.join(ROOT, "data/catalog/functional.yaml"), encoding="utf-8") as f:
        cat = yaml.safe_load(f)
    with open(os.path.join(ROOT, "data/catalog/functional-budgets.yaml"), encoding="utf-8") as f:
        other = yaml.safe_load(f) or {}
    other_codes = [c for codes in other.values() for c in (codes or [])]
    general = lambda c: not any(c.startswith(o) for o in other_codes)
    return sorted(c for c in cat if len(c) == 7 and general(c) and general(c[:5]) and general(c[:3]))


def scaled(rng, u, scale, spread=0.25):
    if u == 0:
        return 0
    return max(1, int(round(u * scale * rng.uniform(1 - spread, 1 + spread))))


def split_proportionally(total, weights):
    """Integers proportional to weights that add up to total exactly."""
    s = sum(weights)
    if s == 0 or total == 0:
        return [0] * len(weights)
    parts = [total * w // s for w in weights]
    parts[max(range(len(weights)), key=lambda i: weights[i])] += total - sum(parts)
    return parts


def sum_map(m, keys=None):
    return sum(v for k, v in (m or {}).items() if keys is None or k in keys)


def make_items(rng, base, scale, catalog, with_fund):
    """The 项 of a department, amounts as ints (0.01 万元)."""
    items = []
    used = set()
    for it in base["items"]:
        if len(base["items"]) > 3 and rng.random() < 0.15:
            continue  # this department has no such 项
        s = scale * rng.uniform(0.7, 1.4)
        n = {"code": it["code"]}
        for grp in ("income", "basic", "project"):
            if grp in it:
                n[grp] = {k: scaled(rng, units(v), s, 0.02) for k, v in it[grp].items()}
        for k in ("to_superior", "business", "to_affiliated"):
            if k in it:
                n[k] = scaled(rng, units(it[k]), s, 0.02)
        items.append(n)
        used.add(it["code"])
    for _ in range(rng.randint(0, 4)):
        code = rng.choice(catalog)
        if code in used or code == FUND_CODE:
            continue
        used.add(code)
        amount = max(1, int(rng.lognormvariate(8, 1.2) * scale))
        kind = "basic" if rng.random() < 0.3 else "project"
        items.append({"code": code, "income": {"general": amount}, kind: {"general": amount}})
    if with_fund:
        opening = rng.choice([0, 0, scaled(rng, 5000, scale)])
        income = scaled(rng, 20000, scale, 0.6)
        spend = min(opening + income, scaled(rng, income, 1, 0.3))
        project = spend * rng.randint(6, 10) // 10
        n = next((n for n in items if n["code"] == FUND_CODE), None)
        if n is None:
            n = {"code": FUND_CODE}
            items.append(n)
        n.setdefault("income", {})["fund"] = income
        n.setdefault("basic", {})["fund"] = spend - project
        n.setdefault("project", {})["fund"] = project
        n["fund_balance"] = {"opening": opening, "closing": opening + income - spend}
    # Budgets (一般公共预算) and their variance reasons.
    for n in items:
        actual = n.get("basic", {}).get("general", 0) + n.get("project", {}).get("general", 0)
        if actual == 0 and "fund_balance" in n:
            continue
        r = rng.random()
        n["budget"] = actual if r < 0.3 else (0 if r < 0.4 else scaled(rng, actual, 1, 0.2))
        if n["budget"] != actual:
            n["reason"] = rng.choice(REASONS)
    items.sort(key=lambda n: n["code"])
    return items


def spending(n, funds=("general", "fund", "capital", "other")):
    return sum(n.get(g, {}).get(f, 0) for g in ("basic", "project") for f in funds)


def balance(d, items, base, scale, rng):
    """Balances that make 收入总计 = 支出总计 and the fiscal identity exact."""
    b = base.get("balances", {})
    ig = sum(n.get("income", {}).get("general", 0) for n in items)
    sg = sum(spending(n, ("general",)) for n in items)
    og = scaled(rng, units(b.get("opening", {}).get("general")), scale)
    og = max(og, sg - ig)
    cg = og + ig - sg
    nf_income = sum(sum_map(n.get("income"), ("superior", "service", "business", "affiliated", "other"))
                    for n in items)
    nf_spend = sum(spending(n, ("other",)) + n.get("to_superior", 0) + n.get("business", 0)
                   + n.get("to_affiliated", 0) for n in items)
    oo = scaled(rng, units(b.get("opening", {}).get("other")), scale)
    oo = max(oo, nf_spend - nf_income)
    co = oo + nf_income - nf_spend
    d["balances"] = {"opening": {"general": og, "other": oo}, "closing": {"general": cg, "other": co},
                     "use_of_nonfiscal_surplus": 0, "surplus_distribution": 0}
    fund = sum(n.get("fund_balance", {}).get("opening", 0) for n in items)
    income = sum(sum_map(n.get("income")) for n in items)
    return income + og + oo + fund, ig, sg


def economic(base, items, rng):
    target = sum(n.get("basic", {}).get("general", 0) for n in items)
    codes = sorted(base["basic_economic"])
    weights = [max(1, int(units(base["basic_economic"][c]) * rng.uniform(0.6, 1.4))) for c in codes]
    parts = split_proportionally(target, weights)
    return {c: p for c, p in zip(codes, parts) if p}


def three_public(d, rng, scale, none):
    t = d["three_public"]
    counts = ("abroad_groups", "abroad_persons", "vehicles_bought", "foreign_groups", "foreign_persons",
              "domestic_groups", "domestic_persons")
    for k in ("reason", "abroad_reason", "vehicle_reason", "reception_reason", "vehicles_bought_note"):
        t.pop(k, None)
    if none:
        t["budget"] = {k: 0 for k in t["budget"]}
        t["actual"] = {k: 0 for k in t["actual"]}
        for k in counts:
            if k in t:
                t[k] = 0
        return
    s = min(scale, 3.0)
    budget = {k: scaled(rng, units(v), s, 0.3) for k, v in t["budget"].items()}
    # Each part spent in full or in part, never more than its budget.
    spent = {k: b if rng.random() < 0.3 else b * rng.randint(50, 99) // 100 for k, b in budget.items()}
    t["budget"] = budget
    t["actual"] = {"abroad": spent["abroad"], "vehicle_purchase": spent["vehicle_purchase"],
                   "vehicle_operation": spent["vehicle_operation"], "reception_foreign": 0,
                   "reception_domestic": spent["reception"]}
    for key, parts in (("abroad_reason", ["abroad"]), ("vehicle_reason", ["vehicle_purchase", "vehicle_operation"]),
                       ("reception_reason", ["reception"])):
        if sum(budget[p] for p in parts) != sum(spent[p] for p in parts):
            t[key] = "厉行节约，严格控制支出"
    if sum(budget.values()) != sum(spent.values()):
        t["reason"] = "认真落实中央八项规定精神，严控“三公”经费支出"
    if spent["vehicle_purchase"] == 0:
        t["vehicles_bought"] = 0
    if spent["abroad"] == 0:
        t["abroad_groups"] = t["abroad_persons"] = 0


# 06表 lines that "三公" includes: each "三公" figure counts basic and project
# spending of every fiscal fund, so it is never below its 06表 line.
THREE_PUBLIC_LINES = {"30212": ["abroad"], "30217": ["reception_domestic"], "30231": ["vehicle_operation"],
                      "31013": ["vehicle_purchase"]}
BUDGET_OF = {"abroad": "abroad", "reception_domestic": "reception", "vehicle_operation": "vehicle_operation",
             "vehicle_purchase": "vehicle_purchase"}


def cover_three_public(d):
    econ, t = d["basic_economic"], d["three_public"]
    for code, (part,) in THREE_PUBLIC_LINES.items():
        line = econ.get(code, 0)
        if t["actual"].get(part, 0) >= line:
            continue
        if sum(t["actual"].values()) == 0:
            # A department without "三公": those 06表 lines go to 30299 (其他商品和服务支出).
            econ["30299"] = econ.get("30299", 0) + econ.pop(code)
            continue
        t["actual"][part] = line
        b = BUDGET_OF[part]
        t["budget"][b] = max(t["budget"][b], line)
        if t["budget"][b] != line:
            t.setdefault(part.split("_")[0] + "_reason", "厉行节约，严格控制支出")
        t.setdefault("reason", "认真落实中央八项规定精神，严控“三公”经费支出")


def scale_map(rng, m, scale, spread=0.2):
    return {k: scaled(rng, units(v), scale, spread) for k, v in m.items()}


def department(rng, fmt, name, units_list, catalog, flags):
    with open(EXAMPLES[fmt], encoding="utf-8") as f:
        base = yaml.safe_load(f)
    base_names = [base["department"], base.get("short_name", base["department"])]
    d = copy.deepcopy(base)
    d.pop("supplied", None)
    d["department"] = name
    d.pop("short_name", None)
    scale = rng.lognormvariate(0, 0.9)
    d["overview"]["units"] = units_list
    d["overview"]["composition"] = "本级决算" if len(units_list) == 1 else "本级决算、所属事业单位决算"
    items = make_items(rng, base, scale, catalog, flags["fund"])
    grand, ig, sg = balance(d, items, base, scale, rng)
    d["basic_economic"] = economic(base, items, rng)
    for n in items:
        for grp in ("income", "basic", "project", "fund_balance"):
            if grp in n:
                n[grp] = {k: Amt(v) for k, v in n[grp].items() if v or k == "general"}
                if not n[grp]:
                    del n[grp]
        for k in ("to_superior", "business", "to_affiliated", "budget"):
            if k in n:
                n[k] = Amt(n[k])
    d["items"] = items
    ly = d["last_year"]
    ly["total"] = scaled(rng, grand, 1, 0.15)
    ly["fiscal_total"] = scaled(rng, ig + d["balances"]["opening"]["general"], 1, 0.15)
    ly["general_spending"] = scaled(rng, sg, 1, 0.15)
    three_public(d, rng, scale, flags["no_three_public"])
    cover_three_public(d)
    oc = d["operating_costs"]
    # 机关运行经费 is part of the 公用经费 of basic spending.
    public = sum(v for k, v in d["basic_economic"].items() if not k.startswith(("301", "303")))
    for k in ("amount", "budget", "last_year"):
        if k in oc:
            oc[k] = public * rng.randint(50, 95) // 100
    p = d["procurement"]
    p.update(scale_map(rng, {k: p[k] for k in ("goods", "works", "services")}, scale))
    total = p["goods"] + p["works"] + p["services"]
    # 政府采购 is part of the year's spending.
    val = lambda v: v.units if isinstance(v, Amt) else v
    spending = sum(val(v) for n in items for g in ("basic", "project") for v in n.get(g, {}).values()) + \
        sum(val(n.get(k, 0)) for n in items for k in ("to_superior", "business", "to_affiliated"))
    if total > spending:
        for k in ("goods", "works", "services"):
            p[k] = p[k] * spending // total // 2
        total = p["goods"] + p["works"] + p["services"]
    p["sme"] = total * rng.randint(0, 100) // 100
    p["small_micro"] = p["sme"] * rng.randint(0, 100) // 100
    held = d["three_public"].get("vehicles_held", 0)
    vehicles = d["assets"]["vehicles"]
    if sum(vehicles.values()) < held:
        vehicles["other"] = vehicles.get("other", 0) + held - sum(vehicles.values())
    # Every amount left as a number in 万元 becomes an Amt.
    for sect, keys in (("balances", None), ("last_year", ("total", "fiscal_total", "general_spending")),
                       ("operating_costs", ("amount", "budget", "last_year")),
                       ("procurement", ("goods", "works", "services", "sme", "small_micro"))):
        wrap(d[sect], keys)
    tp = d["three_public"]
    tp["budget"] = {k: Amt(v) for k, v in tp["budget"].items()}
    tp["actual"] = {k: Amt(v) for k, v in tp["actual"].items()}
    d["basic_economic"] = {k: Amt(v) for k, v in d["basic_economic"].items()}
    # 年初预算总数: the listed 项' budgets plus some budgeted but not spent.
    listed = sum(n["budget"].units for n in items if "budget" in n)
    d["year_start_budget"] = {"general": Amt(listed + listed * rng.randint(0, 5) // 100)}
    perf = d.get("performance", {}).get("management", {})
    for k in ("overall_self_eval_funds", "project_self_eval_funds", "key_evaluation_funds"):
        if k in perf:
            perf[k] = Amt(scaled(rng, units(perf[k]), scale, 0.1))
    return d, base_names


def wrap(m, keys):
    for k, v in m.items():
        if isinstance(v, dict):
            wrap(v, None)
        elif isinstance(v, int) and not isinstance(v, bool) and (keys is None or k in keys):
            m[k] = Amt(v)


def dump(d, base_names, name, city, yuan):
    Amt.unit_yuan = yuan
    d["amount_unit"] = "元" if yuan else "万元"
    text = yaml.safe_dump(d, allow_unicode=True, sort_keys=False, width=100000, default_flow_style=False)
    for old in base_names:
        text = text.replace(old, name)
    text = text.replace(BASE_CITY, city)
    header = "# 合成部门（scripts/synth_city.py）：由参考部门变化而来，数字自洽，仅供测试与基准。\n"
    return header + text


BROKEN_KINDS = ["syntax", "thousands", "misspelt", "audit"]


def break_text(text, kind):
    """A broken variant; the error is on a line the finance officer wrote."""
    lines = text.split("\n")
    if kind == "syntax":
        i = next(i for i, l in enumerate(lines) if l.startswith("year:"))
        lines[i] = "year: [" + lines[i][len("year:"):].strip()
    elif kind == "thousands":
        i = next(i for i, l in enumerate(lines) if l.strip().startswith("goods:"))
        lines[i] = lines[i].split(":")[0] + ": 1,205.51"
    elif kind == "misspelt":
        i = next(i for i, l in enumerate(lines) if l.strip().startswith("budget:") and l.startswith("  "))
        lines[i] = lines[i].replace("budget:", "bugdet:")
    elif kind == "audit":
        # 授予中小企业 more than the whole of 政府采购.
        i = next(i for i, l in enumerate(lines) if l.strip().startswith("sme:"))
        lines[i] = lines[i].split(":")[0] + ": 99999999"
    return "\n".join(lines)


def plan(rng, n, broken, folders):
    """(folder, unit name) for each department, in at most `folders` folders."""
    out = []
    order = list(range(min(folders, len(AGENCIES))))
    round_no = 0
    while len(out) < n + broken:
        for ai in order:
            agency, kinds = AGENCIES[ai]
            folder = "%02d-%s" % (ai + 1, agency)
            size = rng.randint(1, 1 + len(kinds))
            names = ["%s本级" % agency] + kinds
            for k in range(size):
                base = names[k % len(names)]
                unit = base if round_no == 0 else "%s%d" % (base, round_no + 1)
                if any(o[0] == folder and o[1] == unit for o in out):
                    continue
                out.append((folder, unit))
                if len(out) == n + broken:
                    return out
        round_no += 1
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of valid departments")
    ap.add_argument("out", help="the city folder to write")
    ap.add_argument("--broken", type=int, default=0, help="add this many deliberately broken departments")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--city", default="青川市", help="the city's name in every department name")
    ap.add_argument("--folders", type=int, default=len(AGENCIES), help="use at most this many folders (主管部门)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    catalog = load_catalog()
    entries = plan(rng, args.n, args.broken, args.folders)
    # The broken ones are spread evenly through the city.
    broken_at = set()
    if args.broken:
        step = len(entries) / args.broken
        broken_at = {int(step * k + step / 2) for k in range(args.broken)}
    for i, (folder, unit) in enumerate(entries):
        fmt = rng.choice(["2021", "2022"])
        name = "%s%s" % (args.city, unit)
        unit_names = ["%s本级" % name] if rng.random() < 0.6 else \
            ["%s本级" % name] + ["%s%s" % (args.city, u) for u in rng.sample(
                [k for a in AGENCIES for k in a[1]], rng.randint(1, 3))]
        flags = {"fund": rng.random() < 0.3, "no_three_public": rng.random() < 0.15}
        d, base_names = department(rng, fmt, name, unit_names, catalog, flags)
        text = dump(d, base_names, name, args.city, yuan=rng.random() < 0.2)
        path = os.path.join(args.out, folder, unit + ".yaml")
        if i in broken_at:
            text = break_text(text, BROKEN_KINDS[len([b for b in broken_at if b < i]) % len(BROKEN_KINDS)])
            print("broken: " + os.path.relpath(path, args.out))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
