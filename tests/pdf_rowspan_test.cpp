// Tables whose cells span many rows, paginated like publishing software:
// rows tied by a rowspan stay together when they fit on a page, a taller
// group is split between rows with each spanning cell's text shown on its
// parts, the head rows repeat, a heading row is not left alone at a page's
// foot, a row taller than a page is set smaller, and nothing is drawn in
// the bottom margin (where the page number goes).
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <unistd.h>

#include "build/font_manifest.hpp"
#include "pdf/pdf.hpp"

namespace fs = std::filesystem;
namespace d = juesuan::doc;
using juesuan::pdf::FontLibrary;
using juesuan::pdf::PdfOptions;
using juesuan::pdf::write_pdf;

namespace {

const FontLibrary& fonts() {
  static const FontLibrary lib = juesuan::load_fonts(fs::path(JUESUAN_SOURCE_DIR) / "fonts/manifest.yaml");
  return lib;
}

fs::path temp_dir() {
  static const fs::path dir = [] {
    auto p = fs::temp_directory_path() / ("juesuan-rowspan-test-" + std::to_string(::getpid()));
    fs::create_directories(p);
    return p;
  }();
  return dir;
}

std::string run(const std::string& command) {
  FILE* f = ::popen((command + " 2>/dev/null").c_str(), "r");
  REQUIRE(f);
  std::string out;
  char buf[65536];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
  ::pclose(f);
  return out;
}

std::string strip_spaces(const std::string& s) {
  std::string out;
  for (unsigned char c : s)
    if (!std::isspace(c)) out += static_cast<char>(c);
  return out;
}

struct Word {
  double y_max;
  std::string text;
};
struct PageBox {
  double width, height;
  std::vector<Word> words;
};

// pdftotext -bbox: each page's size and words with their lower edge (from the top).
std::vector<PageBox> word_boxes(const fs::path& pdf) {
  const std::string html = run("pdftotext -bbox '" + pdf.string() + "' -");
  std::vector<PageBox> pages;
  std::regex page(R"re(<page width="([\d.]+)" height="([\d.]+)">)re");
  std::regex word(R"re(<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>)re");
  std::smatch m;
  std::string rest = html;
  while (std::regex_search(rest, m, page)) {
    PageBox p{std::stod(m[1]), std::stod(m[2]), {}};
    std::string after = m.suffix();
    const auto end = after.find("</page>");
    const std::string body = after.substr(0, end);
    for (std::sregex_iterator it(body.begin(), body.end(), word), e; it != e; ++it)
      p.words.push_back({std::stod((*it)[1]), (*it)[2]});
    pages.push_back(std::move(p));
    rest = end == std::string::npos ? std::string() : after.substr(end);
  }
  return pages;
}

std::string page_text(const fs::path& pdf, int page) {
  return strip_spaces(
      run("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" + pdf.string() + "' -"));
}

d::Cell cell(const std::string& text, int rowspan = 1, int colspan = 1) {
  return d::text_cell(text, colspan, rowspan);
}

// 80 body rows: the first column in two cells of 40 rows each, the second in
// 5-row groups, the others one cell per row; a heading row before them, and
// one row whose text is taller than a page.
d::Document rowspan_document(std::vector<std::string>& texts) {
  d::Document doc;
  doc.title = "跨行测试";
  d::Table t;
  t.id = "t";
  t.title = "跨行长表测试";
  t.number = "公开98表";
  t.unit = "单位：万元";
  t.head = {{d::text_cell("表头一级", 1, 2, d::Align::Center, true), d::text_cell("表头二级", 1, 2, d::Align::Center, true),
             d::text_cell("表头内容", 2, 1, d::Align::Center, true)},
            {d::text_cell("表头说明", 1, 1, d::Align::Center, true), d::text_cell("表头数值", 1, 1, d::Align::Center, true)}};
  t.body.push_back({cell("一级指标", 1), cell("二级指标"), cell("三级指标"), cell("指标说明")});
  for (int r = 0; r < 80; ++r) {
    d::Row row;
    if (r % 40 == 0) row.push_back(cell(r == 0 ? "跨四十行甲" : "跨四十行乙", 40));
    if (r % 5 == 0) row.push_back(cell("五行组" + std::to_string(r / 5), 5));
    std::string note = "第" + std::to_string(r) + "行说明";
    if (r % 7 == 3) note += "，这一行的说明比较长，要在单元格里折成两到三行才放得下，用来让行高各不相同";
    row.push_back(cell(note));
    row.push_back(cell(std::to_string(r) + ".00"));
    row.back().align = d::Align::Right;
    t.body.push_back(std::move(row));
  }
  std::string huge;
  for (int i = 0; i < 120; ++i) huge += "很长的单元格文字第" + std::to_string(i) + "句。";
  t.body.push_back({cell("超高行"), cell("超高行二级"), cell(huge), cell("1.00")});
  t.notes = {"注：本表为跨行测试表。"};
  for (const auto* rows : {&t.head, &t.body})
    for (const auto& row : *rows)
      for (const auto& c : row)
        if (c.text != huge) texts.push_back(c.text);
  texts.push_back(huge.substr(0, 60));
  texts.push_back(huge.substr(huge.size() - 60));
  texts.push_back(t.notes[0]);
  doc.blocks.push_back(d::Heading{1, "一、跨行表", "h", true, false});
  doc.blocks.push_back(std::move(t));
  return doc;
}

}  // namespace

TEST_CASE("pdf: rowspan groups split at row boundaries, no text lost, nothing in the bottom margin", "[pdf]") {
  std::vector<std::string> texts;
  const d::Document doc = rowspan_document(texts);
  const PdfOptions opt;
  const auto path = temp_dir() / "rowspan.pdf";
  std::ofstream(path, std::ios::binary) << write_pdf(doc, fonts(), opt);

  SECTION("pdftotext gives back every cell") {
    const std::string text = strip_spaces(run("pdftotext '" + path.string() + "' -"));
    for (const auto& s : texts) {
      INFO(s);
      CHECK(text.find(strip_spaces(s)) != std::string::npos);
    }
  }

  const auto pages = word_boxes(path);
  REQUIRE(pages.size() >= 4);

  SECTION("no word below the text block except the page number") {
    for (std::size_t i = 0; i < pages.size(); ++i) {
      const auto& p = pages[i];
      const double bottom = p.height - (p.width > p.height ? opt.landscape.bottom : opt.portrait.bottom);
      for (const auto& w : p.words) {
        if (std::regex_match(w.text, std::regex(R"([-\s\d]+)")) && w.y_max > bottom + opt.page_number_gap) continue;
        INFO("page " << i + 1 << ": " << w.text << " ends at " << w.y_max << ", the text block at " << bottom);
        CHECK(w.y_max <= bottom + 0.5);
      }
    }
  }

  SECTION("every page of the table has the head rows, and each spanning cell's text on its part") {
    for (std::size_t i = 1; i <= pages.size(); ++i) {
      const std::string text = page_text(path, static_cast<int>(i));
      std::vector<int> rows;
      static const std::regex row_note("第(\\d+)行说明");
      for (std::sregex_iterator it(text.begin(), text.end(), row_note), e; it != e; ++it)
        rows.push_back(std::stoi((*it)[1]));
      if (rows.empty()) continue;
      INFO("page " << i << ": rows " << rows.front() << " to " << rows.back());
      CHECK(text.find("表头一级") != std::string::npos);
      CHECK(text.find("表头数值") != std::string::npos);
      for (int r : rows) {
        CHECK(text.find(r < 40 ? "跨四十行甲" : "跨四十行乙") != std::string::npos);
        CHECK(text.find("五行组" + std::to_string(r / 5)) != std::string::npos);
      }
    }
  }

  SECTION("the heading row is not the last row of a page, and is repeated on the pages after it") {
    for (std::size_t i = 1; i <= pages.size(); ++i) {
      const std::string text = page_text(path, static_cast<int>(i));
      const auto at = text.find("一级指标");
      INFO("page " << i);
      if (i == 1) CHECK(text.find("第0行说明") != std::string::npos);
      if (text.find("行说明") == std::string::npos) continue;
      REQUIRE(at != std::string::npos);
      CHECK(text.find("行说明", at) != std::string::npos);
    }
  }
}

TEST_CASE("pdf: a heading row is kept with the rowspan group after it", "[pdf]") {
  // Enough rows to fill most of a page, then a heading row and a 5-row group:
  // the heading row moves to the next page with the group.
  for (int filler = 20; filler <= 40; filler += 4) {
    d::Document doc;
    d::Table t;
    t.id = "t";
    t.title = "标题行测试";
    t.head = {{d::text_cell("甲栏", 1, 1, d::Align::Center, true), d::text_cell("乙栏", 1, 1, d::Align::Center, true),
               d::text_cell("丙栏", 1, 1, d::Align::Center, true)}};
    for (int r = 0; r < filler; ++r) t.body.push_back({cell("填充" + std::to_string(r)), cell("x"), cell("y")});
    t.body.push_back({cell("一级指标"), cell("二级指标"), cell("三级指标")});
    for (int r = 0; r < 5; ++r) {
      d::Row row;
      if (r == 0) row.push_back(cell("五行组", 5));
      row.push_back(cell("组内" + std::to_string(r)));
      row.push_back(cell("z"));
      t.body.push_back(std::move(row));
    }
    doc.blocks.push_back(std::move(t));
    const auto path = temp_dir() / ("heading-row-" + std::to_string(filler) + ".pdf");
    std::ofstream(path, std::ios::binary) << write_pdf(doc, fonts(), PdfOptions{});
    for (int i = 1; i <= static_cast<int>(word_boxes(path).size()); ++i) {
      const std::string text = page_text(path, i);
      if (text.find("一级指标") == std::string::npos) continue;
      INFO("filler " << filler << ", page " << i);
      CHECK(text.find("组内0") != std::string::npos);
      CHECK(text.find("组内4") != std::string::npos);
    }
  }
}
