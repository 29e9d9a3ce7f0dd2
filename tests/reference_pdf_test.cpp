// The published artefact of both reference departments, built by the real
// program: qpdf finds no error, every font embedded and subset with a Unicode
// map, pdftotext gives back every sentence and every table figure of the
// Document (and so of the HTML, rendered from the same Document) with empty
// stderr, page count in range, the wide tables on landscape pages, page
// numbers printed, and two builds give identical bytes.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <unistd.h>

#include "build/build.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace juesuan;

namespace {

// A command's status, stdout and stderr (the folder is where a run used to
// keep its stderr; support.hpp's shell keeps its own).
juesuan::test::Run run(const std::string& command, const fs::path&) { return juesuan::test::shell(command); }

std::string strip_spaces(const std::string& s) {
  std::string out;
  for (unsigned char c : s)
    if (!std::isspace(c)) out += static_cast<char>(c);
  return out;
}

using juesuan::test::slurp;

void check_reference(const std::string& example, int min_pages, int max_pages) {
  const fs::path root = JUESUAN_SOURCE_DIR;
  const fs::path dir = fs::temp_directory_path() / ("juesuan-refpdf-" + std::to_string(::getpid()) + "-" + example);
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path yaml = root / "data/examples" / (example + ".yaml");
  const std::string bin = JUESUAN_BINARY;
  REQUIRE(run(bin + " build " + yaml.string() + " -o " + (dir / "a").string(), dir).status == 0);
  REQUIRE(run(bin + " build " + yaml.string() + " -o " + (dir / "b").string(), dir).status == 0);
  const fs::path pdf = dir / "a" / (example + ".pdf");
  REQUIRE(fs::exists(pdf));

  SECTION("two builds give identical bytes") { CHECK(slurp(pdf) == slurp(dir / "b" / (example + ".pdf"))); }

  SECTION("qpdf finds no error; every font embedded, subset, with a Unicode map") {
    CHECK(run("qpdf --check '" + pdf.string() + "'", dir).status == 0);
    auto fonts = run("pdffonts '" + pdf.string() + "'", dir).out;
    std::regex row(R"((\S+)\s+CID TrueType\s+Identity-H\s+(yes|no)\s+(yes|no)\s+(yes|no))");
    int n = 0;
    for (std::sregex_iterator it(fonts.begin(), fonts.end(), row), end; it != end; ++it, ++n) {
      INFO((*it)[1]);
      CHECK((*it)[2] == "yes");
      CHECK((*it)[3] == "yes");
      CHECK((*it)[4] == "yes");
    }
    CHECK(n >= 1);
  }

  SECTION("pages: count in range, some landscape, page numbers printed") {
    auto info = run("pdfinfo -f 1 -l 9999 '" + pdf.string() + "'", dir).out;
    std::smatch m;
    REQUIRE(std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")));
    int pages = std::stoi(m[1]);
    CHECK(pages >= min_pages);
    CHECK(pages <= max_pages);
    int landscape = 0;
    std::regex size(R"(Page\s+\d+ size:\s+([\d.]+) x ([\d.]+))");
    for (std::sregex_iterator it(info.begin(), info.end(), size), end; it != end; ++it)
      landscape += std::stod((*it)[1]) > std::stod((*it)[2]);
    CHECK(landscape >= 3);
    auto text = run("pdftotext '" + pdf.string() + "' -", dir).out;
    CHECK(text.find("— 1 —") != std::string::npos);
    CHECK(text.find("— " + std::to_string(pages - 3) + " —") != std::string::npos);
  }

  SECTION("pdftotext gives back every sentence and table figure, without complaint") {
    Resources res = Resources::load(root);
    auto built = build_document(res, yaml);
    auto r = run("pdftotext '" + pdf.string() + "' -", dir);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    std::string text = std::regex_replace(r.out, std::regex(R"((^|\n)(-|—) \d+ (-|—)(\n|$))"), "\n");
    text = strip_spaces(text);
    int missing = 0, checked = 0;
    auto expect = [&](const std::string& e, bool cell = false) {
      auto s = strip_spaces(e);
      if (s.empty()) return;
      ++checked;
      if (text.find(s) != std::string::npos) return;
      // A cell of a row split at a page's foot comes back in two pieces.
      if (cell && test::find_whole_or_split(text, s) != std::string::npos) return;
      ++missing;
      UNSCOPED_INFO("missing: " << e);
    };
    for (const auto& b : built->document.blocks) {
      if (auto* p = std::get_if<doc::Paragraph>(&b)) expect(p->text);
      if (auto* h = std::get_if<doc::Heading>(&b)) expect(h->text);
      if (auto* l = std::get_if<doc::List>(&b))
        for (const auto& i : l->items) expect(i.label + i.text);
      if (auto* t = std::get_if<doc::Table>(&b)) {
        for (const auto& n : t->notes) expect(n);
        for (const auto* rows : {&t->head, &t->body})
          for (const auto& row : *rows)
            for (const auto& c : row) expect(c.text, true);
      }
    }
    CHECK(missing == 0);
    CHECK(checked > 500);
  }
  fs::remove_all(dir);
}

}  // namespace

TEST_CASE("reference PDF: the 2022 department", "[pdf][reference]") {
  check_reference("2022-jiaozuo-zhengwu-dashuju", 30, 50);
}

TEST_CASE("reference PDF: the 2021 department", "[pdf][reference]") {
  check_reference("2021-jiaozuo-gongxinju", 45, 70);
}
