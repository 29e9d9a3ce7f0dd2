// The PDF writer, checked from the outside like a reader would: qpdf, pdffonts,
// pdfinfo and pdftotext on the PDF of a realistic sample Document.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <unistd.h>

#include "build/font_manifest.hpp"
#include "pdf/pdf.hpp"
#include "pdf/sample_document.hpp"

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
    auto p = fs::temp_directory_path() / ("juesuan-pdf-test-" + std::to_string(::getpid()));
    fs::create_directories(p);
    return p;
  }();
  return dir;
}

fs::path save(const std::string& bytes, const std::string& name) {
  auto p = temp_dir() / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

struct Run {
  int status;
  std::string out, err;
};

Run run(const std::string& command) {
  const auto err_file = temp_dir() / "stderr.txt";
  FILE* f = ::popen((command + " 2>" + err_file.string()).c_str(), "r");
  REQUIRE(f);
  std::string out;
  char buf[65536];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
  int status = ::pclose(f);
  std::ifstream e(err_file);
  std::string err((std::istreambuf_iterator<char>(e)), std::istreambuf_iterator<char>());
  return {status, out, err};
}

std::string strip_spaces(const std::string& s) {
  std::string out;
  for (unsigned char c : s)
    if (!std::isspace(c)) out += static_cast<char>(c);
  return out;
}

// pdftotext of one page (1-based).
std::string page_text(const fs::path& pdf, int page) {
  return run("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" + pdf.string() + "' -").out;
}

// "Page    3 size: 841.89 x 595.276 pts (A4)" -> landscape flags per page.
std::vector<bool> landscape_pages(const fs::path& pdf) {
  auto r = run("pdfinfo -f 1 -l 9999 '" + pdf.string() + "'");
  std::vector<bool> out;
  std::regex size(R"(Page\s+\d+ size:\s+([\d.]+) x ([\d.]+))");
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), size), end; it != end; ++it)
    out.push_back(std::stod((*it)[1]) > std::stod((*it)[2]));
  return out;
}

const std::string& sample_pdf() {
  static const std::string bytes = write_pdf(juesuan::pdf::sample::sample_document(), fonts(), PdfOptions{});
  return bytes;
}

}  // namespace

TEST_CASE("pdf: the sample document has a plausible number of pages, some landscape", "[pdf]") {
  auto path = save(sample_pdf(), "sample.pdf");
  auto pages = landscape_pages(path);
  CHECK(pages.size() >= 28);
  CHECK(pages.size() <= 48);
  int landscape = 0;
  for (bool l : pages) landscape += l;
  CHECK(landscape >= 2);   // 06表 (asked for) and the 14-column 附表 (too wide)
  CHECK_FALSE(pages[0]);   // cover
  CHECK(pages.back());     // the wide table closes the document
}

TEST_CASE("pdf: qpdf finds no error", "[pdf]") {
  auto path = save(sample_pdf(), "sample.pdf");
  auto r = run("qpdf --check '" + path.string() + "'");
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(r.out.find("No syntax or stream encoding errors") != std::string::npos);
}

TEST_CASE("pdf: every font is embedded, subset and has a Unicode map", "[pdf]") {
  auto path = save(sample_pdf(), "sample.pdf");
  auto r = run("pdffonts '" + path.string() + "'");
  REQUIRE(r.status == 0);
  std::istringstream lines(r.out);
  std::string line;
  int fonts_seen = 0;
  std::getline(lines, line);
  std::getline(lines, line);  // header and ruler
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    ++fonts_seen;
    INFO(line);
    // TrueType faces as CIDFontType2, CFF faces (Noto CJK) as CIDFontType0C.
    CHECK((line.find("CID TrueType") != std::string::npos || line.find("CID Type 0C") != std::string::npos));
    CHECK(std::regex_search(line, std::regex(R"(\byes\s+yes\s+yes\b)")));
    CHECK(std::regex_search(line, std::regex(R"(^[A-Z]{6}\+)")));
  }
  CHECK(fonts_seen >= 2);
}

TEST_CASE("pdf: pdftotext gives back every paragraph and cell, without complaint", "[pdf]") {
  const auto doc = juesuan::pdf::sample::sample_document();
  auto path = save(sample_pdf(), "sample.pdf");
  auto r = run("pdftotext '" + path.string() + "' -");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  // Page number lines ("- 7 -") would split a paragraph running over a page.
  std::string text = std::regex_replace(r.out, std::regex(R"((^|\n)- \d+ -(\n|$))"), "\n");
  text = strip_spaces(text);
  std::vector<std::string> expected;
  for (const auto& b : doc.blocks) {
    if (auto* p = std::get_if<d::Paragraph>(&b)) expected.push_back(p->text);
    if (auto* h = std::get_if<d::Heading>(&b)) expected.push_back(h->text);
    if (auto* l = std::get_if<d::List>(&b))
      for (const auto& i : l->items) expected.push_back(i.label + i.text);
    if (auto* t = std::get_if<d::Table>(&b)) {
      for (const auto* s : {&t->title, &t->number, &t->department, &t->year, &t->unit}) expected.push_back(*s);
      for (const auto& n : t->notes) expected.push_back(n);
      for (const auto* rows : {&t->head, &t->body})
        for (const auto& row : *rows)
          for (const auto& c : row) expected.push_back(c.text);
    }
  }
  int missing = 0;
  for (const auto& e : expected) {
    auto s = strip_spaces(e);
    if (s.empty() || text.find(s) != std::string::npos) continue;
    ++missing;
    UNSCOPED_INFO("missing: " << e);
  }
  CHECK(missing == 0);
}

// The index (1-based) of the page printed "- 1 -": cover and 目录 come before it.
int first_numbered_page(const fs::path& pdf, std::size_t count) {
  for (std::size_t p = 1; p <= count; ++p)
    if (page_text(pdf, static_cast<int>(p)).find("\n- 1 -\n") != std::string::npos) return static_cast<int>(p);
  return 0;
}

TEST_CASE("pdf: numbered pages carry their number, cover and 目录 do not", "[pdf]") {
  auto path = save(sample_pdf(), "sample.pdf");
  const auto count = landscape_pages(path).size();
  const int first = first_numbered_page(path, count);
  REQUIRE(first >= 3);  // cover, 目录 (one page or more)
  CHECK(std::regex_search(page_text(path, 2), std::regex("目\\s*录")));
  for (int p = 1; p < first; ++p) CHECK_FALSE(std::regex_search(page_text(path, p), std::regex("\n- \\d+ -\n")));
  for (int p = first; p <= static_cast<int>(count); ++p) {
    INFO("page " << p);
    CHECK(page_text(path, p).find("\n- " + std::to_string(p - first + 1) + " -\n") != std::string::npos);
  }
}

TEST_CASE("pdf: the 目录 lists the real page numbers of its entries", "[pdf]") {
  auto path = save(sample_pdf(), "sample.pdf");
  const auto count = landscape_pages(path).size();
  const int first = first_numbered_page(path, count);
  std::string toc;
  for (int p = 2; p < first; ++p) toc += page_text(path, p);
  for (const char* entry : {"第三部分 2022年度部门决算情况说明", "第四部分 名词解释", "收入决算表"}) {
    INFO(entry);
    int printed = 0;
    for (int p = first; p <= static_cast<int>(count) && !printed; ++p)
      if (page_text(path, p).find(std::string(entry) + "\n") != std::string::npos) printed = p - first + 1;
    REQUIRE(printed > 0);
    std::smatch m;
    REQUIRE(std::regex_search(toc, m, std::regex(std::string(entry) + "\\s+(\\d+)")));
    CHECK(std::stoi(m[1]) == printed);
  }
}

TEST_CASE("pdf: a long table repeats its header rows on every page", "[pdf]") {
  d::Document doc;
  doc.title = "表格测试";
  d::Table t;
  t.id = "t";
  t.title = "长表测试";
  t.number = "公开99表";
  auto a = d::text_cell("表头甲", 2, 1, d::Align::Center, true);
  auto b = d::text_cell("表头乙", 1, 2, d::Align::Center, true);
  auto c1 = d::text_cell("编码", 1, 1, d::Align::Center, true), c2 = d::text_cell("名称", 1, 1, d::Align::Center, true);
  t.head = {{a, b}, {c1, c2}};
  for (int i = 0; i < 100; ++i)
    t.body.push_back({d::text_cell("行" + std::to_string(i)), d::text_cell("第" + std::to_string(i) + "行的名称"),
                      d::text_cell(std::to_string(i) + ".00", 1, 1, d::Align::Right)});
  t.notes = {"注：本表为测试表。"};
  doc.blocks.push_back(t);
  auto path = save(write_pdf(doc, fonts(), PdfOptions{}), "long-table.pdf");
  auto count = landscape_pages(path).size();
  REQUIRE(count >= 3);
  for (std::size_t p = 1; p <= count; ++p) {
    auto text = page_text(path, static_cast<int>(p));
    INFO("page " << p);
    CHECK(text.find("表头甲") != std::string::npos);
    CHECK(text.find("表头乙") != std::string::npos);
  }
  // The note is not alone on the last page: a row comes with it.
  auto last = page_text(path, static_cast<int>(count));
  CHECK(last.find("注：本表为测试表。") != std::string::npos);
  CHECK(last.find("行99") != std::string::npos);
}

TEST_CASE("pdf: the same document gives the same bytes", "[pdf]") {
  auto doc = juesuan::pdf::sample::sample_document();
  auto a = write_pdf(doc, fonts(), PdfOptions{});
  auto b = write_pdf(doc, fonts(), PdfOptions{});
  CHECK(a == b);
  CHECK(a.find("/CreationDate") == std::string::npos);
  CHECK(a.find("/ID [") != std::string::npos);
  // Another document, another ID.
  doc.title += "（修订）";
  auto c = write_pdf(doc, fonts(), PdfOptions{});
  auto id = [](const std::string& s) { return s.substr(s.find("/ID [")); };
  CHECK(id(a) != id(c));
}

TEST_CASE("pdf: documents render concurrently from one shared font library", "[pdf]") {
  auto doc = juesuan::pdf::sample::sample_document();
  std::string results[3];
  std::vector<std::thread> threads;
  for (auto& r : results) threads.emplace_back([&] { r = write_pdf(doc, fonts(), PdfOptions{}); });
  for (auto& t : threads) t.join();
  CHECK(results[0] == sample_pdf());
  CHECK(results[1] == sample_pdf());
  CHECK(results[2] == sample_pdf());
}

TEST_CASE("pdf: a character no font has is drawn as a replacement and reported", "[pdf]") {
  d::Document doc;
  doc.title = "缺字测试";
  d::Paragraph p;
  p.text = "笑脸\U0001F600在此。";
  doc.blocks.push_back(p);
  std::vector<d::Warning> warnings;
  auto bytes = write_pdf(doc, fonts(), PdfOptions{}, &warnings);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].kind == d::Warning::Kind::MissingCharacter);
  CHECK(warnings[0].code_point == U'\U0001F600');
  CHECK(warnings[0].role == "body");
  auto path = save(bytes, "missing.pdf");
  auto r = run("pdftotext '" + path.string() + "' -");
  CHECK(r.err.empty());
  CHECK(strip_spaces(r.out).find("笑脸\U0001F600在此。") != std::string::npos);  // ToUnicode keeps the real character
}

TEST_CASE("pdf: document info is in Chinese; the outline has parts and tables", "[pdf]") {
  auto path = save(sample_pdf(), "sample.pdf");
  auto info = run("pdfinfo '" + path.string() + "'").out;
  CHECK(info.find("Title:           焦作市政务服务和大数据管理局2022年度部门决算") != std::string::npos);
  CHECK(info.find("Author:          焦作市政务服务和大数据管理局") != std::string::npos);
  auto bytes = sample_pdf();
  CHECK(bytes.find("/Outlines") != std::string::npos);
  // Outline titles are UTF-16BE with a byte order mark: 第一部分 = 7B2C 4E00 90E8 5206.
  CHECK(bytes.find("<FEFF7B2C4E0090E85206") != std::string::npos);
  CHECK(bytes.find("/Lang (zh-CN)") != std::string::npos);
}
