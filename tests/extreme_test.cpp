// Extreme but valid inputs give a valid, sensible document: `juesuan build`
// succeeds, `qpdf --check` passes on the PDF, the text is all there (HTML and
// pdftotext), and nothing reads NaN, inf or a negative zero. The inputs are
// tests/extreme/*.yaml and two generated here: a 项 name of 500 characters
// and a department of 2,000 项 (one table of more than 2,000 rows).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "source/catalog.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = JUESUAN_SOURCE_DIR;

using juesuan::test::slurp;

int count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

std::string without_whitespace(std::string s) {
  std::erase_if(s, [](char c) { return c == ' ' || c == '\n' || c == '\f' || c == '\t'; });
  return s;
}

struct Run {
  int status = -1;
  std::string err;           // juesuan's stderr
  std::string html, pdf_text, qpdf;
  int qpdf_status = -1;
};

// Builds one department with the program itself, then checks its PDF.
Run build(const fs::path& yaml, const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("juesuan-extreme-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  Run r;
  std::string cmd = std::string(JUESUAN_BINARY) + " build '" + yaml.string() + "' -o '" + dir.string() + "' 2>'" +
                    (dir / "stderr").string() + "' >/dev/null";
  r.status = WEXITSTATUS(std::system(cmd.c_str()));
  r.err = slurp(dir / "stderr");
  fs::path stem = dir / yaml.stem();
  r.html = slurp(stem.string() + ".html");
  if (fs::exists(stem.string() + ".pdf")) {
    std::string q = "qpdf --check '" + stem.string() + ".pdf' >'" + (dir / "qpdf").string() + "' 2>&1";
    r.qpdf_status = WEXITSTATUS(std::system(q.c_str()));
    r.qpdf = slurp(dir / "qpdf");
    std::string t = "pdftotext '" + stem.string() + ".pdf' '" + (dir / "text").string() + "' 2>/dev/null";
    std::system(t.c_str());
    r.pdf_text = slurp(dir / "text");
  }
  fs::remove_all(dir);
  return r;
}

void check_sensible(const Run& r) {
  INFO(r.err);
  REQUIRE(r.status == 0);
  INFO(r.qpdf);
  CHECK(r.qpdf_status == 0);
  CHECK(r.qpdf.find("No syntax or stream encoding errors found") != std::string::npos);
  CHECK(!r.html.empty());
  CHECK(!r.pdf_text.empty());
  // The page's text, after the style sheet.
  std::size_t body_at = r.html.find("<body");
  REQUIRE(body_at != std::string::npos);
  std::string_view body = std::string_view(r.html).substr(body_at);
  for (const char* bad : {"nan", "NaN", "inf%", "-0.00", "e+", "{{", "}}"}) {
    INFO("\"" << bad << "\" in the output");
    CHECK(body.find(bad) == std::string::npos);
    CHECK(r.pdf_text.find(bad) == std::string::npos);
  }
}

// A small 2022-format department whose only 项 (2010301) is named `name`.
// The blocks every department file has, empty: this department has nothing
// to report in them.
const std::string kEmptyBlocks =
    "overview: {}\nbalances: {}\nlast_year: {}\nthree_public: {}\noperating_costs: {}\nprocurement: {}\nassets: {}\n"
    "performance: {}\n";

std::string one_item(const std::string& name) {
  return "department: 测试局\nyear: 2022\nformat: \"2022\"\namount_unit: 万元\nitems:\n"
         "  - code: \"2010301\"\n    name: " + name + "\n    income: {general: 100}\n    basic: {general: 100}\n"
         "    budget: 100\nbasic_economic:\n  \"30101\": 100\n" + kEmptyBlocks;
}

fs::path write_temp(const std::string& name, const std::string& text) {
  fs::path p = fs::temp_directory_path() / ("juesuan-extreme-" + std::to_string(::getpid()) + "-" + name + ".yaml");
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

}  // namespace

TEST_CASE("extreme: a 项 name of 500 characters is printed whole in HTML and PDF") {
  std::string name;
  for (int i = 0; i < 500; ++i) {
    char32_t cp = 0x4E00 + (i * 37) % 20000;   // CJK Unified Ideographs, all different
    name += static_cast<char>(0xE0 | (cp >> 12));
    name += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    name += static_cast<char>(0x80 | (cp & 0x3F));
  }
  fs::path yaml = write_temp("long-name", one_item(name));
  Run r = build(yaml, "long-name");
  fs::remove(yaml);
  check_sensible(r);
  // In 02、03、05表 and in 第三部分 五（三）.
  CHECK(count(r.html, name) >= 4);
  // (A row that tall may be split over two pages: the name then comes back
  // in two pieces, in order.)
  int in_pdf = 0;
  const std::string pdf_text = without_whitespace(r.pdf_text);
  for (std::size_t at = 0; (at = juesuan::test::find_whole_or_split(pdf_text, name, at)) != std::string::npos;) ++in_pdf;
  CHECK(in_pdf >= 3);
  // Only the expected warning: the name differs from the catalog's.
  CHECK(count(r.err, "警告") == 1);
  CHECK(r.err.find("[catalog-name]") != std::string::npos);
}

TEST_CASE("extreme: 2,000 项 make tables of more than 2,000 rows, every 项 printed") {
  juesuan::Catalog catalog = juesuan::Catalog::load(kRoot / "data" / "catalog");
  std::ostringstream y;
  y << "department: 两千项测试局\nyear: 2022\nformat: \"2022\"\namount_unit: 万元\nitems:\n";
  std::vector<std::string> codes;
  long long total_cents = 0;
  // Every 款 of the catalog in turn, its 项 01 … 99; names from the catalog,
  // or given (name:) for codes it does not list.
  for (int lei = 201; lei <= 299 && codes.size() < 2000; ++lei)
    for (int kuan = 1; kuan <= 99 && codes.size() < 2000; ++kuan) {
      char k[8];
      std::snprintf(k, sizeof k, "%03d%02d", lei, kuan);
      if (!catalog.functional_name(k)) continue;
      for (int xiang = 1; xiang <= 99 && codes.size() < 2000; ++xiang) {
        char c[10];
        std::snprintf(c, sizeof c, "%s%02d", k, xiang);
        long long cents = 100 + static_cast<long long>(codes.size() % 97) * 101;
        total_cents += cents;
        char amount[32];
        std::snprintf(amount, sizeof amount, "%lld.%02lld", cents / 100, cents % 100);
        y << "  - code: \"" << c << "\"\n";
        if (!catalog.functional_name(c)) y << "    name: 测试项目" << codes.size() + 1 << "\n";
        y << "    income: {general: " << amount << "}\n    basic: {general: " << amount << "}\n    budget: " << amount
          << "\n";
        codes.push_back(c);
      }
    }
  REQUIRE(codes.size() == 2000);
  y << "basic_economic:\n  \"30101\": " << total_cents / 100 << "." << (total_cents % 100 < 10 ? "0" : "")
    << total_cents % 100 << "\n" << kEmptyBlocks;
  fs::path yaml = write_temp("2000-items", y.str());
  Run r = build(yaml, "2000-items");
  fs::remove(yaml);
  check_sensible(r);
  // The only warnings: 项 the catalog lacks, named in the file (catalog-missing).
  const std::string allowed = "警告 [catalog-missing] 功能分类";
  for (std::size_t at = r.err.find("警告"); at != std::string::npos; at = r.err.find("警告", at + 1))
    CHECK(r.err.compare(at, allowed.size(), allowed) == 0);
  // Each 项 code is printed in 02、03 and 05表 (as a row label), in HTML
  // and in the PDF.
  std::string pdf_words = without_whitespace(r.pdf_text);
  int missing_html = 0, missing_pdf = 0;
  for (const auto& c : codes) {
    missing_html += count(r.html, ">" + c + "<") < 3;
    missing_pdf += count(pdf_words, c) < 3;
  }
  CHECK(missing_html == 0);
  CHECK(missing_pdf == 0);
}

TEST_CASE("extreme: a department with no spending at all") {
  Run r = build(kRoot / "tests/extreme/no-spending.yaml", "no-spending");
  check_sensible(r);
  // The only warnings: 项 the catalog lacks, named in the file (catalog-missing).
  const std::string allowed = "警告 [catalog-missing] 功能分类";
  for (std::size_t at = r.err.find("警告"); at != std::string::npos; at = r.err.find("警告", at + 1))
    CHECK(r.err.compare(at, allowed.size(), allowed) == 0);
  // Every table is there, empty ones with their 说明.
  for (int t = 1; t <= 9; ++t) {
    char number[16];
    std::snprintf(number, sizeof number, "公开%02d表", t);
    INFO(number);
    CHECK(r.html.find(number) != std::string::npos);
  }
  CHECK(r.html.find("故本表无数据") != std::string::npos);
  CHECK(r.html.find("收、支总计均为0.00万元") != std::string::npos);
}

TEST_CASE("extreme: a hundred billion 元") {
  Run r = build(kRoot / "tests/extreme/hundred-billion.yaml", "hundred-billion");
  check_sensible(r);
  // The only warnings: 项 the catalog lacks, named in the file (catalog-missing).
  const std::string allowed = "警告 [catalog-missing] 功能分类";
  for (std::size_t at = r.err.find("警告"); at != std::string::npos; at = r.err.find("警告", at + 1))
    CHECK(r.err.compare(at, allowed.size(), allowed) == 0);
  CHECK(r.html.find("10,000,000.00") != std::string::npos);
  CHECK(r.pdf_text.find("10,000,000.00") != std::string::npos);
  // The year-on-year rate against 9,000,000.00 万元.
  CHECK(r.html.find("11.11%") != std::string::npos);
}

TEST_CASE("extreme: a character no bundled font has gets a replacement glyph and a warning") {
  Run r = build(kRoot / "tests/extreme/missing-glyph.yaml", "missing-glyph");
  check_sensible(r);
  CHECK(r.err.find("U+1F600") != std::string::npos);
  CHECK(r.err.find("U+20000") != std::string::npos);
  CHECK(r.err.find("替代字形") != std::string::npos);
  // The text keeps the characters (the PDF's ActualText), nothing is blank.
  CHECK(r.html.find("本局设综合科😀和𠀀字科。") != std::string::npos);
  CHECK(r.pdf_text.find("本局设综合科😀和𠀀字科。") != std::string::npos);
}

// The warning names the YAML line the character is on (line 8; the comment
// on line 1 that mentions it does not count).
TEST_CASE("extreme: the missing-glyph warning names the YAML line", "[extreme]") {
  Run r = build(kRoot / "tests/extreme/missing-glyph.yaml", "missing-glyph-line");
  REQUIRE(r.status == 0);
  INFO(r.err);
  CHECK(r.err.find("missing-glyph.yaml:8:11: 警告：字体清单（fonts/manifest.yaml）中用途“body”的字体都没有字符 "
                   "U+1F600“😀”") != std::string::npos);
  CHECK(r.err.find("missing-glyph.yaml:8:13: 警告：字体清单（fonts/manifest.yaml）中用途“body”的字体都没有字符 "
                   "U+20000“𠀀”") != std::string::npos);
}
