// Diagnostics: where a value came from, and the one error type of the
// program. Every message names the file, line and column and shows the
// source line with a caret under the column.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace juesuan {

// The text of one input file, kept so diagnostics can quote its lines.
struct SourceFile {
  std::string path;     // as given on the command line
  std::string text;
  std::string_view line(int line_1based) const;
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

class Error : public std::runtime_error {
 public:
  Error(Failure kind, Loc loc, std::string message);
  Error(Failure kind, std::string message) : Error(kind, Loc{}, std::move(message)) {}
  Failure kind() const { return kind_; }
  const Loc& loc() const { return loc_; }
  const std::string& message() const { return message_; }
  // "file:line:col: error: message" plus the quoted line and caret.
  std::string render() const;

 private:
  Failure kind_;
  Loc loc_;
  std::string message_;
};

// "file:line:col: severity: message\n" followed, when the location has a
// line, by "   41 | <line>\n      |     ^\n".
std::string render_diagnostic(Severity severity, const Loc& loc, std::string_view message);

// "file:line:col" ("file" alone when there is no line).
std::string location_prefix(const Loc& loc);

// The number of terminal columns a UTF-8 string takes (CJK wide = 2).
int display_width(std::string_view utf8);

}  // namespace juesuan
