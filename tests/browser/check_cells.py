#!/usr/bin/env python3
"""Opens department pages in headless Chromium and checks that the cells of
their attachment tables (绩效自评表: section.table whose id starts with "a")
are readable at desktop (1280 px) and phone (390 px) widths:

- a label of eight characters or fewer (a Latin letter or figure counts
  half) is set on one line;
- a longer text keeps at least four characters a line on average: no column
  so narrow that its text stacks a character or two a line.

    tests/browser/check_cells.py PAGE.html... [--screenshots DIR]

Exit status: 0 all good, 1 a check failed (each failure printed), 77
Chromium is not installed.
"""

import argparse
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

CELLS = r"""(() => {
  const out = [];
  const width = (s) => [...s].reduce((w, c) => w + (c.codePointAt(0) < 0x2000 ? 0.5 : 1), 0);
  document.querySelectorAll('section.table[id^="a"] table').forEach((t) => {
    t.querySelectorAll('td, th').forEach((cell) => {
      const text = cell.textContent.trim();
      if (width(text) < 2) return;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      const lines = Math.max(1, tops.size);
      const w = width(text);
      if ((w <= 8 && lines > 1) || (w > 8 && w / lines < 4))
        out.push(text.slice(0, 16) + ': ' + lines + ' lines for ' + w + ' characters, ' +
                 Math.round(cell.getBoundingClientRect().width) + ' px wide');
    });
  });
  return out;
})()"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", nargs="+")
    ap.add_argument("--screenshots")
    args = ap.parse_args()
    if not cdp.find_chromium():
        print("SKIP: chromium is not installed")
        return 77
    failures = []
    with cdp.Browser() as b:
        for width, height in ((1280, 900), (390, 844)):
            b.viewport(width, height)
            for page in args.pages:
                b.open("file://" + urllib.parse.quote(os.path.abspath(page)))
                problems = b.evaluate(CELLS)
                name = os.path.basename(page)
                failures += ["%s at %d px: %s" % (name, width, p) for p in problems]
                print("%s at %d px: %d cells stack" % (name, width, len(problems)))
                if args.screenshots:
                    os.makedirs(args.screenshots, exist_ok=True)
                    b.evaluate("""(() => { const t = document.querySelector('section.table[id^="a"]');
                      if (t) t.scrollIntoView({block: 'start'}); })()""")
                    b.screenshot(os.path.join(args.screenshots, "%s-%d.png" % (os.path.splitext(name)[0], width)))
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
