// Charts (@chart): each bar and slice carries the figure its table prints,
// a pie's slices make up its whole, and both writers draw what the chart
// block holds. Expected figures come from the published 大英县 document
// (tests/profiles/sichuan-dayingxian.yaml) and arithmetic on them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>

#include "build/font_manifest.hpp"
#include "build/build.hpp"
#include "compose/chart.hpp"
#include "compose/context.hpp"
#include "core/money.hpp"
#include "html/html_writer.hpp"
#include "pdf/layout.hpp"
#include "pdf/pdf.hpp"
#include "pdf/text.hpp"
#include "support.hpp"
#include "support_build.hpp"

using namespace juesuan;
namespace fs = std::filesystem;

namespace {

const std::string kRoot = JUESUAN_SOURCE_DIR;
const std::string kDaying = kRoot + "/tests/profiles/sichuan-dayingxian.yaml";

std::vector<const doc::Chart*> charts(const doc::Document& d) {
  std::vector<const doc::Chart*> out;
  for (const auto& b : d.blocks)
    if (const auto* c = std::get_if<doc::Chart>(&b)) out.push_back(c);
  return out;
}

// Every figure cell of the document's tables with this key.
std::vector<const doc::Cell*> cells(const doc::Document& d, const std::string& key) {
  std::vector<const doc::Cell*> out;
  for (const auto& b : d.blocks)
    if (const auto* t = std::get_if<doc::Table>(&b))
      for (const auto* rows : {&t->head, &t->body})
        for (const auto& r : *rows)
          for (const auto& c : r)
            if (c.amount && c.key == key) out.push_back(&c);
  return out;
}

std::int64_t cents_of(const doc::ChartValue& v) { return v.amount.printed_wan_cents(); }

const pdf::FontLibrary& fonts() {
  static const pdf::FontLibrary lib = juesuan::load_fonts(fs::path(kRoot) / "fonts/manifest.yaml");
  return lib;
}

pdf::detail::Layout lay_out(const doc::Document& d) {
  pdf::detail::Shaper shaper(fonts().set(), nullptr);
  return pdf::detail::lay_out(d, fonts().set(), pdf::PdfOptions{}, shaper, nullptr);
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

// A department file: the 大英县 one with `edit` applied to its text.
fs::path edited(const test::TempDir& tmp, const std::string& from, const std::string& to) {
  std::string text = test::slurp(kDaying);
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  const fs::path p = tmp.dir / "dept.yaml";
  test::spit(p, text);
  return p;
}

}  // namespace

TEST_CASE("chart: 四川's 图1–图3 carry the figures of the published text and of the tables", "[chart]") {
  auto b = build_document(test::shared_resources(), kDaying);
  const auto list = charts(b->document);
  REQUIRE(list.size() == 3);

  // 图1: 收、支总计 this year against last year. Published: 4125.49, 4143.91 万元, 各减少 1267.86, 2570.97.
  const doc::Chart& bar = *list[0];
  CHECK(bar.kind == doc::Chart::Kind::Bar);
  CHECK(bar.title == "图1：收、支决算总计变动情况图");
  CHECK(bar.series == std::vector<std::string>{"2021年", "2022年"});
  REQUIRE(bar.groups.size() == 2);
  CHECK(bar.groups[0].label == "收入合计");
  CHECK(bar.groups[1].label == "支出合计");
  REQUIRE(bar.groups[0].values.size() == 2);
  REQUIRE(bar.groups[1].values.size() == 2);
  CHECK(cents_of(bar.groups[0].values[1]) == 412549);
  CHECK(cents_of(bar.groups[0].values[0]) == 412549 + 126786);
  CHECK(cents_of(bar.groups[1].values[1]) == 414391);
  CHECK(cents_of(bar.groups[1].values[0]) == 414391 + 257097);
  CHECK(bar.groups[0].values[1].text == "4125.49");
  CHECK(bar.groups[1].values[0].text == "6714.88");
  // This year's bars are the 01表 cells 本年收入合计 / 本年支出合计, exactly.
  for (const auto& g : bar.groups) {
    const auto& v = g.values[1];
    const auto found = cells(b->document, v.key);
    REQUIRE(!found.empty());
    for (const auto* c : found) CHECK(*c->amount == v.amount);
  }

  // 图2 and 图3: the parts that are not zero, each its table's figure; the
  // slices make up 本年收入合计 / 本年支出合计 exactly and their shares 100%.
  const doc::Chart& income = *list[1];
  const doc::Chart& spending = *list[2];
  struct Want {
    const doc::Chart* chart;
    std::vector<std::string> labels;
    std::vector<std::int64_t> cents;
    std::vector<std::string> shares;
    Money whole;
  };
  const Want wants[] = {
      {&income, {"一般公共预算财政拨款收入", "其他收入"}, {385916, 26633}, {"93.54", "6.46"}, b->model.income_total},
      {&spending, {"基本支出", "项目支出"}, {114027, 300364}, {"27.52", "72.48"}, b->model.spending_total},
  };
  for (const auto& w : wants) {
    const doc::Chart& c = *w.chart;
    CHECK(c.kind == doc::Chart::Kind::Pie);
    CHECK(c.unit == "单位：万元");
    REQUIRE(c.groups.size() == 1);
    const auto& slices = c.groups[0].values;
    REQUIRE(slices.size() == w.labels.size());
    Money sum;
    std::int64_t share_sum = 0;
    for (std::size_t i = 0; i < slices.size(); ++i) {
      INFO(slices[i].key);
      CHECK(slices[i].label == w.labels[i]);
      CHECK(cents_of(slices[i]) == w.cents[i]);
      CHECK(slices[i].share == w.shares[i]);
      const auto found = cells(b->document, slices[i].key);
      REQUIRE(!found.empty());  // the 01表/02表/03表 cell of the same figure
      for (const auto* cell : found) CHECK(*cell->amount == slices[i].amount);
      sum += slices[i].amount;
      share_sum += *test::cents(slices[i].share);
    }
    CHECK(sum == w.whole);
    CHECK(share_sum == 10000);
  }
  CHECK(income.title == "图2：收入决算结构图");
  CHECK(spending.title == "图3：支出决算结构图");
}

TEST_CASE("chart: without last year's totals the bar chart shows this year only", "[chart]") {
  test::TempDir tmp("chart-no-last-year");
  // Only one of the two totals given: still no last year's bars (an unknown one would read as zero).
  const fs::path p = edited(tmp, "  spending_total: 6714.88\n", "");
  auto b = build_document(test::shared_resources(), p);
  const auto list = charts(b->document);
  REQUIRE(list.size() == 3);
  const doc::Chart& bar = *list[0];
  CHECK(bar.series == std::vector<std::string>{"2022年"});
  REQUIRE(bar.groups.size() == 2);
  for (const auto& g : bar.groups) {
    REQUIRE(g.values.size() == 1);
    CHECK(g.values[0].label == "2022年");
  }
  CHECK(cents_of(bar.groups[0].values[0]) == 412549);
  CHECK(cents_of(bar.groups[1].values[0]) == 414391);
  // Drawn: one bar per group in the HTML.
  const std::string html = html::write_html(b->document);
  CHECK(count(html, "<rect class=\"bar\"") == 2);
}

TEST_CASE("chart: a single part is one whole slice; a zero part has none", "[chart]") {
  test::TempDir tmp("chart-single");
  // 其他收入 0: 一般公共预算财政拨款收入 is the whole income.
  const fs::path p = edited(tmp, "other: 266.33", "other: 0");
  auto b = build_document(test::shared_resources(), p);
  const auto list = charts(b->document);
  REQUIRE(list.size() == 3);
  const auto& slices = list[1]->groups.at(0).values;
  REQUIRE(slices.size() == 1);
  CHECK(slices[0].key == "income.general");
  CHECK(slices[0].amount == b->model.income_total);
  CHECK(slices[0].share == "100");
  const std::string html = html::write_html(b->document);
  const std::size_t fig = html.find("id=\"chart-income_detail\"");
  REQUIRE(fig != std::string::npos);
  const std::string income_svg = html.substr(fig, html.find("</figure>", fig) - fig);
  CHECK(count(income_svg, "class=\"slice\"") == 1);
  CHECK(count(income_svg, "<circle class=\"slice\"") == 1);
  // The PDF draws it as one whole circle without a radius line.
  const auto L = lay_out(b->document);
  std::size_t sectors = 0;
  for (const auto& page : L.pages)
    for (const auto& s : page.shapes)
      if (s.kind == pdf::detail::Shape::Kind::Sector) {
        ++sectors;
        if (std::abs(s.a1 - s.a0 - 2 * 3.14159265358979) < 1e-6) CHECK(s.outline == 0);
      }
  CHECK(sectors == 1 + 2);  // 图2 one slice, 图3 two
}

TEST_CASE("chart: an empty chart and a hand-made one draw in both writers", "[chart]") {
  doc::Document d;
  d.blocks.push_back(doc::Paragraph{"x", doc::Role::Body, doc::Align::Justify, true});
  doc::Chart empty;
  empty.kind = doc::Chart::Kind::Pie;
  empty.title = "t";
  empty.groups.emplace_back();
  d.blocks.push_back(empty);
  doc::Chart zero_bars;
  zero_bars.kind = doc::Chart::Kind::Bar;
  zero_bars.series = {"a"};
  zero_bars.groups.push_back(doc::ChartGroup{"g", {doc::ChartValue{"a", Money(), "k", "0.00", ""}}});
  d.blocks.push_back(zero_bars);
  const auto L = lay_out(d);
  std::size_t shapes = 0;
  for (const auto& page : L.pages) shapes += page.shapes.size();
  CHECK(shapes == 1);  // the bar chart's one legend swatch; no slice, no bar of height 0
  const std::string html = html::write_html(d);
  CHECK(count(html, "class=\"slice\"") == 0);
  CHECK(count(html, "<svg") == 2);
}

TEST_CASE("chart: the PDF draws each chart whole on one page, as filled paths clear of the text", "[chart]") {
  auto b = build_document(test::shared_resources(), kDaying);
  const auto L = lay_out(b->document);
  std::size_t sectors = 0, bars = 0;
  for (const auto& page : L.pages) {
    for (const auto& s : page.shapes) {
      // The shape's box.
      double x0 = s.x, y0 = s.y, x1 = s.x + s.w, y1 = s.y + s.h;
      if (s.kind == pdf::detail::Shape::Kind::Sector) {
        ++sectors;
        x0 = s.x - s.r, x1 = s.x + s.r, y0 = s.y - s.r, y1 = s.y + s.r;
      } else if (s.w > 20) {
        ++bars;  // a bar, not a legend swatch
      }
      // No text drawn over it: a run's box (baseline − 0.2 em to + 0.9 em) meets no shape's box.
      for (const auto& r : page.runs) {
        double w = 0;
        for (const auto& g : r.glyphs) w += fonts().set().fonts[r.font].face->advance(g.gid) * r.size / 1000;
        const bool clear = r.x + w <= x0 || r.x >= x1 || r.y + 0.9 * r.size <= y0 || r.y - 0.2 * r.size >= y1;
        CHECK(clear);
      }
    }
  }
  CHECK(sectors == 4);  // 图2 and 图3, two slices each
  CHECK(bars == 4);     // 图1: 收入 and 支出, 2021 and 2022
  // The PDF file holds the paths: a sector's arcs (c) closed and filled with its white outline (B).
  test::TempDir tmp("chart-pdf");
  test::spit(tmp.dir / "a.pdf", pdf::write_pdf(b->document, fonts(), pdf::PdfOptions{}));
  const auto run = test::shell("qpdf --qdf --object-streams=disable " + test::shell_quote((tmp.dir / "a.pdf").string()) + " " +
                               test::shell_quote((tmp.dir / "q.pdf").string()));
  const std::string q = test::slurp(tmp.dir / "q.pdf");
  CHECK(count(q, " 1 1 1 RG h B\n") == 4);  // the four slices, each outlined in white
  CHECK(count(q, " c\n") >= 4);             // their arcs
  CHECK(count(q, " re f\n") >= 4 + 2 + 4);  // bars, legend swatches
}

TEST_CASE("chart: the HTML has an svg per chart with a slice per part and a bar per figure", "[chart]") {
  auto b = build_document(test::shared_resources(), kDaying);
  const std::string html = html::write_html(b->document);
  CHECK(count(html, "<figure class=\"chart\"") == 3);
  CHECK(count(html, "<svg class=\"pie\"") == 2);
  CHECK(count(html, "<svg class=\"bars\"") == 1);
  CHECK(count(html, "<path class=\"slice\"") == 4);
  CHECK(count(html, "<rect class=\"bar\"") == 4);
  CHECK(test::contains(html, "<figcaption>图2：收入决算结构图</figcaption>"));
  CHECK(test::contains(html, "<td class=\"num\">3859.16</td><td class=\"num\">93.54%</td>"));
  CHECK(test::contains(html, ">6714.88</text>"));
}

TEST_CASE("chart: @chart names a model list or pair; anything else is a set-up error", "[chart]") {
  const Resources& res = test::shared_resources();
  auto b = build_document(res, kDaying);
  const TemplateSet* t = res.templates.find("sichuan-2022");
  REQUIRE(t);
  const mstch::map ctx = build_context(b->model, *t);
  auto dir = [](std::vector<std::string> args) {
    markup::Directive d;
    d.kind = "chart";
    d.args = std::move(args);
    d.text = "图";
    d.line = 3;
    return d;
  };
  CHECK_THROWS_AS(build_chart(dir({"pie", "no_such_list"}), b->model, *t, ctx, "x"), Error);
  CHECK_THROWS_AS(build_chart(dir({"bar", "income_detail"}), b->model, *t, ctx, "x"), Error);
  CHECK_THROWS_AS(build_chart(dir({"line", "totals"}), b->model, *t, ctx, "x"), Error);
  CHECK_THROWS_AS(build_chart(dir({"pie"}), b->model, *t, ctx, "x"), Error);
  try {
    build_chart(dir({"pie", "no_such_list"}), b->model, *t, ctx, "x");
  } catch (const Error& e) {
    CHECK(e.kind() == Failure::Setup);
    CHECK(test::contains(e.message(), "income_detail"));
  }
  // Every list the README names is accepted, each slice its model figure.
  for (const auto& name : pie_chart_lists()) {
    INFO(name);
    const doc::Chart c = build_chart(dir({"pie", name}), b->model, *t, ctx, "x");
    REQUIRE(c.groups.size() == 1);
    for (const auto& v : c.groups[0].values) CHECK(v.amount.printed_wan_cents() != 0);
  }
  // 类 by 类: spending_by_class slices are the 03表 类 rows.
  const doc::Chart by_class = build_chart(dir({"pie", "spending_by_class"}), b->model, *t, ctx, "x");
  Money sum;
  for (const auto& v : by_class.groups.at(0).values) {
    CHECK(v.key.rfind("spend.total@", 0) == 0);
    const ClassRow* r = b->model.find(v.key.substr(v.key.find('@') + 1));
    REQUIRE(r);
    CHECK(r->level == 1);
    sum += v.amount;
  }
  CHECK(sum == b->model.spending_total);
  // grand: 收入总计 this year and last year (last_year.total is not given: this year only).
  const doc::Chart grand = build_chart(dir({"bar", "grand"}), b->model, *t, ctx, "x");
  REQUIRE(grand.groups.size() == 1);
  REQUIRE(grand.groups[0].values.size() == 1);
  CHECK(grand.groups[0].values[0].amount == b->model.grand_income);
}

TEST_CASE("chart: a pie of twelve slices has a colour and a legend row for each, none over another", "[chart]") {
  // A department's spending by 类 can have ten or more parts: every slice,
  // the smallest included, keeps a colour of its own (the legend names it
  // by that colour), the smallest still shows at the rim, and no legend
  // row is drawn over another or over the pie.
  const std::vector<std::pair<std::string, std::int64_t>> parts = {
      {"一般公共服务支出", 120000}, {"国防支出", 90000}, {"公共安全支出", 70000},
      {"教育支出", 50000}, {"科学技术支出", 40000}, {"文化旅游体育与传媒支出", 30000},
      {"社会保障和就业支出", 20000}, {"卫生健康支出", 12000}, {"节能环保支出", 8000},
      {"城乡社区支出", 4000}, {"农林水支出", 300}, {"住房保障支出", 50}};
  doc::Chart pie;
  pie.kind = doc::Chart::Kind::Pie;
  pie.title = "图3：支出决算结构图";
  pie.unit = "单位：万元";
  pie.groups.emplace_back();
  for (const auto& [name, cents] : parts)
    pie.groups[0].values.push_back(doc::ChartValue{name, Money::fen(cents * 10000), "spend.total", format_wan(cents, false), "1.00"});
  doc::Document d;
  d.blocks.push_back(doc::Paragraph{"三、支出决算情况说明", doc::Role::Body, doc::Align::Justify, true});
  d.blocks.push_back(pie);
  const auto L = lay_out(d);
  const pdf::PdfOptions o;
  std::vector<const pdf::detail::Shape*> sectors, swatches;
  const pdf::detail::Page* page = nullptr;
  for (const auto& p : L.pages)
    for (const auto& s : p.shapes) {
      (s.kind == pdf::detail::Shape::Kind::Sector ? sectors : swatches).push_back(&s);
      page = &p;
    }
  REQUIRE(page);
  REQUIRE(sectors.size() == parts.size());
  REQUIRE(swatches.size() == parts.size());
  std::set<std::uint32_t> colours;
  for (std::size_t i = 0; i < sectors.size(); ++i) {
    INFO("slice " << i + 1 << " " << parts[i].first);
    colours.insert(sectors[i]->rgb);
    CHECK(swatches[i]->rgb == sectors[i]->rgb);                       // the legend's swatch is the slice's colour
    CHECK(sectors[i]->rgb != sectors[(i + 1) % sectors.size()]->rgb);  // neighbours (the last beside the first) differ
    // The white parting line leaves the slice's colour showing at the rim.
    CHECK(sectors[i]->outline <= (sectors[i]->a1 - sectors[i]->a0) * sectors[i]->r / 2 + 1e-9);
  }
  CHECK(colours.size() == parts.size());
  // The HTML likewise: twelve slices, the two below 0.04 rad (3.00 and 0.50
  // 万元: 2π × 300/444,350 = 0.0042) with a thinner white line.
  const std::string html = html::write_html(d);
  CHECK(count(html, "class=\"slice\"") == parts.size());
  CHECK(count(html, "stroke=\"#fff\" stroke-width=") == 2);
  // The 0.50 万元 slice is 0.50/4,443.50 of the circle (the parts add to
  // 4,443.50): an arc of 2π × 62 pt × 50/444,350 = 0.044 pt.
  CHECK((sectors.back()->a1 - sectors.back()->a0) * sectors.back()->r ==
        Approx(2 * 3.14159265358979 * 62 * 50 / 444350.0).epsilon(1e-6));
  // Text: within the text block, no run over another on its line, no two
  // lines closer than their size, and none over the pie.
  const double left = o.portrait.left, right = o.page_width - o.portrait.right;
  const auto& c = *sectors.front();
  std::vector<std::pair<double, std::pair<double, double>>> boxes;  // baseline, x range
  for (const auto& r : page->runs) {
    double w = 0;
    for (const auto& g : r.glyphs) w += fonts().set().fonts[r.font].face->advance(g.gid) * r.size / 1000;
    CHECK(r.x >= left - 0.01);
    CHECK(r.x + w <= right + 0.01);
    const bool clear = r.x + w <= c.x - c.r || r.x >= c.x + c.r || r.y + 0.9 * r.size <= c.y - c.r || r.y - 0.2 * r.size >= c.y + c.r;
    CHECK(clear);
    for (const auto& [y, xs] : boxes) {
      if (std::abs(y - r.y) < 0.5) CHECK((r.x >= xs.second - 0.01 || r.x + w <= xs.first + 0.01));
      else CHECK(std::abs(y - r.y) >= r.size * 0.95);
    }
    boxes.push_back({r.y, {r.x, r.x + w}});
  }
}
