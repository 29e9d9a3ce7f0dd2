// Reading spreadsheets: the cells of each sheet of an .xlsx workbook
// (minizip for the zip container, expat for its XML parts) or of an .xls
// one (BIFF, through FreeXL). Values only: text and numbers, a number kept
// as the exact decimal text the file stores (never converted to a double
// here), formulas flagged. No styles, no dates.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace juesuan::xlsx {

struct Cell {
  enum class Type { Text, Number } type = Type::Text;
  std::string text;       // the text, or the number as stored ("684.7", "0.30000000000000004", "1E-3")
  bool formula = false;   // the cell holds a formula (text is its cached value, perhaps empty)
  bool is_number() const { return type == Type::Number; }
  bool is_text() const { return type == Type::Text; }
};

// (row, column), both 0-based: A1 is (0, 0).
using Cells = std::map<std::pair<int, int>, Cell>;

// A merged range of a sheet: its first and last cell (row, column), inclusive.
struct Merge {
  std::pair<int, int> first, last;
};

class Workbook {
 public:
  // Sheet names in the workbook's order.
  const std::vector<std::string>& sheet_names() const { return names_; }
  bool has_sheet(const std::string& name) const { return sheets_.count(name) > 0; }
  // The cells of a sheet (empty for an unknown name).
  const Cells& cells(const std::string& sheet) const;
  // The merged ranges of a sheet, in the file's order (.xlsx only).
  const std::vector<Merge>& merged(const std::string& sheet) const;

  // For the readers.
  void add_sheet(std::string name, Cells cells, std::vector<Merge> merged = {});

 private:
  std::vector<std::string> names_;
  std::map<std::string, Cells> sheets_;
  std::map<std::string, std::vector<Merge>> merged_;
};

// Reads an .xlsx (Office Open XML) workbook from its bytes. Throws Error
// (Failure::Input, the catalog's message, not located: the caller knows
// the file).
Workbook open_xlsx(const std::string& bytes);

// The bytes of one part of an .xlsx ("xl/workbook.xml"), for checks of
// what the cells do not show (print setup); "" when there is no such part.
// Throws Error as open_xlsx does.
std::string read_part(const std::string& bytes, const std::string& part);

// Reads an .xls (BIFF 5/8) workbook through FreeXL. Throws Error as
// open_xlsx does.
Workbook open_xls(const std::string& path);

// True when the bytes look like a zip container (an .xlsx), or like an OLE
// compound file (an .xls).
bool looks_like_zip(const std::string& bytes);
bool looks_like_ole(const std::string& bytes);

// "D12" for (11, 3); "AA1" for (0, 26).
std::string cell_name(int row, int col);
std::string column_name(int col);
// The (row, column) of "D12"; (-1, -1) when it is not a cell reference.
std::pair<int, int> parse_cell_name(const std::string& ref);

}  // namespace juesuan::xlsx
