// juesuan batch and merge: a synthetic city of ten departments in two
// folders, two of them broken (scripts/synth_city.py), built by the real
// program. Failures are isolated and reported with file:line:col; a second
// run rebuilds nothing, an edit rebuilds one department; the index's figures
// are those of each department's own tables; shards cover the city once and
// merge into the unsharded index; -j 1 and -j 2 give the same bytes.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "batch/batch.hpp"
#include "batch/index.hpp"
#include "build/build.hpp"
#include "html/html_writer.hpp"
#include "xlsx_read/xlsx_read.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace juesuan;

namespace {

using juesuan::test::slurp;

using juesuan::test::Run;
using juesuan::test::contains;

// The exit status of a shell command line.
int shell(const std::string& cmd) { return juesuan::test::shell(cmd).status; }

// A temporary folder holding a synthetic city; removed at the end.
struct City {
  fs::path dir;
  std::vector<std::string> broken;   // relative paths, as the script prints them

  City(int n, int broken_count, int folders, int seed = 11) {
    static int serial = 0;
    dir = fs::temp_directory_path() / ("juesuan-batch-" + std::to_string(::getpid()) + "-" + std::to_string(++serial));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string cmd = "python3 " + std::string(JUESUAN_SOURCE_DIR) + "/scripts/synth_city.py " + std::to_string(n) + " " +
                      (dir / "city").string() + " --broken " + std::to_string(broken_count) + " --folders " +
                      std::to_string(folders) + " --seed " + std::to_string(seed) + " > " + (dir / "synth.txt").string();
    REQUIRE(shell(cmd) == 0);
    std::istringstream lines(slurp(dir / "synth.txt"));
    for (std::string l; std::getline(lines, l);)
      if (l.rfind("broken: ", 0) == 0) broken.push_back(l.substr(8));
  }
  ~City() { fs::remove_all(dir); }

  fs::path city() const { return dir / "city"; }

  Run batch(const fs::path& out, const std::string& extra = "") const {
    return juesuan::test::run_juesuan("batch " + city().string() + " -o " + out.string() + " " + extra);
  }
};

// Every regular file under a folder with its bytes, by relative path.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[e.path().lexically_relative(dir).generic_string()] = slurp(e.path());
  return files;
}

std::map<std::string, fs::file_time_type> mtimes(const fs::path& dir) {
  std::map<std::string, fs::file_time_type> m;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().filename().string().rfind("index.", 0) != 0)
      m[e.path().lexically_relative(dir).generic_string()] = fs::last_write_time(e.path());
  return m;
}

const std::regex kLocated(R"(^.+\.yaml:[0-9]+:[0-9]+: 错误)");

}  // namespace

TEST_CASE("batch: broken departments fail alone, with file:line:col, and leave no output") {
  City c(8, 2, 2);
  REQUIRE(c.broken.size() == 2);
  fs::path out = c.dir / "out";
  Run r = c.batch(out, "-j 2");
  CHECK(r.status == 1);

  batch::Index index = batch::read_index_json(out / "index.json");
  REQUIRE(index.departments.size() == 10);
  std::set<std::string> folders;
  int built = 0;
  for (const auto& d : index.departments) {
    folders.insert(d.folder);
    bool is_broken = std::count(c.broken.begin(), c.broken.end(), d.path) > 0;
    INFO(d.path);
    if (is_broken) {
      CHECK(d.status == batch::Status::Failed);
      CHECK(std::regex_search(d.error, kLocated));
      CHECK(!d.figures);
      CHECK(d.outputs.empty());
      // No output of any kind for it.
      fs::path stem = out / fs::path(d.path).replace_extension();
      for (const char* ext : {".html", ".pdf", ".xlsx", ".juesuan-hash"}) CHECK(!fs::exists(stem.string() + ext));
      // The summary names it with its error.
      CHECK(r.err.find("失败：" + d.path + "：" + d.error) != std::string::npos);
      // The reviewer's report shows it with its error; the public index does not.
      CHECK(slurp(out / "review.html").find(d.path) != std::string::npos);
      CHECK(slurp(out / "index.html").find("data-name=\"" + d.name + "\"") == std::string::npos);
    } else {
      CHECK(d.status == batch::Status::Built);
      REQUIRE(d.figures);
      REQUIRE(!d.outputs.empty());
      for (const auto& o : d.outputs) CHECK(fs::exists(out / o.href));
      ++built;
    }
  }
  CHECK(built == 8);
  CHECK(folders.size() == 2);
  CHECK(r.err.find("已生成 8 个，未变化 0 个，失败 2 个") != std::string::npos);

  // The CSV opens in Excel: a byte-order mark, one line per department.
  std::string csv = slurp(out / "index.csv");
  CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 11);
}

namespace {

std::string url_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Every href="…" of a page, decoded.
std::vector<std::string> links_of(const std::string& html) {
  std::vector<std::string> out;
  static const std::regex href(R"re(href="([^"#]+)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator(); ++it)
    out.push_back(url_decode((*it)[1]));
  return out;
}

}  // namespace

TEST_CASE("batch: the public index names departments only: no path, file name, error or failed department") {
  City c(8, 2, 2);
  fs::path out = c.dir / "out";
  REQUIRE(c.batch(out, "-j 2").status == 1);
  const std::string html = slurp(out / "index.html");
  const batch::Index index = batch::read_index_json(out / "index.json");
  int shown = 0;
  for (const auto& d : index.departments) {
    INFO(d.path);
    CHECK(!contains(html, d.path));
    CHECK(!contains(html, fs::path(d.path).filename().string()));
    const bool listed = contains(html, "<li class=\"entry\" data-name=\"" + d.name + "\">");
    CHECK(listed == (d.status != batch::Status::Failed));
    shown += listed;
    if (d.status == batch::Status::Failed) CHECK(!contains(html, d.error));
  }
  CHECK(shown == 8);
  const std::string city_path = c.city().string(), out_path = out.string();
  for (const std::string& word : {std::string(".yaml"), std::string("error"), std::string("错误"), std::string("失败"),
                                  city_path, out_path}) {
    INFO(word);
    CHECK(!contains(html, word));
  }
  // Every link resolves to a file, and every output of every listed department is linked.
  std::set<std::string> linked;
  for (const auto& l : links_of(html)) {
    INFO(l);
    CHECK(fs::is_regular_file(out / l));
    linked.insert(l);
  }
  for (const auto& d : index.departments)
    for (const auto& o : d.outputs) CHECK(linked.count(o.href));
  // Each department page links its other outputs and the index, and they resolve too.
  for (const auto& d : index.departments)
    for (const auto& o : d.outputs) {
      if (o.kind != "html") continue;
      const fs::path page = out / o.href;
      const auto page_links = links_of(slurp(page));
      CHECK(std::count(page_links.begin(), page_links.end(), fs::path("../index.html").generic_string()) == 1);
      for (const auto& l : page_links) {
        INFO(page << " -> " << l);
        CHECK(fs::is_regular_file(page.parent_path() / l));
      }
    }
}

TEST_CASE("batch: the reviewer's report lists every finding of every department") {
  City c(8, 2, 2);
  fs::path out = c.dir / "out";
  REQUIRE(c.batch(out, "-j 2").status == 1);
  const std::string csv = slurp(out / "review.csv");
  const std::string html = slurp(out / "review.html");
  CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  const batch::Index index = batch::read_index_json(out / "index.json");
  std::size_t total = 0;
  for (const auto& d : index.departments) {
    INFO(d.path);
    // What `juesuan check` says of the file, one finding a line: "file:line:col: 错误 [rule] message"
    // for the audit, "file:line:col: 错误：message" when the file cannot be read.
    Run check = juesuan::test::run_juesuan("check " + juesuan::test::shell_quote((c.city() / d.path).string()));
    std::istringstream lines(check.err);
    std::size_t n = 0;
    static const std::regex finding(R"(^.+\.yaml(:([0-9]+):([0-9]+))?: (错误|警告|提示)(：| \[([a-z0-9-]+)\] )(.*)$)");
    for (std::string l; std::getline(lines, l);) {
      std::smatch m;
      if (!std::regex_match(l, m, finding)) continue;
      ++n;
      INFO(l);
      const std::string location = d.path + (m[1].matched ? ":" + m[2].str() + ":" + m[3].str() : "");
      const std::string rule = m[6].matched ? m[6].str() : "input";
      const std::string message = m[7].str();
      CHECK(contains(csv, d.path + "," + batch::status_label(d.status) + ","));
      CHECK(contains(csv, rule + "," + location + ","));
      if (message.find_first_of(",\"") == std::string::npos) CHECK(contains(csv, "," + location + "," + message + "\r\n"));
      CHECK(contains(html, "data-rule=\"" + rule + "\""));
      CHECK(contains(html, html::escape(message)));
    }
    CHECK(d.findings.size() >= n);   // and the writers' warnings
    if (d.status == batch::Status::Failed) {
      CHECK(n > 0);
      CHECK(contains(html, "<code>" + html::escape(d.error) + "</code>"));
    }
    total += d.findings.size();
  }
  // One line per finding, one for each department without any, and the header.
  std::size_t without = 0;
  for (const auto& d : index.departments) without += d.findings.empty();
  CHECK(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')) == 1 + total + without);
  CHECK(total > 0);
}

TEST_CASE("batch: a second run rebuilds nothing; an edit rebuilds that department only") {
  City c(5, 0, 2, 3);
  fs::path out = c.dir / "out";
  REQUIRE(c.batch(out, "-j 2").status == 0);
  auto before = mtimes(out);

  Run second = c.batch(out, "-j 2");
  CHECK(second.status == 0);
  CHECK(second.err.find("已生成 0 个，未变化 5 个，失败 0 个") != std::string::npos);
  CHECK(mtimes(out) == before);
  batch::Index index = batch::read_index_json(out / "index.json");
  for (const auto& d : index.departments) {
    CHECK(d.status == batch::Status::Unchanged);
    CHECK(d.figures);  // recomputed from the model
    CHECK(!d.outputs.empty());
  }

  // A correction to one department.
  const std::string edited = index.departments[2].path;
  { std::ofstream(c.city() / edited, std::ios::app) << "# 更正：复核后重新生成\n"; }
  Run third = c.batch(out, "-j 2");
  CHECK(third.status == 0);
  CHECK(third.err.find("已生成 1 个，未变化 4 个，失败 0 个") != std::string::npos);
  auto after = mtimes(out);
  for (const auto& [file, time] : before) {
    INFO(file);
    bool of_edited = fs::path(file).replace_extension() == fs::path(edited).replace_extension();
    CHECK((after.at(file) != time) == of_edited);
  }
  for (const auto& d : batch::read_index_json(out / "index.json").departments)
    CHECK(d.status == (d.path == edited ? batch::Status::Built : batch::Status::Unchanged));
}

namespace {

std::string digits(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ','), s.end());
  return s;
}

// The cell `col` of the first body row of `table` whose first cell is one
// of `labels` (the formats word some rows differently).
std::string cell(const doc::Table& t, std::initializer_list<const char*> labels, std::size_t col) {
  for (const char* label : labels)
    for (const auto& row : t.body)
      if (!row.empty() && row[0].text == label && col < row.size()) return digits(row[col].text);
  return "(no such row)";
}

const doc::Table* table(const doc::Document& d, const std::function<bool(const std::string&)>& match) {
  for (const auto& b : d.blocks)
    if (const auto* t = std::get_if<doc::Table>(&b); t && match(t->title)) return t;
  return nullptr;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

TEST_CASE("batch: the figures in index.json are those of each department's own tables") {
  City c(6, 0, 2, 5);
  fs::path out = c.dir / "out";
  REQUIRE(c.batch(out, "-j 2").status == 0);
  Resources res = Resources::load(JUESUAN_SOURCE_DIR);
  for (const auto& d : batch::read_index_json(out / "index.json").departments) {
    INFO(d.path);
    REQUIRE(d.figures);
    auto built = build_document(res, c.city() / d.path);
    const doc::Document& doc = built->document;
    const doc::Table* t01 = table(doc, [](const std::string& s) { return s == "收入支出决算总表"; });
    const doc::Table* t04 = table(doc, [](const std::string& s) { return s == "财政拨款收入支出决算总表"; });
    const doc::Table* t3p = table(doc, [](const std::string& s) { return ends_with(s, "“三公”经费支出决算表"); });
    REQUIRE(t01);
    REQUIRE(t04);
    REQUIRE(t3p);
    const batch::KeyFigures& k = *d.figures;
    CHECK(batch::wan(k.grand_total) == cell(*t01, {"收入总计", "总计"}, 2));
    CHECK(batch::wan(k.income_total) == cell(*t01, {"本年收入合计"}, 2));
    CHECK(batch::wan(k.spending_total) == cell(*t01, {"本年收入合计"}, 5));
    CHECK(batch::wan(k.fiscal_spending) == cell(*t04, {"本年收入合计"}, 5));  // 本年支出合计, 合计 column
    REQUIRE(!t3p->body.empty());
    CHECK(batch::wan(k.three_public) == digits(t3p->body.back().at(6).text));  // 决算数 合计
  }
}

TEST_CASE("batch: --shard I/3 builds each department in exactly one shard; merge gives the unsharded index") {
  City c(9, 1, 3, 7);
  fs::path whole = c.dir / "whole";
  CHECK(c.batch(whole, "-j 2").status == 1);
  std::map<std::string, int> shard_of;
  std::string merge_args;
  for (int i = 0; i < 3; ++i) {
    fs::path out = c.dir / "out" / ("shard-" + std::to_string(i));
    int status = c.batch(out, "-j 2 --shard " + std::to_string(i) + "/3").status;
    CHECK((status == 0 || status == 1));
    for (const auto& d : batch::read_index_json(out / "index.json").departments) {
      INFO(d.path);
      CHECK(shard_of.count(d.path) == 0);
      shard_of[d.path] = i;
    }
    merge_args += " " + (out / "index.json").string();
  }
  fs::path merged_dir = c.dir / "out";
  int status = shell(std::string(JUESUAN_BINARY) + " merge" + merge_args + " -o " + merged_dir.string() + " 2>/dev/null");
  CHECK(status == 1);  // the broken department failed in its shard

  batch::Index unsharded = batch::read_index_json(whole / "index.json");
  batch::Index merged = batch::read_index_json(merged_dir / "index.json");
  REQUIRE(shard_of.size() == unsharded.departments.size());
  REQUIRE(merged.departments.size() == unsharded.departments.size());
  for (std::size_t i = 0; i < merged.departments.size(); ++i) {
    batch::Department m = merged.departments[i];
    const batch::Department& u = unsharded.departments[i];
    INFO(u.path);
    // Links point into the shard's folder, and at files that exist.
    for (auto& o : m.outputs) {
      CHECK(fs::exists(merged_dir / o.href));
      std::string prefix = "shard-" + std::to_string(shard_of.at(u.path)) + "/";
      REQUIRE(o.href.rfind(prefix, 0) == 0);
      o.href = o.href.substr(prefix.size());
    }
    // The error message names the file as given, under the same city folder.
    CHECK(m == u);
  }
  // The 汇总 is the same.
  auto summary = [](const std::string& json) { return json.substr(json.find("\"summary\"")); };
  CHECK(summary(slurp(merged_dir / "index.json")) == summary(slurp(whole / "index.json")));

  // A missing shard is a misuse.
  std::string two = merge_args.substr(0, merge_args.rfind(' '));
  CHECK(shell(std::string(JUESUAN_BINARY) + " merge" + two + " -o " + (c.dir / "m2").string() + " 2>/dev/null") == 2);
}

TEST_CASE("batch: -j 1 and -j 2 write the same bytes, index included") {
  City c(6, 1, 2, 13);
  fs::path one = c.dir / "j1", two = c.dir / "j2";
  CHECK(c.batch(one, "-j 1").status == 1);
  CHECK(c.batch(two, "-j 2").status == 1);
  auto a = tree(one), b = tree(two);
  CHECK(a.size() == b.size());
  for (const auto& [file, bytes] : a) {
    INFO(file);
    REQUIRE(b.count(file));
    CHECK((bytes == b.at(file)));
  }
  CHECK(a.count("index.html"));
}

TEST_CASE("batch: a misused command exits 2") {
  City c(1, 0, 1, 17);
  auto run = [&](const std::string& args) {
    return shell(std::string(JUESUAN_BINARY) + " " + args + " 2>/dev/null >/dev/null");
  };
  CHECK(run("batch " + (c.dir / "no-such-folder").string() + " -o " + (c.dir / "o").string()) == 2);
  CHECK(run("batch " + c.city().string() + " -o " + (c.dir / "o").string() + " -j 0") == 2);
  CHECK(run("batch " + c.city().string() + " -o " + (c.dir / "o").string() + " -j two") == 2);
  CHECK(run("batch " + c.city().string() + " -o " + (c.dir / "o").string() + " --shard 3/3") == 2);
  CHECK(run("batch " + c.city().string() + " -o " + (c.dir / "o").string() + " --shard 1") == 2);
  CHECK(run("batch " + c.city().string() + " -o " + (c.dir / "o").string() + " --bogus") == 2);
  CHECK(run("merge -o " + (c.dir / "o").string()) == 2);
  CHECK(!fs::exists(c.dir / "o"));
}

TEST_CASE("batch: shards depend on each department's own path only") {
  batch::Shard s{1, 4};
  std::vector<std::string> paths = {"01-教育局/第一中学.yaml", "01-教育局/第二中学.yaml", "02-财政局/财政局本级.yaml"};
  std::vector<bool> before;
  for (const auto& p : paths) before.push_back(batch::in_shard(p, s));
  // Adding a department elsewhere changes nothing for the others.
  paths.push_back("03-新部门/新单位.yaml");
  for (std::size_t i = 0; i < before.size(); ++i) CHECK(batch::in_shard(paths[i], s) == before[i]);
  // Each path is in exactly one of the N shards.
  for (const auto& p : paths) {
    int n = 0;
    for (int i = 0; i < 4; ++i) n += batch::in_shard(p, batch::Shard{i, 4});
    CHECK(n == 1);
  }
  CHECK(!batch::parse_shard("4/4"));
  CHECK(!batch::parse_shard("-1/4"));
  CHECK(!batch::parse_shard("1/0"));
  CHECK(batch::parse_shard("0/1"));
}

TEST_CASE("batch: in headless Chromium the index shows every department that built, its links resolve, pages fit a phone") {
  // tests/browser/check_pages.py drives Debian's chromium over the DevTools
  // protocol; it exits 77 only when chromium is not installed.
  City c(8, 2, 2);
  fs::path out = c.dir / "out";
  REQUIRE(c.batch(out, "-j 2").status == 1);
  fs::path log = c.dir / "browser.txt";
  // Debian's python3, which has python3-websocket.
  const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  int status = shell(python + " " + std::string(JUESUAN_SOURCE_DIR) + "/tests/browser/check_pages.py " + out.string() +
                     " --screenshots " + (c.dir / "shots").string() + " > " + log.string() + " 2>&1");
  std::string report = slurp(log);
  if (status == 77) {
    WARN("skipped: " << report);
    return;
  }
  INFO(report);
  CHECK(status == 0);
  CHECK(report.find("index.html: 8 departments shown") != std::string::npos);   // the two broken ones not
  CHECK(report.find("review.html: ") != std::string::npos);
  for (const char* shot : {"index-1280.png", "index-390.png", "review-1280.png", "department-1-wide-table.png",
                           "department-1-1280.png"})
    CHECK(fs::exists(c.dir / "shots" / shot));
}

TEST_CASE("batch: index.xlsx holds the public index: each department that built, its figures as numbers, the 汇总") {
  City c(6, 1, 2, 7);
  fs::path out = c.dir / "out";
  c.batch(out, "-j 2");
  const batch::Index index = batch::read_index_json(out / "index.json");
  const auto book = xlsx::open_xlsx(slurp(out / "index.xlsx"));
  REQUIRE(book.sheet_names().size() == 1);
  const xlsx::Cells& cells = book.cells(book.sheet_names().front());
  // Rows: title, its number, the unit line, the head, then one row per department that built.
  auto number = [&](int r, int col) -> std::optional<long long> {
    auto it = cells.find({r, col});
    if (it == cells.end() || !it->second.is_number()) return std::nullopt;
    return std::llround(std::stod(it->second.text) * 100);
  };
  auto text = [&](int r, int col) {
    auto it = cells.find({r, col});
    return it == cells.end() ? std::string() : it->second.text;
  };
  int row = 4;
  long long sum_income = 0;
  int listed = 0;
  for (const auto& d : index.departments) {
    if (!d.figures) {
      // A failed department is not on the public index.
      for (const auto& [pos, cell] : cells) CHECK(cell.text != d.name);
      continue;
    }
    INFO(d.path);
    CHECK(text(row, 1) == d.name);
    CHECK(number(row, 4) == d.figures->grand_total.printed_wan_cents());
    CHECK(number(row, 5) == d.figures->income_total.printed_wan_cents());
    CHECK(number(row, 6) == d.figures->spending_total.printed_wan_cents());
    CHECK(number(row, 7) == d.figures->fiscal_spending.printed_wan_cents());
    CHECK(number(row, 8) == d.figures->three_public.printed_wan_cents());
    sum_income += d.figures->income_total.printed_wan_cents();
    ++row;
    ++listed;
  }
  // The synthetic city has one broken department besides the six.
  CHECK(listed == 6);
  CHECK(index.departments.size() == 7);
  // The 汇总 row: the synthetic city has no 部门/单位 overlap, so its 本年收入合计 is the sum.
  // (Each department's figure is exact in 分; the sum of the printed 万元 may differ from the
  // printed sum by the rounding of each, at most 0.005 万元 per department.)
  REQUIRE(number(row, 5));
  CHECK(std::llabs(*number(row, 5) - sum_income) <= listed);
  // No path or file name.
  for (const auto& [pos, cell] : cells) CHECK_FALSE(contains(cell.text, ".yaml"));
}
