// Font manifest loading, glyph fallback and line breaking (the detail layer
// of the PDF writer).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "build/font_manifest.hpp"
#include "pdf/font_library.hpp"
#include "pdf/pdf.hpp"
#include "pdf/text.hpp"

namespace fs = std::filesystem;
using juesuan::pdf::FontLibrary;
using juesuan::Error;
using juesuan::pdf::TextStyle;
using namespace juesuan::pdf::detail;

namespace {

const FontLibrary& fonts() {
  static const FontLibrary lib = juesuan::load_fonts(fs::path(JUESUAN_SOURCE_DIR) / "fonts/manifest.yaml");
  return lib;
}

}  // namespace

TEST_CASE("fonts: the manifest defines the four roles, each with a chain", "[pdf][fonts]") {
  auto roles = fonts().roles();
  for (const char* r : {"title", "heading", "body", "table"}) {
    INFO(r);
    CHECK(std::find(roles.begin(), roles.end(), r) != roles.end());
    CHECK(fonts().chain(r).size() >= 2);
  }
}

TEST_CASE("fonts: each font file is parsed once per process", "[pdf][fonts]") {
  auto again = juesuan::load_fonts(fs::path(JUESUAN_SOURCE_DIR) / "fonts/manifest.yaml");
  REQUIRE(again.set().fonts.size() == fonts().set().fonts.size());
  for (std::size_t i = 0; i < again.set().fonts.size(); ++i)
    CHECK(again.set().fonts[i].face.get() == fonts().set().fonts[i].face.get());
}

TEST_CASE("fonts: a character missing in the first font comes from the next", "[pdf][fonts]") {
  std::vector<juesuan::doc::Warning> warnings;
  Shaper shaper(fonts().set(), &warnings);
  TextStyle title{"title", 20, 30};
  // WQY Micro Hei (first in the title chain) has 〇; every glyph is non-blank.
  auto g = shaper.shape(U"二〇二三年", title);
  for (const auto& x : g) CHECK(x.gid != 0);
  CHECK(warnings.empty());
  auto missing = shaper.shape(U"\U0001F600", title);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].cp == U'\U0001F600');
  CHECK(missing[0].advance > 0);
  // Reported as data: the kind, the character and the role whose chain lacks it.
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].kind == juesuan::doc::Warning::Kind::MissingCharacter);
  CHECK(warnings[0].code_point == U'\U0001F600');
  CHECK(warnings[0].role == "title");
}

TEST_CASE("text: lines never start with closing nor end with opening punctuation", "[pdf][text]") {
  Shaper shaper(fonts().set(), nullptr);
  TextStyle body{"body", 16, 28};
  const std::u32string text =
      U"焦作市政务服务和大数据管理局贯彻落实党中央、省委和市委关于政务服务和数据管理工作的方针政策和决策部署，"
      U"在履行职责过程中坚持和加强党对政务服务和数据管理工作的集中统一领导。主要职责是：统筹推进全市“数字政府”"
      U"“智慧城市”建设（含《规划》编制），拟订建设规划和年度建设计划并组织实施。收、支总计各增加62.36万元，增长2.74%。";
  const std::u32string no_start = U"，。、；：？！）》」』”";
  const std::u32string no_end = U"（《「『“";
  auto g = shaper.shape(text, body);
  for (double chars = 5; chars <= 28; chars += 1) {
    auto lines = break_lines(text, g, chars * 16, chars * 16);
    REQUIRE(!lines.empty());
    CHECK(lines.front().begin == 0);
    CHECK(lines.back().end == text.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      INFO("width " << chars << " line " << i);
      CHECK(lines[i].width <= chars * 16 + 0.01);
      if (i > 0) CHECK(no_start.find(text[lines[i].begin]) == std::u32string::npos);
      if (i + 1 < lines.size()) CHECK(no_end.find(text[lines[i].end - 1]) == std::u32string::npos);
      if (i > 0) CHECK(lines[i].begin == lines[i - 1].end);
    }
  }
}

TEST_CASE("text: amounts are never split", "[pdf][text]") {
  Shaper shaper(fonts().set(), nullptr);
  TextStyle cell{"table", 10, 13};
  const std::u32string text = U"2,334,612.99";
  auto g = shaper.shape(text, cell);
  double unbreakable = widest_unbreakable(text, g);
  double total = 0;
  for (auto& x : g) total += x.advance;
  CHECK(unbreakable == Approx(total));
  CHECK(break_lines(text, g, total + 1, total + 1).size() == 1);
}

TEST_CASE("fonts: the compact manifest loads and shares the parsed faces", "[pdf][fonts]") {
  auto compact = juesuan::load_fonts(fs::path(JUESUAN_SOURCE_DIR) / "fonts/manifest-compact.yaml");
  CHECK(compact.chain("body").front() == "droid-fallback");
  // lxgw-wenkai: the compact manifest's first font, the default's fourth.
  REQUIRE(fonts().set().fonts[3].name == "lxgw-wenkai");
  CHECK(compact.set().fonts[0].face.get() == fonts().set().fonts[3].face.get());
}
