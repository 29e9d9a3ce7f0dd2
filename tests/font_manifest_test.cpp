// fonts/manifest.yaml read by the resource loader (build/font_manifest.hpp)
// with the project's YAML reader: a broken manifest gets a located Chinese
// message (file:line:col) and exit status 3, as any other set-up file; the
// PDF library receives plain data.
#include <catch2/catch.hpp>

#include "build/font_manifest.hpp"
#include "core/diag.hpp"
#include "support.hpp"

using namespace juesuan;

namespace {

const char* kDroid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

// The error reading `text` as a manifest gives: where and what.
Error error_of(const std::string& text) {
  test::TempDir dir("font-manifest");
  test::spit(dir / "licences/x.txt", "licence\n");
  test::spit(dir / "manifest.yaml", text);
  try {
    (void)read_font_manifest(dir / "manifest.yaml");
  } catch (const Error& e) {
    return e;
  }
  FAIL("the manifest was accepted:\n" << text);
  return Error(Failure::Internal, "");
}

std::string face(const std::string& name, const std::string& file) {
  return "  - name: " + name + "\n    file: " + file + "\n    licence: licences/x.txt\n";
}

const std::string kRoles = "roles:\n  title: [d]\n  heading: [d]\n  body: [d]\n  table: [d]\n";

}  // namespace

TEST_CASE("font manifest: the bundled one, as data", "[fonts]") {
  const pdf::FontManifest m = read_font_manifest(test::kSourceDir / "fonts/manifest.yaml");
  REQUIRE(m.faces.size() >= 4);
  // As fonts/manifest.yaml writes them: the first face, a face of a
  // collection, a face limited to ranges, the title's chain.
  CHECK(m.faces[0].name == "liberation-serif");
  CHECK(m.faces[0].package == "fonts-liberation2");
  CHECK(m.faces[0].licence == test::kSourceDir / "fonts/licences/fonts-liberation2.copyright");
  REQUIRE(m.faces[0].ranges.size() == 3);
  CHECK(m.faces[0].ranges[0] == std::pair<char32_t, char32_t>{0x20, 0x7E});
  CHECK(m.faces[0].ranges[2] == std::pair<char32_t, char32_t>{0x2030, 0x2030});
  CHECK(m.faces[1].name == "noto-serif-cjk-bold");
  CHECK(m.faces[1].index == 2);
  CHECK(m.faces[1].ranges.empty());
  for (const char* role : {"title", "heading", "body", "table"}) CHECK_FALSE(m.roles.at(role).empty());
  CHECK(m.roles.at("title").front() == "noto-serif-cjk-bold");
  // The library made from it has the same chains.
  const pdf::FontLibrary lib = pdf::FontLibrary::load(m);
  CHECK(lib.chain("body") == m.roles.at("body"));
}

TEST_CASE("font manifest: mistakes are located, in Chinese, exit 3", "[fonts]") {
  SECTION("not a mapping") {
    const Error e = error_of("- fonts\n- roles\n");
    CHECK(e.kind() == Failure::Setup);
    CHECK(e.loc().line == 1);
    CHECK(test::contains(e.message(), "字体清单应是一个映射"));
  }
  SECTION("a font file that is missing") {
    const Error e = error_of("fonts:\n" + face("d", "/no/such/font.ttf") + kRoles);
    CHECK(e.kind() == Failure::Setup);
    CHECK(e.loc().line == 3);  // "    file: " is 10 characters
    CHECK(e.loc().col == 11);
    CHECK(e.message() == "找不到字体文件 /no/such/font.ttf");
  }
  SECTION("a face in a chain the manifest does not define") {
    const Error e = error_of("fonts:\n" + face("d", kDroid) + "roles:\n  title: [d]\n  heading: [d]\n  body: [d, other]\n  table: [d]\n");
    CHECK(e.kind() == Failure::Setup);
    CHECK(e.loc().line == 8);  // "  body: [d, " is 12 characters
    CHECK(e.loc().col == 13);
    CHECK(e.message() == "用途 “body” 用了未定义的字体 “other”");
  }
  SECTION("a role the PDF writer sets text in, missing") {
    const Error e = error_of("fonts:\n" + face("d", kDroid) + "roles:\n  title: [d]\n  heading: [d]\n  bodyy: [d]\n  table: [d]\n");
    CHECK(e.kind() == Failure::Setup);
    CHECK(e.loc().line == 6);  // where the roles begin
    CHECK(e.message() == "字体清单中没有用途 “body”");
  }
  SECTION("a role that is not a list") {
    const Error e = error_of("fonts:\n" + face("d", kDroid) + "roles:\n  title: d\n");
    CHECK(e.loc().line == 6);
    CHECK(e.message() == "用途 “title” 需要一个字体名称的列表");
  }
  SECTION("a face defined twice") {
    const Error e = error_of("fonts:\n" + face("d", kDroid) + face("d", kDroid) + kRoles);
    CHECK(e.loc().line == 5);
    CHECK(e.message() == "字体 “d” 定义了两次");
  }
  SECTION("an index that is not a number") {
    const Error e = error_of("fonts:\n" + face("d", kDroid) + "    index: first\n" + kRoles);
    CHECK(e.loc().line == 5);
    CHECK(test::contains(e.message(), "index 应是一个从 0 数起的整数"));
  }
  SECTION("no manifest at all") {
    CHECK_THROWS_AS(read_font_manifest("/no/such/manifest.yaml"), Error);
    try {
      (void)read_font_manifest("/no/such/manifest.yaml");
    } catch (const Error& e) {
      CHECK(e.kind() == Failure::Setup);
    }
  }
}
