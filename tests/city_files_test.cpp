// What batch reads of a city, and the names it writes (issue 14, items 4–6):
// links are never followed out of the city, and each is told; a folder that
// cannot be read fails the run; two files of one output name, or a
// department called index, are refused with a message; any case of the
// extension is a department file; file names are printed escaped and linked
// encoded, and a name that is not UTF-8 leaves index.json valid.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "batch/index.hpp"
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
  CHECK(contains(r.err, (t / "city/局/stolen.yaml").string() + ": warning: 跳过：这是一个符号链接"));
  CHECK(contains(r.err, (t / "city/linked").string() + ": warning: 跳过：这是一个符号链接"));
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
  CHECK(contains(r.err, (t / "city/locked").string() + "/: error: 无法读取这个文件夹"));
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
  CHECK(contains(r.err, (t / "city/index.yaml").string() + ": error: 部门文件不能叫 “index.yaml”"));
  CHECK(contains(r.err, (t / "city/局/a.yml").string() + ": error: 与 “局/a.yaml” 的输出文件同名"));
  CHECK(contains(slurp(t / "out/index.html"), "全市索引"));
  CHECK(fs::exists(t / "out/局/B.pdf"));
  CHECK(fs::exists(t / "out/局/a.pdf"));
  CHECK(!fs::exists(t / "out/index.pdf"));
  CHECK(contains(r.err, "已生成 2 个，未变化 0 个，失败 2 个"));

  // build: two inputs that would write the same files.
  Run two = run_juesuan("build " + shell_quote((t / "city/局/a.yaml").string()) + " " +
                        shell_quote((t / "city/局/a.yml").string()) + " -o " + shell_quote((t / "o").string()));
  CHECK(two.status == 2);
  CHECK(contains(two.err, (t / "city/局/a.yml").string() + ": error: 与 “" + (t / "city/局/a.yaml").string() +
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
  CHECK(contains(slurp(t / "out/index.html"), csp));
}
