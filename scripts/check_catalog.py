#!/usr/bin/env python3
"""Checks the classification catalogs in data/catalog/.

    python3 scripts/check_catalog.py [--refs DIR] [--catalog DIR]

Checks that every file parses (UTF-8, no duplicate keys, no anchors), that
codes are well formed (功能分类 3/5/7 digits, 经济分类 3/5 digits), quoted,
sorted, and that every 款 has its 类 and every 项 its 款; that the 人员经费 /
公用经费 groups split the 经济分类 类 exactly; that every 科目说明 belongs to
a 项 of functional.yaml; that functional-budgets.yaml names catalog codes,
each once, and that years.yaml names catalog codes with well-formed rules;
that the 06表 row lists of templates/<year>/tables.yaml name 经济分类 codes
that exist in that year.

When the reference documents are found (--refs DIR, default: reference/ in
the repository or ../shared/reference beside it), also checks that every code
they use is in the catalog under the name they print (known misprints are
listed in KNOWN_CONFLICTS and reported, not failed) and exists in the
reference's year, that the 26 类 of 01表 match the catalog in name and order
(the catalog's 类 that 01表 does not print are listed in NOT_IN_01), and that the 科目说明 printed in the
2022 reference's 第四部分 equal item-descriptions.yaml.

Exit status 0 when all is well, 1 when a check fails.
"""

import argparse
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
CATALOG = ROOT / "data" / "catalog"

# Official names of codes the references misprint; the catalog must hold these.
OFFICIAL = {"20604": "技术研究与开发"}

# (code, name as printed) -> why the catalog keeps another name.
KNOWN_CONFLICTS = {
    ("20604", "技术与研究开发"): "2022 参考文件 02表误印；官方名称为「技术研究与开发」",
    ("20604", "技术与开发"): "2022 参考文件 03表、05表、第三部分、第四部分误印；官方名称为「技术研究与开发」",
}

# 类 of the catalog that the 26 fixed rows of 01表/04表 do not print.
NOT_IN_01 = {"233"}

BUDGET_KEYS = ("government_fund", "state_capital")

ORDINAL = "一二三四五六七八九十"

errors = []
notes = []


def fail(msg):
    errors.append(msg)


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate keys."""


def _construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first at line {seen[key] + 1})", key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load(name):
    path = CATALOG / name
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        fail(f"{name}: cannot read as UTF-8: {e}")
        return None
    try:
        for ev in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(ev, yaml.AliasEvent) or getattr(ev, "anchor", None):
                fail(f"{name}: line {ev.start_mark.line + 1}: anchors/aliases are not allowed")
                return None
        return yaml.load(text, Loader=StrictLoader)
    except yaml.YAMLError as e:
        fail(f"{name}: {e}")
        return None


def check_code_map(name, data, lengths):
    """Mapping of quoted digit codes to non-empty text, sorted, parents present."""
    if not isinstance(data, dict):
        fail(f"{name}: must be a mapping of code to text")
        return {}
    out = {}
    prev = None
    for k, v in data.items():
        if not isinstance(k, str):
            fail(f"{name}: key {k!r} must be quoted (\"{k}\")")
            continue
        if not re.fullmatch(r"\d+", k) or len(k) not in lengths:
            fail(f"{name}: malformed code {k!r} (expected {'/'.join(map(str, lengths))} digits)")
        if not isinstance(v, str) or not v.strip() or v != v.strip():
            fail(f"{name}: {k}: value must be non-empty text without surrounding spaces")
        if prev is not None and k <= prev:
            fail(f"{name}: {k} is out of order (after {prev})")
        prev = k
        out[k] = v
    return out


def check_parents(name, codes, parent_len):
    for k in codes:
        for plen in parent_len.get(len(k), ()):
            if k[:plen] not in codes:
                fail(f"{name}: {k} has no parent {k[:plen]}")


# ------------------------------------------------------------ references

def section(text, start_pats, end_pat):
    for p in start_pats:
        m = re.search(p, text)
        if m:
            rest = text[m.end():]
            e = re.search(end_pat, rest)
            return rest[: e.start()] if e else rest
    raise ValueError(f"section {start_pats} not found")


def norm(s):
    return re.sub(r"\s+", "", s)


def ref_functional(text):
    """(code, name) of 02表, 03表, 05表 rows."""
    body = section(text, [r"公开\s*02\s*表"], r"公开\s*06\s*表")
    rows = []
    for line in body.splitlines():
        m = re.match(r"^(\d{7}|\d{5}|\d{3})\t([^\t]+)\t", line)
        if m:
            rows.append((m.group(1), norm(m.group(2))))
    return rows


def ref_economic(text):
    """(code, name) of 06表 rows (three code/name/amount column groups)."""
    body = section(text, [r"公开\s*06\s*表"], r"注：本表反映")
    rows = []
    for line in body.splitlines():
        cells = line.split("\t")
        for i, c in enumerate(cells[:-1]):
            if re.fullmatch(r"\d{3}|\d{5}", c.strip()) and i + 1 < len(cells):
                name = norm(cells[i + 1])
                if name and not re.fullmatch(r"[\d.,\s]+", name):
                    rows.append((c.strip(), name))
    return rows


def ref_lei(text):
    """Names of the 26 类 of 01表 in 行次 order (bare, without ordinals)."""
    body = section(text, [r"公开\s*01\s*表"], r"注：本表反映")
    found = {}
    for m in re.finditer(rf"[{ORDINAL}]+、([^\t]+)\t(\d+)\t", body):
        row = int(m.group(2))
        if 32 <= row <= 57:
            found[row] = norm(m.group(1))
    return [found[r] for r in sorted(found)]


def ref_glossary(text):
    """(类, 款, 项, 说明) of the 名词解释 entries that describe a 项."""
    if "第四部分 名词解释" not in text:
        return []
    body = text[text.rindex("第四部分 名词解释"):]
    body = body[: body.index("第五部分")] if "第五部分" in body else body
    entries = []
    for line in body.splitlines()[1:]:
        if not line.strip():
            continue
        if re.match(rf"^[{ORDINAL}]+、", line):
            entries.append(line.strip())
        elif entries:
            entries[-1] += line.strip()  # PDF extraction broke the entry
    out = []
    for e in entries:
        m = re.match(rf"^[{ORDINAL}]+、(.+?)（类）(.+?)（款）(.+?)（项）：(.+)$", e)
        if m:
            out.append(m.groups())
    return out


def find_refs(arg):
    cands = [pathlib.Path(arg)] if arg else [ROOT / "reference", ROOT.parent / "shared" / "reference"]
    for c in cands:
        if c.is_dir() and list(c.glob("*.txt")):
            return c
    return None


def exists_in(rules, code, year):
    r = rules.get(code)
    if not r or year is None:
        return True
    return not (("since" in r and year < r["since"]) or ("until" in r and year > r["until"]))


def check_references(refdir, fun, eco, desc, years):
    for code, name in OFFICIAL.items():
        if fun.get(code) != name:
            fail(f"functional.yaml: {code} must be the official 「{name}」, not 「{fun.get(code)}」")
    used_items = set()
    for path in sorted(refdir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        tag = path.name
        m = re.match(r"(\d{4})-", tag)
        year = int(m.group(1)) if m else None
        # 功能分类
        for code, name in ref_functional(text):
            if len(code) == 7:
                used_items.add(code)
            if code not in fun:
                fail(f"{tag}: 功能分类 {code} {name} is missing from functional.yaml")
            elif not exists_in(years["functional"], code, year):
                fail(f"{tag}: 功能分类 {code} {name} is used in {year}, but years.yaml says it does not exist then")
            elif fun[code] != name:
                why = KNOWN_CONFLICTS.get((code, name))
                if why:
                    notes.append(f"{tag}: {code} printed 「{name}」, catalog 「{fun[code]}」: {why}")
                else:
                    fail(f"{tag}: {code} printed 「{name}」 but functional.yaml has 「{fun[code]}」")
        # 经济分类
        for code, name in ref_economic(text):
            if code not in eco:
                fail(f"{tag}: 经济分类 {code} {name} is missing from economic.yaml")
            elif not exists_in(years["economic"], code, year):
                fail(f"{tag}: 经济分类 {code} {name} is used in {year}, but years.yaml says it does not exist then")
            elif eco[code] != name:
                fail(f"{tag}: 经济分类 {code} printed 「{name}」 but economic.yaml has 「{eco[code]}」")
        # 01表 类
        lei = ref_lei(text)
        cat_lei = [fun[k] for k in fun if len(k) == 3 and k not in NOT_IN_01]
        if lei != cat_lei:
            fail(f"{tag}: 01表 类 list {lei} differs from functional.yaml 类 {cat_lei}")
        # 名词解释 科目说明
        inverse = {}
        for k in fun:
            if len(k) == 7:
                inverse[(fun.get(k[:3]), fun.get(k[:5]), fun[k])] = k
        for lei_n, kuan_n, xiang_n, text_ in ref_glossary(text):
            kuan_fixed = kuan_n
            if ("20604", kuan_n) in KNOWN_CONFLICTS:
                kuan_fixed = fun.get("20604", kuan_n)
            code = inverse.get((lei_n, kuan_fixed, xiang_n))
            if code is None:
                fail(f"{tag}: 名词解释 {lei_n}/{kuan_n}/{xiang_n} matches no 项 of functional.yaml")
            elif desc.get(code) != text_:
                fail(f"{tag}: 科目说明 of {code} differs:\n  reference: {text_}\n  catalog:   {desc.get(code)}")
    missing = sorted(c for c in used_items if c not in desc)
    if missing:
        notes.append("项 used in the references without a 科目说明 (add when the official text is confirmed): "
                     + " ".join(missing))


def check_budgets(data, fun):
    """functional-budgets.yaml: government_fund / state_capital lists of catalog codes."""
    out = {}
    if data is None:
        return out
    if not isinstance(data, dict) or not set(data) <= set(BUDGET_KEYS):
        fail(f"functional-budgets.yaml: keys must be among {', '.join(BUDGET_KEYS)}")
        return out
    for key, codes in data.items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            fail(f"functional-budgets.yaml: {key} must be a list of quoted codes")
            continue
        prev = None
        for c in codes:
            if c not in fun:
                fail(f"functional-budgets.yaml: {key}: {c!r} is not a code of functional.yaml")
            if c in out:
                fail(f"functional-budgets.yaml: {c} is listed twice")
            if prev is not None and c <= prev:
                fail(f"functional-budgets.yaml: {key}: {c} is out of order (after {prev})")
            prev = c
            out[c] = key
    for c in out:
        for plen in (3, 5):
            if len(c) > plen and out.get(c[:plen]) == out[c]:
                fail(f"functional-budgets.yaml: {c} is redundant: {c[:plen]} is already {out[c]}")
    return out


def budget_of(budgets, code):
    for n in (7, 5, 3):
        if len(code) >= n and code[:n] in budgets:
            return budgets[code[:n]]
    return "general"


def check_years(data, fun, eco):
    """years.yaml: functional / economic, code -> {since, until, names}."""
    out = {"functional": {}, "economic": {}}
    if data is None:
        return out
    if not isinstance(data, dict) or not set(data) <= set(out):
        fail("years.yaml: keys must be among functional, economic")
        return out
    for key, codes in (("functional", fun), ("economic", eco)):
        rules = data.get(key) or {}
        if not isinstance(rules, dict):
            fail(f"years.yaml: {key} must be a mapping of code to rule")
            continue
        for code, rule in rules.items():
            where = f"years.yaml: {key}: {code}"
            if not isinstance(code, str) or code not in codes:
                fail(f"{where}: not a code of {key}.yaml")
            if not isinstance(rule, dict) or not rule or not set(rule) <= {"since", "until", "names"}:
                fail(f"{where}: a rule has since, until and/or names")
                continue
            for b in ("since", "until"):
                if b in rule and not (isinstance(rule[b], int) and 1990 <= rule[b] <= 2999):
                    fail(f"{where}: {b} must be a year")
            if isinstance(rule.get("since"), int) and isinstance(rule.get("until"), int) \
                    and rule["since"] > rule["until"]:
                fail(f"{where}: since is after until")
            names = rule.get("names", {})
            if not isinstance(names, dict) or not all(
                    isinstance(y, int) and isinstance(n, str) and n.strip() for y, n in names.items()):
                fail(f"{where}: names maps a year to a non-empty name")
            out[key][code] = rule
    return out


def check_templates(eco, years):
    """The 06表 row lists of templates/<year>/tables.yaml name 经济分类 codes of that year."""
    for path in sorted((ROOT / "templates").glob("*/tables.yaml")):
        if not re.fullmatch(r"\d{4}", path.parent.name):
            continue
        year = int(path.parent.name)
        tag = f"templates/{year}/tables.yaml"
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as e:
            fail(f"{tag}: {e}")
            continue

        def walk(node):
            if isinstance(node, dict):
                for v in node.values():
                    yield from walk(v)
            elif isinstance(node, list):
                if node and all(isinstance(x, str) and re.fullmatch(r"3\d{2}|3\d{4}", x) for x in node):
                    yield node
                else:
                    for v in node:
                        yield from walk(v)

        for row_list in walk(data):
            for code in row_list:
                if code not in eco:
                    fail(f"{tag}: 经济分类 {code} is not in economic.yaml")
                elif not exists_in(years["economic"], code, year):
                    fail(f"{tag}: 经济分类 {code} does not exist in {year} (years.yaml)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--refs", help="directory of the reference documents (*.txt)")
    ap.add_argument("--catalog", help="catalog directory (default: data/catalog)")
    args = ap.parse_args()
    global CATALOG
    if args.catalog:
        CATALOG = pathlib.Path(args.catalog)

    fun = check_code_map("functional.yaml", load("functional.yaml"), (3, 5, 7))
    check_parents("functional.yaml", fun, {5: (3,), 7: (5, 3)})

    eco = check_code_map("economic.yaml", load("economic.yaml"), (3, 5))
    check_parents("economic.yaml", eco, {5: (3,)})

    groups = load("economic-groups.yaml")
    if not isinstance(groups, dict) or set(groups) != {"personnel", "public"}:
        fail("economic-groups.yaml: must have exactly the keys personnel and public")
    else:
        lists = {}
        for key in ("personnel", "public"):
            v = groups[key]
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                fail(f"economic-groups.yaml: {key} must be a list of quoted codes")
                v = []
            lists[key] = v
            for c in v:
                if len(c) != 3 or c not in eco:
                    fail(f"economic-groups.yaml: {key}: {c!r} is not a 类 of economic.yaml")
        both = set(lists["personnel"]) & set(lists["public"])
        if both:
            fail(f"economic-groups.yaml: in both groups: {sorted(both)}")
        lei = {k for k in eco if len(k) == 3}
        ungrouped = lei - set(lists["personnel"]) - set(lists["public"])
        if ungrouped:
            fail(f"economic-groups.yaml: 类 in no group: {sorted(ungrouped)}")

    desc = check_code_map("item-descriptions.yaml", load("item-descriptions.yaml"), (7,))
    for k, v in desc.items():
        if k not in fun:
            fail(f"item-descriptions.yaml: {k} is not a 项 of functional.yaml")
        if not v.startswith("反映") or not v.endswith("。"):
            fail(f"item-descriptions.yaml: {k}: a 科目说明 starts with 「反映」 and ends with 「。」")

    budgets = check_budgets(load("functional-budgets.yaml"), fun)
    years = check_years(load("years.yaml"), fun, eco)

    check_templates(eco, years)

    refdir = find_refs(args.refs)
    if refdir:
        check_references(refdir, fun, eco, desc, years)
    else:
        notes.append("reference documents not found: reference checks skipped (use --refs DIR)")

    def count(m, n):
        return sum(1 for k in m if len(k) == n)

    print(f"functional.yaml: {len(fun)} codes ({count(fun, 3)} 类, {count(fun, 5)} 款, {count(fun, 7)} 项)")
    print(f"economic.yaml: {len(eco)} codes ({count(eco, 3)} 类, {count(eco, 5)} 款)")
    for kind, label in (("general", "一般公共预算"), ("government_fund", "政府性基金预算"),
                        ("state_capital", "国有资本经营预算")):
        codes = [k for k in fun if len(k) > 3 and budget_of(budgets, k) == kind]
        print(f"  {label}: {count(codes, 5)} 款, {count(codes, 7)} 项")
    print(f"item-descriptions.yaml: {len(desc)} 项")
    for n in dict.fromkeys(notes):
        print("note:", n)
    for e in errors:
        print("error:", e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
