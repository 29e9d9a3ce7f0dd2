// Table layout: the cell grid (colspan and rowspan), column widths (relative
// widths from the Document, never narrower than a cell's unbreakable text,
// e.g. an amount), the choice of landscape pages and of a smaller type size
// for tables that do not fit, and pagination with the head rows repeated on
// every page, rows joined by a rowspan kept together, and the last rows kept
// with the notes.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/text.hpp"
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

// Measured columns of a table at one type size: `min` the unbreakable
// width, `want` a capped natural width (the relative widths of a table
// that gives none), and the cells' natural widths for content_widths.
struct Columns {
  std::vector<double> min, want;
  struct Text {
    int row, col, colspan;
    double natural;  // points, on one line, padding included
  };
  std::vector<Text> texts;
  int rows = 0;  // head and body rows together
};

Columns measure(const Grid& head, const Grid& body, int ncols, const TextStyle& s, double pad, Shaper& shaper) {
  Columns c;
  c.min.assign(static_cast<std::size_t>(ncols), 2 * s.size + 2 * pad);
  c.want = c.min;
  std::vector<const Placed*> spanning;
  c.rows = head.rows + body.rows;
  for (const Grid* g : {&head, &body})
    for (const auto& p : g->cells) {
      const int row = (g == &body ? head.rows : 0) + p.row;
      if (p.colspan > 1) {
        spanning.push_back(&p);
        if (!p.cell->text.empty())
          c.texts.push_back({row, p.col, p.colspan, shaper.width(utf8_to_u32(p.cell->text), s) + 2 * pad});
        continue;
      }
      auto text = utf8_to_u32(p.cell->text);
      auto glyphs = shaper.shape(text, s);
      double natural = 0;
      for (const auto& x : glyphs) natural += x.advance;
      if (!text.empty()) c.texts.push_back({row, p.col, 1, natural + 2 * pad});
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

// Widths summing to `total` for a table that gives none, from its content:
// starting from each column's unbreakable width, the room left goes, a
// little at a time, to the column where it shortens the table most (the
// lines of each row's tallest cell, a cell's lines being its natural width
// over its width). So a column of long text gets the room, a column of
// figures keeps its figures' width, and a heading stays on one or two
// lines. What no column can use is shared in proportion to the widths.
std::vector<double> content_widths(const Columns& c, double total) {
  const std::size_t n = c.min.size();
  std::vector<double> w = c.min;
  double rest = total - std::accumulate(w.begin(), w.end(), 0.0);
  if (rest <= 0) return w;
  std::vector<std::vector<int>> rows_of(n);
  for (const auto& t : c.texts) {
    for (int k = t.col; k < t.col + t.colspan && k < static_cast<int>(n); ++k) rows_of[k].push_back(t.row);
  }
  for (auto& r : rows_of) r.erase(std::unique(r.begin(), r.end()), r.end());
  auto lines = [&](const Columns::Text& t, int grow, double by) {
    double have = 0;
    for (int k = t.col; k < t.col + t.colspan && k < static_cast<int>(n); ++k) have += w[k] + (k == grow ? by : 0);
    return std::max(1.0, t.natural / std::max(have, 1.0));
  };
  // Each text's lines at the present widths (`cur`), and grown by `by` at
  // each column it covers (`grown`, one slot per row and column: a row's
  // texts cover distinct columns); each row's two most-lined texts. A step
  // changes the widths of one column, so only its rows' texts are measured
  // again. Every figure is the one computed afresh (the same sums in the
  // same order; a maximum does not depend on the order): same widths.
  const std::size_t nrows = static_cast<std::size_t>(c.rows);
  std::vector<double> cur(c.texts.size());
  std::vector<double> grown(nrows * n, 0);
  std::vector<int> cover(nrows * n, -1);  // the text of row r covering column k, or -1
  for (std::size_t i = 0; i < c.texts.size(); ++i) {
    const auto& t = c.texts[i];
    for (int k = t.col; k < t.col + t.colspan && k < static_cast<int>(n); ++k)
      cover[static_cast<std::size_t>(t.row) * n + static_cast<std::size_t>(k)] = static_cast<int>(i);
  }
  struct Top { double first = 1, second = 1; int which = -1; };  // 1: a row has a line at least
  std::vector<Top> top(nrows);
  std::vector<std::vector<std::size_t>> texts_of(nrows);
  for (std::size_t i = 0; i < c.texts.size(); ++i) texts_of[static_cast<std::size_t>(c.texts[i].row)].push_back(i);
  double grown_by = -1;
  auto measure_text = [&](std::size_t i, double by) {
    const auto& t = c.texts[i];
    cur[i] = lines(t, -1, 0);
    for (int k = t.col; k < t.col + t.colspan && k < static_cast<int>(n); ++k)
      grown[static_cast<std::size_t>(t.row) * n + static_cast<std::size_t>(k)] = lines(t, k, by);
  };
  auto rank_row = [&](std::size_t row) {
    Top tp;
    for (std::size_t i : texts_of[row]) {
      if (cur[i] > tp.first) tp.second = tp.first, tp.first = cur[i], tp.which = static_cast<int>(i);
      else if (cur[i] > tp.second) tp.second = cur[i];
    }
    top[row] = tp;
  };
  // The lines of a row (the most of its texts) when column k grows by the step.
  auto row_lines = [&](std::size_t row, std::size_t k) {
    const Top& tp = top[row];
    const int i = cover[row * n + k];
    const double others = i == tp.which ? tp.second : tp.first;
    return i < 0 ? others : std::max(others, grown[row * n + k]);
  };
  std::vector<double> now(nrows);  // each row's lines at the present widths
  const double step = std::max(total / 400, 0.5);
  while (rest > 1e-6) {
    const double by = std::min(step, rest);
    if (by != grown_by) {
      for (std::size_t i = 0; i < c.texts.size(); ++i) measure_text(i, by);
      for (std::size_t row = 0; row < nrows; ++row) rank_row(row), now[row] = top[row].first;
      grown_by = by;
    }
    int best = -1;
    double gain = 1e-9;
    for (std::size_t k = 0; k < n; ++k) {
      double g = 0;
      for (int row : rows_of[k])
        g += now[static_cast<std::size_t>(row)] - row_lines(static_cast<std::size_t>(row), k);
      if (g > gain) gain = g, best = static_cast<int>(k);
    }
    if (best < 0) break;
    w[best] += by;
    rest -= by;
    for (int row : rows_of[static_cast<std::size_t>(best)]) {
      const auto r = static_cast<std::size_t>(row);
      measure_text(static_cast<std::size_t>(cover[r * n + static_cast<std::size_t>(best)]), by);
      rank_row(r);
      now[r] = top[r].first;
    }
  }
  if (rest > 1e-6) {
    const double sum = std::accumulate(w.begin(), w.end(), 0.0);
    for (auto& x : w) x += sum > 0 ? rest * x / sum : rest / static_cast<double>(n);
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

TablePlan plan(const doc::Table& t, const PdfOptions& o, Shaper& shaper, std::vector<doc::Warning>* warnings) {
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
      warnings->push_back(doc::Warning{doc::Warning::Kind::TableTooWide, 0, {}, t.title, p.cell.size});
  }
  const bool given = static_cast<int>(t.widths.size()) == p.ncols &&
                     std::accumulate(t.widths.begin(), t.widths.end(), 0.0) > 0;
  p.widths = given ? distribute(t.widths, c.min, total) : content_widths(c, total);
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
  Placed p;  // its place in the grid (rows change when a row is split)
  std::u32string text;
  std::vector<GlyphUse> glyphs;
  std::vector<Line> lines;  // the lines shown in this box (a part of them where the cell is split)
  double x = 0, w = 0;
  TextStyle style;    // the table's cell style (bold for emphasis), or smaller: see shrink_to
  int text_row = -1;  // >= 0: the text shows only on the part of the cell starting at this row
  bool continued = false;  // a part of a cell split over two rows (see split_row): text at the top
};

struct Rows {
  std::vector<CellBox> cells;
  std::vector<double> heights;  // per row
  std::vector<double> own;      // per row: what its own (one-row) cells need
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
    b.p = pl;
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
    if (b.p.rowspan == 1)
      r.heights[b.p.row] = std::max(r.heights[b.p.row], b.lines.size() * p.cell.leading + 2 * pad);
  r.own = r.heights;
  for (const auto& b : r.cells)
    if (b.p.rowspan > 1) {
      double have = 0, need = b.lines.size() * p.cell.leading + 2 * pad;
      for (int i = b.p.row; i < b.p.row + b.p.rowspan; ++i) have += r.heights[i];
      if (have < need) r.heights[b.p.row + b.p.rowspan - 1] += need - have;
    }
  // A row its own cells make taller than a page is split (split_row); one
  // that a cell spanning rows makes so is cut, its text set smaller.
  for (int i = 0; i < g.rows; ++i) r.heights[i] = std::min(r.heights[i], std::max(max_h, r.own[i]));
  return r;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) out += utf8_encode(c);
  return out;
}

// How many lines of row `row` can go above a page break `avail` points
// below its top: every cell keeps at least two lines on each side, so that
// no line is left alone; unless `forced` (a row taller than a page), only a
// row of six lines or more is split, with three at least above the break.
// 0 when the row cannot be split so.
std::size_t split_lines(const Rows& r, int row, double avail, double pad, bool forced) {
  double leading = 0;
  std::size_t most = 0;
  for (const auto& b : r.cells)
    if (b.p.row == row && b.p.rowspan == 1) {
      leading = std::max(leading, b.style.leading);
      most = std::max(most, b.lines.size());
    }
  if (leading <= 0) return 0;
  const double fit = std::floor((avail - 2 * pad + 0.01) / leading);
  if (fit < (forced ? 2 : 3) || most < (forced ? 4u : 6u) || fit >= static_cast<double>(most)) return 0;
  return std::min(static_cast<std::size_t>(fit), most - 2);
}

// Splits row `row` after `keep` lines of its cells: the rest of each cell's
// lines go to a new row below it (cells spanning the row now span both), so
// that a page break can fall inside a tall row.
void split_row(Rows& r, int row, std::size_t keep, double pad) {
  std::vector<CellBox> added;
  double h1 = 0, h2 = 0;
  for (auto& b : r.cells) {
    if (b.p.row > row) {
      ++b.p.row;
    } else if (b.p.row + b.p.rowspan > row && b.p.rowspan > 1) {
      ++b.p.rowspan;
    } else if (b.p.row == row) {
      CellBox rest = b;
      rest.p.row = row + 1;
      const std::size_t k = std::min(keep, b.lines.size());
      rest.lines.assign(b.lines.begin() + static_cast<std::ptrdiff_t>(k), b.lines.end());
      b.lines.resize(k);
      if (!rest.lines.empty()) b.continued = rest.continued = true;
      h1 = std::max(h1, static_cast<double>(b.lines.size()) * b.style.leading);
      h2 = std::max(h2, static_cast<double>(rest.lines.size()) * b.style.leading);
      added.push_back(std::move(rest));
    }
  }
  for (auto& b : added) r.cells.push_back(std::move(b));
  const double top = h1 + 2 * pad, bottom = h2 + 2 * pad;
  r.heights[row] = top;
  r.own[row] = top;
  r.heights.insert(r.heights.begin() + row + 1, bottom);
  r.own.insert(r.own.begin() + row + 1, bottom);
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
    const int r0 = std::max(b.p.row, from), r1 = std::min(b.p.row + b.p.rowspan, to);
    if (r0 >= r1) continue;
    const double top = base + tops[r0];
    const double h = tops[r1] - tops[r0];
    page.boxes.push_back({b.x, f.pdf_y(top + h), b.w, h, f.options().grid_line_width});
    const TextStyle& s = b.style;
    const double text_h = b.lines.size() * s.leading;
    const bool whole = r0 == b.p.row && r1 == b.p.row + b.p.rowspan;
    if (b.text_row >= 0 ? r0 != b.text_row : !whole && text_h > h - 2 * pad + 0.01) continue;
    double ty = b.continued ? top + pad : top + (h - text_h) / 2;
    doc::Align align = head ? doc::Align::Center : b.p.cell->align;
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
      page.actual_texts.push_back(
          {first_run, page.runs.size() - 1,
           b.continued ? to_utf8(std::u32string_view(b.text).substr(b.lines.front().begin,
                                                                     b.lines.back().end - b.lines.front().begin))
                       : b.p.cell->text});
  }
  f.y = base + tops[to];
  page.kind |= kOther;
  f.fresh = false;
  f.only_headings = false;
}

// Row groups that must stay on one page (joined by rowspans): group starts.
std::vector<int> group_starts(const Rows& g) {
  const int rows = static_cast<int>(g.heights.size());
  std::vector<int> reach(rows + 1, 0);
  for (const auto& b : g.cells) reach[b.p.row] = std::max(reach[b.p.row], b.p.row + b.p.rowspan);
  std::vector<int> starts;
  int open_until = 0;
  for (int r = 0; r < rows; ++r) {
    if (r >= open_until) starts.push_back(r);
    open_until = std::max(open_until, reach[r]);
  }
  starts.push_back(rows);
  return starts;
}

// A one-row group that reads as a heading of the rows after it (「一级指标 …」,
// 「绩效指标」): header cells, or short labels without figures.
bool heading_row(const Rows& r, int row) {
  bool any = false;
  for (const auto& b : r.cells) {
    if (b.p.row != row) continue;
    if (b.p.rowspan != 1) return false;
    any = any || !b.text.empty();
    if (b.p.cell->header) continue;
    if (b.text.size() > 16) return false;
    for (char32_t c : b.text)
      if ((c >= U'0' && c <= U'9') || c == U'%' || (c >= U'０' && c <= U'９')) return false;
  }
  return any;
}

// A heading row that names every column (「一级指标 二级指标 三级指标 …」):
// repeated under the head on the pages that continue the rows it heads.
bool column_heading_row(const Rows& r, int row, int ncols) {
  int cells = 0;
  for (const auto& b : r.cells)
    if (b.p.row == row) {
      if (b.p.colspan != 1) return false;
      ++cells;
    }
  return cells >= 3 && cells == ncols && heading_row(r, row);
}

// Body rows [from, to) on one page, after a page break (and the head rows,
// and the column heading row `repeat` when >= 0) when `new_page`.
struct Chunk {
  int from, to;
  bool new_page;
  int repeat = -1;
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

namespace {

// Page: landscape tables on landscape pages; each table on a fresh page
// unless only headings (its own) precede it there.
void choose_page(Flow& f, const TablePlan& p) {
  const PdfOptions& o = f.options();
  if (p.landscape != f.landscape()) {
    if (!(f.only_headings && f.landscape() == p.landscape)) f.new_page(p.landscape);
  } else if (o.table_starts_page && !f.only_headings) {
    f.new_page(p.landscape);
  }
}

// A table's rows sized for its page, and the heights its page plan needs.
struct SizedTable {
  Rows head, body;
  double head_h = 0;   // the head rows, repeated on every page
  double room = 0;     // for body rows on a continuation page (below the repeated head)
  double note_h = 0;   // the note's first line (and gap), which stays with the rows
  double line_h = 0;   // a row of one line
};

SizedTable size_table(const doc::Table& t, const TablePlan& p, const Flow& f, Shaper& shaper) {
  const PdfOptions& o = f.options();
  const double pad = o.cell_padding;
  const double x0 = f.left();
  SizedTable s;
  s.head = size_rows(p.head, p, x0, pad, shaper, f.bottom() - f.top());
  s.head_h = std::accumulate(s.head.heights.begin(), s.head.heights.end(), 0.0);
  s.room = std::max(f.bottom() - f.top() - s.head_h, p.cell.leading + 2 * pad);
  s.body = size_rows(p.body, p, x0, pad, shaper, s.room);
  if (!t.notes.empty()) s.note_h = 1.25 * o.table_note.leading;
  Rows& body = s.body;
  if (!body.heights.empty() && body.own.back() <= s.room - s.note_h)
    body.heights.back() = std::min(body.heights.back(), std::max(s.room - s.note_h, 1.0));
  s.line_h = p.cell.leading + 2 * pad;
  return s;
}

// The pages of a table's body, planned before anything is drawn.
//
// Rows joined by rowspans stay together when they fit on a page; a taller
// group is split between rows, preferably where `clean`, with at least two
// rows before a break. A heading row stays with the start of what follows.
// A tall row (a cell of many lines) is split between its lines where a
// page ends (split_row), rather than leaving much of the page empty; its
// group then fills the page (`spill`). The pages are planned again after
// each split; `breaks` holds the rows that start a page since a split.
class PagePlan {
 public:
  PagePlan(SizedTable& s, const TablePlan& p, const Flow& f) : s_(s), body_(s.body), p_(p), f_(f) { prepare(); }

  // What must fit where the table starts: `above` (its title block and
  // head), the first group (or its first part), and the note when the
  // table is one group.
  double start_height(double above) const {
    double h = above + (groups_ ? lead_h(0) : 0);
    if (groups_ == 1 && fits_page(0)) h += s_.note_h;
    return h;
  }

  // The body as runs of rows, each run on the page after the one before
  // when it starts one; `y0` is where the first row goes.
  std::vector<Chunk> plan(double y0);

  // No page of a continued table holds a single row where the page before
  // can give it one more (a group of one row, not a heading, leaving that
  // page at least two rows): the last rows move on together.
  void no_lone_last_row(std::vector<Chunk>& chunks) const;

 private:
  double rows_h(int from, int to) const {
    double h = 0;
    for (int r = from; r < to; ++r) h += body_.heights[r];
    return h;
  }
  double group_h(std::size_t gi) const { return rows_h(starts_[gi], starts_[gi + 1]); }
  bool fits_page(std::size_t gi) const { return group_h(gi) <= s_.room + 0.01; }
  // A group of more than a quarter of a page may be broken where a page
  // ends rather than leave that much of the page empty.
  bool breakable(std::size_t gi) const { return group_h(gi) > 0.25 * s_.room + 0.01; }
  double first_h(std::size_t gi) const {
    if (fits_page(gi) && !breakable(gi)) return group_h(gi);
    int c = std::min(starts_[gi] + 2, starts_[gi + 1]);   // never past the group (a group of one row)
    while (c < starts_[gi + 1] && !clean_[c]) ++c;
    // The group's first smaller group, or two rows when that is a quarter
    // of a page or more (a break may fall inside it: see below).
    const double h = rows_h(starts_[gi], c), two = rows_h(starts_[gi], std::min(starts_[gi] + 2, starts_[gi + 1]));
    if (h <= std::min(s_.room, std::max(two, 0.25 * s_.room)) + 0.01) return h;
    return std::min(two, std::max(s_.room, 4 * s_.line_h));
  }
  bool is_heading(std::size_t gi) const {
    return starts_[gi + 1] - starts_[gi] == 1 && heading_row(body_, starts_[gi]);
  }
  // What must fit where group gi starts: the group (or its first part), and
  // after heading rows the start of what they head: the first part, or at
  // least two rows when that is more than a page.
  double lead_h(std::size_t gi) const {
    double h = 0;
    std::size_t g = gi;
    for (std::size_t depth = 0; depth < 3 && g + 1 < groups_ && is_heading(g); ++g, ++depth) h += group_h(g);
    if (g == gi) return first_h(gi);
    if (h + first_h(g) <= s_.room + 0.01) return h + first_h(g);
    const double least = rows_h(starts_[g], std::min(starts_[g] + 2, starts_[g + 1]));
    return h + least <= s_.room + 0.01 ? h + least : first_h(gi);
  }
  void prepare() {
    starts_ = group_starts(body_);
    groups_ = starts_.size() - 1;
    // Where a group taller than a page is best split: between rows that only
    // cells taller than a page span (so that the smaller groups within it,
    // e.g. an 二级指标 with its rows, stay whole).
    clean_.assign(body_.heights.size() + 1, 1);
    for (const auto& b : body_.cells)
      if (rows_h(b.p.row, b.p.row + b.p.rowspan) <= s_.room + 0.01)
        for (int r = b.p.row + 1; r < b.p.row + b.p.rowspan; ++r) clean_[r] = 0;
  }
  bool forced_break(int row) const { return std::find(breaks_.begin(), breaks_.end(), row) != breaks_.end(); }
  bool spill(std::size_t gi) const {
    for (int r = starts_[gi] + 1; r < starts_[gi + 1]; ++r)
      if (forced_break(r)) return true;
    return false;
  }
  // Splits row k where `avail` points are left on the page; false when it cannot.
  bool try_split(int k, double avail, bool forced) {
    const double pad = f_.options().cell_padding;
    const std::size_t keep = split_lines(body_, k, avail, pad, forced);
    if (keep == 0) return false;
    split_row(body_, k, keep, pad);
    for (auto& b : breaks_)
      if (b > k) ++b;
    breaks_.push_back(k + 1);
    prepare();
    return true;
  }

  SizedTable& s_;
  Rows& body_;
  const TablePlan& p_;
  const Flow& f_;
  std::vector<int> breaks_;
  std::vector<int> starts_;
  std::vector<char> clean_;
  std::size_t groups_ = 0;
};

std::vector<Chunk> PagePlan::plan(double y0) {
  // The limit of splits is taken from the row count before the first split,
  // as it always was: a split adds a row.
  const std::size_t max_splits = 4 * body_.heights.size() + 64;
  std::vector<Chunk> chunks;
  const double room = s_.room, note_h = s_.note_h;
  for (std::size_t splits = 0;; ++splits) {
    bool again = false;
    chunks.clear();
    double y = y0;
    int rows_here = 0;
    bool pending_break = false;
    int repeat = -1;        // the column heading row to repeat on the page begun
    int sub_head = -1;      // the last column heading row placed
    bool after_heading = false;  // the last rows placed on this page are a heading row
    auto fits = [&](double h) { return y + h <= f_.bottom() + 0.01; };
    auto page_break = [&](int next) {
      pending_break = true;
      repeat = sub_head >= 0 && next > sub_head && !column_heading_row(body_, next, p_.ncols) ? sub_head : -1;
      y = f_.top() + s_.head_h + (repeat >= 0 ? body_.heights[repeat] : 0);
      rows_here = 0;
      after_heading = false;
    };
    auto put = [&](int from, int to) {
      chunks.push_back({from, to, pending_break, pending_break ? repeat : -1});
      pending_break = false;
      for (int r = from; r < to; ++r) y += body_.heights[r];
      rows_here += to - from;
    };
    auto split = [&](int k, double avail, bool forced) { return splits < max_splits && try_split(k, avail, forced); };
    for (std::size_t gi = 0; gi < groups_ && !again; ++gi) {
      const bool last = gi + 1 == groups_;
      const int b = starts_[gi], e = starts_[gi + 1];
      const bool spills = spill(gi);
      // After a heading row (whose own check made room for this start) the
      // group starts here, split if need be.
      const bool whole_here = fits(group_h(gi) + (last ? note_h : 0));
      const bool little_room = f_.bottom() - y < 0.25 * room;
      if (!spills && !after_heading && rows_here > 0 &&
          (!fits(lead_h(gi) + (last && fits_page(gi) && !breakable(gi) ? note_h : 0)) ||
           (breakable(gi) && fits_page(gi) && !whole_here && little_room))) {
        // A group of a page or less with a tall row where the page ends: the
        // row is split there rather than the group moved on.
        if (fits_page(gi)) {
          int k = b;
          double h = 0;
          while (k < e && fits(h + body_.heights[k])) h += body_.heights[k++];
          if (k < e && split(k, f_.bottom() - y - h, false)) {
            again = true;
            break;
          }
        }
        page_break(b);
      }
      if (!spills && fits_page(gi) &&
          (breakable(gi) || after_heading ? fits(group_h(gi) + (last ? note_h : 0)) : true)) {
        put(b, e);
        after_heading = is_heading(gi);
        if (after_heading && column_heading_row(body_, b, p_.ncols)) sub_head = b;
        continue;
      }
      for (int r = b; r < e;) {
        const bool movable = rows_here > 0 && !(after_heading && r == b);
        int k = r;
        double h = 0;
        while (k < e && fits(h + body_.heights[k] + (last && k + 1 == e ? note_h : 0))) h += body_.heights[k++];
        if (k < e && !(k > r && forced_break(k))) {
          const bool tall = body_.heights[k] > room + 0.01;
          if (split(k, f_.bottom() - y - h, tall)) {
            again = true;
            break;
          }
          // A smaller group that does not fit goes whole to the next page,
          // unless that leaves a quarter of this page or more empty (the
          // room left here, not only the rows that would fit: a tall row
          // after them would otherwise leave far more empty): then the
          // break falls inside it, after two of its rows at least, and its
          // spanning labels are drawn again on the next page.
          int c = k;
          while (c > r && !clean_[c]) --c;
          const int from = c > r ? c : r;
          if (f_.bottom() - y + rows_h(from, k) - h <= 0.25 * room + 0.01 || k - from < 2) {
            if (c > r) {
              k = c;
            } else if (movable) {
              page_break(r);
              continue;
            }
          }
        }
        if (k == r) {
          if (movable) {
            page_break(r);
            continue;
          }
          k = r + 1;
        }
        put(r, k);
        r = k;
        if (r < e) page_break(r);
        after_heading = false;
      }
    }
    if (!again) break;
  }
  return chunks;
}

void PagePlan::no_lone_last_row(std::vector<Chunk>& chunks) const {
  if (chunks.size() < 2 || !chunks.back().new_page || chunks.back().to - chunks.back().from != 1) return;
  Chunk& tail = chunks.back();
  Chunk& before = chunks[chunks.size() - 2];
  int page_rows = 0;
  for (std::size_t i = chunks.size() - 1; i-- > 0;) {
    page_rows += chunks[i].to - chunks[i].from;
    if (chunks[i].new_page) break;
  }
  const int mover = before.to - 1;
  auto starts_group = [&](int r) { return std::find(starts_.begin(), starts_.end(), r) != starts_.end(); };
  double page_h = s_.head_h + (tail.repeat >= 0 ? body_.heights[tail.repeat] : 0) + s_.note_h;
  for (int r = tail.from; r < tail.to; ++r) page_h += body_.heights[r];
  if (before.to == tail.from && page_rows >= 3 && mover > 0 && starts_group(mover) && starts_group(tail.from) &&
      !heading_row(body_, mover) && !heading_row(body_, mover - 1) &&
      std::find(breaks_.begin(), breaks_.end(), tail.from) == breaks_.end() &&
      page_h + body_.heights[mover] <= f_.bottom() - f_.top() + 0.01) {
    --before.to;
    --tail.from;
    if (before.to == before.from) chunks.erase(chunks.end() - 2);
  }
}

// A cell split by a page break shows its text on every part it fits, or
// (set smaller) on its tallest part.
void fit_split_cells(Rows& body, const std::vector<Chunk>& chunks, double pad, Shaper& shaper) {
  for (auto& b : body.cells) {
    const int row = b.p.row, end = row + b.p.rowspan;
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
}

// The body's runs, each continuation page starting with the head rows (and
// the column heading row its run continues under).
void draw_chunks(Flow& f, const SizedTable& s, const TablePlan& p, const std::vector<Chunk>& chunks) {
  const double pad = f.options().cell_padding;
  for (const auto& c : chunks) {
    if (c.new_page) {
      f.new_page(p.landscape);
      draw_rows(f, s.head, 0, p.head.rows, true, pad);
      if (c.repeat >= 0) draw_rows(f, s.body, c.repeat, c.repeat + 1, false, pad);
    }
    draw_rows(f, s.body, c.from, c.to, false, pad);
  }
}

}  // namespace

void lay_out_table(const doc::Table& t, const std::string& anchor, Flow& f, Shaper& shaper,
                   std::vector<doc::Warning>* warnings) {
  const PdfOptions& o = f.options();
  TablePlan p = plan(t, o, shaper, warnings);
  choose_page(f, p);
  const double x0 = f.left(), width = f.width();
  SizedTable s = size_table(t, p, f, shaper);
  PagePlan pages(s, p, f);
  f.ensure(pages.start_height(title_block_height(t, o, shaper, width) + s.head_h));
  f.anchor(anchor, f.y);
  draw_title_block(f, t, shaper, x0, width);
  draw_rows(f, s.head, 0, p.head.rows, true, o.cell_padding);
  std::vector<Chunk> chunks = pages.plan(f.y);
  pages.no_lone_last_row(chunks);
  fit_split_cells(s.body, chunks, o.cell_padding, shaper);
  draw_chunks(f, s, p, chunks);
  if (!t.notes.empty()) f.y += o.table_note.leading * 0.25;
  for (const auto& note : t.notes)
    place_text(f, shaper, utf8_to_u32(note), o.table_note, doc::Align::Justify, 0, x0, width, kOther);
  f.only_headings = false;
}

}  // namespace juesuan::pdf::detail
