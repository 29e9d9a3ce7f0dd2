#!/usr/bin/env python3
"""Opens a batch's pages in headless Chromium and checks what a reader sees.

    tests/browser/check_pages.py OUT_DIR [--screenshots DIR] [--pages K]

- OUT_DIR/index.html, the public index (desktop width): loads with no
  console error, lists every department of index.json that built (by name)
  and none that failed, shows no path, file name or error, every link points
  at a file that exists, and the search box filters by name; at phone width
  (390 px) the page does not scroll sideways and its links are large
  enough to tap.
- OUT_DIR/review.html, the reviewer's report: no console error, one row per
  finding of index.json, and its severity filter hides the others.
- up to K departments' HTML (both formats when there are both), at 390 px:
  no console error, the page itself does not scroll sideways, every table
  either fits or scrolls inside its own box (div.table-scroll, overflow-x
  auto) that stays on the screen, a table of four columns or fewer fits
  without scrolling, and table text is at least 10 px; the links to the
  other editions and the index are at the top, and resolve.
Screenshots at 1280 and 390 px go to DIR when given. Exit status: 0 all good, 1 a
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
    if (box.scrollWidth > box.clientWidth + 1 && t.classList.contains('narrow'))
      problems.push(name + ' has four columns or fewer and still scrolls');
    const cell = t.querySelector('td, th');
    if (cell && parseFloat(getComputedStyle(cell).fontSize) < 10)
      problems.push(name + ': text of ' + getComputedStyle(cell).fontSize + ' is too small to read');
  });
  return {problems, tables: document.querySelectorAll('table').length, scrolling};
})()"""

INDEX_ROWS = r"""[...document.querySelectorAll('li.entry')].map(li => ({
  name: li.dataset.name,
  links: [...li.querySelectorAll('a')].map(a => a.href)}))"""

# Types a name into the search box; the names of the entries still shown.
SEARCH = r"""((text) => { const q = document.getElementById('q'); q.value = text;
  q.dispatchEvent(new Event('input'));
  return [...document.querySelectorAll('li.entry')].filter(li => li.offsetParent !== null).map(li => li.dataset.name);
})(%s)"""

SMALL_LINKS = r"""[...document.querySelectorAll('p.links a, nav.editions a')].filter(a => {
  const r = a.getBoundingClientRect(); return r.height < 40 || r.right > document.documentElement.clientWidth + 1;
}).length"""

EDITIONS = r"""[...document.querySelectorAll('main > nav.editions a')].map(a => ({href: a.href,
  top: a.getBoundingClientRect().top}))"""

REVIEW = r"""(() => { const rows = () => [...document.querySelectorAll('table.findings tbody tr')];
  const all = rows().length; const sel = document.getElementById('f-severity');
  const opt = [...sel.options].find(o => o.value === 'error');
  if (!opt) return {all, errors: -1, shown: -1};
  sel.value = 'error'; sel.dispatchEvent(new Event('change'));
  const shown = rows().filter(tr => !tr.hidden).length;
  const errors = rows().filter(tr => tr.dataset.severity === 'error').length;
  return {all, errors, shown}; })()"""


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
        shown = {r["name"] for r in rows}
        for d in index["departments"]:
            if d["status"] != "failed" and d["name"] not in shown:
                failures.append("index.html does not show " + d["name"])
            if d["status"] == "failed" and d["name"] in shown:
                failures.append("index.html shows the failed " + d["path"])
            if d["status"] != "failed" and not d["outputs"]:
                failures.append("index.json: " + d["path"] + " has no output")
        text = b.evaluate("document.documentElement.outerHTML")
        for d in index["departments"]:
            for word in (d["path"], os.path.basename(d["path"]), d.get("error", "") or None):
                if word and word in text:
                    failures.append("index.html shows " + word)
        links = 0
        for r in rows:
            for link in r["links"]:
                links += 1
                if not os.path.isfile(file_of(link)):
                    failures.append("index.html: the link " + link + " of " + r["name"] + " points at no file")
        print("index.html: %d departments shown, %d links, all checked" % (len(rows), links))
        if rows:
            first = rows[0]["name"]
            found = b.evaluate(SEARCH % json.dumps(first[-3:]))
            if first not in found or len(found) > len([r for r in rows if first[-3:] in r["name"]]):
                failures.append("index.html: searching for %s shows %s" % (first[-3:], found))
            nothing = b.evaluate(SEARCH % json.dumps("没有这样的部门名称"))
            if nothing:
                failures.append("index.html: a search that matches nothing shows %s" % nothing)
            b.evaluate(SEARCH % json.dumps(""))
        if args.screenshots:
            b.screenshot(os.path.join(args.screenshots, "index-1280.png"))

        review = os.path.join(args.out, "review.html")
        if os.path.exists(review):
            errors = b.open(url_of(review))
            failures += ["review.html: console: " + e for e in errors]
            r = b.evaluate(REVIEW)
            findings = sum(len(d.get("findings", [])) for d in index["departments"])
            if r["all"] != findings:
                failures.append("review.html lists %d findings of %d" % (r["all"], findings))
            if r["errors"] >= 0 and r["shown"] != r["errors"]:
                failures.append("review.html: filtered to errors, shows %d rows of %d errors" % (r["shown"], r["errors"]))
            print("review.html: %d findings listed" % r["all"])
            if args.screenshots:
                b.screenshot(os.path.join(args.screenshots, "review-1280.png"))

        b.viewport(*PHONE)
        b.open(url_of(os.path.join(args.out, "index.html")))
        layout = b.evaluate(LAYOUT)
        failures += ["index.html at 390 px: " + p for p in layout["problems"]]
        if b.evaluate(SMALL_LINKS):
            failures.append("index.html at 390 px: %d links are too small to tap or off the screen" % b.evaluate(SMALL_LINKS))
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
            editions = b.evaluate(EDITIONS)
            if not any(e["href"].endswith("/index.html") for e in editions):
                failures.append(d["path"] + ": no link to the index at the top of the page")
            for e in editions:
                if not os.path.isfile(file_of(e["href"])):
                    failures.append(d["path"] + ": the link " + e["href"] + " points at no file")
                if e["top"] > 200:
                    failures.append(d["path"] + ": the link " + e["href"] + " is not at the top of the page")
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
                b.viewport(1280, 900)
                b.open(url_of(page))
                b.screenshot(os.path.join(args.screenshots, stem + "-1280.png"))
                b.viewport(*PHONE)

    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
