// Helpers the tests share: temporary folders, reading and writing files,
// running the program.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <cstdint>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>

namespace juesuan::test {

namespace fs = std::filesystem;

inline const fs::path kSourceDir = JUESUAN_SOURCE_DIR;

// A fresh folder under the system's temporary folder, removed at the end.
struct TempDir {
  fs::path dir;
  explicit TempDir(const std::string& tag) {
    static int serial = 0;
    dir = fs::temp_directory_path() /
          ("juesuan-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(++serial));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  fs::path operator/(const fs::path& p) const { return dir / p; }
};

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void spit(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

// Where the first occurrence of `s` in `text` (from `from`) ends: found
// whole, or in up to `pieces` pieces in order — a table cell split over
// pages, its first lines at the foot of one page and the rest at the head of
// the next, with the page number and the repeated head between them. Each
// piece has `least` bytes at least and is cut between UTF-8 characters.
// npos when neither.
inline std::size_t find_whole_or_split(const std::string& text, std::string_view s, std::size_t from = 0,
                                       std::size_t least = 12, int pieces = 4) {
  if (s.size() < least) {
    const auto at = text.find(s, from);
    return at == std::string::npos ? at : at + s.size();
  }
  const std::string_view head = s.substr(0, least);
  for (auto p = text.find(head, from); p != std::string::npos; p = text.find(head, p + 1)) {
    std::size_t n = 0;
    while (n < s.size() && p + n < text.size() && text[p + n] == s[n]) ++n;
    if (n == s.size()) return p + n;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    if (pieces > 1 && n >= least && s.size() - n >= least)
      if (auto end = find_whole_or_split(text, s.substr(n), p + n, least, pieces - 1); end != std::string::npos)
        return end;
  }
  return std::string::npos;
}

// A shell word: the text in single quotes.
inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Run {
  int status = -1;   // the exit status; -1 when killed
  std::string out;   // stdout
  std::string err;   // stderr
};

// Runs a shell command line, capturing its stdout and stderr.
inline Run shell(const std::string& command) {
  static int serial = 0;
  fs::path base = fs::temp_directory_path() /
                  ("juesuan-run-" + std::to_string(::getpid()) + "-" + std::to_string(++serial));
  fs::path out = base.string() + ".out", err = base.string() + ".err";
  int rc = std::system(("{ " + command + " ; } >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string())).c_str());
  Run r{WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, slurp(out), slurp(err)};
  fs::remove(out);
  fs::remove(err);
  return r;
}

// The program under test: this build's, or $JUESUAN_TEST_BINARY (to see
// a test fail on another version).
inline std::string binary() {
  const char* other = std::getenv("JUESUAN_TEST_BINARY");
  return other && *other ? other : JUESUAN_BINARY;
}

// Runs juesuan with these arguments (already shell words).
inline Run run_juesuan(const std::string& args, const std::string& env = "") {
  return shell(env + (env.empty() ? "" : " ") + shell_quote(binary()) + " " + args);
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A printed amount, "2,334.61" -> 233461 (0.01 万元); nullopt for anything
// that is not an amount.
inline std::optional<std::int64_t> cents(const std::string& text) {
  static const std::regex amount(R"(-?[0-9][0-9,]*\.[0-9]{2})");
  if (!std::regex_match(text, amount)) return std::nullopt;
  std::string digits;
  for (char c : text)
    if (c != ',' && c != '.') digits += c;
  return std::stoll(digits);
}

}  // namespace juesuan::test
