// The faces of each role (issue 15, item 1): a face limited to `ranges:`
// (the figures face) gives only those characters, digits in tables are drawn
// from it, and a face outside the default set — a CFF OpenType face, as a
// bureau's licensed 方正/汉仪 .otf would be — builds a valid PDF whose text
// extracts back.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>
#include <string>

#include "build/font_manifest.hpp"
#include "pdf/font_library.hpp"
#include "pdf/layout.hpp"
#include "pdf/pdf.hpp"
#include "pdf/text.hpp"
#include "support.hpp"
#include "support_build.hpp"

using namespace juesuan;
namespace fs = std::filesystem;

namespace {

const pdf::FontLibrary& fonts() {
  static const pdf::FontLibrary lib = juesuan::load_fonts(test::kSourceDir / "fonts/manifest.yaml");
  return lib;
}

int font_index(const pdf::FontLibrary& lib, const std::string& name) {
  const auto& f = lib.set().fonts;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f[i].name == name) return static_cast<int>(i);
  return -1;
}

// A manifest in `dir` with one licence file, as a bureau writes one.
fs::path manifest_in(const test::TempDir& dir, const std::string& text) {
  test::spit(dir / "licences" / "x.txt", "licence\n");
  test::spit(dir / "manifest.yaml", text);
  return dir / "manifest.yaml";
}

}  // namespace

TEST_CASE("faces: the figures face gives digits and Latin only, never CJK punctuation or quotes", "[pdf][fonts]") {
  const int figures = font_index(fonts(), "liberation-serif");
  const int kai = font_index(fonts(), "lxgw-wenkai");
  REQUIRE(figures >= 0);
  REQUIRE(kai >= 0);
  pdf::detail::Shaper shaper(fonts().set(), nullptr);
  for (const char* role : {"body", "table", "heading2"}) {
    INFO(role);
    REQUIRE(fonts().chain(role).front() == "liberation-serif");
    const std::u32string text = U"2019年“三公”经费9.5%，A-Z（一）—";
    const auto g = shaper.shape(text, pdf::TextStyle{role, 16, 28});
    REQUIRE(g.size() == text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char32_t c = text[i];
      INFO("U+" << std::hex << static_cast<unsigned>(c));
      const bool latin = c < 0x80;
      CHECK((g[i].font == figures) == latin);
      if (!latin) CHECK(g[i].font == kai);
      CHECK(g[i].gid != 0);
    }
  }
}

TEST_CASE("faces: ranges that are not hexadecimal code points are refused with the manifest line", "[pdf][fonts]") {
  test::TempDir dir("faces-ranges");
  const auto m = manifest_in(dir,
                             "fonts:\n"
                             "  - name: droid\n"
                             "    file: /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf\n"
                             "    licence: licences/x.txt\n"
                             "    ranges: [0020-007E, 7E-20]\n"
                             "roles:\n  body: [droid]\n");
  try {
    (void)juesuan::read_font_manifest(m);
    FAIL("the manifest was accepted");
  } catch (const Error& e) {
    CHECK(e.loc().line == 5);
    CHECK(test::contains(e.message(), "字体 “droid” 的 ranges 应是十六进制码位或码位范围的列表"));
    CHECK(test::contains(e.message(), "而不是 “7E-20”"));
  }
}

TEST_CASE("faces: digits in a table are drawn from the figures face, its Chinese from the CJK face", "[pdf][fonts]") {
  // 公开01表 of the 2022 example: 一般公共预算财政拨款收入 2,334.61 (the published figure).
  const auto b = build_document(test::shared_resources(),
                                test::kSourceDir / "data/examples/2022-jiaozuo-zhengwu-dashuju.yaml");
  const pdf::PdfOptions o;
  pdf::detail::Shaper shaper(fonts().set(), nullptr);
  const auto layout = pdf::detail::lay_out(b->document, fonts().set(), o, shaper, nullptr);
  const std::string list = pdf::detail::display_list(layout);
  const int figures = font_index(fonts(), "liberation-serif");
  const int kai = font_index(fonts(), "lxgw-wenkai");
  // A table cell (10 pt, the table_cell style) holding the amount alone.
  const std::regex amount("text font=([0-9]+) size=10.00 at=[^ ]+ spacing=[^ ]+ \"2,334.61\"");
  const std::regex chinese("text font=([0-9]+) size=10.00 at=[^ ]+ spacing=[^ ]+ \"一般公共服务支出\"");
  std::smatch m;
  REQUIRE(std::regex_search(list, m, amount));
  CHECK(std::stoi(m[1]) == figures);
  REQUIRE(std::regex_search(list, m, chinese));
  CHECK(std::stoi(m[1]) == kai);
  // No digit of a table cell is drawn in the CJK face.
  std::istringstream in(list);
  int digit_runs = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.find(" size=10.00 ") == std::string::npos) continue;
    const auto q = line.find('"');
    if (q == std::string::npos) continue;
    const std::string shown = line.substr(q);
    if (shown.find_first_of("0123456789") == std::string::npos) continue;
    ++digit_runs;
    INFO(line);
    CHECK(line.rfind("text font=" + std::to_string(figures) + " ", 0) == 0);
  }
  CHECK(digit_runs > 100);
}

TEST_CASE("faces: a face outside the default set (a CFF OpenType face) builds a valid PDF", "[pdf][fonts]") {
  // Noto Serif CJK SC Regular (CFF outlines in a .ttc, face 2): in no role of
  // the default manifest, as a bureau's licensed face would not be.
  test::TempDir dir("faces-own");
  const auto m = manifest_in(dir,
                             "fonts:\n"
                             "  - name: own-serif\n"
                             "    file: /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc\n"
                             "    index: 2\n"
                             "    package: fonts-noto-cjk\n"
                             "    licence: licences/x.txt\n"
                             "  - name: droid\n"
                             "    file: /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf\n"
                             "    licence: licences/x.txt\n"
                             "roles:\n"
                             "  title: [own-serif, droid]\n  heading: [own-serif, droid]\n"
                             "  body: [own-serif, droid]\n  table: [own-serif, droid]\n");
  const auto lib = juesuan::load_fonts(m);
  REQUIRE(lib.set().fonts[0].face->cff());
  for (const auto& f : fonts().set().fonts) CHECK(f.face->file() != lib.set().fonts[0].face->file());

  doc::Document d;
  d.title = "自有字体";
  const std::string text = "部门决算公开2022年度支出决算为1,013.01万元，占43.39%。";
  d.blocks.push_back(doc::Paragraph{text, doc::Role::Body, doc::Align::Left, true});
  const std::string bytes = pdf::write_pdf(d, lib, pdf::PdfOptions{});
  test::spit(dir / "own.pdf", bytes);
  const auto pdf = test::shell_quote((dir / "own.pdf").string());

  const auto check = test::shell("qpdf --check " + pdf);
  INFO(check.out << check.err);
  CHECK(check.status == 0);
  // Embedded as CFF (CIDFontType0C), subset, with a ToUnicode map.
  const auto list = test::shell("pdffonts " + pdf);
  INFO(list.out);
  CHECK(std::regex_search(list.out, std::regex("[A-Z]{6}\\+NotoSerifCJKsc-Regular +CID Type 0C +Identity-H +yes yes yes")));
  const auto extracted = test::shell("pdftotext " + pdf + " -");
  CHECK(extracted.err.empty());
  std::string joined;  // the paragraph wraps: its lines joined
  for (char c : extracted.out)
    if (c != '\n' && c != '\f') joined += c;
  INFO(extracted.out);
  CHECK(test::contains(joined, text));
}
