// No wording of the report in C++: the stages that make or render the
// report (model, compose, document, html, pdf, xlsx), diff and the audit
// (check) hold no Chinese text in their string literals; the report's words
// live in templates/ and data/, diff's in the catalog (core/ui.cpp), the
// audit findings' in the officer-facing catalog (core/messages.cpp). The
// catalogs themselves (core/messages.cpp, core/ui.cpp), the loader's key
// descriptions and cli usage are not scanned. Allowed: punctuation alone (e.g. the 。 a
// reason may end with, trimmed before the template adds its own) and CSS
// font-family names.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

// True when the UTF-8 text holds a CJK ideograph (U+3400–U+9FFF).
bool has_ideograph(const std::string& s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    unsigned char a = static_cast<unsigned char>(s[i]);
    if (a >= 0xE3 && a <= 0xE9) {
      unsigned cp = ((a & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                    (static_cast<unsigned char>(s[i + 2]) & 0x3F);
      if (cp >= 0x3400 && cp <= 0x9FFF) return true;
    }
  }
  return false;
}

// Calls `check(path, line number, line)` for every line of `file` with its
// `//` comment cut off.
template <typename Check>
void for_each_code_line(const fs::path& file, Check check) {
  std::ifstream in(file);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) check(file, ++n, line.substr(0, line.find("//")), line);
}

}  // namespace

TEST_CASE("lint: the report-making stages hold no Chinese wording in C++") {
  const fs::path root = fs::path(JUESUAN_SOURCE_DIR) / "generator";
  const std::regex literal(R"re("((?:[^"\\]|\\.)*)")re");
  // CSS font-family names are names of fonts, not wording.
  const std::regex font_family(R"re(方正小标宋简体|方正小标宋_GBK|霞鹜文楷|仿宋|宋体|黑体|楷体|仿宋_GB2312)re");
  int files = 0;
  for (const char* stage : {"model", "compose", "document", "html", "pdf", "xlsx", "diff", "check"}) {
    for (const auto& e : fs::recursive_directory_iterator(root / stage)) {
      std::string ext = e.path().extension().string();
      if (ext != ".cpp" && ext != ".hpp") continue;
      ++files;
      for_each_code_line(e.path(), [&](const fs::path& path, int n, const std::string& code, const std::string&) {
        for (std::sregex_iterator it(code.begin(), code.end(), literal), end; it != end; ++it) {
          std::string text = (*it)[1];
          std::string rest = std::regex_replace(text, font_family, "");
          INFO(path.string() << ":" << n << ": \"" << text << "\"");
          CHECK_FALSE(has_ideograph(rest));
        }
      });
    }
  }
  CHECK(files > 20);
}

// A closed Model (issue 13): no member of a model/ header is a pointer or a
// reference to a type of source/source.hpp (Source, Item, Text, …), so a
// Model never points into the Source it was computed from.
TEST_CASE("lint: the Model holds no pointer or reference into the Source") {
  const fs::path root = fs::path(JUESUAN_SOURCE_DIR) / "generator";
  // The names source.hpp declares.
  const std::string source = juesuan::test::slurp(root / "source/source.hpp");
  const std::regex declared(R"re((?:struct|using)\s+(\w+)\s*(?:\{|=))re");
  std::string names;
  for (std::sregex_iterator it(source.begin(), source.end(), declared), end; it != end; ++it)
    names += (names.empty() ? "" : "|") + (*it)[1].str();
  for (const char* n : {"Source", "Item", "Text", "Amount", "Attachment"})
    REQUIRE(std::regex_search(names, std::regex(std::string("\\b") + n + "\\b")));
  // A member `Type* name;` or `const Type& name = …;`, or a pointer in a
  // template argument (`std::vector<const Text*> name;`).
  const std::regex member("\\b(?:" + names + ")\\b\\s*(?:const\\s*)?[*&]\\s*\\w+\\s*(?:=[^;,()]*)?;|" +
                          "\\b(?:" + names + ")\\b\\s*(?:const\\s*)?\\*\\s*>");
  int files = 0;
  for (const auto& e : fs::directory_iterator(root / "model")) {
    if (e.path().extension() != ".hpp") continue;
    ++files;
    for_each_code_line(e.path(), [&](const fs::path& path, int n, const std::string& code, const std::string& line) {
      INFO(path.string() << ":" << n << ": " << line);
      CHECK_FALSE(std::regex_search(code, member));
    });
  }
  CHECK(files >= 1);
}
