// batch --compile: the city's compilation (汇编.pdf) of a synthetic city,
// built by the real program in the same run as the departments. Checked
// against the departments' own PDFs of that run (page counts, printed page
// numbers), never against the compilation's own figures: qpdf --check; the
// master 目录's page of each department is its cover (the department's
// name on it) and follows from the page counts of the departments before
// it; page numbers run on without a break; the outline has every 主管部门
// and department, each with its own parts; each font is embedded once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "support.hpp"

namespace fs = std::filesystem;
using juesuan::test::contains;
using juesuan::test::Run;
using juesuan::test::shell;
using juesuan::test::shell_quote;
using juesuan::test::slurp;

namespace {

// A synthetic city (scripts/synth_city.py) in a temporary folder.
struct City : juesuan::test::TempDir {
  City(int n, int broken, int folders) : TempDir("compile") {
    Run r = shell("python3 " + (juesuan::test::kSourceDir / "scripts/synth_city.py").string() + " " +
                  std::to_string(n) + " " + (dir / "city").string() + " --broken " + std::to_string(broken) +
                  " --folders " + std::to_string(folders) + " --seed 5");
    REQUIRE(r.status == 0);
  }
  Run batch(const std::string& extra) const {
    return juesuan::test::run_juesuan("batch " + shell_quote((dir / "city").string()) + " -o " +
                                      shell_quote((dir / "out").string()) + " -j 2 --quiet " + extra);
  }
};

// The text of each page (pdftotext, pages split at form feeds).
std::vector<std::string> pages_text(const fs::path& pdf, bool layout = false) {
  Run r = shell(std::string("pdftotext ") + (layout ? "-layout " : "") + shell_quote(pdf.string()) + " -");
  REQUIRE(r.status == 0);
  std::vector<std::string> pages;
  std::size_t from = 0;
  for (std::size_t ff; (ff = r.out.find('\f', from)) != std::string::npos; from = ff + 1)
    pages.push_back(r.out.substr(from, ff - from));
  return pages;
}

int page_count(const fs::path& pdf) {
  Run r = shell("pdfinfo " + shell_quote(pdf.string()));
  REQUIRE(r.status == 0);
  std::smatch m;
  REQUIRE(std::regex_search(r.out, m, std::regex(R"(Pages:\s+(\d+))")));
  return std::stoi(m[1]);
}

// The printed page number of a page ("— 7 —" or "- 7 -" on a line of its
// own), or 0 for none.
int printed_number(const std::string& page) {
  static const std::regex line(R"((?:^|\n)\s*(?:—|-)\s*(\d+)\s*(?:—|-)\s*(?=\n|$))");
  int n = 0;
  for (std::sregex_iterator it(page.begin(), page.end(), line), end; it != end; ++it) n = std::stoi((*it)[1]);
  return n;
}

struct Dept {
  std::string name;
  fs::path pdf;  // its own PDF
  int pages = 0;
};

// Each department of the city with its own PDF of this run.
std::vector<Dept> departments(const City& c, const std::string& folder = "") {
  std::vector<Dept> out;
  for (const auto& e : fs::recursive_directory_iterator(c / "city")) {
    if (e.path().extension() != ".yaml") continue;
    const fs::path rel = e.path().lexically_relative(c / "city");
    if (!folder.empty() && rel.parent_path().generic_string() != folder) continue;
    std::istringstream in(slurp(e.path()));
    Dept d;
    for (std::string l; std::getline(in, l);)
      if (l.rfind("department:", 0) == 0) {
        d.name = l.substr(11);
        d.name.erase(0, d.name.find_first_not_of(' '));
        d.name = d.name.substr(0, d.name.find(" #"));
        d.name.erase(d.name.find_last_not_of(" \"") + 1);
        if (!d.name.empty() && d.name[0] == '"') d.name.erase(0, 1);
        break;
      }
    d.pdf = c / "out" / rel.parent_path() / (rel.stem().string() + ".pdf");
    REQUIRE(fs::exists(d.pdf));
    d.pages = page_count(d.pdf);
    out.push_back(d);
  }
  return out;
}

// The outline as (depth, title) in order, from qpdf --json.
void outline(const nlohmann::json& items, int depth, std::vector<std::pair<int, std::string>>& out) {
  for (const auto& o : items) {
    out.emplace_back(depth, o.at("title").get<std::string>());
    outline(o.at("kids"), depth + 1, out);
  }
}

// Checks a compilation of these departments; returns the titles of the
// outline's top level.
std::vector<std::string> check_volume(const fs::path& volume, const std::vector<Dept>& depts) {
  INFO(volume.string());
  Run q = shell("qpdf --check " + shell_quote(volume.string()));
  INFO(q.out << q.err);
  CHECK(q.status == 0);

  // Every department's pages are in it, and the front matter before them.
  const int total = page_count(volume);
  int body = 0;
  for (const auto& d : depts) body += d.pages;
  const int front = total - body;
  CHECK(front >= 2);
  CHECK(front % 2 == 0);  // odd printed numbers on right-hand pages
  const auto text = pages_text(volume);
  REQUIRE(static_cast<int>(text.size()) == total);

  // The master 目录: each department's name with the page of its cover.
  const auto front_layout = pages_text(volume, true);
  std::map<int, const Dept*> by_page;
  for (const auto& d : depts) {
    INFO(d.name);
    int listed = 0;
    for (int p = 0; p < front && !listed; ++p) {
      std::smatch m;
      const std::regex entry(d.name + R"(\s+(\d+)\s*(\n|$))");
      if (std::regex_search(front_layout[p], m, entry)) listed = std::stoi(m[1]);
    }
    REQUIRE(listed > 0);
    // Physical page = printed page + the front matter's pages; the
    // department's cover bears its name.
    REQUIRE(listed + front <= total);
    CHECK(contains(text[listed + front - 1], d.name));
    by_page[listed] = &d;
  }
  // ... and each starts where the one before it ends, by their own PDFs.
  REQUIRE(by_page.size() == depts.size());
  int expected = 1;
  for (const auto& [page, d] : by_page) {
    CHECK(page == expected);
    expected += d->pages;
  }
  CHECK(expected - 1 + front == total);

  // Page numbers: every printed number is its page's place after the
  // front matter, and as many pages carry one as in the departments' own PDFs.
  int own_numbered = 0;
  for (const auto& d : depts)
    for (const auto& t : pages_text(d.pdf)) own_numbered += printed_number(t) > 0;
  int numbered = 0;
  for (int p = 0; p < total; ++p)
    if (int n = printed_number(text[p])) {
      INFO("physical page " << p + 1);
      CHECK(p >= front);
      CHECK(n == p + 1 - front);
      ++numbered;
    }
  CHECK(numbered == own_numbered);
  CHECK(numbered > body / 2);

  // The outline: the 目录, then (主管部门 →) department → its parts and tables.
  Run j = shell("qpdf --json --json-key=outlines " + shell_quote(volume.string()));
  REQUIRE(j.status == 0);
  std::vector<std::pair<int, std::string>> items;
  outline(nlohmann::json::parse(j.out).at("outlines"), 0, items);
  for (const auto& d : depts) {
    INFO(d.name);
    auto at = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.second == d.name; });
    REQUIRE(at != items.end());
    REQUIRE(at + 1 != items.end());
    CHECK((at + 1)->first == at->first + 1);  // its own parts below it
  }
  std::vector<std::string> top;
  for (const auto& [depth, title] : items)
    if (depth == 0) top.push_back(title);

  // Each font once for the whole volume.
  Run f = shell("pdffonts " + shell_quote(volume.string()));
  REQUIRE(f.status == 0);
  std::istringstream lines(f.out);
  std::set<std::string> fonts;
  int rows = 0;
  for (std::string l; std::getline(lines, l);)
    if (contains(l, "CID TrueType")) {
      ++rows;
      fonts.insert(l.substr(l.find('+') + 1, l.find(' ') - l.find('+') - 1));
    }
  CHECK(rows > 0);
  CHECK(rows == static_cast<int>(fonts.size()));
  return top;
}

}  // namespace

TEST_CASE("compile: a city's departments in one PDF, 目录 and page numbers right, outline complete") {
  City c(7, 0, 3);
  Run r = c.batch("--compile --city 青川市");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(contains(r.err, "汇编"));
  const fs::path volume = c / "out" / "汇编.pdf";
  REQUIRE(fs::exists(volume));
  const auto depts = departments(c);
  REQUIRE(depts.size() == 7);
  const auto top = check_volume(volume, depts);
  // The 目录, then one item per 主管部门 folder.
  std::set<std::string> folders;
  for (const auto& e : fs::directory_iterator(c / "city")) {
    std::string n = e.path().filename().string();
    folders.insert(n.substr(n.find('-') + 1));
  }
  REQUIRE(top.size() == folders.size() + 1);
  CHECK(std::set<std::string>(top.begin() + 1, top.end()) == folders);
  // The cover names the city.
  CHECK(contains(pages_text(volume).front(), "青川市"));
  // The public index links it, with its title and the count of its
  // departments and of its pages of departments (the last page number the
  // outline points at is the body's last page).
  const std::string index = slurp(c / "out" / "index.html");
  CHECK(contains(index, "<a href=\"%E6%B1%87%E7%BC%96.pdf\">"));
  CHECK(contains(index, "青川市"));
  CHECK(contains(index, "PDF，7个部门，正文"));

  // A second run (every department unchanged) compiles the same volume.
  const std::string first = slurp(volume);
  Run again = c.batch("--compile --city 青川市");
  REQUIRE(again.status == 0);
  CHECK(slurp(volume) == first);
}

TEST_CASE("compile: one 主管部门's folder") {
  City c(7, 0, 3);
  std::string folder;
  for (const auto& e : fs::directory_iterator(c / "city")) folder = std::max(folder, e.path().filename().string());
  Run r = c.batch("--compile-folder " + shell_quote(folder));
  INFO(r.err);
  REQUIRE(r.status == 0);
  const fs::path volume = c / "out" / folder / "汇编.pdf";
  REQUIRE(fs::exists(volume));
  CHECK_FALSE(fs::exists(c / "out" / "汇编.pdf"));
  const auto depts = departments(c, folder);
  REQUIRE(!depts.empty());
  check_volume(volume, depts);
  CHECK(contains(slurp(c / "out" / "index.html"), "PDF，" + std::to_string(depts.size()) + "个部门，正文"));
  CHECK(contains(slurp(c / "out" / "index.html"), "/%E6%B1%87%E7%BC%96.pdf\">"));
}

TEST_CASE("compile: no compilation while a department of it fails; an older one is removed") {
  City c(5, 1, 2);
  fs::create_directories(c / "out");
  juesuan::test::spit(c / "out" / "汇编.pdf", "an older compilation");
  Run r = c.batch("--compile");
  CHECK(r.status == 1);
  CHECK(contains(r.err, "汇编没有生成"));
  CHECK_FALSE(fs::exists(c / "out" / "汇编.pdf"));
  CHECK_FALSE(contains(slurp(c / "out" / "index.html"), "class=\"compilation\""));
  // A folder that holds no department is refused.
  Run none = c.batch("--compile-folder no-such-folder");
  CHECK(none.status == 2);
  // And so is a department whose outputs would be the compilation.
  fs::path some;
  for (const auto& e : fs::recursive_directory_iterator(c / "city"))
    if (e.path().extension() == ".yaml") some = e.path();
  juesuan::test::spit(c / "city" / "汇编.yaml", slurp(some));
  Run taken = c.batch("--compile");
  CHECK(taken.status == 2);
  CHECK(contains(taken.err, "同名"));
}

// volume.yaml (templates/common) broken: the compilation refuses to start,
// naming the file and the key (exit 3, the set-up).
TEST_CASE("compile: a broken volume.yaml is named with its missing key") {
  City c(2, 0, 1);
  const fs::path root = c / "root";
  fs::create_directories(root);
  for (const char* d : {"templates", "data", "fonts"})
    fs::copy(juesuan::test::kSourceDir / d, root / d, fs::copy_options::recursive);
  const fs::path volume = root / "templates/common/volume.yaml";
  const std::string original = slurp(volume);
  auto run = [&] {
    return juesuan::test::run_juesuan("batch " + shell_quote((c / "city").string()) + " -o " +
                                      shell_quote((c / "out").string()) + " -j 2 --quiet --compile --root " +
                                      shell_quote(root.string()));
  };
  SECTION("a text missing") {
    // The line "toc: 目 录 …" taken out.
    std::string edited = original;
    const std::size_t at = edited.find("\ntoc:");
    REQUIRE(at != std::string::npos);
    edited.erase(at + 1, edited.find('\n', at + 1) - at);
    juesuan::test::spit(volume, edited);
    const Run r = run();
    INFO(r.err);
    CHECK(r.status == 3);
    CHECK(contains(r.err, "volume.yaml"));
    CHECK(contains(r.err, "volume.yaml：缺少 “toc”（一段文字）"));
  }
  SECTION("a list of lines missing") {
    // cover: written as one text instead of a list.
    std::string edited = original;
    const std::size_t at = edited.find("\ncover:");
    REQUIRE(at != std::string::npos);
    edited.insert(edited.find(':', at) + 1, " 一行");
    const std::size_t next = edited.find('\n', at + 1);
    edited.erase(next + 1, edited.find("folder_title:") - next - 1);
    juesuan::test::spit(volume, edited);
    const Run r = run();
    INFO(r.err);
    CHECK(r.status == 3);
    CHECK(contains(r.err, "volume.yaml：缺少 “cover”（若干行文字的列表）"));
  }
}
