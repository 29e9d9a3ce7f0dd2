// Table layout: the cell grid (colspan and rowspan), column widths (relative
// widths from the Document, never narrower than a cell's unbreakable text,
// e.g. an amount), the choice of landscape pages and of a smaller type size
// for tables that do not fit, and pagination with the head rows repeated on
// every page, rows joined by a rowspan kept together, and the last rows kept
// with the notes.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "document/grid.hpp"
#include "pdf/layout.hpp"

namespace juesuan::pdf::detail {

namespace {

using doc::Grid;
using doc::Placed;

// The span grid (document/grid.hpp), widening ncols to its columns.
Grid build_grid(const std::vector<doc::Row>& rows, int& ncols) {
  Grid g = doc::grid(rows);
  ncols = std::max(ncols, g.columns);
  return g;
}

TextStyle scaled(const TextStyle& s, double k) {
  TextStyle t = s;
  t.size *= k;
  t.leading *= k;
  return t;
}

// Measured columns of a table at one type size.
struct Columns {
  std::vector<double> min, want;
};

Columns measure(const Grid& head, const Grid& body, int ncols, const TextStyle& s, double pad, Shaper& shaper) {
  Columns c{std::vector<double>(ncols, 2 * s.size + 2 * pad), std::vector<double>(ncols, 2 * s.size + 2 * pad)};
  std::vector<const Placed*> spanning;
  for (const Grid* g : {&head, &body})
    for (const auto& p : g->cells) {
      if (p.colspan > 1) { spanning.push_back(&p); continue; }
      auto text = utf8_to_u32(p.cell->text);
      auto glyphs = shaper.shape(text, s);
      double natural = 0;
      for (const auto& x : glyphs) natural += x.advance;
      c.min[p.col] = std::max(c.min[p.col], widest_unbreakable(text, glyphs) + 2 * pad);
      if (g == &head && text.size() <= 12)  // a short column heading: two lines at most
        c.min[p.col] = std::max(c.min[p.col], natural / 2 + s.size + 2 * pad);
      c.want[p.col] = std::max(c.want[p.col], std::min(natural, 14 * s.size) + 2 * pad);
    }
  for (const Placed* p : spanning) {
    auto text = utf8_to_u32(p->cell->text);
    double need = widest_unbreakable(text, shaper.shape(text, s)) + 2 * pad;
    double have = 0;
    for (int i = p->col; i < p->col + p->colspan; ++i) have += c.min[i];
    if (have < need)
      for (int i = p->col; i < p->col + p->colspan; ++i) c.min[i] += (need - have) / p->colspan;
  }
  for (int i = 0; i < ncols; ++i) c.want[i] = std::max(c.want[i], c.min[i]);
  return c;
}

// Widths summing to `total`, proportional to `want`, none below `min`.
std::vector<double> distribute(std::vector<double> want, const std::vector<double>& min, double total) {
  const std::size_t n = want.size();
  std::vector<double> w(n, 0);
  std::vector<char> fixed(n, 0);
  for (int round = 0; round <= static_cast<int>(n); ++round) {
    double rest = total, wsum = 0;
    for (std::size_t i = 0; i < n; ++i) fixed[i] ? rest -= min[i] : wsum += want[i];
    bool changed = false;
    for (std::size_t i = 0; i < n; ++i) {
      if (fixed[i]) { w[i] = min[i]; continue; }
      w[i] = wsum > 0 ? want[i] * rest / wsum : rest / n;
      if (w[i] < min[i] - 1e-6) { fixed[i] = 1; changed = true; }
    }
    if (!changed) break;
  }
  return w;
}

struct TablePlan {
  Grid head, body;
  int ncols = 0;
  bool landscape = false;
  TextStyle cell;
  std::vector<double> widths;
};

double usable_width(const PdfOptions& o, bool landscape) {
  return landscape ? o.page_height - o.landscape.left - o.landscape.right
                   : o.page_width - o.portrait.left - o.portrait.right;
}

std::vector<double> relative(const doc::Table& t, int ncols, const Columns& c) {
  if (static_cast<int>(t.widths.size()) != ncols) return c.want;
  double sum = std::accumulate(t.widths.begin(), t.widths.end(), 0.0);
  if (sum <= 0) return c.want;
  return t.widths;
}

// Portrait fits when every column gets its unbreakable width and at least
// 60 % of its share of the wanted widths (else names wrap into slivers).
bool fits_portrait(const doc::Table& t, int ncols, const Columns& c, const PdfOptions& o) {
  const double total = usable_width(o, false);
  if (std::accumulate(c.min.begin(), c.min.end(), 0.0) > total) return false;
  auto want = relative(t, ncols, c);
  const double wsum = std::accumulate(want.begin(), want.end(), 0.0);
  auto w = distribute(want, c.min, total);
  for (int i = 0; i < ncols; ++i)
    if (w[i] < 0.6 * want[i] / wsum * total) return false;
  return true;
}

TablePlan plan(const doc::Table& t, const PdfOptions& o, Shaper& shaper, std::vector<std::string>* warnings) {
  TablePlan p;
  p.head = build_grid(t.head, p.ncols);
  p.body = build_grid(t.body, p.ncols);
  p.cell = o.table_cell;
  if (p.ncols == 0) return p;
  const double pad = o.cell_padding;
  Columns c = measure(p.head, p.body, p.ncols, p.cell, pad, shaper);
  auto sum = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); };
  p.landscape = doc::wants_landscape(t) || !fits_portrait(t, p.ncols, c, o);
  double total = usable_width(o, p.landscape);
  if (sum(c.min) > total) {
    // Too wide even so: a smaller type size, down to the options' minimum.
    double k = std::max(o.min_cell_font / o.table_cell.size, total / sum(c.min) * 0.98);
    for (int attempt = 0; attempt < 4; ++attempt) {
      p.cell = scaled(o.table_cell, k);
      c = measure(p.head, p.body, p.ncols, p.cell, pad, shaper);
      if (sum(c.min) <= total || k <= o.min_cell_font / o.table_cell.size + 1e-9) break;
      k = std::max(o.min_cell_font / o.table_cell.size, k * total / sum(c.min) * 0.98);
    }
    if (sum(c.min) > total + 0.5 && warnings)
      warnings->push_back("table \"" + t.title + "\" is too wide for a landscape page even at " +
                          std::to_string(static_cast<int>(p.cell.size * 10) / 10.0).substr(0, 4) +
                          " pt; some cells overflow");
  }
  p.widths = distribute(relative(t, p.ncols, c), c.min, total);
  return p;
}

// The 部门/年度/单位 line above a table: the department at the left, the
// year centred, the unit at the right, on one line when none touches the
// next (at least one character apart). Otherwise the department has lines
// of its own (wrapped when longer than the table is wide), and the year and
// unit follow on a line below.
struct CaptionPlan {
  std::u32string dept;
  std::vector<GlyphUse> dg;
  std::vector<Line> dept_lines;  // empty: the department shares the year's line
  double year_w = 0, unit_w = 0;
  std::size_t lines = 0;
};

CaptionPlan plan_caption(const doc::Table& t, const TextStyle& s, Shaper& shaper, double width) {
  CaptionPlan c;
  if (t.department.empty() && t.year.empty() && t.unit.empty()) return c;
  c.dept = utf8_to_u32(t.department);
  c.dg = shaper.shape(c.dept, s);
  double dept_w = 0;
  for (const auto& g : c.dg) dept_w += g.advance;
  c.year_w = shaper.width(utf8_to_u32(t.year), s);
  c.unit_w = shaper.width(utf8_to_u32(t.unit), s);
  const double gap = s.size;
  const bool year_clear = t.year.empty() || (dept_w + gap <= (width - c.year_w) / 2 &&
                                             (width + c.year_w) / 2 + gap <= width - c.unit_w);
  const bool unit_clear = t.unit.empty() || dept_w + gap <= width - c.unit_w;
  if (c.dept.empty() || (year_clear && unit_clear)) {
    c.lines = 1;
    return c;
  }
  c.dept_lines = break_lines(c.dept, c.dg, width, width);
  c.lines = c.dept_lines.size() + (t.year.empty() && t.unit.empty() ? 0 : 1);
  return c;
}

double title_block_height(const doc::Table& t, const PdfOptions& o, Shaper& shaper, double width) {
  double h = 0;
  if (!t.title.empty()) h += o.table_title.leading;
  if (!t.number.empty()) h += o.table_caption.leading;
  h += static_cast<double>(plan_caption(t, o.table_caption, shaper, width).lines) * o.table_caption.leading;
  return h;
}

struct CellBox {
  const Placed* p;
  std::u32string text;
  std::vector<GlyphUse> glyphs;
  std::vector<Line> lines;
  double x = 0, w = 0;
  TextStyle style;    // the table's cell style (bold for emphasis), or smaller: see shrink_to
  int text_row = -1;  // >= 0: the text shows only on the part of the cell starting at this row
};

struct Rows {
  std::vector<CellBox> cells;
  std::vector<double> heights;  // per row
};

// Rows higher than `max_h` (the room on a page) are cut to it; the text of
// their cells is set smaller at drawing time (see shrink_to).
Rows size_rows(const Grid& g, const TablePlan& p, double x0, double pad, Shaper& shaper, double max_h) {
  Rows r;
  r.heights.assign(g.rows, p.cell.leading + 2 * pad);
  std::vector<double> xs(p.ncols + 1, x0);
  for (int i = 0; i < p.ncols; ++i) xs[i + 1] = xs[i] + p.widths[i];
  r.cells.reserve(g.cells.size());
  for (const auto& pl : g.cells) {
    CellBox b;
    b.p = &pl;
    b.x = xs[pl.col];
    b.w = xs[std::min(pl.col + pl.colspan, p.ncols)] - b.x;
    b.text = utf8_to_u32(pl.cell->text);
    TextStyle s = p.cell;
    s.bold = s.bold || pl.cell->emphasis;
    b.style = s;
    b.glyphs = shaper.shape(b.text, s);
    b.lines = balanced_lines(b.text, b.glyphs, b.w - 2 * pad);
    r.cells.push_back(std::move(b));
  }
  for (const auto& b : r.cells)
    if (b.p->rowspan == 1)
      r.heights[b.p->row] = std::max(r.heights[b.p->row], b.lines.size() * p.cell.leading + 2 * pad);
  for (const auto& b : r.cells)
    if (b.p->rowspan > 1) {
      double have = 0, need = b.lines.size() * p.cell.leading + 2 * pad;
      for (int i = b.p->row; i < b.p->row + b.p->rowspan; ++i) have += r.heights[i];
      if (have < need) r.heights[b.p->row + b.p->rowspan - 1] += need - have;
    }
  for (auto& h : r.heights) h = std::min(h, max_h);
  return r;
}

// Sets a cell's text smaller (and re-breaks it) until it fits `room` points
// of height: the part of a cell that a page break leaves too short for its
// text, or a row cut to the height of a page.
void shrink_to(CellBox& b, double room, double pad, Shaper& shaper) {
  const TextStyle base = b.style;
  const double text_h = static_cast<double>(b.lines.size()) * base.leading;
  if (text_h <= room + 0.01) return;
  for (double k = std::min(1.0, room / text_h); k > 0.05; k *= 0.95) {
    b.style = scaled(base, k);
    b.glyphs = shaper.shape(b.text, b.style);
    b.lines = balanced_lines(b.text, b.glyphs, b.w - 2 * pad);
    if (static_cast<double>(b.lines.size()) * b.style.leading <= room + 0.01) return;
  }
}

// Draws rows [from, to) of a grid with their top at flow.y. A cell spanning
// rows outside them is drawn as its part within them, with its text when the
// text fits the part (or when the part is the cell's text_row).
void draw_rows(Flow& f, const Rows& r, int from, int to, bool head, double pad) {
  std::vector<double> tops(r.heights.size() + 1, 0);
  for (std::size_t i = 0; i < r.heights.size(); ++i) tops[i + 1] = tops[i] + r.heights[i];
  const double base = f.y - tops[from];
  Page& page = f.page();
  for (const auto& b : r.cells) {
    const int r0 = std::max(b.p->row, from), r1 = std::min(b.p->row + b.p->rowspan, to);
    if (r0 >= r1) continue;
    const double top = base + tops[r0];
    const double h = tops[r1] - tops[r0];
    page.boxes.push_back({b.x, f.pdf_y(top + h), b.w, h, f.options().grid_line_width});
    const TextStyle& s = b.style;
    const double text_h = b.lines.size() * s.leading;
    const bool whole = r0 == b.p->row && r1 == b.p->row + b.p->rowspan;
    if (b.text_row >= 0 ? r0 != b.text_row : !whole && text_h > h - 2 * pad + 0.01) continue;
    double ty = top + (h - text_h) / 2;
    doc::Align align = head ? doc::Align::Center : b.p->cell->align;
    const std::size_t first_run = page.runs.size();
    for (const auto& ln : b.lines) {
      double x = b.x + pad;
      if (align == doc::Align::Right) x = b.x + b.w - pad - ln.width;
      else if (align == doc::Align::Center) x = b.x + (b.w - ln.width) / 2;
      std::size_t e = ln.end;
      while (e > ln.begin && b.text[e - 1] == U' ') --e;
      f.draw(b.glyphs, ln.begin, e, x, baseline_in(ty, s), s);
      ty += s.leading;
    }
    if (b.lines.size() > 1 && page.runs.size() > first_run)
      page.actual_texts.push_back({first_run, page.runs.size() - 1, b.p->cell->text});
  }
  f.y = base + tops[to];
  page.kind |= kOther;
  f.fresh = false;
  f.only_headings = false;
}

// Row groups that must stay on one page (joined by rowspans): group starts.
std::vector<int> group_starts(const Grid& g) {
  std::vector<int> reach(g.rows + 1, 0);
  for (const auto& p : g.cells) reach[p.row] = std::max(reach[p.row], p.row + p.rowspan);
  std::vector<int> starts;
  int open_until = 0;
  for (int r = 0; r < g.rows; ++r) {
    if (r >= open_until) starts.push_back(r);
    open_until = std::max(open_until, reach[r]);
  }
  starts.push_back(g.rows);
  return starts;
}

// A one-row group that reads as a heading of the rows after it (「一级指标 …」,
// 「绩效指标」): header cells, or short labels without figures.
bool heading_row(const Rows& r, int row) {
  bool any = false;
  for (const auto& b : r.cells) {
    if (b.p->row != row) continue;
    if (b.p->rowspan != 1) return false;
    any = any || !b.text.empty();
    if (b.p->cell->header) continue;
    if (b.text.size() > 16) return false;
    for (char32_t c : b.text)
      if ((c >= U'0' && c <= U'9') || c == U'%' || (c >= U'０' && c <= U'９')) return false;
  }
  return any;
}

// Body rows [from, to) on one page, after a page break (and the head rows) when `new_page`.
struct Chunk {
  int from, to;
  bool new_page;
};

void draw_title_block(Flow& f, const doc::Table& t, Shaper& shaper, double x0, double width) {
  const PdfOptions& o = f.options();
  if (!t.title.empty()) {
    auto title = utf8_to_u32(t.title);
    place_text(f, shaper, title, fit_on_one_line(shaper, title, o.table_title, width), doc::Align::Center, 0, x0, width,
               kOther);
  }
  if (!t.number.empty())
    place_text(f, shaper, utf8_to_u32(t.number), o.table_caption, doc::Align::Right, 0, x0, width, kOther);
  const TextStyle& s = o.table_caption;
  const CaptionPlan c = plan_caption(t, s, shaper, width);
  if (c.lines == 0) return;
  for (const auto& ln : c.dept_lines) {
    f.draw(c.dg, ln.begin, ln.end, x0, baseline_in(f.y, s), s);
    f.y += s.leading;
  }
  if (!c.dept_lines.empty() && t.year.empty() && t.unit.empty()) return;
  const double base = baseline_in(f.y, s);
  auto put = [&](const std::string& text, int where) {
    if (text.empty()) return;
    auto u = utf8_to_u32(text);
    auto g = shaper.shape(u, s);
    double w = 0;
    for (auto& x : g) w += x.advance;
    double x = where == 0 ? x0 : where == 1 ? x0 + (width - w) / 2 : x0 + width - w;
    f.draw(g, 0, g.size(), x, base, s);
  };
  if (c.dept_lines.empty()) put(t.department, 0);
  put(t.year, 1);
  put(t.unit, 2);
  f.y += s.leading;
}

}  // namespace

bool table_landscape(const doc::Table& t, const PdfOptions& o, Shaper& shaper) {
  if (doc::wants_landscape(t)) return true;
  TablePlan p;
  p.head = build_grid(t.head, p.ncols);
  p.body = build_grid(t.body, p.ncols);
  if (p.ncols == 0) return false;
  Columns c = measure(p.head, p.body, p.ncols, o.table_cell, o.cell_padding, shaper);
  return !fits_portrait(t, p.ncols, c, o);
}

double table_start_height(const doc::Table& t, const PdfOptions& o, Shaper& shaper) {
  const double row = o.table_cell.leading + 2 * o.cell_padding;
  const double portrait_width = o.page_width - o.portrait.left - o.portrait.right;
  return title_block_height(t, o, shaper, portrait_width) + row * (static_cast<double>(t.head.size()) + std::min<double>(2, t.body.size()));
}

void lay_out_table(const doc::Table& t, const std::string& anchor, Flow& f, Shaper& shaper,
                   std::vector<std::string>* warnings) {
  const PdfOptions& o = f.options();
  TablePlan p = plan(t, o, shaper, warnings);
  const double pad = o.cell_padding;

  // Page: landscape tables on landscape pages; each table on a fresh page
  // unless only headings (its own) precede it there.
  if (p.landscape != f.landscape()) {
    if (!(f.only_headings && f.landscape() == p.landscape)) f.new_page(p.landscape);
  } else if (o.table_starts_page && !f.only_headings) {
    f.new_page(p.landscape);
  }

  const double x0 = f.left(), width = f.width();
  Rows head = size_rows(p.head, p, x0, pad, shaper, f.bottom() - f.top());
  const double head_h = std::accumulate(head.heights.begin(), head.heights.end(), 0.0);
  // The room for body rows on a continuation page (below the repeated head).
  const double room = std::max(f.bottom() - f.top() - head_h, p.cell.leading + 2 * pad);
  Rows body = size_rows(p.body, p, x0, pad, shaper, room);
  auto starts = group_starts(p.body);
  auto rows_h = [&](int from, int to) {
    double h = 0;
    for (int r = from; r < to; ++r) h += body.heights[r];
    return h;
  };
  auto group_h = [&](std::size_t gi) { return rows_h(starts[gi], starts[gi + 1]); };
  const std::size_t groups = starts.size() - 1;
  double note_h = 0;
  if (!t.notes.empty()) note_h = 1.25 * o.table_note.leading;  // the note's first line (and gap) stays with the rows
  if (!body.heights.empty()) body.heights.back() = std::min(body.heights.back(), std::max(room - note_h, 1.0));
  // Where a group taller than a page is best split: between rows that only
  // cells taller than a page span (so that the smaller groups within it,
  // e.g. an 二级指标 with its rows, stay whole).
  std::vector<char> clean(p.body.rows + 1, 1);
  for (const auto& b : body.cells)
    if (rows_h(b.p->row, b.p->row + b.p->rowspan) <= room + 0.01)
      for (int r = b.p->row + 1; r < b.p->row + b.p->rowspan; ++r) clean[r] = 0;

  // Rows joined by rowspans stay together when they fit on a page; a taller
  // group is split between rows, preferably where `clean`, with at least two
  // rows before a break. A heading row stays with the start of what follows.
  auto fits_page = [&](std::size_t gi) { return group_h(gi) <= room + 0.01; };
  auto first_h = [&](std::size_t gi) {
    if (fits_page(gi)) return group_h(gi);
    int c = starts[gi] + 2;
    while (c < starts[gi + 1] && !clean[c]) ++c;
    const double h = rows_h(starts[gi], c);
    return h <= room + 0.01 ? h : rows_h(starts[gi], starts[gi] + 2);
  };
  auto is_heading = [&](std::size_t gi) {
    return starts[gi + 1] - starts[gi] == 1 && heading_row(body, starts[gi]);
  };
  // What must fit where group gi starts: the group (or its first part), and
  // after heading rows the start of what they head: the first part, or at
  // least two rows when that is more than a page.
  auto lead_h = [&](std::size_t gi) {
    double h = 0;
    std::size_t g = gi;
    for (std::size_t depth = 0; depth < 3 && g + 1 < groups && is_heading(g); ++g, ++depth) h += group_h(g);
    if (g == gi) return first_h(gi);
    if (h + first_h(g) <= room + 0.01) return h + first_h(g);
    const double least = rows_h(starts[g], std::min(starts[g] + 2, starts[g + 1]));
    return h + least <= room + 0.01 ? h + least : first_h(gi);
  };

  double start_h = title_block_height(t, o, shaper, width) + head_h + (groups ? lead_h(0) : 0);
  if (groups == 1) start_h += note_h;
  f.ensure(start_h);
  f.anchor(anchor, f.y);
  draw_title_block(f, t, shaper, x0, width);
  draw_rows(f, head, 0, p.head.rows, true, pad);

  // Plan the pages first, then draw: a cell split by a page break shows its
  // text on every part it fits, or (smaller) on its tallest part.
  std::vector<Chunk> chunks;
  double y = f.y;
  int rows_here = 0;
  bool pending_break = false;
  bool after_heading = false;  // the last rows placed on this page are a heading row
  auto fits = [&](double h) { return y + h <= f.bottom() + 0.01; };
  auto page_break = [&] {
    pending_break = true;
    y = f.top() + head_h;
    rows_here = 0;
    after_heading = false;
  };
  auto put = [&](int from, int to) {
    chunks.push_back({from, to, pending_break});
    pending_break = false;
    for (int r = from; r < to; ++r) y += body.heights[r];
    rows_here += to - from;
  };
  for (std::size_t gi = 0; gi < groups; ++gi) {
    const bool last = gi + 1 == groups;
    const int b = starts[gi], e = starts[gi + 1];
    // After a heading row (whose own check made room for this start) the
    // group starts here, split if need be.
    if (!after_heading && !fits(lead_h(gi) + (last && fits_page(gi) ? note_h : 0)) && rows_here > 0) page_break();
    if (fits_page(gi) && (!after_heading || fits(group_h(gi) + (last ? note_h : 0)))) {
      put(b, e);
      after_heading = is_heading(gi);
      continue;
    }
    for (int r = b; r < e;) {
      const bool movable = rows_here > 0 && !(after_heading && r == b);
      int k = r;
      double h = 0;
      while (k < e && fits(h + body.heights[k] + (last && k + 1 == e ? note_h : 0))) h += body.heights[k++];
      if (k < e) {
        int c = k;
        while (c > r && !clean[c]) --c;
        if (c > r) {
          k = c;
        } else if (movable) {  // the smaller group at hand goes whole to the next page
          page_break();
          continue;
        }
      }
      if (k == r) {
        if (movable) {
          page_break();
          continue;
        }
        k = r + 1;
      }
      put(r, k);
      r = k;
      if (r < e) page_break();
      after_heading = false;
    }
  }
  for (auto& b : body.cells) {
    const int row = b.p->row, end = row + b.p->rowspan;
    double best = -1;
    int best_row = row;
    bool shown = false;
    for (const auto& c : chunks) {
      const int r0 = std::max(row, c.from), r1 = std::min(end, c.to);
      if (r0 >= r1) continue;
      double h = 0;
      for (int r = r0; r < r1; ++r) h += body.heights[r];
      shown = shown || static_cast<double>(b.lines.size()) * b.style.leading <= h - 2 * pad + 0.01;
      if (h > best) best = h, best_row = r0;
    }
    if (shown || best < 0) continue;
    shrink_to(b, best - 2 * pad, pad, shaper);
    b.text_row = best_row;
  }
  for (const auto& c : chunks) {
    if (c.new_page) {
      f.new_page(p.landscape);
      draw_rows(f, head, 0, p.head.rows, true, pad);
    }
    draw_rows(f, body, c.from, c.to, false, pad);
  }
  if (!t.notes.empty()) f.y += o.table_note.leading * 0.25;
  for (const auto& note : t.notes)
    place_text(f, shaper, utf8_to_u32(note), o.table_note, doc::Align::Justify, 0, x0, width, kOther);
  f.only_headings = false;
}

}  // namespace juesuan::pdf::detail
