// HTML writer. Each Document block maps to one element:
//   Heading   -> <h1>..<h3> (level 0..2) with its id
//   Paragraph -> <p class="role align [indent]">
//   List      -> <ol class="list"> whose items show their own labels
//   Toc       -> <nav class="toc"> of links to the headings and tables
//   PageBreak -> <hr class="page-break"> (a page break in print)
//   Chart     -> <figure> with an inline <svg> (slices or bars) and its
//                legend as HTML text (readable at any width), the title below
//   Table     -> <section> with title, number, 部门/年度/单位 line, a scrolling
//                box holding the <table> (thead/tbody), then the notes
// The CSS is embedded; nothing is loaded from elsewhere. All text goes
// through escape(); the writer adds no words of its own.
#include "html/html_writer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "document/chart_palette.hpp"
#include "document/grid.hpp"

namespace juesuan::html {

namespace {

// Screen first; the print rules make an A4 document like the published one.
constexpr std::string_view kCss = R"css(
@font-face{font-family:"juesuan-title";src:local("Noto Serif CJK SC Bold"),local("NotoSerifCJKsc-Bold")}
@font-face{font-family:"juesuan-heading";src:local("Noto Sans CJK SC Bold"),local("NotoSansCJKsc-Bold")}
@font-face{font-family:"juesuan-figures";src:local("Liberation Serif"),local("LiberationSerif"),local("Times New Roman"),local("TimesNewRomanPSMT");unicode-range:U+0020-007E,U+00A0-017F,U+2030}
:root{--title:"juesuan-title","Noto Serif CJK SC","Source Han Serif SC","FZXiaoBiaoSong-B05S","方正小标宋简体","方正小标宋_GBK","WenQuanYi Micro Hei","Droid Sans Fallback",serif;
--heading1:"juesuan-heading","Noto Sans CJK SC","Source Han Sans SC","SimHei","黑体","STHeiti","Heiti SC","WenQuanYi Micro Hei","Droid Sans Fallback",sans-serif;
--heading2:"juesuan-figures","LXGW WenKai","霞鹜文楷","KaiTi","楷体","STKaiti","KaiTi_GB2312","楷体_GB2312","AR PL UMing CN","Droid Sans Fallback",serif;
--body:"juesuan-figures","LXGW WenKai","霞鹜文楷","FangSong","仿宋","STFangsong","FangSong_GB2312","仿宋_GB2312","AR PL UMing CN","Droid Sans Fallback",serif;
--table:"juesuan-figures","LXGW WenKai","霞鹜文楷","SimSun","宋体","Songti SC","STSong","AR PL UMing CN","Droid Sans Fallback",serif}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:#111;font-family:var(--body);font-size:1rem;line-height:1.75}
main{max-width:62rem;margin:0 auto;padding:1rem}
h1,h2,h3{font-weight:normal;line-height:1.4;margin:1.5em 0 .75em}
h1{font-family:var(--title);font-size:1.5rem;text-align:center}
h2{font-family:var(--heading1);font-size:1rem}
h3{font-family:var(--heading2);font-size:1rem}
p{margin:.5em 0}
.indent{text-indent:2em}
.left{text-align:left}.center{text-align:center}.right{text-align:right}.justify{text-align:justify}
.cover-title{font-family:var(--title);font-size:2rem;font-weight:normal;line-height:1.5;margin:.5em 0}
main>.cover-title:first-child{margin-top:4em}
.cover-line{font-size:1.2rem;margin-top:2em}
.note{font-size:.9em}
.download{text-align:right;font-family:var(--heading1)}
nav.editions{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:.5em;margin:0 0 1em}
nav.editions a{display:inline-flex;align-items:center;min-height:44px;padding:0 .9em;border:1px solid #2a5db0;border-radius:4px;color:#2a5db0;text-decoration:none;font-family:var(--heading1)}
nav.editions a:hover,nav.editions a:focus{background:#2a5db0;color:#fff}
ol.list{list-style:none;margin:.5em 0;padding:0}
ol.list li{text-indent:2em;margin:.25em 0}
nav.toc summary{cursor:pointer;text-align:center;list-style-position:inside}
nav.toc summary .toc-title{display:inline;margin:0}
nav.toc details{margin:1.5em 0}
nav.toc ol{list-style:none;margin:0;padding:0}
nav.toc li{margin:.2em 0}
nav.toc .level-1{padding-left:2em}
nav.toc .level-2{padding-left:4em}
nav.toc a{color:inherit;text-decoration:none}
nav.toc a:hover,nav.toc a:focus{text-decoration:underline}
.toc-title{text-align:center}
hr.page-break{border:0;border-top:1px dashed #bbb;margin:2em 0}
section.table{margin:2em 0}
.table-title{font-family:var(--title);font-size:1.2rem;text-align:center;margin:0 0 .25em}
.table-number{text-align:right;margin:0;font-size:.9em}
.table-meta{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 2em;font-size:.9em;margin:.25em 0}
.table-scroll{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch}
.table-scroll:focus{outline:2px solid #4a78c2}
table{border-collapse:collapse;width:100%;min-width:36rem;font-family:var(--table);font-size:.85rem;line-height:1.4}
.landscape table{min-width:52rem}
table.narrow,.landscape table.narrow{min-width:0}
.scroll-hint{display:none;margin:.25em 0;font-size:.85em;color:#555;text-align:right}
.table-scroll td,.table-scroll th{min-width:3.5em}
.table-scroll td.label,.table-scroll th.label{white-space:nowrap}
.table-scroll td.text,.table-scroll th.text{min-width:8em}
.panels{display:flex;flex-wrap:wrap;gap:0}
.panels>.table-scroll{flex:1 1 18rem}
.panels table{min-width:0}
figure.chart{margin:1.5em 0;break-inside:avoid;page-break-inside:avoid}
.chart-body{display:flex;flex-wrap:wrap;align-items:center;justify-content:center;gap:1em 2em}
.chart svg{display:block;height:auto}
.chart svg.pie{width:11rem;max-width:60%}
.chart svg.bars{width:100%}
.chart svg text{font-family:var(--table);font-size:13px;fill:#111}
.chart table.chart-legend{width:auto;min-width:0;border-collapse:collapse;font-size:.9rem}
.chart-legend td{padding:.15em .4em;border:0;vertical-align:middle}
.chart-legend td.num{text-align:right;white-space:nowrap}
.chart-legend caption{caption-side:top;text-align:right;font-size:.85em}
.swatch{display:inline-block;width:.8em;height:.8em;vertical-align:-.05em}
.chart-series{display:flex;flex-wrap:wrap;justify-content:center;gap:.25em 1.5em;font-family:var(--table);font-size:.9rem;margin:0 0 .25em}
.chart-series .unit{margin-left:auto}
.bars-box{margin:0 auto}
figure.chart figcaption{font-family:var(--heading1);text-align:center;margin-top:.5em}
@media screen and (max-width:40rem){
main{padding:.75rem}
.scroll-hint.wide{display:block}
table.sticky tbody tr>:first-child:not([colspan]){position:sticky;left:0;z-index:1;background:#fff;max-width:9em;box-shadow:inset -1px 0 0 #000}
}
@media screen and (max-width:56rem){.landscape .scroll-hint.wide{display:block}}
th,td{border:1px solid #000;padding:.2em .35em;vertical-align:middle}
th{font-weight:normal}
thead th,thead td{font-weight:bold;text-align:center}
td.right,th.right{white-space:nowrap;font-variant-numeric:tabular-nums}
.em{font-weight:bold}
@page{size:A4;margin:25mm 26mm 25mm 28mm}
@page wide{size:A4 landscape;margin:20mm 20mm 20mm 20mm}
@media print{
body{font-size:14pt;line-height:1.6}
nav.editions,.scroll-hint{display:none}
main{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
.download{display:none}
main>.cover-title:first-child{margin-top:6cm}
hr.page-break{border:0;margin:0;break-after:page;page-break-after:always}
.new-page,section.own-page{break-before:page;page-break-before:always}
section.landscape{page:wide}
h1,h2,h3,.table-title,.table-number,.table-meta{break-after:avoid;page-break-after:avoid}
.table-scroll{overflow:visible}
table{min-width:0;font-size:10.5pt}
.landscape table{min-width:0;font-size:9pt}
thead{display:table-header-group}
tr{break-inside:avoid;page-break-inside:avoid}
p,li{orphans:2;widows:2}
}
)css";

// The width of a text in characters: a Latin letter or figure counts half.
double text_width(std::string_view s) {
  double w = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) w += 0.5;
    else if (c >= 0xC0) w += c < 0xE0 ? 0.5 : 1;  // a lead byte: two-byte characters are Latin/Greek/Cyrillic
  }
  return w;
}

const char* align_class(doc::Align a) {
  switch (a) {
    case doc::Align::Left: return "left";
    case doc::Align::Center: return "center";
    case doc::Align::Right: return "right";
    case doc::Align::Justify: return "justify";
  }
  return "left";
}

const char* role_class(doc::Role r) {
  switch (r) {
    case doc::Role::CoverTitle: return "cover-title";
    case doc::Role::CoverLine: return "cover-line";
    case doc::Role::Body: return "body";
    case doc::Role::Note: return "note";
  }
  return "body";
}

// A CSS string literal: quotes, backslashes and anything that could close
// the <style> element become hex escapes.
std::string css_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f || ch == '"' || ch == '\\' || ch == '<' || ch == '>' || ch == '&') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%x ", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

// A relative width as a percentage with at most two decimals ("12.5%").
std::string percent(double part, double whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", part / whole * 100.0);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s + "%";
}

int span(int n) { return std::max(n, 1); }

// The number of columns a group of rows occupies, counting cells carried
// down from earlier rows by rowspan.
int column_count(const std::vector<doc::Row>& rows) {
  std::vector<int> busy;  // per column: rows still covered from above
  int width = 0;
  for (const auto& row : rows) {
    std::size_t col = 0;
    for (const auto& cell : row) {
      while (col < busy.size() && busy[col] > 0) ++col;
      std::size_t end = col + static_cast<std::size_t>(span(cell.colspan));
      if (busy.size() < end) busy.resize(end, 0);
      for (std::size_t c = col; c < end; ++c) busy[c] = span(cell.rowspan);
      col = end;
    }
    width = std::max(width, static_cast<int>(col));
    for (int& b : busy) b = std::max(b - 1, 0);
  }
  return width;
}

// A table of panels side by side (06表: 经济分类 code, name, amount, three
// times over): one header row made of the same group of cells repeated,
// and no cell of any row across two groups. Each panel as a table of its
// own, its rows that are empty in it left out; none when `t` is not one.
std::vector<doc::Table> split_panels(const doc::Table& t) {
  if (t.head.size() != 1 || t.body.empty()) return {};
  const doc::Row& head = t.head.front();
  for (const auto& c : head)
    if (span(c.colspan) != 1 || span(c.rowspan) != 1) return {};
  const std::size_t n = head.size();
  std::size_t width = 0;
  for (std::size_t w = 1; w * 2 <= n && !width; ++w) {
    if (n % w) continue;
    bool repeats = true;
    for (std::size_t i = w; i < n && repeats; ++i) repeats = head[i].text == head[i % w].text;
    if (repeats) width = w;
  }
  if (!width) return {};
  const std::size_t count = n / width;
  std::vector<doc::Table> panels(count);
  for (std::size_t p = 0; p < count; ++p) {
    panels[p].head.push_back(doc::Row(head.begin() + p * width, head.begin() + (p + 1) * width));
    if (t.widths.size() == n)
      panels[p].widths.assign(t.widths.begin() + p * width, t.widths.begin() + (p + 1) * width);
  }
  for (const auto& row : t.body) {
    std::vector<doc::Row> parts(count);
    std::size_t col = 0;
    for (const auto& c : row) {
      const std::size_t p = col / width, end = col + span(c.colspan);
      if (span(c.rowspan) != 1 || (end - 1) / width != p || p >= count) return {};
      parts[p].push_back(c);
      col = end;
    }
    if (col != n) return {};
    for (std::size_t p = 0; p < count; ++p)
      if (std::any_of(parts[p].begin(), parts[p].end(), [](const doc::Cell& c) { return !c.text.empty(); }))
        panels[p].body.push_back(std::move(parts[p]));
  }
  return panels;
}

class Writer {
 public:
  Writer(std::string& out, const HtmlOptions& options) : out_(out), options_(options) {}

  void block(const doc::Block& b) { std::visit([this](const auto& x) { write(x); }, b); }

 private:
  void text(std::string_view s) { out_ += escape(s); }
  void attr(const char* name, std::string_view value) {
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    out_ += escape(value);
    out_ += '"';
  }

  void write(const doc::Heading& h) {
    std::string tag = "h" + std::to_string(std::clamp(h.level + 1, 1, 6));
    out_ += "<" + tag;
    if (!h.id.empty()) attr("id", h.id);
    if (h.new_page) out_ += " class=\"new-page\"";
    out_ += '>';
    text(h.text);
    out_ += "</" + tag + ">\n";
  }

  void write(const doc::Paragraph& p) {
    out_ += "<p class=\"";
    out_ += role_class(p.role);
    out_ += ' ';
    out_ += align_class(p.align);
    if (p.indent) out_ += " indent";
    out_ += "\">";
    text(p.text);
    out_ += "</p>\n";
  }

  void write(const doc::List& l) {
    out_ += "<ol class=\"list\">\n";
    for (const auto& item : l.items) {
      out_ += "<li>";
      if (!item.label.empty()) {
        out_ += "<span class=\"label\">";
        text(item.label);
        out_ += "</span>";
      }
      text(item.text);
      out_ += "</li>\n";
    }
    out_ += "</ol>\n";
  }

  void write(const doc::Toc& toc) {
    out_ += "<nav class=\"toc\"";
    if (!toc.title.empty()) out_ += " aria-labelledby=\"toc-title\"";
    out_ += ">\n";
    // Folded: a reader opens it when wanted (a long list on a phone).
    out_ += "<details>\n";
    if (!toc.title.empty()) {
      out_ += "<summary><h1 class=\"toc-title\" id=\"toc-title\">";
      text(toc.title);
      out_ += "</h1></summary>\n";
    }
    out_ += "<ol>\n";
    for (const auto& e : toc.entries) {
      out_ += "<li class=\"level-" + std::to_string(std::clamp(e.level, 0, 2)) + "\">";
      if (e.target.empty()) {
        text(e.text);
      } else {
        out_ += "<a";
        attr("href", "#" + e.target);
        out_ += '>';
        text(e.text);
        out_ += "</a>";
      }
      out_ += "</li>\n";
    }
    out_ += "</ol>\n</details>\n</nav>\n";
  }

  static std::string colour(std::uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(rgb & 0xFFFFFF));
    return buf;
  }
  static std::string coord(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", std::abs(v) < 0.005 ? 0.0 : v);
    return buf;
  }
  void swatch(std::uint32_t rgb) { out_ += "<span class=\"swatch\" style=\"background:" + colour(rgb) + "\"></span>"; }

  void write(const doc::Chart& c) {
    out_ += "<figure class=\"chart\"";
    if (!c.id.empty()) attr("id", c.id);
    out_ += ">\n";
    if (c.kind == doc::Chart::Kind::Pie) pie(c);
    else bars(c);
    out_ += "<figcaption>";
    text(c.title);
    out_ += "</figcaption>\n</figure>\n";
  }

  // Slices clockwise from twelve o'clock, angles from the printed amounts;
  // the legend beside (below, on a phone) carries names and figures.
  void pie(const doc::Chart& c) {
    static const std::vector<doc::ChartValue> none;
    const auto& slices = c.groups.empty() ? none : c.groups.front().values;
    std::int64_t sum = 0;
    for (const auto& v : slices) sum += std::max<std::int64_t>(0, v.amount.printed_wan_cents());
    out_ += "<div class=\"chart-body\">\n<svg class=\"pie\" viewBox=\"-101 -101 202 202\" aria-hidden=\"true\">";
    const double pi = 3.14159265358979323846;
    double a = 0;
    for (std::size_t i = 0; i < slices.size() && sum > 0; ++i) {
      const double span = 2 * pi * static_cast<double>(std::max<std::int64_t>(0, slices[i].amount.printed_wan_cents())) /
                          static_cast<double>(sum);
      const double b = i + 1 == slices.size() ? 2 * pi : a + span;
      if (slices.size() == 1 || b - a >= 2 * pi - 1e-9) {
        out_ += "<circle class=\"slice\" r=\"100\" fill=\"" + colour(doc::slice_colour(i, slices.size())) + "\"/>";
      } else {
        // The white parting line is thinner on a slice too narrow for it (as in the PDF).
        out_ += "<path class=\"slice\" fill=\"" + colour(doc::slice_colour(i, slices.size())) + "\" stroke=\"#fff\"" +
                (b - a < 0.04 ? " stroke-width=\"" + coord(std::max(0.05, (b - a) * 100 / 4)) + "\"" : std::string()) +
                " d=\"M0 0L" +
                coord(100 * std::sin(a)) + " " + coord(-100 * std::cos(a)) + "A100 100 0 " + (b - a > pi ? "1" : "0") +
                " 1 " + coord(100 * std::sin(b)) + " " + coord(-100 * std::cos(b)) + "Z\"/>";
      }
      a += span;
    }
    out_ += "</svg>\n<table class=\"chart-legend\"><caption>";
    text(c.unit);
    out_ += "</caption>\n";
    for (std::size_t i = 0; i < slices.size(); ++i) {
      out_ += "<tr><td>";
      swatch(doc::slice_colour(i, slices.size()));
      out_ += "</td><td>";
      text(slices[i].label);
      out_ += "</td><td class=\"num\">";
      text(slices[i].text);
      out_ += "</td><td class=\"num\">";
      if (!slices[i].share.empty()) text(slices[i].share + "%");
      out_ += "</td></tr>\n";
    }
    out_ += "</table>\n</div>\n";
  }

  // Bars side by side per group, each with its amount above it; the series'
  // legend and the unit above, the groups' names below.
  void bars(const doc::Chart& c) {
    const std::size_t groups = std::max<std::size_t>(1, c.groups.size());
    const std::size_t series = std::max<std::size_t>(1, c.series.size());
    const double w = 150.0 * static_cast<double>(groups) + 60, plot = 150, axis = 170, h = 195;
    out_ += "<div class=\"bars-box\" style=\"max-width:" + coord(w * 1.25) + "px\">\n<div class=\"chart-series\">";
    for (std::size_t i = 0; i < c.series.size(); ++i) {
      out_ += "<span>";
      swatch(doc::bar_colour(i, c.series.size()));
      out_ += ' ';
      text(c.series[i]);
      out_ += "</span>";
    }
    out_ += "<span class=\"unit\">";
    text(c.unit);
    out_ += "</span></div>\n";
    std::int64_t max = 0;
    for (const auto& g : c.groups)
      for (const auto& v : g.values) max = std::max(max, v.amount.printed_wan_cents());
    out_ += "<svg class=\"bars\" viewBox=\"0 0 " + coord(w) + " " + coord(h) + "\" aria-hidden=\"true\">";
    const double slot = w / static_cast<double>(groups);
    const double bar_w = std::min(56.0, slot * 0.7 / static_cast<double>(series)), gap = series > 1 ? 6 : 0;
    for (std::size_t gi = 0; gi < c.groups.size(); ++gi) {
      const auto& g = c.groups[gi];
      const double gw = static_cast<double>(g.values.size()) * bar_w + static_cast<double>(g.values.size() - 1) * gap;
      double x = slot * static_cast<double>(gi) + (slot - gw) / 2;
      for (std::size_t vi = 0; vi < g.values.size(); ++vi) {
        const auto& v = g.values[vi];
        const double bh = max > 0 ? (plot - 20) * static_cast<double>(std::max<std::int64_t>(0, v.amount.printed_wan_cents())) /
                                        static_cast<double>(max)
                                  : 0;
        out_ += "<rect class=\"bar\" x=\"" + coord(x) + "\" y=\"" + coord(axis - bh) + "\" width=\"" + coord(bar_w) +
                "\" height=\"" + coord(bh) + "\" fill=\"" + colour(doc::bar_colour(vi, g.values.size())) + "\"/>";
        out_ += "<text x=\"" + coord(x + bar_w / 2) + "\" y=\"" + coord(axis - bh - 5) + "\" text-anchor=\"middle\">";
        text(v.text);
        out_ += "</text>";
        x += bar_w + gap;
      }
      out_ += "<text x=\"" + coord(slot * (static_cast<double>(gi) + 0.5)) + "\" y=\"" + coord(axis + 18) +
              "\" text-anchor=\"middle\">";
      text(g.label);
      out_ += "</text>";
    }
    out_ += "<line x1=\"0\" x2=\"" + coord(w) + "\" y1=\"" + coord(axis) + "\" y2=\"" + coord(axis) +
            "\" stroke=\"#111\" stroke-width=\"1\"/></svg>\n</div>\n";
  }

  void write(const doc::PageBreak&) { out_ += "<hr class=\"page-break\">\n"; }

  void write(const doc::Table& t) {
    const std::string title_id = t.id.empty() || t.title.empty() ? "" : t.id + "-title";
    out_ += "<section class=\"table";
    if (doc::wants_landscape(t)) out_ += " landscape";
    if (t.in_toc) out_ += " own-page";
    out_ += '"';
    if (!t.id.empty()) attr("id", t.id);
    if (!title_id.empty()) attr("aria-labelledby", title_id);
    out_ += ">\n";

    if (!t.title.empty()) {
      const char* tag = t.in_toc ? "h2" : "p";
      out_ += std::string("<") + tag + " class=\"table-title\"";
      if (!title_id.empty()) attr("id", title_id);
      out_ += '>';
      text(t.title);
      out_ += std::string("</") + tag + ">\n";
    }
    if (!t.number.empty()) {
      out_ += "<p class=\"table-number\">";
      text(t.number);
      out_ += "</p>\n";
    }
    if (!t.department.empty() || !t.year.empty() || !t.unit.empty()) {
      out_ += "<div class=\"table-meta\">";
      meta("department", t.department);
      meta("year", t.year);
      meta("unit", t.unit);
      out_ += "</div>\n";
    }

    const std::vector<doc::Table> panels = split_panels(t);
    if (panels.empty()) {
      box(t, title_id);
    } else {
      // Side by side on a wide screen, one under another on a phone.
      out_ += "<div class=\"panels\">\n";
      for (const auto& p : panels) box(p, title_id);
      out_ += "</div>\n";
    }

    for (const auto& n : t.notes) {
      out_ += "<p class=\"note justify\">";
      text(n);
      out_ += "</p>\n";
    }
    out_ += "</section>\n";
  }

  // One table in its scrolling box; a narrow table (four columns or fewer)
  // fits a phone's screen as it is, a wider one scrolls with its row labels
  // kept in view and a hint above it.
  void box(const doc::Table& t, const std::string& title_id) {
    const bool narrow = std::max(column_count(t.head), column_count(t.body)) <= 4;
    if (!narrow && !options_.scroll_hint.empty()) {
      out_ += "<p class=\"scroll-hint wide\" aria-hidden=\"true\">";
      text(options_.scroll_hint);
      out_ += "</p>\n";
    }
    // Focusable so that a keyboard can scroll it; a named region when titled.
    out_ += "<div class=\"table-scroll\" tabindex=\"0\"";
    if (!title_id.empty()) {
      out_ += " role=\"region\"";
      attr("aria-labelledby", title_id);
    }
    // A wide table keeps its row labels (the first column) in view while it
    // scrolls, unless a body cell spans rows (the first cell of a row would
    // then not be in the first column).
    bool spans_rows = false;
    for (const auto& row : t.body)
      for (const auto& c : row) spans_rows = spans_rows || span(c.rowspan) > 1;
    out_ += narrow ? ">\n<table class=\"narrow\">\n" : spans_rows ? ">\n<table>\n" : ">\n<table class=\"sticky\">\n";
    columns(t);
    // A department's own table (an attachment: no 公开表 number, not in the
    // 目录) has no column widths of the format: its labels keep their line
    // and its longer texts a readable width, and the table scrolls rather
    // than stacking them a character or two a line.
    const bool own = t.number.empty() && !t.in_toc && t.widths.empty();
    if (!t.head.empty()) {
      out_ += "<thead>\n";
      for (const auto& row : t.head) rowmarkup(row, true, own);
      out_ += "</thead>\n";
    }
    out_ += "<tbody>\n";
    for (const auto& row : t.body) rowmarkup(row, false, own);
    out_ += "</tbody>\n</table>\n</div>\n";
  }

  void meta(const char* cls, const std::string& s) {
    if (s.empty()) return;
    out_ += std::string("<span class=\"") + cls + "\">";
    text(s);
    out_ += "</span>";
  }

  // <colgroup>s follow the cells of the first header row, so that a cell
  // with scope="colgroup" names the columns it heads; <col> widths come from
  // Table::widths when there is one per column.
  void columns(const doc::Table& t) {
    const int n = std::max(column_count(t.head), column_count(t.body));
    if (n == 0) return;
    std::vector<int> groups;
    if (!t.head.empty())
      for (const auto& c : t.head.front()) groups.push_back(span(c.colspan));
    int covered = 0;
    for (int g : groups) covered += g;
    if (covered < n) groups.push_back(n - covered);

    double total = 0;
    for (double w : t.widths) total += w;
    const bool widths = t.widths.size() == static_cast<std::size_t>(n) && total > 0 && std::isfinite(total) &&
                        std::all_of(t.widths.begin(), t.widths.end(), [](double w) { return w >= 0; });
    int col = 0;
    for (int g : groups) {
      g = std::min(g, n - col);
      if (g <= 0) break;
      if (!widths) {
        out_ += g > 1 ? "<colgroup span=\"" + std::to_string(g) + "\"></colgroup>\n" : "<colgroup></colgroup>\n";
      } else {
        out_ += "<colgroup>";
        for (int i = 0; i < g; ++i)
          out_ += "<col style=\"width:" + percent(t.widths[static_cast<std::size_t>(col + i)], total) + "\">";
        out_ += "</colgroup>\n";
      }
      col += g;
    }
  }

  // Head rows: every non-empty cell is a column header. Body rows: cells
  // marked header are row headers. Empty cells are plain <td>s.
  // In a department's own table (`own`), a one-column cell of text of two
  // characters or more is a "label" (eight characters or fewer, a Latin
  // letter or figure counting half: kept on one line) or a "text" (given a
  // least width).
  void rowmarkup(const doc::Row& row, bool head, bool own = false) {
    out_ += "<tr>";
    for (const auto& c : row) {
      const bool th = !c.text.empty() && (head || c.header);
      out_ += th ? "<th" : "<td";
      if (th) {
        const char* scope = !head ? "row" : span(c.colspan) > 1 ? "colgroup" : "col";
        out_ += std::string(" scope=\"") + scope + "\"";
      }
      if (span(c.colspan) > 1) out_ += " colspan=\"" + std::to_string(c.colspan) + "\"";
      if (span(c.rowspan) > 1) out_ += " rowspan=\"" + std::to_string(c.rowspan) + "\"";
      out_ += " class=\"";
      out_ += align_class(c.align);
      if (c.emphasis) out_ += " em";
      if (own && span(c.colspan) == 1 && c.align != doc::Align::Right && text_width(c.text) >= 2)
        out_ += text_width(c.text) <= 8 ? " label" : " text";
      out_ += "\">";
      text(c.text);
      out_ += th ? "</th>" : "</td>";
    }
    out_ += "</tr>\n";
  }

  std::string& out_;
  const HtmlOptions& options_;
};

// Page numbers in print, from Document::page_number_format ("— {} —"), on
// every page but the first (the cover). The rules on :right and :left also
// apply to the landscape pages.
std::string page_number_css(const std::string& format) {
  auto at = format.find("{}");
  if (at == std::string::npos) return {};
  const std::string number = "content:" + css_string(format.substr(0, at)) + " counter(page) " +
                             css_string(format.substr(at + 2)) + ";font-family:\"SimSun\",\"宋体\",serif;font-size:14pt";
  // GB/T 9704: right-hand pages at the right, left-hand pages at the left,
  // one character in from the text block.
  return "@page:right{@bottom-right{" + number + ";margin-right:1em}}\n" +
         "@page:left{@bottom-left{" + number + ";margin-left:1em}}\n" +
         "@page:first{@bottom-right{content:none}@bottom-left{content:none}}\n";
}

}  // namespace

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view stylesheet() { return kCss.substr(1); }

std::string write_html(const doc::Document& d, const HtmlOptions& options) {
  std::string body = "<main>\n";
  if (!options.pdf_link.empty() && !options.pdf_link_text.empty())
    body += "<p class=\"download\"><a href=\"" + escape(options.pdf_link) + "\" type=\"application/pdf\">" +
            escape(options.pdf_link_text) + "</a></p>\n";
  if (!options.links.empty()) {
    body += "<nav class=\"editions\">";
    for (const auto& l : options.links) {
      body += "<a href=\"" + escape(l.href) + "\"";
      if (!l.type.empty()) body += " type=\"" + escape(l.type) + "\"";
      body += ">" + escape(l.text) + "</a>";
    }
    body += "</nav>\n";
  }
  Writer w(body, options);
  for (const auto& b : d.blocks) w.block(b);
  body += "</main>\n";
  if (!options.standalone) return body;

  const std::string& lang = !options.lang.empty() ? options.lang : !d.language.empty() ? d.language : "zh-CN";
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + escape(lang) + "\">\n<head>\n";
  out += "<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + std::string(kContentSecurityPolicy) + "\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + escape(d.title) + "</title>\n";
  if (!d.author.empty()) out += "<meta name=\"author\" content=\"" + escape(d.author) + "\">\n";
  if (!options.pdf_link.empty())
    out += "<link rel=\"alternate\" type=\"application/pdf\" href=\"" + escape(options.pdf_link) + "\">\n";
  out += "<style>\n";
  out += stylesheet();
  out += page_number_css(d.page_number_format);
  out += "</style>\n</head>\n<body>\n";
  out += body;
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace juesuan::html
