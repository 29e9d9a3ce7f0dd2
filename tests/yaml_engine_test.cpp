// The YAML reader parses with libyaml and falls back to yaml-cpp where
// libyaml refuses a text (issue 18): the two must give the same tree —
// every node's kind, position, text and quoting — and the same errors,
// for every YAML file of the repository and for thousands of damaged
// pieces of them.
#include <catch2/catch.hpp>

#include <random>

#include "yaml/yaml_tree.hpp"
#include "support.hpp"

using namespace juesuan;
using namespace juesuan::test;

namespace {

void dump(const yaml::Node& n, std::string& out) {
  out += "NSQM"[static_cast<int>(n.kind)];  // null, scalar, sequence, map
  out += "@" + std::to_string(n.loc.line) + ":" + std::to_string(n.loc.col);
  if (n.is_scalar()) out += (n.quoted ? "q'" : "'") + n.text + "'";
  if (n.is_seq()) {
    out += "[";
    for (const auto& i : n.items) dump(i, out), out += ",";
    out += "]";
  }
  if (n.is_map()) {
    out += "{";
    for (const auto& [k, v] : n.entries) dump(k, out), out += "=", dump(v, out), out += ",";
    out += "}";
  }
}

// Everything a parse gives: the tree, the errors collected, what it threw.
std::string outcome(bool reference, const std::shared_ptr<const SourceFile>& f, bool collect) {
  std::string out;
  std::vector<Error> errors;
  try {
    yaml::Node n = reference ? yaml::parse_reference(f, {}, collect ? &errors : nullptr)
                             : yaml::parse(f, {}, collect ? &errors : nullptr);
    dump(n, out);
  } catch (const Error& e) {
    out += "threw " + std::to_string(static_cast<int>(e.kind())) + "\n" + e.render();
  }
  for (const auto& e : errors) out += "\n" + e.render();
  return out;
}

std::vector<fs::path> yaml_files() {
  std::vector<fs::path> files;
  for (const char* dir : {"data", "templates", "tests", "fonts"})
    for (const auto& e : fs::recursive_directory_iterator(kSourceDir / dir))
      if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("yaml engines: libyaml gives yaml-cpp's tree and errors for every YAML file of the repository") {
  auto files = yaml_files();
  REQUIRE(files.size() > 100);
  int trees = 0;
  for (const auto& p : files) {
    auto f = std::make_shared<SourceFile>(SourceFile{p.filename().string(), slurp(p)});
    for (bool collect : {false, true}) {
      INFO(p.string() << (collect ? " (collecting errors)" : ""));
      std::string ref = outcome(true, f, collect);
      CHECK(outcome(false, f, collect) == ref);
      trees += ref.rfind("threw", 0) != 0;
    }
  }
  CHECK(trees > 150);  // most files are valid: the trees are compared, not only errors
}

TEST_CASE("yaml engines: the same trees and errors for damaged pieces of every YAML file") {
  // Pieces of up to 40 lines, each damaged in one to three places with what
  // a hand editing YAML writes by mistake. YAML_ENGINE_SEED and
  // YAML_ENGINE_PIECES (pieces per file) search further: seeds 7-20 at 300
  // pieces agreed.
  static const std::vector<std::string> kInserts = {
      ":", ": ", "- ", "-", " ", "  ", "\n", "\n- ", "\"", "'", "[", "]", "{", "}", ",", "#", " #", "|", ">",
      "|-", "&a ", "*a", "!", "!!str ", "? ", "---\n", "...\n", "~", "null", "：", "\t", "\\", "\"\\q\"",
      "%YAML 1.2\n", "@", "`", "a: b: c", "\r\n", "x:\n  - ", "\u00e9", "\u4e00", "\u001b", "\u3000"};
  std::mt19937 rng(std::getenv("YAML_ENGINE_SEED") ? std::stoul(std::getenv("YAML_ENGINE_SEED")) : 20261127);
  const int kPieces = std::getenv("YAML_ENGINE_PIECES") ? std::stoi(std::getenv("YAML_ENGINE_PIECES")) : 25;
  int compared = 0, differ = 0, trees = 0;
  for (const auto& p : yaml_files()) {
    std::string text = slurp(p);
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts.push_back(i + 1);
    for (int m = 0; m < kPieces; ++m) {
      std::size_t first = std::uniform_int_distribution<std::size_t>(0, starts.size() - 1)(rng);
      std::size_t end = first + 40 < starts.size() ? starts[first + 40] : text.size();
      std::string piece = text.substr(starts[first], end - starts[first]);
      int edits = std::uniform_int_distribution<int>(1, 3)(rng);
      for (int k = 0; k < edits && !piece.empty(); ++k) {
        std::size_t at = std::uniform_int_distribution<std::size_t>(0, piece.size() - 1)(rng);
        while (at > 0 && (static_cast<unsigned char>(piece[at]) & 0xC0) == 0x80) --at;  // a character's start
        int what = std::uniform_int_distribution<int>(0, 3)(rng);
        if (what == 0) {  // delete a character
          std::size_t len = 1;
          while (at + len < piece.size() && (static_cast<unsigned char>(piece[at + len]) & 0xC0) == 0x80) ++len;
          piece.erase(at, len);
        } else if (what == 1) {  // indent or unindent a line
          std::size_t ls = piece.rfind('\n', at);
          ls = ls == std::string::npos ? 0 : ls + 1;
          if (piece.compare(ls, 2, "  ") == 0 && (rng() & 1)) piece.erase(ls, 2);
          else piece.insert(ls, "  ");
        } else {
          piece.insert(at, kInserts[std::uniform_int_distribution<std::size_t>(0, kInserts.size() - 1)(rng)]);
        }
      }
      auto f = std::make_shared<SourceFile>(SourceFile{"piece.yaml", piece});
      bool collect = (m & 1) != 0;
      std::string ref = outcome(true, f, collect);
      std::string got = outcome(false, f, collect);
      ++compared;
      trees += ref.rfind("threw", 0) != 0;
      if (got != ref) {
        ++differ;
        if (differ <= 12) {
          INFO(p.string() << " piece:\n" << piece);
          CHECK(got == ref);
        }
      }
    }
  }
  CHECK(differ == 0);
  CHECK(compared > 2500);
  CHECK(trees > 500);  // many damaged pieces still parse: their trees are compared
}
