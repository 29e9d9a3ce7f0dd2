// Charts: a pie beside its legend (name, amount, share of each slice), or
// grouped bars with their amounts above them, the series' legend above and
// the groups' names below. Drawn as filled paths; all words and figures come
// from the Document, set in the table face. A chart is kept whole on a page.
#include <algorithm>
#include <cmath>

#include "document/chart_palette.hpp"
#include "pdf/layout.hpp"

namespace juesuan::pdf::detail {

namespace {

constexpr double kPi = 3.14159265358979323846;

struct Styles {
  TextStyle title{"heading", 12, 22, false};
  TextStyle label{"table", 10.5, 17, false};
  TextStyle small{"table", 9.5, 14, false};
};

constexpr double kPieRadius = 62;
constexpr double kPlotHeight = 150;   // bars: from the axis to the top of the tallest bar's label
constexpr double kGap = 8;            // between the drawing and its title

std::u32string u32(const std::string& s) { return utf8_to_u32(s); }

// Draws text with its left edge at x on the baseline `baseline` (below the page top).
void text_at(Flow& f, Shaper& shaper, const std::string& s, double x, double baseline, const TextStyle& st) {
  const auto t = u32(s);
  const auto g = shaper.shape(t, st);
  f.draw(g, 0, g.size(), x, baseline, st);
}

double pie_legend_rows(const doc::Chart& c) { return c.groups.empty() ? 0 : static_cast<double>(c.groups[0].values.size()); }

// The pie's legend columns at the label size, shrunk when the whole is too wide.
struct PieLegend {
  TextStyle style;
  double name_w = 0, amount_w = 0, share_w = 0;
  double width() const { return style.size * 1.6 + name_w + style.size + amount_w + style.size + share_w; }
};

PieLegend pie_legend(const doc::Chart& c, Shaper& shaper, double room) {
  PieLegend l{Styles{}.label};
  for (int step = 0; step < 6; ++step) {
    l.name_w = l.amount_w = l.share_w = 0;
    for (const auto& g : c.groups)
      for (const auto& v : g.values) {
        l.name_w = std::max(l.name_w, shaper.width(u32(v.label), l.style));
        l.amount_w = std::max(l.amount_w, shaper.width(u32(v.text), l.style));
        if (!v.share.empty()) l.share_w = std::max(l.share_w, shaper.width(u32(v.share + "%"), l.style));
      }
    if (l.width() <= room) break;
    l.style.size *= 0.92;
    l.style.leading *= 0.92;
  }
  return l;
}

double drawing_height(const doc::Chart& c, const Styles& s) {
  if (c.kind == doc::Chart::Kind::Pie)
    return s.small.leading + std::max(2 * kPieRadius, pie_legend_rows(c) * s.label.leading);
  return s.small.leading + kPlotHeight + s.label.leading;
}

void pie(const doc::Chart& c, Flow& f, Shaper& shaper, const Styles& s, double top) {
  const double room = f.width() - 2 * kPieRadius - 2 * s.label.size;
  const PieLegend l = pie_legend(c, shaper, room);
  const double gap = 2 * s.label.size;
  const double whole = 2 * kPieRadius + gap + l.width();
  const double x0 = f.left() + std::max(0.0, (f.width() - whole) / 2);
  // The unit above the legend's figures, at its right edge.
  const double right = x0 + whole;
  text_at(f, shaper, c.unit, right - shaper.width(u32(c.unit), s.small), baseline_in(top, s.small), s.small);
  top += s.small.leading;
  const double body = std::max(2 * kPieRadius, pie_legend_rows(c) * l.style.leading);
  const double cx = x0 + kPieRadius, cy = f.pdf_y(top + body / 2);
  const auto& slices = c.groups.empty() ? std::vector<doc::ChartValue>{} : c.groups[0].values;
  // Angles from the printed amounts, which the legend shows.
  std::int64_t sum = 0;
  for (const auto& v : slices) sum += std::max<std::int64_t>(0, v.amount.printed_wan_cents());
  double a = 0;
  for (std::size_t i = 0; i < slices.size() && sum > 0; ++i) {
    const double span = 2 * kPi * static_cast<double>(std::max<std::int64_t>(0, slices[i].amount.printed_wan_cents())) /
                        static_cast<double>(sum);
    Shape sh;
    sh.kind = Shape::Kind::Sector;
    sh.x = cx;
    sh.y = cy;
    sh.r = kPieRadius;
    sh.a0 = a;
    sh.a1 = i + 1 == slices.size() ? 2 * kPi : a + span;
    sh.rgb = doc::slice_colour(i, slices.size());
    // The white line parting slices is thinner on a slice too narrow for
    // it, so that a small slice still shows its colour at the rim.
    sh.outline = slices.size() > 1 ? std::min(0.75, span * kPieRadius / 4) : 0;
    f.page().shapes.push_back(sh);
    a += span;
  }
  // The legend: a swatch, the name, the amount and the share, one row each,
  // centred beside the pie.
  const double lx = x0 + 2 * kPieRadius + gap;
  double y = top + (body - static_cast<double>(slices.size()) * l.style.leading) / 2;
  for (std::size_t i = 0; i < slices.size(); ++i) {
    const auto& v = slices[i];
    const double base = baseline_in(y, l.style);
    const double sw = l.style.size * 0.8;
    Shape box;
    box.x = lx;
    box.y = f.pdf_y(base) - l.style.size * 0.02;
    box.w = sw;
    box.h = sw;
    box.rgb = doc::slice_colour(i, slices.size());
    f.page().shapes.push_back(box);
    double x = lx + l.style.size * 1.6;
    text_at(f, shaper, v.label, x, base, l.style);
    x += l.name_w + l.style.size + l.amount_w;
    text_at(f, shaper, v.text, x - shaper.width(u32(v.text), l.style), base, l.style);
    if (!v.share.empty()) {
      x += l.style.size + l.share_w;
      const std::string share = v.share + "%";
      text_at(f, shaper, share, x - shaper.width(u32(share), l.style), base, l.style);
    }
    y += l.style.leading;
  }
}

void bars(const doc::Chart& c, Flow& f, Shaper& shaper, const Styles& s, double top) {
  const std::size_t n_series = std::max<std::size_t>(1, c.series.size());
  const std::size_t n_groups = std::max<std::size_t>(1, c.groups.size());
  const double plot_w = std::min(f.width(), 150.0 * static_cast<double>(n_groups) + 60);
  const double x0 = f.left() + (f.width() - plot_w) / 2;
  // First row: the legend, centred, and the unit at the right.
  const double legend_base = baseline_in(top, s.small);
  double legend_w = 0;
  for (const auto& name : c.series) legend_w += s.small.size * 1.4 + shaper.width(u32(name), s.small) + s.small.size * 1.5;
  double lx = x0 + (plot_w - legend_w) / 2;
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    Shape box;
    box.x = lx;
    box.y = f.pdf_y(legend_base) - s.small.size * 0.02;
    box.w = box.h = s.small.size * 0.8;
    box.rgb = doc::bar_colour(i, c.series.size());
    f.page().shapes.push_back(box);
    lx += s.small.size * 1.4;
    text_at(f, shaper, c.series[i], lx, legend_base, s.small);
    lx += shaper.width(u32(c.series[i]), s.small) + s.small.size * 1.5;
  }
  text_at(f, shaper, c.unit, x0 + plot_w - shaper.width(u32(c.unit), s.small), legend_base, s.small);
  top += s.small.leading;
  // The plot: the axis at its foot, each group a slot of bars side by side.
  const double axis = top + kPlotHeight;
  std::int64_t max = 0;
  for (const auto& g : c.groups)
    for (const auto& v : g.values) max = std::max(max, v.amount.printed_wan_cents());
  const double bar_room = kPlotHeight - s.small.leading;
  const double slot = plot_w / static_cast<double>(n_groups);
  const double bar_w = std::min(56.0, slot * 0.7 / static_cast<double>(n_series));
  const double bar_gap = n_series > 1 ? 6 : 0;
  for (std::size_t gi = 0; gi < c.groups.size(); ++gi) {
    const auto& g = c.groups[gi];
    const double group_w = static_cast<double>(g.values.size()) * bar_w + static_cast<double>(g.values.size() - 1) * bar_gap;
    double bx = x0 + slot * static_cast<double>(gi) + (slot - group_w) / 2;
    for (std::size_t vi = 0; vi < g.values.size(); ++vi) {
      const auto& v = g.values[vi];
      const std::int64_t cents = std::max<std::int64_t>(0, v.amount.printed_wan_cents());
      const double h = max > 0 ? bar_room * static_cast<double>(cents) / static_cast<double>(max) : 0;
      Shape bar;
      bar.x = bx;
      bar.y = f.pdf_y(axis);
      bar.w = bar_w;
      bar.h = h;
      bar.rgb = doc::bar_colour(vi, g.values.size());
      if (h > 0) f.page().shapes.push_back(bar);
      // The amount just above its bar, centred on it.
      const double tw = shaper.width(u32(v.text), s.small);
      text_at(f, shaper, v.text, bx + (bar_w - tw) / 2, axis - h - s.small.leading + baseline_in(0, s.small), s.small);
      bx += bar_w + bar_gap;
    }
    const double gw = shaper.width(u32(g.label), s.label);
    text_at(f, shaper, g.label, x0 + slot * static_cast<double>(gi) + (slot - gw) / 2, baseline_in(axis + 2, s.label),
            s.label);
  }
  f.page().rules.push_back({x0, f.pdf_y(axis), x0 + plot_w, f.pdf_y(axis), 0.75, false});
}

}  // namespace

double chart_height(const doc::Chart& c, const PdfOptions& o, Shaper& shaper) {
  (void)o;
  (void)shaper;
  const Styles s;
  return s.label.leading / 2 + drawing_height(c, s) + kGap + s.title.leading + s.label.leading / 2;
}

void lay_out_chart(const doc::Chart& c, const std::string& anchor, Flow& f, Shaper& shaper) {
  if (f.landscape()) f.new_page(false);
  const Styles s;
  const double h = chart_height(c, f.options(), shaper);
  f.ensure(h);
  const double top = f.y + s.label.leading / 2;
  f.anchor(anchor, f.y);
  if (c.kind == doc::Chart::Kind::Pie) pie(c, f, shaper, s, top);
  else bars(c, f, shaper, s, top);
  // The title, centred below the drawing.
  const double title_top = top + drawing_height(c, s) + kGap;
  const double tw = shaper.width(u32(c.title), s.title);
  text_at(f, shaper, c.title, f.left() + std::max(0.0, (f.width() - tw) / 2), baseline_in(title_top, s.title), s.title);
  f.y += h;
  f.fresh = false;
  f.only_headings = false;
}

}  // namespace juesuan::pdf::detail
