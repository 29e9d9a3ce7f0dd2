// The grid of a table's rows: where each cell sits once rowspans and
// colspans are placed (a cell takes the first column its row leaves free).
// One function for every reader of a Document: the PDF layout, diff's
// column names, the spreadsheet's merged ranges.
#pragma once

#include <vector>

#include "document/document.hpp"

namespace juesuan::doc {

struct Placed {
  const Cell* cell;
  int row, col;           // 0-based, within the rows given
  int rowspan, colspan;   // rowspan cut at the last row given; at least 1
};

struct Grid {
  int rows = 0;
  int columns = 0;              // the widest row, spans included
  std::vector<Placed> cells;    // in row order, then column order
};

// Places `rows` (the head or the body of a table). A row's cells pointed to
// must outlive the grid.
Grid grid(const std::vector<Row>& rows);

// The columns of a whole table: the wider of its head and body.
int column_count(const Table& t);

// Whether a table is set on landscape pages: when the format's data asks
// for it, or when it has more than six columns (a department's own
// attachment table). Writers decide layout; this is the rule they share.
bool wants_landscape(const Table& t);

}  // namespace juesuan::doc
