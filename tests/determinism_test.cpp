// Determinism: the same department gives byte-identical HTML and PDF on
// every run, whatever the time zone, the locale (ICU takes its default
// locale from LANG/LC_ALL) or the folder the input sits in.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = JUESUAN_SOURCE_DIR;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Outputs {
  std::string html, pdf;
};

// `env` is a list of VAR=value words put before the command.
Outputs build(const fs::path& yaml, const fs::path& out, const std::string& env) {
  fs::create_directories(out);
  std::string cmd = "env " + env + " " + JUESUAN_BINARY + " build --force '" + yaml.string() + "' -o '" +
                    out.string() + "' >/dev/null 2>&1";
  INFO(cmd);
  REQUIRE(std::system(cmd.c_str()) == 0);
  fs::path stem = out / yaml.stem();
  return {slurp(stem.string() + ".html"), slurp(stem.string() + ".pdf")};
}

}  // namespace

TEST_CASE("determinism: byte-identical HTML and PDF across runs, time zones, locales and folders") {
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
    // The same environment again, then each other one.
    for (int i = 0; i < static_cast<int>(std::size(envs)); ++i) {
      INFO(envs[i]);
      Outputs again = build(yaml, dir / ("run" + std::to_string(i + 1)), envs[i]);
      CHECK(again.html == first.html);
      CHECK(again.pdf == first.pdf);
    }
    // The same file name in another folder.
    fs::create_directories(dir / "elsewhere" / "deeper");
    fs::copy_file(yaml, dir / "elsewhere" / "deeper" / example, fs::copy_options::overwrite_existing);
    Outputs moved = build(dir / "elsewhere" / "deeper" / example, dir / "moved", envs[0]);
    CHECK(moved.html == first.html);
    CHECK(moved.pdf == first.pdf);
    fs::remove_all(dir);
  }
}
