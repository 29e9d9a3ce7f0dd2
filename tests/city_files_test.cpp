// What batch reads of a city, and the names it writes (issue 14, items 4–6):
// links are never followed out of the city, and each is told; a folder that
// cannot be read fails the run; two files of one output name, or a
// department called index, are refused with a message; any case of the
// extension is a department file; file names are printed escaped and linked
// encoded, and a name that is not UTF-8 leaves index.json valid.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "batch/index.hpp"
#include "core/money.hpp"
#include "support.hpp"

using namespace juesuan;
using namespace juesuan::test;

namespace {

const fs::path kExample = kSourceDir / "data/examples/2022-jiaozuo-zhengwu-dashuju.yaml";

Run run_batch(const TempDir& t, const std::string& extra = "") {
  return run_juesuan("batch " + shell_quote((t / "city").string()) + " -o " + shell_quote((t / "out").string()) +
                     " -j 2 " + extra);
}

}  // namespace

TEST_CASE("city: a link to a file or folder outside the city is not followed, and is told") {
  TempDir t("city-links");
  spit(t / "city/局/dept.yaml", slurp(kExample));
  spit(t / "outside/secret.yaml", "SECRET-FIRST-LINE: 1\n");
  spit(t / "outside/more/dept2.yaml", slurp(kExample));
  fs::create_symlink(t / "outside/secret.yaml", t / "city/局/stolen.yaml");
  fs::create_directory_symlink(t / "outside/more", t / "city/linked");
  Run r = run_batch(t);
  CHECK(r.status == 0);
  CHECK(contains(r.err, (t / "city/局/stolen.yaml").string() + ": 警告：跳过：这是一个符号链接"));
  CHECK(contains(r.err, (t / "city/linked").string() + ": 警告：跳过：这是一个符号链接"));
  CHECK(!contains(r.err, "SECRET"));
  for (const char* f : {"index.json", "index.html", "index.csv"}) CHECK(!contains(slurp(t / "out" / f), "SECRET"));
  auto index = batch::read_index_json(t / "out/index.json");
  REQUIRE(index.departments.size() == 1);
  CHECK(index.departments[0].path == "局/dept.yaml");
}

TEST_CASE("city: a folder that cannot be read fails the run and is named") {
  TempDir t("city-unreadable");
  spit(t / "city/ok/dept.yaml", slurp(kExample));
  spit(t / "city/locked/dept.yaml", slurp(kExample));
  // As root a mode of 000 would be no obstacle: then the program runs as nobody.
  std::string as = "";
  if (::geteuid() == 0) {
    as = "setpriv --reuid=65534 --regid=65534 --clear-groups";
    fs::permissions(t.dir, fs::perms::all);
    for (const auto& e : fs::recursive_directory_iterator(t.dir)) fs::permissions(e.path(), fs::perms::all);
  }
  fs::permissions(t / "city/locked", fs::perms::none);
  Run r = run_juesuan("batch " + shell_quote((t / "city").string()) + " -o " + shell_quote((t / "out").string()), as);
  fs::permissions(t / "city/locked", fs::perms::owner_all);
  CHECK(r.status == 1);
  CHECK(contains(r.err, (t / "city/locked").string() + "/: 错误：无法读取这个文件夹"));
  CHECK(contains(r.err, "已生成 1 个，未变化 0 个，失败 1 个"));
  auto index = batch::read_index_json(t / "out/index.json");
  REQUIRE(index.departments.size() == 2);
  CHECK(index.departments[0].path == "locked/");
  CHECK(index.departments[0].status == batch::Status::Failed);
}

TEST_CASE("city: index.yaml, two files of one output name and any case of .yaml") {
  TempDir t("city-names");
  spit(t / "city/index.yaml", slurp(kExample));
  spit(t / "city/局/a.yaml", slurp(kExample));
  spit(t / "city/局/a.yml", slurp(kExample));
  spit(t / "city/局/B.YAML", slurp(kExample));
  Run r = run_batch(t);
  CHECK(r.status == 1);
  CHECK(contains(r.err, (t / "city/index.yaml").string() + ": 错误：部门文件不能叫 “index.yaml”"));
  CHECK(contains(r.err, (t / "city/局/a.yml").string() + ": 错误：与 “局/a.yaml” 的输出文件同名"));
  CHECK(contains(slurp(t / "out/index.html"), "全市索引"));
  CHECK(fs::exists(t / "out/局/B.pdf"));
  CHECK(fs::exists(t / "out/局/a.pdf"));
  CHECK(!fs::exists(t / "out/index.pdf"));
  CHECK(contains(r.err, "已生成 2 个，未变化 0 个，失败 2 个"));

  // build: two inputs that would write the same files.
  Run two = run_juesuan("build " + shell_quote((t / "city/局/a.yaml").string()) + " " +
                        shell_quote((t / "city/局/a.yml").string()) + " -o " + shell_quote((t / "o").string()));
  CHECK(two.status == 2);
  CHECK(contains(two.err, (t / "city/局/a.yml").string() + ": 错误：与 “" + (t / "city/局/a.yaml").string() +
                              "” 会写到同一组输出文件（a.html、a.pdf、a.xlsx）"));
  CHECK(!fs::exists(t / "o"));
}

TEST_CASE("city: file names are printed escaped, linked encoded, and index.json stays valid") {
  TempDir t("city-odd-names");
  spit(t / "city/a\x1b]0;pwned\x07 b#1.yaml", slurp(kExample));
  spit(t / "city/gbk-\xb2\xe2.yaml", slurp(kExample));
  Run r = run_batch(t);
  CHECK(r.status == 0);
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK(r.err.find('\x07') == std::string::npos);
  CHECK(contains(r.err, "a\\x1B]0;pwned\\x07 b#1.yaml"));
  CHECK(contains(r.err, "gbk-\\xB2\\xE2.yaml"));
  // The page links its PDF by a URL that names that very file.
  std::string html = slurp(t / "out/a\x1b]0;pwned\x07 b#1.html");
  CHECK(contains(html, "href=\"a%1B%5D0%3Bpwned%07%20b%231.pdf\""));
  CHECK(shell("python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding=\"utf-8\"))' " +
              shell_quote((t / "out/index.json").string()))
            .status == 0);
  CHECK(batch::read_index_json(t / "out/index.json").departments.size() == 2);
}

TEST_CASE("pages: every HTML page carries a Content-Security-Policy") {
  TempDir t("city-csp");
  spit(t / "city/dept.yaml", slurp(kExample));
  REQUIRE(run_batch(t).status == 0);
  const std::string csp =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "img-src data:; base-uri 'none'; form-action 'none'\">";
  CHECK(contains(slurp(t / "out/dept.html"), csp));
  // The city's pages run their own few lines of script (search, filters), and nothing else.
  const std::string site_csp =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">";
  CHECK(contains(slurp(t / "out/index.html"), site_csp));
  CHECK(contains(slurp(t / "out/review.html"), site_csp));
}

namespace {

// The example department under another name, with extra header lines.
std::string department(const std::string& name, const std::string& extra = "") {
  std::string text = slurp(kExample);
  const auto at = text.find("\ndepartment:") + 1;
  const auto end = text.find('\n', at);
  return text.substr(0, at) + "department: " + name + "\n" + extra + text.substr(end + 1);
}

Money income_of(const batch::Index& index, const std::string& name) {
  for (const auto& d : index.departments)
    if (d.name == name && d.figures) return d.figures->income_total;
  FAIL("no department " << name);
  return {};
}

}  // namespace

TEST_CASE("city: a 主管部门's 部门决算 and its units' 单位决算 are not added twice into the 汇总") {
  TempDir t("city-consolidated");
  spit(t / "city/甲局.yaml", department("甲局"));                                   // top level: a 部门
  spit(t / "city/乙局/乙局.yaml", department("乙局", "kind: 部门\n"));              // the folder's 部门决算
  spit(t / "city/乙局/一中.yaml", department("乙局第一中学"));                       // units of 乙局 (inferred)
  spit(t / "city/乙局/二中.yaml", department("乙局第二中学"));
  spit(t / "city/03-丙局/甲.yaml", department("丙局甲中心"));                        // units without a 部门决算
  spit(t / "city/03-丙局/乙.yaml", department("丙局乙中心", "supervisor: 丙局\n"));
  spit(t / "city/丁.yaml", department("丁站", "kind: 单位\nsupervisor: 甲局\n"));   // a unit of 甲局 elsewhere
  Run r = run_batch(t);
  REQUIRE(r.status == 0);
  const auto index = batch::read_index_json(t / "out/index.json");
  const batch::Summary s = batch::summarise(index);
  CHECK(s.totals.departments == 2);
  CHECK(s.totals.covered == 3);
  CHECK(s.totals.units == 2);
  // 甲局 + 乙局 + the two units of 丙局; not 乙局's units, not 丁站.
  const Money expected =
      income_of(index, "甲局") + income_of(index, "乙局") + income_of(index, "丙局甲中心") + income_of(index, "丙局乙中心");
  CHECK(s.city.totals.income_total == expected);
  CHECK(expected.fen() == 4 * income_of(index, "甲局").fen());   // the same figures four times
  const std::string html = slurp(t / "out/index.html");
  CHECK(contains(html, "全市汇总含2个部门决算，不含其所属单位的3个单位决算（已含在部门决算中）；另含2个单位决算（其主管部门没有部门决算）。"));
  // Grouped by 主管部门: 乙局's 部门决算 first, then its units; 丙局 by its folder's name; 丁站 under 甲局.
  const auto pos = [&](const std::string& s) { return html.find(s); };
  const auto entry = [&](const std::string& name) { return pos("<li class=\"entry\" data-name=\"" + name + "\">"); };
  CHECK(pos("<h2>乙局</h2>") < entry("乙局"));
  CHECK(entry("乙局") < entry("乙局第一中学"));
  CHECK(entry("乙局") < entry("乙局第二中学"));
  CHECK(pos("<h2>丙局</h2>") < entry("丙局甲中心"));
  CHECK(pos("<h2>甲局</h2>") < entry("丁站"));
  CHECK(entry("丁站") < pos("<h2>乙局</h2>"));
  CHECK(entry("乙局第二中学") != std::string::npos);
  CHECK(!contains(html, "03-丙局"));

  // A kind that is neither is refused where it is written.
  spit(t / "city/戊.yaml", department("戊局", "kind: 部门决算\n"));
  Run bad = run_batch(t);
  CHECK(bad.status == 1);
  CHECK(contains(bad.err, "戊.yaml:9:7: 错误：决算种类 “部门决算” 无效"));
}

TEST_CASE("city: the outputs of a department no longer in the city are removed, and nothing else") {
  TempDir t("city-stale");
  spit(t / "city/局/a.yaml", department("甲"));
  spit(t / "city/局/b.yaml", department("乙"));
  spit(t / "city/旧局/c.yaml", department("丙"));
  REQUIRE(run_batch(t).status == 0);
  for (const char* f : {"局/a.html", "局/a.pdf", "局/b.html", "旧局/c.pdf", "旧局/c.juesuan-hash"}) REQUIRE(fs::exists(t / "out" / f));
  spit(t / "out/局/notes.txt", "not ours");       // a file juesuan did not write
  spit(t / "out/局/x.pdf", "not ours either");    // nor this one, though it looks like one
  // a.yaml renamed, the folder 旧局 deleted.
  fs::rename(t / "city/局/a.yaml", t / "city/局/a2.yaml");
  fs::remove_all(t / "city/旧局");
  Run r = run_batch(t);
  CHECK(r.status == 0);
  for (const char* f : {"局/a.html", "局/a.pdf", "局/a.juesuan-hash", "旧局/c.pdf", "旧局/c.html", "旧局"})
    CHECK(!fs::exists(t / "out" / f));
  for (const char* f : {"局/a2.html", "局/a2.pdf", "局/b.html", "局/b.pdf", "局/notes.txt", "局/x.pdf"})
    CHECK(fs::exists(t / "out" / f));
  CHECK(contains(r.err, "已删除：局/a.pdf"));
  CHECK(contains(r.err, "已删除：旧局/c.html"));
  CHECK(!contains(slurp(t / "out/index.html"), "data-name=\"丙\""));
}

TEST_CASE("city: batch --profile sets the profile of the departments that name none") {
  TempDir t("city-profile");
  spit(t / "city/a.yaml", department("甲"));
  spit(t / "city/b.yaml", slurp(kSourceDir / "data/examples/2021-jiaozuo-gongxinju.yaml"));   // 2021: not that profile's
  spit(t / "single/a.yaml", department("甲", "profile: sichuan-2022\n"));
  spit(t / "single2/b.yaml", slurp(kSourceDir / "data/examples/2021-jiaozuo-gongxinju.yaml"));
  REQUIRE(run_batch(t, "--profile sichuan-2022").status == 0);
  REQUIRE(run_juesuan("build " + shell_quote((t / "single/a.yaml").string()) + " -o " + shell_quote((t / "o1").string())).status == 0);
  REQUIRE(run_juesuan("build " + shell_quote((t / "single2/b.yaml").string()) + " -o " + shell_quote((t / "o2").string())).status == 0);
  // The pages as `build` writes them, the profile named in the file; but for the links at the top.
  auto body = [](std::string html) {
    const auto a = html.find("<nav class=\"editions\">"), b = html.find("</nav>", a);
    return a == std::string::npos ? html : html.erase(a, b - a);
  };
  CHECK(body(slurp(t / "out/a.html")) == body(slurp(t / "o1/a.html")));
  CHECK(body(slurp(t / "out/b.html")) == body(slurp(t / "o2/b.html")));
  CHECK(body(slurp(t / "out/a.html")) != body(slurp(t / "out/b.html")));
  // Without it, a.yaml is built again (the profile is part of its stamp); b.yaml is too (its stamp names none).
  Run again = run_batch(t);
  CHECK(contains(again.err, "已生成 2 个"));
  CHECK(body(slurp(t / "out/a.html")) != body(slurp(t / "o1/a.html")));
  // An unknown profile is a misuse.
  CHECK(run_batch(t, "--profile 没有这个").status == 2);
}
