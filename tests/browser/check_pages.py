#!/usr/bin/env python3
"""Opens a batch's pages in headless Chromium and checks what a reader sees.

    tests/browser/check_pages.py OUT_DIR [--screenshots DIR] [--pages K]

- OUT_DIR/index.html (desktop width): loads with no console error, lists
  every department of index.json, and every link points at a file that
  exists; at phone width (390 px) the page does not scroll sideways.
- up to K departments' HTML (both formats when there are both), at 390 px:
  no console error, the page itself does not scroll sideways, every table
  either fits or scrolls inside its own box (div.table-scroll, overflow-x
  auto) that stays on the screen, and table text is at least 10 px.
Screenshots at 390 px go to DIR when given. Exit status: 0 all good, 1 a
check failed (each failure printed), 77 Chromium is not installed.
"""

import argparse
import json
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

PHONE = (390, 844)

LAYOUT = r"""(() => {
  const vw = document.documentElement.clientWidth;
  const problems = [];
  const page = document.documentElement.scrollWidth;
  if (page > vw + 1) problems.push('the page scrolls sideways: ' + page + ' px wide on a ' + vw + ' px screen');
  let scrolling = 0;
  document.querySelectorAll('table').forEach((t, i) => {
    const name = 'table ' + (i + 1) + ' (' + (t.querySelector('caption, th') || t).textContent.trim().slice(0, 20) + ')';
    const box = t.closest('.table-scroll');
    if (!box) {
      if (t.getBoundingClientRect().right > vw + 1) problems.push(name + ' is wider than the screen and has no scroll box');
      return;
    }
    const r = box.getBoundingClientRect();
    if (r.left < -1 || r.right > vw + 1) problems.push(name + ': its scroll box runs off the screen');
    const ox = getComputedStyle(box).overflowX;
    if (box.scrollWidth > box.clientWidth + 1) {
      scrolling++;
      if (ox !== 'auto' && ox !== 'scroll') problems.push(name + ' is cut off (overflow-x: ' + ox + ')');
    }
    const cell = t.querySelector('td, th');
    if (cell && parseFloat(getComputedStyle(cell).fontSize) < 10)
      problems.push(name + ': text of ' + getComputedStyle(cell).fontSize + ' is too small to read');
  });
  return {problems, tables: document.querySelectorAll('table').length, scrolling};
})()"""

INDEX_ROWS = r"""[...document.querySelectorAll('table.departments tbody tr')].map(tr => ({
  path: tr.querySelector('.path').textContent,
  links: [...tr.querySelectorAll('a')].map(a => a.href)}))"""


def file_of(url):
    assert url.startswith("file://"), url
    return urllib.parse.unquote(urllib.parse.urlparse(url).path)


def url_of(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--screenshots")
    ap.add_argument("--pages", type=int, default=4)
    args = ap.parse_args()
    if not cdp.find_chromium():
        print("SKIP: chromium is not installed (apt-get install chromium; scripts/install-deps.sh does it)")
        return 77
    with open(os.path.join(args.out, "index.json"), encoding="utf-8") as f:
        index = json.load(f)
    failures = []
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)

    with cdp.Browser() as b:
        b.viewport(1280, 900)
        errors = b.open(url_of(os.path.join(args.out, "index.html")))
        failures += ["index.html: console: " + e for e in errors]
        rows = b.evaluate(INDEX_ROWS)
        shown = {r["path"] for r in rows}
        for d in index["departments"]:
            if d["path"] not in shown:
                failures.append("index.html does not show " + d["path"])
            if d["status"] != "failed" and not d["outputs"]:
                failures.append("index.json: " + d["path"] + " has no output")
        links = 0
        for r in rows:
            for link in r["links"]:
                links += 1
                if not os.path.isfile(file_of(link)):
                    failures.append("index.html: the link " + link + " of " + r["path"] + " points at no file")
        print("index.html: %d departments shown, %d links, all checked" % (len(rows), links))

        b.viewport(*PHONE)
        b.open(url_of(os.path.join(args.out, "index.html")))
        layout = b.evaluate(LAYOUT)
        failures += ["index.html at 390 px: " + p for p in layout["problems"]]
        if args.screenshots:
            b.screenshot(os.path.join(args.screenshots, "index-390.png"))

        # Departments to open: both formats first, then the others in order.
        built = [d for d in index["departments"] if d["status"] != "failed" and "html" in d["outputs"]]
        chosen, formats = [], set()
        for d in built:
            with open(os.path.join(args.out, d["outputs"]["html"]), encoding="utf-8") as f:
                # The 2021 format's "三公" table is titled 一般公共预算财政拨款….
                fmt = "2021" if "一般公共预算财政拨款“三公”经费支出决算表" in f.read() else "2022"
            if fmt not in formats:
                formats.add(fmt)
                chosen.append(d)
        chosen += [d for d in built if d not in chosen][: max(0, args.pages - len(chosen))]
        for n, d in enumerate(chosen[: args.pages]):
            page = os.path.join(args.out, d["outputs"]["html"])
            errors = b.open(url_of(page))
            failures += [d["path"] + ": console: " + e for e in errors]
            layout = b.evaluate(LAYOUT)
            failures += [d["path"] + " at 390 px: " + p for p in layout["problems"]]
            print("%s: %d tables, %d scroll in their own box at 390 px, %d console errors"
                  % (d["path"], layout["tables"], layout["scrolling"], len(errors)))
            if args.screenshots and n < 2:
                stem = "department-%d" % (n + 1)
                b.screenshot(os.path.join(args.screenshots, stem + "-top.png"))
                # The widest table, scrolled into view.
                b.evaluate("""(() => { const boxes = [...document.querySelectorAll('.table-scroll')];
                  const w = boxes.sort((a, b) => b.scrollWidth - a.scrollWidth)[0];
                  if (w) w.scrollIntoView({block: 'start'}); })()""")
                b.screenshot(os.path.join(args.screenshots, stem + "-wide-table.png"))

    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
