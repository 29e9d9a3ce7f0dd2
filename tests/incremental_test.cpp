// Rebuild only what changed: a second build of an unchanged input writes
// nothing and says so; editing a template or the YAML rebuilds; --force
// rebuilds. Runs the real program against a private copy of the resources.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/hash.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

using juesuan::test::Run;

Run run(const std::string& args, const fs::path&) { return juesuan::test::run_juesuan(args); }

struct Sandbox {
  fs::path dir;
  Sandbox() {
    dir = fs::temp_directory_path() / ("juesuan-incr-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
    fs::create_directories(dir);
    const fs::path src = JUESUAN_SOURCE_DIR;
    for (const char* d : {"templates", "data/catalog", "fonts"}) {
      fs::create_directories(dir / "root" / d);
      fs::copy(src / d, dir / "root" / d, fs::copy_options::recursive);
    }
    fs::copy_file(src / "data/examples/2022-jiaozuo-zhengwu-dashuju.yaml", dir / "dept.yaml");
  }
  ~Sandbox() { fs::remove_all(dir); }
  std::string build(const std::string& extra = "") {
    return "build " + (dir / "dept.yaml").string() + " -o " + (dir / "out").string() + " --root " +
           (dir / "root").string() + extra;
  }
};

}  // namespace

TEST_CASE("a second build of an unchanged input writes nothing and says so") {
  Sandbox s;
  Run first = run(s.build(), s.dir);
  REQUIRE(first.status == 0);
  CHECK(first.err.find("已写出 ") != std::string::npos);
  fs::path html = s.dir / "out" / "dept.html";
  REQUIRE(fs::exists(html));
  auto before = fs::last_write_time(html);

  Run second = run(s.build(), s.dir);
  CHECK(second.status == 0);
  CHECK(second.err.find("未变化：") != std::string::npos);
  CHECK(second.err.find("已写出 ") == std::string::npos);
  CHECK(fs::last_write_time(html) == before);

  Run forced = run(s.build(" --force"), s.dir);
  CHECK(forced.status == 0);
  CHECK(forced.err.find("已写出 ") != std::string::npos);
}

TEST_CASE("editing a template or the department's file rebuilds") {
  Sandbox s;
  REQUIRE(run(s.build(), s.dir).status == 0);
  {
    std::ofstream t(s.dir / "root/templates/2022/labels.yaml", std::ios::app);
    t << "# edited\n";
  }
  Run after_template = run(s.build(), s.dir);
  CHECK(after_template.err.find("已写出 ") != std::string::npos);
  CHECK(run(s.build(), s.dir).err.find("未变化：") != std::string::npos);
  {
    std::ofstream y(s.dir / "dept.yaml", std::ios::app);
    y << "# corrected\n";
  }
  CHECK(run(s.build(), s.dir).err.find("已写出 ") != std::string::npos);
}

TEST_CASE("an output deleted by hand is rebuilt") {
  Sandbox s;
  REQUIRE(run(s.build(), s.dir).status == 0);
  fs::remove(s.dir / "out" / "dept.html");
  CHECK(run(s.build(), s.dir).err.find("已写出 ") != std::string::npos);
  CHECK(fs::exists(s.dir / "out" / "dept.html"));
}

TEST_CASE("a one-byte edit inside a template, of the same length, in a format the department does not use, rebuilds") {
  Sandbox s;
  REQUIRE(run(s.build(), s.dir).status == 0);
  const fs::path t = s.dir / "root/templates/2021/tables.yaml";
  std::string text = juesuan::test::slurp(t);
  // A byte well inside the file (hashed a word at a time), not the tail.
  std::size_t at = text.find("title:", text.size() / 2);
  REQUIRE(at != std::string::npos);
  REQUIRE(at + 100 < text.size());
  text[at] = 'T';
  juesuan::test::spit(t, text);
  CHECK(run(s.build(), s.dir).err.find("已写出 ") != std::string::npos);
  CHECK(run(s.build(), s.dir).err.find("未变化：") != std::string::npos);
}

TEST_CASE("the content hash changes with every bit of a text, and with the order of its words") {
  std::string text;
  for (int i = 0; i < 203; ++i) text += static_cast<char>('a' + i % 26);
  const auto base = juesuan::Hasher().add_content(text).value();
  for (std::size_t i = 0; i < text.size(); ++i)
    for (int bit = 0; bit < 8; ++bit) {
      std::string t = text;
      t[i] = static_cast<char>(t[i] ^ (1 << bit));
      INFO("byte " << i << " bit " << bit);
      CHECK(juesuan::Hasher().add_content(t).value() != base);
    }
  // The first two 8-byte words swapped, and one byte more or less.
  std::string swapped = text.substr(8, 8) + text.substr(0, 8) + text.substr(16);
  CHECK(juesuan::Hasher().add_content(swapped).value() != base);
  CHECK(juesuan::Hasher().add_content(text + "a").value() != base);
  CHECK(juesuan::Hasher().add_content(text.substr(1)).value() != base);
  // Pieces stay separate: ("ab", "c") is not ("a", "bc").
  CHECK(juesuan::Hasher().add_content("ab").add_content("c").value() !=
        juesuan::Hasher().add_content("a").add_content("bc").value());
}
