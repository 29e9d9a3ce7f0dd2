// Typesetting of the PDF measured on its display list (the positioned glyph
// runs of every page): no justified line letter-spaced beyond the limit nor
// spread inside a number or word, no two pieces of text drawn over each
// other, the 部门/年度/单位 line above a table readable with department names
// of any length, headings in their roles, page numbers outside.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

#include "build/build.hpp"
#include "pdf/layout.hpp"
#include "pdf/pdf.hpp"
#include "pdf/text.hpp"

namespace fs = std::filesystem;
using namespace juesuan;
using pdf::detail::Layout;
using pdf::detail::TextRun;

namespace {

const pdf::FontLibrary& fonts() {
  static const pdf::FontLibrary lib = pdf::FontLibrary::load(fs::path(JUESUAN_SOURCE_DIR) / "fonts/manifest.yaml");
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

// Width of a run as drawn (advances plus the character spacing after each glyph).
double run_width(const TextRun& r) {
  double w = 0;
  for (const auto& g : r.glyphs) w += fonts().set().fonts[r.font].face->advance(g.gid) * r.size / 1000 + r.char_spacing;
  return w - r.char_spacing;
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

// Every justified gap within the limit, and none inside a number or word.
void check_spacing(const Layout& L, const pdf::PdfOptions& o) {
  for (std::size_t p = 0; p < L.pages.size(); ++p)
    for (const auto& r : L.pages[p].runs) {
      if (r.char_spacing == 0) continue;
      INFO("page " << p + 1 << ": \"" << utf8(r) << "\" spaced " << r.char_spacing / r.size << " em");
      CHECK(r.char_spacing <= o.max_justify_spacing * r.size + 1e-6);
      for (std::size_t i = 0; i + 1 < r.glyphs.size(); ++i)
        CHECK_FALSE((pdf::detail::is_western(r.glyphs[i].cp) && pdf::detail::is_western(r.glyphs[i + 1].cp)));
    }
}

// No two runs on one baseline drawn over each other.
void check_no_overprint(const Layout& L) {
  for (std::size_t p = 0; p < L.pages.size(); ++p) {
    auto runs = L.pages[p].runs;
    std::sort(runs.begin(), runs.end(), [](const TextRun& a, const TextRun& b) {
      return a.y != b.y ? a.y < b.y : a.x < b.x;
    });
    for (std::size_t i = 0; i + 1 < runs.size(); ++i) {
      const auto& a = runs[i];
      const auto& b = runs[i + 1];
      if (std::abs(a.y - b.y) > 0.5) continue;
      INFO("page " << p + 1 << ": \"" << utf8(a) << "\" runs into \"" << utf8(b) << "\"");
      CHECK(a.x + run_width(a) <= b.x + 0.05);
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
  CHECK(fonts().chain("heading2").front() == "lxgw-wenkai");
  CHECK(fonts().chain("heading").front() == "wqy-microhei");
  // A manifest without the role sets those headings in the body's faces.
  const auto compact = pdf::FontLibrary::load(fs::path(JUESUAN_SOURCE_DIR) / "fonts/manifest-compact.yaml");
  CHECK_FALSE(compact.chain("heading2").empty());
}
