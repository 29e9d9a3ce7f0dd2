// Diagnostics: where a value came from, and the one error type of the
// program. Every message names the file, line and column and shows the
// source line with a caret under the column.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace juesuan {

namespace detail {
// Where each line of a text starts, built on first use (a file's text may
// be filled in after the SourceFile is made) and never copied: a copy
// builds its own. Thread-safe, as files are shared between workers.
class LineIndex {
 public:
  LineIndex() = default;
  LineIndex(const LineIndex&) {}
  LineIndex& operator=(const LineIndex&) { std::lock_guard lock(mutex_); starts_.clear(); size_ = 0; return *this; }
  // Offsets of the first byte of each line (after a BOM), for `text`.
  const std::vector<std::size_t>& starts(std::string_view text) const;

 private:
  mutable std::mutex mutex_;
  mutable std::vector<std::size_t> starts_;
  mutable std::size_t size_ = 0;   // the text size the index was built for
  mutable const char* data_ = nullptr;
};
}  // namespace detail

// The text of one input file, kept so diagnostics can quote its lines.
struct SourceFile {
  std::string path;     // as given on the command line
  std::string text;
  detail::LineIndex lines_{};   // for line() and locate(): O(log n), not O(n)
  // Line n (1-based) without its line end; empty past the end.
  std::string_view line(int line_1based) const;
  // The 1-based line and column (in characters, a BOM not counted) of a
  // byte offset into text.
  std::pair<int, int> locate(std::size_t offset) const;
  // The number of lines.
  int line_count() const;
};

struct Loc {
  std::shared_ptr<const SourceFile> file;
  int line = 0;  // 1-based; 0 = the file as a whole
  int col = 0;   // 1-based, in characters
};

// Exit status by kind of failure, so scripts can tell them apart.
enum class Failure : int {
  Findings = 1,   // `check` found errors; `batch` had a failed department
  Input = 2,      // the YAML (or the command line) is wrong
  Setup = 3,      // templates, catalogs or fonts are missing or broken
  Output = 4,     // an output could not be written
  Internal = 5,   // a bug: please report it
};

enum class Severity { Error, Warning, Note };

// The program's one error type: every failure — of an input, the set-up,
// an output, or a bug (Failure::Internal) — is an Error, and its kind is
// the exit status. An input error may carry further errors of the same
// file (every mistake of a file is reported in one run, in line order).
class Error : public std::runtime_error {
 public:
  Error(Failure kind, Loc loc, std::string message);
  Error(Failure kind, std::string message) : Error(kind, Loc{}, std::move(message)) {}
  // The errors of one file, in line order, at most `limit` of them shown
  // (render() then says how many there were). `errors` is not empty.
  static Error several(std::vector<Error> errors, std::size_t limit = kMaxReported);
  Failure kind() const { return kind_; }
  const Loc& loc() const { return loc_; }
  const std::string& message() const { return message_; }
  // The further errors reported with this one (none for a single error).
  struct Further {
    Loc loc;
    std::string message;
  };
  const std::vector<Further>& further() const { return further_; }
  // How many errors were found, shown or not (1 for a single error).
  std::size_t count() const { return count_; }
  // "file:line:col: error: message" plus the quoted line and caret; for
  // several errors each of them, and a closing line with their number.
  std::string render() const;

  static constexpr std::size_t kMaxReported = 20;

 private:
  Failure kind_;
  Loc loc_;
  std::string message_;
  std::vector<Further> further_;
  std::size_t count_ = 1;
};

// "file:line:col: severity: message\n" followed, when the location has a
// line, by "   41 | <line>\n      |     ^\n".
std::string render_diagnostic(Severity severity, const Loc& loc, std::string_view message);

// A file name as it may be printed on a terminal or in a page: control
// characters and bytes that are not UTF-8 shown as \xNN, so that no name
// can send escape sequences to a terminal.
std::string printable_name(std::string_view name);

// "file:line:col" ("file" alone when there is no line), the name printable.
std::string location_prefix(const Loc& loc);

// The number of terminal columns a UTF-8 string takes (CJK wide = 2).
int display_width(std::string_view utf8);

}  // namespace juesuan
