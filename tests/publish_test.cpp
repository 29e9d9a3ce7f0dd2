// A published set is always whole (issue 14, items 1–3 and 8): the
// department's file is read once and the stamp is the hash of what was
// built; two builds of one department never leave a stamp over outputs it
// does not describe; a full disk leaves the earlier outputs (and index) as
// they were and is told as such (exit 4); temporary files are created
// exclusively, never through a link, and leftovers of a killed run are
// removed; the stamp does not depend on how a path is spelled.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>

#include "batch/batch.hpp"
#include "build/build.hpp"
#include "support.hpp"

using namespace juesuan;
using namespace juesuan::test;

namespace {

const fs::path kExample = kSourceDir / "data/examples/2022-jiaozuo-zhengwu-dashuju.yaml";
const std::string kOldName = "焦作市政务服务和大数据管理局";
const std::string kNewName = "焦作市政务服务和大数据管理局（更正）";

std::string corrected(const std::string& yaml) {
  std::string s = yaml;
  const std::string key = "department: ";
  s.replace(s.find(key + kOldName), key.size() + kOldName.size(), key + kNewName);
  return s;
}

const Resources& resources() {
  static const Resources res = Resources::load(kSourceDir, /*with_fonts=*/true);
  return res;
}

std::vector<std::string> temporaries(const fs::path& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (contains(e.path().filename().string(), ".tmp-")) found.push_back(e.path().string());
  return found;
}

const std::string kEnospc = std::string("LD_PRELOAD=") + shell_quote(JUESUAN_ENOSPC_PRELOAD) +
                            " ASAN_OPTIONS=verify_asan_link_order=0 JUESUAN_ENOSPC=";

}  // namespace

TEST_CASE("publish: the file is read once, and the stamp is the hash of the bytes that were built") {
  TempDir t("publish-read");
  const std::string old_yaml = slurp(kExample);
  spit(t / "dept.yaml", old_yaml);
  OutputOptions options;
  options.formats = {"html"};
  // A correction saved just after the build read the file.
  options.hook = [&](std::string_view point) {
    if (point == "read") spit(t / "dept.yaml", corrected(old_yaml));
  };
  Outcome o = build_outputs(resources(), t / "dept.yaml", t / "out", options);
  REQUIRE(o.status == Outcome::Status::Built);
  CHECK(o.input->text == old_yaml);
  CHECK(contains(slurp(t / "out/dept.html"), kOldName + "2022年度部门决算</title>"));
  SourceFile built{"dept.yaml", old_yaml};
  CHECK(slurp(t / "out/dept.juesuan-hash") ==
        stamp_text(content_hash(resources(), "dept.yaml", built), {find_writer("html")}));

  // So the correction is not taken for built: the next run builds it.
  Outcome again = build_outputs(resources(), t / "dept.yaml", t / "out", OutputOptions{false, {"html"}, "", {}});
  CHECK(again.status == Outcome::Status::Built);
  CHECK(contains(slurp(t / "out/dept.html"), kNewName + "2022年度部门决算</title>"));
}

TEST_CASE("publish: two builds of one department with a correction between them never stamp mismatched outputs") {
  TempDir t("publish-race");
  const std::string old_yaml = slurp(kExample), new_yaml = corrected(old_yaml);
  // What each version's outputs and stamp are (the writers are deterministic).
  struct Set {
    std::string html, pdf, stamp;
    bool operator==(const Set&) const = default;
  };
  auto set_of = [&](const fs::path& out) {
    return Set{slurp(out / "dept.html"), slurp(out / "dept.pdf"), slurp(out / "dept.juesuan-hash")};
  };
  Set expected[2];
  for (int v = 0; v < 2; ++v) {
    spit(t / ("v" + std::to_string(v)) / "dept.yaml", v ? new_yaml : old_yaml);
    build_outputs(resources(), t / ("v" + std::to_string(v)) / "dept.yaml", t / ("v" + std::to_string(v)), {});
    expected[v] = set_of(t / ("v" + std::to_string(v)));
  }
  REQUIRE(expected[0].html != expected[1].html);
  REQUIRE(expected[0].pdf != expected[1].pdf);

  std::mt19937 random(14);
  for (int round = 0; round < 6; ++round) {
    INFO("round " << round);
    fs::remove_all(t / "out");
    spit(t / "dept.yaml", old_yaml);
    // The first build has read the old file when the correction is saved
    // and the second build starts; which of them commits first, and how
    // long after, varies.
    std::mutex m;
    std::condition_variable cv;
    bool first_read = false;
    std::atomic<int> committed{0};
    const bool first_waits = round % 2 == 0;
    const int delay_ms = static_cast<int>(random() % 30);
    auto wait_for_other = [&](bool waits) {
      if (!waits) return;
      std::unique_lock lock(m);
      cv.wait(lock, [&] { return committed.load() > 0; });
      lock.unlock();
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    };
    auto done = [&] {
      std::lock_guard lock(m);
      ++committed;
      cv.notify_all();
    };
    OutputOptions first;
    first.force = true;
    first.hook = [&](std::string_view point) {
      if (point == "read") {
        std::lock_guard lock(m);
        first_read = true;
        cv.notify_all();
      }
      if (point == "commit") wait_for_other(first_waits);
    };
    OutputOptions second;
    second.force = true;
    second.hook = [&](std::string_view point) {
      if (point == "commit") wait_for_other(!first_waits);
    };
    std::thread a([&] {
      build_outputs(resources(), t / "dept.yaml", t / "out", first);
      done();
    });
    {
      std::unique_lock lock(m);
      cv.wait(lock, [&] { return first_read; });
    }
    spit(t / "dept.yaml", new_yaml);
    std::thread b([&] {
      build_outputs(resources(), t / "dept.yaml", t / "out", second);
      done();
    });
    a.join();
    b.join();
    Set now = set_of(t / "out");
    // One version's outputs with that version's stamp, whole.
    CHECK((now == expected[0] || now == expected[1]));
    CHECK(temporaries(t / "out").empty());
    // And a later build, without --force, ends with the corrected version.
    build_outputs(resources(), t / "dept.yaml", t / "out", {});
    Set after = set_of(t / "out");
    CHECK(after.html == expected[1].html);
    CHECK(after.pdf == expected[1].pdf);
  }
}

TEST_CASE("publish: a full disk keeps a department's earlier documents, and the run exits 4, not 1") {
  TempDir t("publish-full");
  spit(t / "city/局/dept.yaml", slurp(kExample));
  const std::string batch = "batch " + shell_quote((t / "city").string()) + " -o " + shell_quote((t / "out").string());
  REQUIRE(run_juesuan(batch).status == 0);
  const std::string html = slurp(t / "out/局/dept.html"), pdf = slurp(t / "out/局/dept.pdf"),
                    stamp = slurp(t / "out/局/dept.juesuan-hash");
  spit(t / "city/局/dept.yaml", corrected(slurp(kExample)));

  // The HTML is complete when writing the PDF fails.
  Run full = run_juesuan(batch, kEnospc + "dept.pdf.tmp-");
  CHECK(full.status == 4);
  CHECK(contains(full.err, "dept.pdf”：磁盘已满（No space left on device）。原有的文件保持不变"));
  CHECK(slurp(t / "out/局/dept.html") == html);
  CHECK(slurp(t / "out/局/dept.pdf") == pdf);
  CHECK(slurp(t / "out/局/dept.juesuan-hash") == stamp);
  CHECK(temporaries(t / "out").empty());

  // Room again: the correction is built.
  CHECK(run_juesuan(batch).status == 0);
  CHECK(contains(slurp(t / "out/局/dept.html"), kNewName));
}

TEST_CASE("publish: a full disk while writing index.html leaves index.json and index.csv as they were") {
  TempDir t("publish-index");
  spit(t / "city/dept.yaml", slurp(kExample));
  const std::string batch = "batch " + shell_quote((t / "city").string()) + " -o " + shell_quote((t / "out").string());
  REQUIRE(run_juesuan(batch).status == 0);
  const std::string json = slurp(t / "out/index.json"), csv = slurp(t / "out/index.csv");
  REQUIRE(contains(json, "\"built\""));
  // The second run finds the department unchanged: another index.
  Run full = run_juesuan(batch, kEnospc + "index.html.tmp-");
  CHECK(full.status == 4);
  CHECK(contains(full.err, "index.html”：磁盘已满（No space left on device）。原有的文件保持不变"));
  CHECK(slurp(t / "out/index.json") == json);
  CHECK(slurp(t / "out/index.csv") == csv);
  CHECK(temporaries(t / "out").empty());
}

TEST_CASE("publish: a link placed at a temporary name is never written through; leftovers are removed") {
  TempDir t("publish-link");
  spit(t / "dept.yaml", slurp(kExample));
  spit(t / "victim.txt", "untouched\n");
  fs::create_directories(t / "out");
  // Links at the names an earlier version used (NAME.tmp-PID: the shell
  // knows the PID juesuan will have, as it execs it), and a leftover of a
  // killed run.
  spit(t / "out/dept.html.tmp-a1b2c3", "<html>half");
  Run r = shell("cd " + shell_quote(t.dir.string()) +
                " && sh -c 'for f in dept.html dept.pdf dept.juesuan-hash; do ln -s ../victim.txt out/$f.tmp-$$; done; "
                "exec \"$0\" build dept.yaml -o out' " + shell_quote(binary()));
  CHECK(r.status == 0);
  CHECK(slurp(t / "victim.txt") == "untouched\n");
  CHECK(temporaries(t / "out").empty());
  CHECK(contains(slurp(t / "out/dept.html"), kOldName));

  // A run killed while writing its temporary files left the stamp as it
  // was: the next run finds the department unchanged, and still cleans up.
  spit(t / "out/dept.pdf.tmp-k1ll3d", "%PDF-half");
  Run unchanged = run_juesuan("build " + shell_quote((t / "dept.yaml").string()) + " -o " +
                              shell_quote((t / "out").string()));
  CHECK(contains(unchanged.err, "未变化："));
  CHECK(temporaries(t / "out").empty());

  // Likewise for the index of a city.
  spit(t / "city/dept.yaml", slurp(kExample));
  spit(t / "cout/index.json.tmp-12345", "{");
  fs::create_symlink(t / "victim.txt", t / "cout/index.html.tmp-67890");
  CHECK(run_juesuan("batch " + shell_quote((t / "city").string()) + " -o " + shell_quote((t / "cout").string())).status == 0);
  CHECK(slurp(t / "victim.txt") == "untouched\n");
  CHECK(temporaries(t / "cout").empty());
}

TEST_CASE("publish: the stamp does not depend on how the path is spelled") {
  TempDir t("publish-spelling");
  spit(t / "city/局/dept.yaml", slurp(kExample));
  const std::string dir = shell_quote(t.dir.string());
  REQUIRE(shell("cd " + dir + " && " + shell_quote(binary()) + " batch city -o out").status == 0);
  Run again = run_juesuan("batch " + shell_quote((t.dir / "." / "city").string() + "/") + " -o " +
                      shell_quote((t.dir / "out").string()));
  CHECK(again.status == 0);
  CHECK(contains(again.err, "已生成 0 个，未变化 1 个，失败 0 个"));

  REQUIRE(shell("cd " + dir + " && " + shell_quote(binary()) + " build city/局/dept.yaml -o o").status == 0);
  Run build = run_juesuan("build " + shell_quote((t.dir / "city/../city/局/dept.yaml").string()) + " -o " +
                      shell_quote((t.dir / "o").string()));
  CHECK(build.status == 0);
  CHECK(contains(build.err, "未变化："));
}

TEST_CASE("publish: two juesuan processes building one department while it is corrected end with a whole set") {
  TempDir t("publish-processes");
  const std::string old_yaml = slurp(kExample), new_yaml = corrected(old_yaml);
  auto set_of = [&](const fs::path& out) {
    return std::vector<std::string>{slurp(out / "dept.html"), slurp(out / "dept.pdf"), slurp(out / "dept.juesuan-hash")};
  };
  std::vector<std::string> expected[2];
  for (int v = 0; v < 2; ++v) {
    fs::path ref = t / ("ref" + std::to_string(v));
    spit(t / "dept.yaml", v ? new_yaml : old_yaml);
    spit(t / ("v" + std::to_string(v) + ".yaml"), v ? new_yaml : old_yaml);
    REQUIRE(run_juesuan("build " + shell_quote((t / "dept.yaml").string()) + " -o " + shell_quote(ref.string()))
                .status == 0);
    expected[v] = set_of(ref);
  }
  const std::string build = shell_quote(binary()) + " build --force " + shell_quote((t / "dept.yaml").string()) +
                            " -o " + shell_quote((t / "out").string()) + " 2>/dev/null";
  for (int round = 0; round < 6; ++round) {
    INFO("round " << round);
    fs::remove_all(t / "out");
    spit(t / "dept.yaml", old_yaml);
    // The second starts, and the file is corrected, a varying time after the
    // first (both load their fonts first, for some hundred milliseconds).
    std::string delay = std::to_string(round * 0.05);
    Run r = shell(build + " & sleep " + delay + "; cp " + shell_quote((t / "v1.yaml").string()) + " " +
                  shell_quote((t / "dept.yaml").string()) + "; " + build + " & wait");
    auto now = set_of(t / "out");
    CHECK((now == expected[0] || now == expected[1]));
    CHECK(temporaries(t / "out").empty());
    REQUIRE(run_juesuan("build " + shell_quote((t / "dept.yaml").string()) + " -o " + shell_quote((t / "out").string()))
                .status == 0);
    CHECK(set_of(t / "out") == expected[1]);
  }
}

TEST_CASE("publish: where a folder cannot be locked (NFS), a lock file in it is") {
  TempDir t("publish-nfs");
  spit(t / "dept.yaml", slurp(kExample));
  Run r = run_juesuan("build " + shell_quote((t / "dept.yaml").string()) + " -o " + shell_quote((t / "out").string()),
                      std::string("LD_PRELOAD=") + shell_quote(JUESUAN_ENOSPC_PRELOAD) +
                          " ASAN_OPTIONS=verify_asan_link_order=0 JUESUAN_NFS_FLOCK=1");
  CHECK(r.status == 0);
  CHECK(fs::exists(t / "out/dept.pdf"));
  CHECK(fs::exists(t / "out/.juesuan-lock"));
}

TEST_CASE("publish: writers side by side give the same files and the same warnings, in the same order, as one after another") {
  TempDir t("publish-parallel");
  for (const fs::path& yaml : {kExample, kSourceDir / "data/examples/2021-jiaozuo-gongxinju.yaml",
                               kSourceDir / "tests/extreme/missing-glyph.yaml"}) {
    INFO(yaml.string());
    std::vector<Outcome> outcomes;
    for (bool parallel : {false, true}) {
      OutputOptions options;
      options.force = true;
      options.parallel_writers = parallel;
      outcomes.push_back(build_outputs(resources(), yaml, t / (parallel ? "side" : "serial"), options));
    }
    const Outcome& serial = outcomes[0];
    const Outcome& side = outcomes[1];
    REQUIRE(serial.status == Outcome::Status::Built);
    REQUIRE(side.status == Outcome::Status::Built);
    REQUIRE(serial.written.size() == 3);
    REQUIRE(side.written.size() == serial.written.size());
    for (std::size_t i = 0; i < serial.written.size(); ++i) {
      CHECK(side.written[i].filename() == serial.written[i].filename());
      CHECK(slurp(side.written[i]) == slurp(serial.written[i]));
    }
    if (yaml.filename() == "missing-glyph.yaml") CHECK(serial.warnings.size() >= 2);  // U+1F600, U+20000
    REQUIRE(side.warnings.size() == serial.warnings.size());
    for (std::size_t i = 0; i < serial.warnings.size(); ++i) CHECK(render(side.warnings[i]) == render(serial.warnings[i]));
  }
}
