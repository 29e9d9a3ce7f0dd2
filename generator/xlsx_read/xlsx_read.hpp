// A small XLSX reader: a workbook's sheet names and each sheet's cells
// (text or number) with its merged ranges — what the tests need to read
// back the workbooks juesuan writes, and what an importer of officers'
// spreadsheets needs. The zip is read by minizip, the XML by expat; shared
// strings, inline strings and numbers are understood, formulas by their
// cached value, styles not at all.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace juesuan::xlsx_read {

// A cell's value: text or a number. (A boolean reads as the number 0/1,
// an error value such as #DIV/0! as its text.)
struct Value {
  std::variant<std::string, double> v;
  bool is_number() const { return std::holds_alternative<double>(v); }
  bool is_text() const { return std::holds_alternative<std::string>(v); }
  double number() const { return std::get<double>(v); }
  const std::string& text() const { return std::get<std::string>(v); }
};

// A cell position, 0-based.
struct Pos {
  int row = 0, col = 0;
  auto operator<=>(const Pos&) const = default;
};

// "B3" -> {2, 1}; nullopt unless it is a column of letters (up to XFD) and
// a row number from 1.
std::optional<Pos> parse_a1(std::string_view a1);
// {2, 1} -> "B3".
std::string a1(Pos p);

struct Range {
  Pos first, last;   // inclusive
};

class Sheet {
 public:
  const std::string& name() const { return name_; }
  // The value at a position; null for an empty cell (or a blank one).
  const Value* cell(Pos p) const;
  const Value* cell(int row, int col) const { return cell(Pos{row, col}); }
  const Value* cell(std::string_view a1) const;   // "B3"; null for a bad name too
  // Every non-empty cell, in row then column order.
  const std::map<Pos, Value>& cells() const { return cells_; }
  const std::vector<Range>& merged() const { return merged_; }
  // One past the last row and column that hold a value (0 when empty).
  int rows() const;
  int columns() const;

 private:
  friend class Workbook;
  std::string name_;
  std::map<Pos, Value> cells_;
  std::vector<Range> merged_;
};

class Workbook {
 public:
  // Reads a workbook from its bytes; `name` is the file name messages use.
  // Throws Error(Failure::Input) with a message that names the file.
  static Workbook from_bytes(std::string bytes, std::string name);
  static Workbook from_file(const std::filesystem::path& path);

  // Sheet names, in the workbook's order.
  std::vector<std::string> sheet_names() const;
  const std::vector<Sheet>& sheets() const { return sheets_; }
  // The sheet of that name; null when there is none.
  const Sheet* sheet(std::string_view name) const;

 private:
  std::vector<Sheet> sheets_;
};

// The raw bytes of one part of a workbook ("xl/workbook.xml"); nullopt when
// the workbook has no such part. Throws Error(Failure::Input) when the bytes
// are not a zip.
std::optional<std::string> read_part(const std::string& bytes, const std::string& part);

}  // namespace juesuan::xlsx_read
