#!/usr/bin/env python3
"""Writes a consistent department of N 项 (功能分类 项 codes taken 款 by
款 from data/catalog/functional.yaml, 01 … 99 under each, with a name: for
codes the catalog lacks) to FILE — the input of scripts/bench_items.sh.

    scripts/many_items.py N FILE
"""
import os
import sys

import yaml


def main():
    n, path = int(sys.argv[1]), sys.argv[2]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    with open(os.path.join(root, "data", "catalog", "functional.yaml"), encoding="utf-8") as f:
        catalog = yaml.safe_load(f)
    kuan = sorted(c for c in catalog if len(c) == 5)
    lines = ["department: 多项测试局", "year: 2022", 'format: "2022"', "amount_unit: 万元", "items:"]
    total = 0
    count = 0
    for k in kuan:
        for x in range(1, 100):
            if count == n:
                break
            code = "%s%02d" % (k, x)
            cents = 100 + (count % 97) * 101
            total += cents
            amount = "%d.%02d" % (cents // 100, cents % 100)
            lines.append('  - code: "%s"' % code)
            if code not in catalog:
                lines.append("    name: 测试项目%d" % (count + 1))
            lines.append("    income: {general: %s}" % amount)
            lines.append("    basic: {general: %s}" % amount)
            lines.append("    budget: %s" % amount)
            count += 1
    if count < n:
        sys.exit("the catalog has room for %d 项 only" % count)
    lines.append("basic_economic:")
    lines.append('  "30101": %d.%02d' % (total // 100, total % 100))
    # The blocks every department file has; this one has nothing to report in them.
    lines += ["%s: {}" % b for b in ("overview", "balances", "last_year", "three_public", "operating_costs",
                                     "procurement", "assets", "performance")]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
