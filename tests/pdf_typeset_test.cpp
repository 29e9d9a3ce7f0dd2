// Typesetting of the PDF measured on its display list (the positioned glyph
// runs of every page): no justified line letter-spaced beyond the limit nor
// spread inside a number or word, no two pieces of text drawn over each
// other, the 部门/年度/单位 line above a table readable with department names
// of any length, headings in their roles, page numbers outside.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <string>

#include "build/font_manifest.hpp"
#include "build/build.hpp"
#include "pdf/layout.hpp"
#include "pdf/pdf.hpp"
#include "pdf/text.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace juesuan;
using pdf::detail::Layout;
using pdf::detail::TextRun;

namespace {

const pdf::FontLibrary& fonts() {
  static const pdf::FontLibrary lib = juesuan::load_fonts(fs::path(JUESUAN_SOURCE_DIR) / "fonts/manifest.yaml");
  return lib;
}

Layout lay_out(const doc::Document& d, const pdf::PdfOptions& o = {}) {
  pdf::detail::Shaper shaper(fonts().set(), nullptr);
  return pdf::detail::lay_out(d, fonts().set(), o, shaper, nullptr);
}

doc::Document example(const std::string& name) {
  static const Resources res = Resources::load(JUESUAN_SOURCE_DIR);
  return build_document(res, fs::path(JUESUAN_SOURCE_DIR) / "data/examples" / name)->document;
}

// Width of a run as drawn (advances plus the character spacing after each
// glyph but the last; a negative spacing — a compressed ，。；：、, whose mark
// fills the left half of its em — narrows the last glyph's box too).
double run_width(const TextRun& r) {
  double w = 0;
  for (const auto& g : r.glyphs) w += fonts().set().fonts[r.font].face->advance(g.gid) * r.size / 1000 + r.char_spacing;
  return r.char_spacing < 0 ? w : w - r.char_spacing;
}

std::string utf8(const TextRun& r) {
  std::string out;
  for (const auto& g : r.glyphs) {
    char32_t c = g.cp;
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) { out += static_cast<char>(0xC0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3F)); }
    else {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Every justified gap within the limit — max_justify_spacing between two
// Chinese characters, twice that between a figure or Latin word and the
// Chinese beside it — and none inside a number or word.
void check_spacing(const Layout& L, const pdf::PdfOptions& o) {
  for (std::size_t p = 0; p < L.pages.size(); ++p)
    for (const auto& r : L.pages[p].runs) {
      if (r.char_spacing == 0) continue;
      INFO("page " << p + 1 << ": \"" << utf8(r) << "\" spaced " << r.char_spacing / r.size << " em");
      CHECK(r.char_spacing <= 2 * o.max_justify_spacing * r.size + 1e-6);
      const bool wide = r.char_spacing > o.max_justify_spacing * r.size + 1e-6;
      for (std::size_t i = 0; i + 1 < r.glyphs.size(); ++i) {
        const bool a = pdf::detail::is_western(r.glyphs[i].cp), b = pdf::detail::is_western(r.glyphs[i + 1].cp);
        CHECK_FALSE((a && b));
        if (wide) CHECK(a != b);  // the wider space only where Chinese meets a figure or word
      }
    }
}

// No two runs on one baseline (within half a point) drawn over each other.
void check_no_overprint(const Layout& L) {
  for (std::size_t p = 0; p < L.pages.size(); ++p) {
    auto runs = L.pages[p].runs;
    std::sort(runs.begin(), runs.end(), [](const TextRun& a, const TextRun& b) { return a.x < b.x; });
    for (std::size_t i = 0; i < runs.size(); ++i)
      for (std::size_t j = i + 1; j < runs.size(); ++j) {
        const auto& a = runs[i];
        const auto& b = runs[j];
        if (std::abs(a.y - b.y) > 0.5) continue;
        INFO("page " << p + 1 << ": \"" << utf8(a) << "\" runs into \"" << utf8(b) << "\"");
        CHECK(a.x + run_width(a) <= b.x + 0.05);
        break;  // the next run on this line; those after it start further right
      }
  }
}

doc::Document hostile() {
  doc::Document d;
  d.blocks.push_back(doc::Heading{1, "一、收入支出决算总体情况说明", "", true, false});
  for (const char* text : {
           "2022年度一般公共预算财政拨款基本支出2,334.61万元，其中：人员经费923.12万元，占39.54%；公用经费1,411.49万元，占60.46%。",
           "焦作市人力资源和社会保障局劳动保障监察支队2022年度收入总计12,345,678.90万元，支出总计12,345,678.90万元，与上年相比增加1,234,567.89万元，增长123.45%。",
           "详见https://www.jiaozuo.gov.cn/sitesources/jzsrmzf/page_pc/zwgk/zfxxgkml/czzj/bmys/list1.html所列部门决算公开的全部附件。",
           "项目支出中的Supercalifragilisticexpialidociousprojectname与Pneumonoultramicroscopicsilicovolcanoconiosis两项合计为1.00万元。",
           "一二三四五六七八九十一二三四五六七八九十一二三四五六七99999999999999999999999999999999元。",
       })
    d.blocks.push_back(doc::Paragraph{text});
  return d;
}

}  // namespace

TEST_CASE("typeset: no justified line is letter-spaced, nor spread inside a number", "[pdf][typeset]") {
  const pdf::PdfOptions o;
  for (const char* name : {"2021-jiaozuo-gongxinju.yaml", "2022-jiaozuo-zhengwu-dashuju.yaml"}) {
    INFO(name);
    check_spacing(lay_out(example(name), o), o);
  }
  check_spacing(lay_out(hostile(), o), o);
}

// Body lines (16 pt, portrait) that a line of the same paragraph follows
// (the next line, one leading below, starts at the left margin) but that
// end more than `short_by` before the right margin — unless that next line
// starts with a piece no break may enter (a figure such as 2,520.90, or a
// bracketed group such as 〔2019〕 or （项）。), which then moves whole.
std::vector<std::string> short_lines(const Layout& L, const pdf::PdfOptions& o, double short_by,
                                     const std::vector<std::string>& headings) {
  std::vector<std::string> out;
  const double left = o.portrait.left, right = o.page_width - o.portrait.right;
  for (std::size_t p = 0; p < L.pages.size(); ++p) {
    const auto& page = L.pages[p];
    if (page.landscape || page.kind != pdf::detail::kOther) continue;
    std::map<long, std::pair<double, double>> lines;  // baseline (0.1 pt) → first x, last right edge
    std::map<long, std::string> text;
    std::map<long, std::pair<double, char32_t>> first;  // baseline → x and character of its first glyph
    for (const auto& r : page.runs) {
      if (std::abs(r.size - o.body.size) > 0.01) continue;
      const long y = std::lround(r.y * 10);
      auto [it, fresh] = lines.try_emplace(y, r.x, r.x + run_width(r));
      if (!fresh) it->second = {std::min(it->second.first, r.x), std::max(it->second.second, r.x + run_width(r))};
      text[y] += utf8(r);
      auto f = first.try_emplace(y, r.x, r.glyphs.empty() ? U' ' : r.glyphs.front().cp).first;
      if (r.x < f->second.first && !r.glyphs.empty()) f->second = {r.x, r.glyphs.front().cp};
    }
    for (const auto& [y, xs] : lines) {
      auto next = lines.find(y - std::lround(o.body.leading * 10));
      if (next == lines.end() || std::abs(next->second.first - left) > 0.5) continue;
      const char32_t c = first[next->first].second;
      if (pdf::detail::is_western(c) || c == U'（' || c == U'〔' || c == U'《' || c == U'“' || c == U'【') continue;
      // Headings wrap into lines of even length on purpose (balanced).
      const bool heading = std::any_of(headings.begin(), headings.end(),
                                       [&](const std::string& h) { return h.find(text[y]) != std::string::npos; });
      if (!heading && xs.second < right - short_by) out.push_back("page " + std::to_string(p + 1) + ": " + text[y]);
    }
  }
  return out;
}

TEST_CASE("typeset: no line of a paragraph but its last ends short of the margin", "[pdf][typeset]") {
  // 四川 三: 「2022年本年支出合计4143.91万元，其中：」 was set alone, 3.5
  // em short, to spare a later line the spacing beside its figures; the
  // space a figure's sides take (twice a Chinese gap) fills both lines.
  const pdf::PdfOptions o;
  static const Resources res = Resources::load(JUESUAN_SOURCE_DIR);
  for (const std::string path : {"data/examples/2021-jiaozuo-gongxinju.yaml", "data/examples/2022-jiaozuo-zhengwu-dashuju.yaml",
                                 "tests/profiles/sichuan-dayingxian.yaml", "tests/profiles/anhui-duji.yaml",
                                 "tests/profiles/guangxi-wuzhou.yaml", "tests/departments/district-fund.yaml"}) {
    const doc::Document d = build_document(res, fs::path(JUESUAN_SOURCE_DIR) / path)->document;
    std::vector<std::string> headings;
    for (const auto& b : d.blocks)
      if (auto* h = std::get_if<doc::Heading>(&b)) headings.push_back(h->text);
    const Layout L = lay_out(d, o);
    for (const auto& line : short_lines(L, o, 1.5 * o.body.size, headings)) {
      INFO(path << ", " << line);
      CHECK(false);
    }
  }
}

TEST_CASE("typeset: a heading that wraps leaves no character alone on its last line", "[pdf][typeset]") {
  // The 2021 example's 七: 24 characters at 16 pt, one more than a line
  // holds after its indent; set greedily, 「明」 stood alone on line 2.
  const pdf::PdfOptions o;
  doc::Document d;
  const std::string title = "七、一般公共预算财政拨款“三公”经费支出决算情况说明";
  d.blocks.push_back(doc::Heading{1, title, "", true, false});
  d.blocks.push_back(doc::Paragraph{"2021年度“三公”经费财政拨款支出预算为40.76万元。"});
  const Layout L = lay_out(d, o);
  std::map<long, std::string> lines;
  for (const auto& r : L.pages.front().runs)
    if (std::abs(r.size - o.section.size) < 0.01) lines[-std::lround(r.y * 10)] += utf8(r);
  std::vector<std::string> heading;
  for (const auto& [y, t] : lines)
    if (title.find(t) != std::string::npos) heading.push_back(t);
  REQUIRE(heading.size() == 2);
  // Each line holds a third of the heading at least (UTF-8: three bytes a character).
  for (const auto& t : heading) {
    INFO(t);
    CHECK(t.size() >= title.size() / 3);
  }
}

TEST_CASE("typeset: a figure and its 万元 may be parted, and a clause after its comma", "[pdf][typeset]") {
  pdf::detail::Shaper shaper(fonts().set(), nullptr);
  const pdf::TextStyle s{"body", 16, 28, false};
  const std::u32string text = U"支出923.12万元，占39.54%";
  auto g = shaper.shape(text, s);
  const double w = shaper.width(U"支出923.12", s);
  auto lines = pdf::detail::break_lines(text, g, w + 1, w + 1000);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].end == 8);  // "支出923.12" | "万元，…"
  const double w2 = shaper.width(U"支出923.12万元，", s);
  lines = pdf::detail::break_lines(text, g, w2 + 1, w2 + 1000);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].end == 11);  // "…万元，" | "占39.54%"
}

TEST_CASE("typeset: nothing is drawn over anything else on the same line", "[pdf][typeset]") {
  for (const char* name : {"2021-jiaozuo-gongxinju.yaml", "2022-jiaozuo-zhengwu-dashuju.yaml"}) {
    INFO(name);
    check_no_overprint(lay_out(example(name)));
  }
}

TEST_CASE("typeset: the 部门/年度/单位 line never overprints, whatever the department's length", "[pdf][typeset]") {
  const std::u32string name = U"焦作市人力资源和社会保障局劳动保障监察支队焦作市人力资源和社会保障局劳动保障监察支队焦作市人力资源和社会保障局";
  for (std::size_t n : {10, 20, 40, 60}) {
    INFO(n << " characters");
    doc::Document d = example("2022-jiaozuo-zhengwu-dashuju.yaml");
    std::u32string dept = U"部门：";
    for (std::size_t i = 0; i < n; ++i) dept += name[i % name.size()];
    std::string utf;
    for (char32_t c : dept) {
      utf += static_cast<char>(0xE0 | (c >> 12));
      utf += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      utf += static_cast<char>(0x80 | (c & 0x3F));
    }
    for (auto& b : d.blocks)
      if (auto* t = std::get_if<doc::Table>(&b)) t->department = utf;
    const pdf::PdfOptions o;
    const Layout L = lay_out(d, o);
    check_no_overprint(L);
    // The department's characters all drawn, inside the text block.
    for (const auto& p : L.pages) {
      const auto& m = p.landscape ? o.landscape : o.portrait;
      for (const auto& r : p.runs) {
        if (r.glyphs.empty() || r.glyphs.front().cp != U'部' || r.size != o.table_caption.size) continue;
        CHECK(r.x >= m.left - 0.05);
        CHECK(r.x + run_width(r) <= p.width - m.right + 0.05);
      }
    }
  }
}

TEST_CASE("typeset: page numbers sit outside — odd pages right, even pages left", "[pdf][typeset]") {
  doc::Document d = example("2022-jiaozuo-zhengwu-dashuju.yaml");
  CHECK(d.page_number_format == "— {} —");
  const pdf::PdfOptions o;
  const Layout L = lay_out(d, o);
  int seen = 0;
  for (const auto& p : L.pages) {
    if (!p.numbered) continue;
    const auto& m = p.landscape ? o.landscape : o.portrait;
    // The page number's runs: the last ones drawn below the text block.
    double x1 = 1e9, x2 = -1e9;
    for (const auto& r : p.runs)
      if (r.y < m.bottom) {
        x1 = std::min(x1, r.x);
        x2 = std::max(x2, r.x + run_width(r));
      }
    REQUIRE(x1 < x2);
    INFO("page number " << p.number);
    if (p.number % 2 == 1) CHECK(std::abs(x2 - (p.width - m.right - o.page_number.size)) < 0.5);
    else CHECK(std::abs(x1 - (m.left + o.page_number.size)) < 0.5);
    ++seen;
  }
  CHECK(seen > 10);
}

TEST_CASE("typeset: 一、 headings in the heading role, （一） headings in heading2, neither bold", "[pdf][typeset]") {
  const pdf::PdfOptions o;
  CHECK(o.section.role == "heading");
  CHECK(o.subsection.role == "heading2");
  CHECK_FALSE(o.section.bold);
  CHECK_FALSE(o.subsection.bold);
  // （一） in 楷 (its figures in the figures face, limited by ranges: to
  // Latin), 一、 in the closest free 黑体, Noto Sans CJK SC Bold (fonts-noto-cjk).
  CHECK(fonts().chain("heading2") == std::vector<std::string>{"liberation-serif", "lxgw-wenkai", "ar-pl-uming", "droid-fallback"});
  CHECK(fonts().chain("heading").front() == "noto-sans-cjk-bold");
  // A manifest without the role sets those headings in the body's faces.
  const auto compact = juesuan::load_fonts(fs::path(JUESUAN_SOURCE_DIR) / "fonts/manifest-compact.yaml");
  CHECK_FALSE(compact.chain("heading2").empty());
}

// ---- attachment tables, stranded titles, lone rows (issue 15, items 5 and 7) ----

namespace {

// The document's attachment table of the given id, alone in a document.
doc::Document only_table(const doc::Document& from, const std::string& id) {
  doc::Document d;
  for (const auto& b : from.blocks)
    if (auto* t = std::get_if<doc::Table>(&b); t && t->id == id) d.blocks.push_back(*t);
  REQUIRE(d.blocks.size() == 1);
  return d;
}

std::string page_text(const pdf::detail::Page& p) {
  std::string s;
  for (const auto& r : p.runs) s += utf8(r);
  return s;
}

// Distinct tops of the cell boxes on a page: one per row drawn there.
std::size_t rows_on(const pdf::detail::Page& p) {
  std::vector<double> tops;
  for (const auto& b : p.boxes) tops.push_back(std::round((b.y + b.h) * 10) / 10);
  std::sort(tops.begin(), tops.end());
  return static_cast<std::size_t>(std::unique(tops.begin(), tops.end()) - tops.begin());
}

}  // namespace

TEST_CASE("typeset: the 2021 部门整体绩效自评表 fills its pages", "[pdf][typeset]") {
  const doc::Document d = only_table(example("2021-jiaozuo-gongxinju.yaml"), "a1-1");
  const auto& t = std::get<doc::Table>(d.blocks.front());
  const pdf::PdfOptions o;
  // The least area its text needs: every cell's text on lines of the table's
  // type size, without padding or rules.
  pdf::detail::Shaper shaper(fonts().set(), nullptr);
  double area = 0;
  for (const auto* rows : {&t.head, &t.body})
    for (const auto& row : *rows)
      for (const auto& c : row) area += shaper.width(pdf::detail::utf8_to_u32(c.text), o.table_cell) * o.table_cell.leading;
  const double page_area = (o.page_height - o.landscape.left - o.landscape.right) *
                           (o.page_width - o.landscape.top - o.landscape.bottom);
  const double least = area / page_area;
  Layout L = lay_out(d, o);
  // (A document begins on a portrait page, which the landscape table leaves empty.)
  L.pages.erase(std::remove_if(L.pages.begin(), L.pages.end(), [](const auto& p) { return p.boxes.empty(); }),
                L.pages.end());
  INFO("its text alone fills " << least << " pages; laid out on " << L.pages.size());
  // The rows' text beside the cells of a row that need fewer lines leaves
  // much of a page white; four pages of it per page of text at most
  // (before: 14 pages, 5.2 per page of text).
  CHECK(static_cast<double>(L.pages.size()) <= std::ceil(4 * least));
  for (const auto& p : L.pages) CHECK(p.landscape);

  SECTION("no page but the last is left a quarter empty: rows split, or groups broken, at its foot") {
    const double block = o.page_width - o.landscape.top - o.landscape.bottom;
    for (std::size_t i = 0; i + 1 < L.pages.size(); ++i) {
      double bottom = 1e9;
      for (const auto& b : L.pages[i].boxes) bottom = std::min(bottom, b.y);
      const double top = o.page_width - o.landscape.top;
      INFO("page " << i + 1 << ": rows down to " << (top - bottom) / block << " of the text block");
      CHECK(top - bottom >= 0.74 * block);
    }
  }

  SECTION("every page but the first repeats the column heading row of the 绩效指标 it continues") {
    bool in_indicators = false;
    for (std::size_t i = 0; i < L.pages.size(); ++i) {
      const std::string text = page_text(L.pages[i]);
      INFO("page " << i + 1);
      if (in_indicators) CHECK(text.rfind("一级指标", 0) == 0);
      in_indicators = in_indicators || text.find("一级指标") != std::string::npos;
    }
    CHECK(in_indicators);
  }

  SECTION("figures are right-aligned in their cells; long text fills its cell's width") {
    int figures = 0, long_cells = 0;
    for (const auto& p : L.pages) {
      for (const auto& b : p.boxes) {
        std::vector<const TextRun*> inside;
        for (const auto& r : p.runs)
          if (r.x >= b.x - 0.01 && r.x < b.x + b.w && r.y > b.y && r.y < b.y + b.h) inside.push_back(&r);
        if (inside.size() == 1 && std::regex_match(utf8(*inside[0]), std::regex(R"(\d{1,3}(,\d{3})*\.\d\d)"))) {
          ++figures;
          INFO(utf8(*inside[0]));
          CHECK(std::abs(inside[0]->x + run_width(*inside[0]) - (b.x + b.w - o.cell_padding)) < 0.05);
        }
        std::vector<double> baselines;
        double length = 0;
        for (const auto* r : inside) {
          baselines.push_back(std::round(r->y * 10));
          length += run_width(*r);
        }
        std::sort(baselines.begin(), baselines.end());
        const auto lines = static_cast<double>(std::unique(baselines.begin(), baselines.end()) - baselines.begin());
        if (lines >= 4) {
          // As many lines as its text needs at the cell's width (one more
          // where breaking rules move a piece on), not lines ending well
          // before the cell's edge.
          ++long_cells;
          INFO(utf8(*inside[0]) << "…: " << lines << " lines of " << length << " pt in a cell " << b.w << " pt wide");
          CHECK(lines <= std::ceil(length / (b.w - 2 * o.cell_padding)) + 1);
        }
      }
    }
    CHECK(figures >= 6);  // 2,470.77 twice, 4,233.96 four times, 0.00 three times
    CHECK(long_cells >= 10);
  }
}

TEST_CASE("typeset: attachment figures are right-aligned, amounts with the tables' separators", "[pdf][typeset]") {
  const doc::Document d = only_table(example("2021-jiaozuo-gongxinju.yaml"), "a1-1");
  const auto& t = std::get<doc::Table>(d.blocks.front());
  // The row 部门预算总额 of the YAML: 2470.77, 4233.96, 4233.96, 10, 100.00%, 10.0.
  const doc::Row* row = nullptr;
  for (const auto& r : t.body)
    if (!r.empty() && r.front().text == "部门预算总额") row = &r;
  REQUIRE(row);
  REQUIRE(row->size() == 7);
  const std::vector<std::string> want = {"部门预算总额", "2,470.77", "4,233.96", "4,233.96", "10", "100.00%", "10.0"};
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO(i);
    CHECK((*row)[i].text == want[i]);
    CHECK(((*row)[i].align == doc::Align::Right) == (i > 0));
  }
}

TEST_CASE("typeset: an attachment figure is an amount by its column, not by its digits", "[pdf][typeset]") {
  // The 2022 自评表: the columns 年初预算数 全年预算数 全年执行数 hold amounts
  // (2520.89 → 2,520.89 as the 2022 tables print 万元); 分值, 执行率, 得分
  // and 偏差度 do not: a 偏差度 of 1163.00 (12.63% against ≤1%) is a rate
  // and keeps its digits, like the 得分 9.71 and 分值 10.
  const doc::Document d = only_table(example("2022-jiaozuo-zhengwu-dashuju.yaml"), "a1-1");
  const auto& t = std::get<doc::Table>(d.blocks.front());
  auto row_of = [&](const std::string& label) -> const doc::Row* {
    for (const auto& r : t.body)
      for (const auto& c : r)
        if (c.text == label) return &r;
    return nullptr;
  };
  const doc::Row* budget = row_of("部门预算总额");
  REQUIRE(budget);
  const std::vector<std::string> want = {"部门预算总额", "2,520.89", "2,672.11", "2,334.61", "10", "87.37%", "9.71"};
  REQUIRE(budget->size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO(i);
    CHECK((*budget)[i].text == want[i]);
  }
  const doc::Row* carry = row_of("结转结余率");
  REQUIRE(carry);
  // 结转结余率 | ≤1% | 12.63% | 1 | 0 | 1163.00 | 原因
  REQUIRE(carry->size() == 7);
  CHECK((*carry)[5].text == "1163.00");
  CHECK((*carry)[5].align == doc::Align::Right);
  const doc::Row* late = row_of("预算执行率");
  REQUIRE(late);
  CHECK((*late)[5].text == "-8.03");
  // A row of the 资金来源 with zeros written as 0 stays 0 (an amount column
  // regroups, it does not add decimals).
  const doc::Row* unit = row_of("(3)单位资金");
  REQUIRE(unit);
  CHECK((*unit)[1].text == "0");
}

TEST_CASE("typeset: no page holds a heading alone", "[pdf][typeset]") {
  // 四川's （四）预算绩效管理情况 has no text when a department gives no
  // 绩效 figures, and the next part starts a page: the heading stays at
  // the foot of the page before, not alone on a page of its own. Every
  // fill of that page is tried (1 to 22 lines of text before it).
  const pdf::PdfOptions o;
  for (int n = 1; n <= 22; ++n) {
    doc::Document d;
    d.blocks.push_back(doc::Heading{1, "十、其他重要事项的情况说明", "", true, false});
    std::string text;
    for (int i = 0; i < n * 24 - 6; ++i) text += "说";
    d.blocks.push_back(doc::Paragraph{text});
    d.blocks.push_back(doc::Heading{2, "（四）预算绩效管理情况", "", true, false});
    d.blocks.push_back(doc::Heading{0, "第三部分 名词解释", "", true, true});
    d.blocks.push_back(doc::Paragraph{"一、财政拨款收入：单位从同级政府财政部门取得的财政预算资金。"});
    const Layout L = lay_out(d, o);
    for (std::size_t p = 0; p < L.pages.size(); ++p) {
      const std::string t = page_text(L.pages[p]);
      INFO(n << " lines, page " << p + 1 << ": " << t);
      const bool alone = t.find("预算绩效管理情况") != std::string::npos && t.find("说") == std::string::npos;
      CHECK_FALSE(alone);
    }
  }
}

TEST_CASE("typeset: a table's title and lead lines are never left on a page without the table", "[pdf][typeset]") {
  // The 2021 表 sits in 十三（二） after its title 「部门整体绩效自评表」 and
  // 「(2021年度)」; the 2022 附件 is a title, one sentence and a date before
  // its table.
  for (const auto& [name, title] : std::vector<std::pair<std::string, std::string>>{
           {"2021-jiaozuo-gongxinju.yaml", "部门整体绩效自评表"},
           {"2022-jiaozuo-zhengwu-dashuju.yaml", "部门整体支出绩效自评情况表"}}) {
    const doc::Document d = example(name);
    const Layout L = lay_out(d);
    std::vector<std::string> titles = {title};
    for (const auto& b : d.blocks)
      if (auto* t = std::get_if<doc::Table>(&b); t && !t->title.empty()) titles.push_back(t->title);
    int seen = 0;
    for (std::size_t i = 0; i < L.pages.size(); ++i) {
      if (L.pages[i].kind & pdf::detail::kToc) continue;
      const std::string text = page_text(L.pages[i]);
      for (const auto& s : titles) {
        const auto at = text.find(s);
        if (at == std::string::npos) continue;
        ++seen;
        INFO(name << ", page " << i + 1 << ": " << s);
        CHECK_FALSE(L.pages[i].boxes.empty());
      }
    }
    CHECK(seen >= 10);
  }
}

TEST_CASE("typeset: no page continuing a table holds a single row", "[pdf][typeset]") {
  // A table like 03表 (two head rows, one-line rows) of every length from
  // one to three pages: the last page has two rows at least.
  const pdf::PdfOptions o;
  for (int n = 20; n <= 130; ++n) {
    doc::Document d;
    doc::Table t;
    t.id = "t";
    t.title = "支出决算表";
    t.number = "公开03表";
    t.head = {{doc::text_cell("科目编码", 1, 2, doc::Align::Center, true), doc::text_cell("科目名称", 1, 2, doc::Align::Center, true),
               doc::text_cell("本年支出", 2, 1, doc::Align::Center, true)},
              {doc::text_cell("基本支出", 1, 1, doc::Align::Center, true), doc::text_cell("项目支出", 1, 1, doc::Align::Center, true)}};
    for (int r = 0; r < n; ++r)
      t.body.push_back({doc::text_cell("2010" + std::to_string(r)), doc::text_cell("行" + std::to_string(r)),
                        doc::text_cell("1.00", 1, 1, doc::Align::Right), doc::text_cell("2.00", 1, 1, doc::Align::Right)});
    t.notes = {"注：本表反映部门本年度各项支出情况。"};
    d.blocks.push_back(std::move(t));
    const Layout L = lay_out(d, o);
    for (std::size_t i = 1; i < L.pages.size(); ++i) {
      if (L.pages[i].boxes.empty()) continue;
      INFO(n << " rows, page " << i + 1);
      CHECK(rows_on(L.pages[i]) - 2 >= 2);
    }
  }
  // And the standard tables of both examples.
  for (const char* name : {"2021-jiaozuo-gongxinju.yaml", "2022-jiaozuo-zhengwu-dashuju.yaml"}) {
    const doc::Document d = example(name);
    for (const auto& b : d.blocks) {
      const auto* t = std::get_if<doc::Table>(&b);
      if (!t || !t->in_toc) continue;
      const Layout L = lay_out(only_table(d, t->id), o);
      std::size_t first = 0;  // (a landscape table leaves the document's first, portrait page empty)
      while (first < L.pages.size() && L.pages[first].boxes.empty()) ++first;
      for (std::size_t i = first + 1; i < L.pages.size(); ++i) {
        if (L.pages[i].boxes.empty()) continue;  // the notes' last lines
        INFO(name << ", " << t->title << ", page " << i + 1);
        CHECK(rows_on(L.pages[i]) >= t->head.size() + 2);
      }
    }
  }
}

TEST_CASE("typeset: 十三's subsections are numbered as printed, without gaps", "[typeset]") {
  auto subsections = [](const doc::Document& d) {
    std::vector<std::string> out;
    bool in13 = false;
    for (const auto& b : d.blocks)
      if (auto* h = std::get_if<doc::Heading>(&b)) {
        if (h->level <= 1) in13 = h->text.rfind("十三、", 0) == 0;
        else if (in13) out.push_back(h->text.substr(0, h->text.find("）") + 3));
      }
    return out;
  };
  CHECK(subsections(example("2021-jiaozuo-gongxinju.yaml")) == std::vector<std::string>{"（一）", "（二）", "（三）"});
  // Without （一）绩效管理工作开展情况 (the management block left out), the
  // others move up.
  const std::string yaml = test::slurp(fs::path(JUESUAN_SOURCE_DIR) / "data/examples/2021-jiaozuo-gongxinju.yaml");
  const auto from = yaml.find("  management:");
  const auto to = yaml.find("  self_assessment:");
  REQUIRE(from != std::string::npos);
  REQUIRE(to > from);
  test::TempDir dir("typeset-s13");
  test::spit(dir / "2021-jiaozuo-gongxinju.yaml", yaml.substr(0, from) + yaml.substr(to));
  static const Resources res = Resources::load(JUESUAN_SOURCE_DIR);
  const doc::Document d = build_document(res, dir / "2021-jiaozuo-gongxinju.yaml")->document;
  const auto got = subsections(d);
  CHECK(got == std::vector<std::string>{"（一）", "（二）"});
  bool found = false;
  for (const auto& b : d.blocks)
    if (auto* h = std::get_if<doc::Heading>(&b)) found = found || h->text == "（二）重点绩效评价结果";
  CHECK(found);
}

TEST_CASE("typeset: a rowspan group of more than a quarter page is broken rather than leave a page that empty",
          "[pdf][typeset]") {
  // The 2022 自评表: after 年度主要任务 come 绩效指标 and a 20-row
  // 投入管理指标 group that fits a page but not the page's rest.
  const pdf::PdfOptions o;
  Layout L = lay_out(only_table(example("2022-jiaozuo-zhengwu-dashuju.yaml"), "a1-1"), o);
  L.pages.erase(std::remove_if(L.pages.begin(), L.pages.end(), [](const auto& p) { return p.boxes.empty(); }),
                L.pages.end());
  REQUIRE(L.pages.size() >= 2);
  const double block = o.page_width - o.landscape.top - o.landscape.bottom;
  for (std::size_t i = 0; i + 1 < L.pages.size(); ++i) {
    double bottom = 1e9;
    for (const auto& b : L.pages[i].boxes) bottom = std::min(bottom, b.y);
    const double used = o.page_width - o.landscape.top - bottom;
    INFO("page " << i + 1 << ": rows down to " << used / block << " of the text block");
    CHECK(used >= 0.74 * block);
  }
}

TEST_CASE("typeset: in the whole document, no page that a 绩效自评表 continues from is left a quarter empty",
          "[pdf][typeset]") {
  // Laid out in its place (the 2021 example prints it in 十三（二）, after
  // text), a rowspan group (产出指标 with its 二级指标) that did not fit
  // moved whole and left about 35% of a page empty: it now breaks, its
  // spanning labels drawn again on the next page.
  const pdf::PdfOptions o;
  const double block = o.page_width - o.landscape.top - o.landscape.bottom;
  const double top = o.page_width - o.landscape.top;
  int continued = 0;
  for (const char* name : {"2021-jiaozuo-gongxinju.yaml", "2022-jiaozuo-zhengwu-dashuju.yaml"}) {
    const Layout L = lay_out(example(name));
    for (std::size_t i = 0; i + 1 < L.pages.size(); ++i) {
      const auto& p = L.pages[i];
      const auto& next = L.pages[i + 1];
      if (!p.landscape || !next.landscape || p.boxes.empty() || next.boxes.empty()) continue;
      // The next page continues the same 绩效指标 rows: it starts with their column heading row.
      if (page_text(p).find("一级指标") == std::string::npos || page_text(next).rfind("一级指标", 0) != 0) continue;
      ++continued;
      double bottom = 1e9;
      for (const auto& b : p.boxes) bottom = std::min(bottom, b.y);
      INFO(name << " page " << i + 1 << ": rows down to " << (top - bottom) / block << " of the text block");
      CHECK(top - bottom >= 0.74 * block);
    }
  }
  CHECK(continued >= 4);
}
