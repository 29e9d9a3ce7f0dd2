// The command line as a finance officer meets it (issue 16, item 5):
// every input error of a file in one run, in line order, up to a limit; a
// full-width colon named as such on its own line; too little indentation
// on the line where it happens; `check` says 审核通过 with counts; `diff`
// exits 1 on differences; `batch` refuses to run without -o; --version;
// outputs named by the document's title; `init` writes a skeleton that
// loads. The program is run as a whole (tests/support.hpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "support.hpp"

using namespace juesuan::test;

namespace {

const std::string kExample = "data/examples/2022-jiaozuo-zhengwu-dashuju.yaml";

// Runs juesuan from the repository root.
Run at_root(const std::string& args) {
  return shell("cd " + shell_quote(kSourceDir.string()) + " && " + shell_quote(binary()) + " " + args);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// The "file:LINE:COL: 错误：" lines of a run's stderr, as (line, col).
std::vector<std::pair<int, int>> error_positions(const std::string& err, const std::string& file) {
  std::vector<std::pair<int, int>> out;
  const std::regex head("^" + std::regex_replace(file, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                        R"(:(\d+):(\d+): 错误：)");
  for (const auto& l : lines_of(err)) {
    std::smatch m;
    if (std::regex_search(l, m, head)) out.emplace_back(std::stoi(m[1]), std::stoi(m[2]));
  }
  return out;
}

const std::string kHeader = "department: 测试局\nyear: 2022\nformat: \"2022\"\namount_unit: 元\n";

}  // namespace

TEST_CASE("cli: every input error of a file is reported in one run, in line order", "[cli]") {
  TempDir t("cli-errors");
  // Five mistakes on five lines, of four kinds, written out of the order
  // in which the loader reads the blocks (assets before items).
  const fs::path f = t / "d.yaml";
  spit(f, kHeader +                                     // lines 1-4
              "assets:\n"                               // 5
              "  vehicles: {limousine: 1}\n"            // 6: unknown vehicle use
              "items:\n"                                // 7
              "  - code: \"2010301\"\n"                 // 8
              "    income:\n"                           // 9
              "      general: 1,100\n"                  // 10: thousands separator
              "    bugdet: 5\n"                         // 11: unknown key
              "  - code: \"20103O1\"\n"                 // 12: a letter O in the code
              "procurement:\n"                          // 13
              "  goods: -3\n");                         // 14: negative
  Run r = run_juesuan("check " + shell_quote(f.string()));
  CHECK(r.status == 2);
  auto at = error_positions(r.err, f.string());
  std::vector<int> lines;
  for (auto [l, c] : at) lines.push_back(l);
  CHECK(lines == std::vector<int>{6, 10, 11, 12, 14});
  CHECK(contains(r.err, "limousine"));
  CHECK(contains(r.err, "千分位"));
  CHECK(contains(r.err, "bugdet"));
  CHECK(contains(r.err, "共 5 处错误"));
  CHECK(!contains(r.err, "以上是前"));
}

TEST_CASE("cli: more errors than the limit: the first 20 in line order, and how many there were", "[cli]") {
  TempDir t("cli-limit");
  const fs::path f = t / "d.yaml";
  std::string yaml = kHeader + "items: []\nsupplied:\n";  // lines 5 and 6
  for (int i = 0; i < 25; ++i) yaml += "  \"dept.total_" + std::to_string(i) + "\": 1e3\n";  // lines 7-31
  spit(f, yaml);
  Run r = run_juesuan("check " + shell_quote(f.string()));
  CHECK(r.status == 2);
  auto at = error_positions(r.err, f.string());
  REQUIRE(at.size() == 20);
  for (std::size_t i = 0; i < at.size(); ++i) CHECK(at[i].first == 7 + static_cast<int>(i));
  CHECK(contains(r.err, "共 25 处错误，以上是前 20 处"));
}

TEST_CASE("cli: a full-width colon is reported on its own line, as 全角冒号, with the file's other errors", "[cli]") {
  TempDir t("cli-colon");
  const fs::path f = t / "d.yaml";
  spit(f, "department: 测试局\n"
          "year：2022\n"                 // line 2: full-width colon after "year"
          "format: \"2022\"\n"
          "amount_unit: 元\n"
          "items:\n"
          "  - code：\"2010301\"\n"       // line 6: another, in a list item
          "    budget: 1,000\n");         // line 7: an error of the loader
  Run r = run_juesuan("check " + shell_quote(f.string()));
  CHECK(r.status == 2);
  auto at = error_positions(r.err, f.string());
  // The colon is the 5th character of line 2 and the 9th of line 6.
  CHECK(at == std::vector<std::pair<int, int>>{{2, 5}, {6, 9}, {7, 13}});
  CHECK(contains(r.err, "全角冒号"));
  CHECK(contains(r.err, "year: …"));
  CHECK(contains(r.err, "code: …"));
  // Not the indentation message the parse gave before, on the next line.
  CHECK(!contains(r.err, "缩进"));
  CHECK(!contains(r.err, "这里不能写"));
}

TEST_CASE("cli: too little indentation is reported on the line where it happens", "[cli]") {
  TempDir t("cli-indent");
  const fs::path f = t / "d.yaml";
  spit(f, kHeader + "items:\n  - code: \"2010301\"\n    budget: 5\n"
                    "overview:\n"          // line 8: its keys below are not indented
                    "composition: 本级决算\n"  // line 9
                    "units: [本级]\n");      // line 10
  Run r = run_juesuan("check " + shell_quote(f.string()));
  CHECK(r.status == 2);
  auto at = error_positions(r.err, f.string());
  std::vector<int> lines;
  for (auto [l, c] : at) lines.push_back(l);
  // overview: has no value (line 8), and line 9 is where the indentation is missing.
  CHECK(std::count(lines.begin(), lines.end(), 9) == 1);
  CHECK(contains(r.err, ":9:1: 错误：缩进不足：这一行缩进了 0 个空格，属于上一行的键时要缩进 2 个空格"));
}

TEST_CASE("cli: check says 审核通过 with the number of rules, warnings and notes", "[cli]") {
  Run rules = at_root("check --list-rules");
  REQUIRE(rules.status == 0);
  const auto n_rules = lines_of(rules.out).size();
  REQUIRE(n_rules >= 20);
  // The findings on stdout, the program's own line on stderr.
  Run r = at_root("check " + kExample);
  CHECK(r.status == 0);
  std::size_t warnings = 0, notes = 0;
  for (const auto& l : lines_of(r.out)) {
    warnings += contains(l, ": 警告 [");
    notes += contains(l, ": 提示 [");
  }
  CHECK(notes > 0);  // the 万元 example has 尾差 notes
  CHECK(r.err == kExample + "：审核通过（" + std::to_string(n_rules) + " 条审核规则，0 个错误，" +
                            std::to_string(warnings) + " 个警告，" + std::to_string(notes) + " 条提示）\n");
  // A department with an audit error does not pass.
  Run bad = at_root("check tests/check/total-balance-error.yaml");
  CHECK(bad.status == 1);
  CHECK(!contains(bad.out + bad.err, "审核通过"));
}

TEST_CASE("cli: diff exits 0 for equal files and 1 when they differ, as diff(1)", "[cli]") {
  TempDir t("cli-diff");
  std::string text = slurp(kSourceDir / kExample);
  spit(t / "same.yaml", text);
  auto at = text.find("general: 684.70");
  REQUIRE(at != std::string::npos);
  std::string changed = text;
  changed.replace(at, 15, "general: 694.70");
  spit(t / "changed.yaml", changed);
  CHECK(at_root("diff " + kExample + " " + shell_quote((t / "same.yaml").string())).status == 0);
  Run r = at_root("diff " + kExample + " " + shell_quote((t / "changed.yaml").string()));
  CHECK(r.status == 1);
  CHECK(contains(r.out, "684.70 → 694.70"));
}

TEST_CASE("cli: batch without -o refuses, in Chinese, and writes nothing", "[cli]") {
  TempDir t("cli-batch");
  spit(t / "city" / "a.yaml", slurp(kSourceDir / kExample));
  Run r = shell("cd " + shell_quote(t.dir.string()) + " && " + shell_quote(binary()) + " batch city --root " +
                shell_quote(kSourceDir.string()));
  CHECK(r.status == 2);
  CHECK(contains(r.err, "batch 需要用 -o 指定输出文件夹"));
  CHECK(!fs::exists(t / "out"));
}

TEST_CASE("cli: --version prints the version of the CMake project", "[cli]") {
  std::smatch m;
  const std::string cmake = slurp(kSourceDir / "CMakeLists.txt");
  REQUIRE(std::regex_search(cmake, m, std::regex(R"(project\(juesuan VERSION ([0-9.]+))")));
  Run r = run_juesuan("--version");
  CHECK(r.status == 0);
  CHECK(r.out.rfind("juesuan " + std::string(m[1]) + "（", 0) == 0);
}

TEST_CASE("cli: --name title names the outputs by the document's title", "[cli]") {
  TempDir t("cli-title");
  Run r = at_root("build " + kExample + " -o " + shell_quote((t / "o").string()) + " --name title");
  REQUIRE(r.status == 0);
  std::vector<fs::path> pdfs;
  for (const auto& e : fs::directory_iterator(t / "o"))
    if (e.path().extension() == ".pdf") pdfs.push_back(e.path());
  REQUIRE(pdfs.size() == 1);
  CHECK(fs::exists(fs::path(pdfs[0]).replace_extension(".html")));
  CHECK(fs::exists(fs::path(pdfs[0]).replace_extension(".juesuan-hash")));
  // The name is the title the PDF carries in its document information.
  Run info = shell("pdfinfo " + shell_quote(pdfs[0].string()));
  REQUIRE(info.status == 0);
  std::smatch m;
  REQUIRE(std::regex_search(info.out, m, std::regex("Title: +(.+)")));
  CHECK(pdfs[0].stem().string() == std::string(m[1]));
  CHECK(contains(pdfs[0].stem().string(), "焦作市政务服务和大数据管理局"));
  // A second run finds it unchanged under that name.
  Run again = at_root("build " + kExample + " -o " + shell_quote((t / "o").string()) + " --name title");
  CHECK(again.status == 0);
  CHECK(contains(again.err, "未变化"));
}

TEST_CASE("cli: init writes a commented skeleton in 元 that loads, passes check and names the schema", "[cli]") {
  TempDir t("cli-init");
  const fs::path f = t / "新部门.yaml";
  Run r = run_juesuan("init -o " + shell_quote(f.string()) + " --year 2023");
  REQUIRE(r.status == 0);
  const std::string text = slurp(f);
  CHECK(contains(text, "amount_unit: 元"));
  CHECK(contains(text, "year: 2023"));
  CHECK(contains(text, "format: \"2022\""));
  // The first line names the schema, by a path from the file's folder.
  std::smatch m;
  REQUIRE(std::regex_search(text, m, std::regex("^# yaml-language-server: \\$schema=(.+)\n")));
  CHECK(fs::equivalent(t.dir / std::string(m[1]), kSourceDir / "data/schema/department.schema.json"));
  // It loads; check reports no error (only what an empty department lacks).
  Run c = run_juesuan("check " + shell_quote(f.string()));
  CHECK(c.status == 0);
  CHECK(contains(c.err, "审核通过"));
  CHECK(!contains(c.out, ": 错误："));
  // It builds.
  Run b = run_juesuan("build " + shell_quote(f.string()) + " -o " + shell_quote((t / "o").string()));
  CHECK(b.status == 0);
  // An existing file is not overwritten.
  Run again = run_juesuan("init -o " + shell_quote(f.string()));
  CHECK(again.status == 2);
  CHECK(contains(again.err, "init 不覆盖已有的文件"));
  CHECK(slurp(f) == text);
  // 2021 and earlier: the 2021 format; without -o, on stdout.
  Run old = run_juesuan("init --year 2021");
  CHECK(old.status == 0);
  CHECK(contains(old.out, "format: \"2021\""));
  CHECK(run_juesuan("init --year 22").status == 2);
}
