// Reading one cell of a workbook as the YAML value its column or row wants:
// an amount exact to the 分, a count, a code, a choice, text. Numbers are
// taken from the decimal text the file stores ("0.30000000000000004"), cut
// to the 15 significant digits Excel itself keeps, never through double
// arithmetic.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "workbook/layout.hpp"
#include "workbook/workbook.hpp"
#include "workbook/yaml_out.hpp"

namespace juesuan::book {

// The stored text of a number ("1.2E-3", "684.69999999999993") as a plain
// decimal of at most 15 significant digits ("0.0012", "684.7"); nullopt
// when it is not a number.
std::optional<std::string> number_text(const std::string& stored);

// An amount from a cell: its value, or the AmountError that rejects it.
ParsedAmount cell_amount(const xlsx::Cell& cell, Unit unit);

class CellReader {
 public:
  explicit CellReader(std::vector<Problem>& problems) : problems_(problems) {}
  // The YAML scalar of the cell, or nullopt (a problem is recorded).
  std::optional<YNode> read(const std::string& sheet, int row, int col, const xlsx::Cell& cell, Kind kind,
                            const std::string& what, Unit unit, const std::vector<std::string>* choices = nullptr,
                            const std::vector<std::string>* values = nullptr);

 private:
  std::vector<Problem>& problems_;
};

}  // namespace juesuan::book
