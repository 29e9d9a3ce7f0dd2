// Determinism: the same department gives byte-identical HTML, PDF and XLSX on
// every run, whatever the time zone, the locale (ICU takes its default
// locale from LANG/LC_ALL) or the folder the input sits in; and `juesuan
// batch` writes the same files, byte for byte, with any number of workers,
// each department's the same as `juesuan build` writes alone.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = JUESUAN_SOURCE_DIR;

using juesuan::test::slurp;

struct Outputs {
  std::string html, pdf, xlsx;
};

// `env` is a list of VAR=value words put before the command.
Outputs build(const fs::path& yaml, const fs::path& out, const std::string& env) {
  fs::create_directories(out);
  std::string cmd = "env " + env + " " + JUESUAN_BINARY + " build --force '" + yaml.string() + "' -o '" +
                    out.string() + "' >/dev/null 2>&1";
  INFO(cmd);
  REQUIRE(std::system(cmd.c_str()) == 0);
  fs::path stem = out / yaml.stem();
  return {slurp(stem.string() + ".html"), slurp(stem.string() + ".pdf"), slurp(stem.string() + ".xlsx")};
}

}  // namespace

TEST_CASE("determinism: byte-identical HTML, PDF and XLSX across runs, time zones, locales and folders") {
  const fs::path dir = fs::temp_directory_path() / ("juesuan-determinism-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const char* examples[] = {"2021-jiaozuo-gongxinju.yaml", "2022-jiaozuo-zhengwu-dashuju.yaml"};
  const char* envs[] = {
      "TZ=UTC LANG=C LC_ALL=C",
      "TZ=Asia/Shanghai LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8",
      "TZ=America/Los_Angeles LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8",
      "TZ=Pacific/Kiritimati LANG=ar_EG.UTF-8 LC_ALL=ar_EG.UTF-8 LC_NUMERIC=de_DE.UTF-8",
      "TZ=UTC LANG=th_TH.UTF-8 LC_ALL=th_TH.UTF-8",
  };
  for (const char* example : examples) {
    INFO(example);
    const fs::path yaml = kRoot / "data" / "examples" / example;
    Outputs first = build(yaml, dir / "run0", envs[0]);
    REQUIRE(first.pdf.size() > 1000);
    REQUIRE(first.html.size() > 1000);
    REQUIRE(first.xlsx.size() > 1000);
    // The same environment again, then each other one.
    for (int i = 0; i < static_cast<int>(std::size(envs)); ++i) {
      INFO(envs[i]);
      Outputs again = build(yaml, dir / ("run" + std::to_string(i + 1)), envs[i]);
      CHECK(again.html == first.html);
      CHECK(again.pdf == first.pdf);
      CHECK(again.xlsx == first.xlsx);
    }
    // The same file name in another folder.
    fs::create_directories(dir / "elsewhere" / "deeper");
    fs::copy_file(yaml, dir / "elsewhere" / "deeper" / example, fs::copy_options::overwrite_existing);
    Outputs moved = build(dir / "elsewhere" / "deeper" / example, dir / "moved", envs[0]);
    CHECK(moved.html == first.html);
    CHECK(moved.pdf == first.pdf);
    CHECK(moved.xlsx == first.xlsx);
    fs::remove_all(dir);
  }
}

namespace {

// Every file under `dir`, by path relative to it.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).string()] = slurp(e.path());
  return files;
}

}  // namespace

TEST_CASE("determinism: batch writes the same bytes with 1, 2 and 4 workers, and the same as build") {
  const fs::path dir = fs::temp_directory_path() / ("juesuan-determinism-batch-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  // Eight departments of both formats, and one broken (which writes nothing).
  std::string synth = "python3 '" + (kRoot / "scripts/synth_city.py").string() + "' 8 '" + (dir / "city").string() +
                      "' --broken 1 --seed 8 >/dev/null";
  REQUIRE(std::system(synth.c_str()) == 0);
  std::map<std::string, std::string> first;
  for (int jobs : {1, 2, 4}) {
    INFO("-j " << jobs);
    fs::path out = dir / ("out-j" + std::to_string(jobs));
    std::string cmd = std::string(JUESUAN_BINARY) + " batch '" + (dir / "city").string() + "' -o '" + out.string() +
                      "' -j " + std::to_string(jobs) + " --quiet >/dev/null 2>&1";
    CHECK(WEXITSTATUS(std::system(cmd.c_str())) == 1);   // the broken one
    auto files = tree(out);
    CHECK(files.size() >= 8 * 4);
    if (jobs == 1) {
      first = files;
      continue;
    }
    CHECK(files.size() == first.size());
    for (const auto& [path, bytes] : first) {
      INFO(path);
      CHECK(files[path] == bytes);
    }
  }
  // Each department's HTML, PDF and XLSX are the ones `juesuan build` writes (but for the index link).
  int compared = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir / "city")) {
    if (e.path().extension() != ".yaml") continue;
    fs::path rel = fs::relative(e.path(), dir / "city");
    fs::path batch_html = dir / "out-j1" / rel.parent_path() / (e.path().stem().string() + ".html");
    if (!fs::exists(batch_html)) continue;   // the broken one
    Outputs alone = build(e.path(), dir / "alone" / rel.parent_path(), "TZ=UTC");
    INFO(rel.string());
    // The same but for the link to the city's index that a page of a batch has.
    std::string page = slurp(batch_html);
    const auto at = page.find("<a href=\"../index.html\">");
    REQUIRE(at != std::string::npos);
    page.erase(at, page.find("</a>", at) + 4 - at);
    CHECK(alone.html == page);
    CHECK(alone.pdf == slurp(dir / "out-j1" / rel.parent_path() / (e.path().stem().string() + ".pdf")));
    CHECK(alone.xlsx == slurp(dir / "out-j1" / rel.parent_path() / (e.path().stem().string() + ".xlsx")));
    ++compared;
  }
  CHECK(compared == 8);
  fs::remove_all(dir);
}
