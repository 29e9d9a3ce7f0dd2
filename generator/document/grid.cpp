// The span grid of a table (see grid.hpp).
#include "document/grid.hpp"

#include <algorithm>

namespace juesuan::doc {

Grid grid(const std::vector<Row>& rows) {
  Grid g;
  g.rows = static_cast<int>(rows.size());
  std::vector<std::vector<char>> used(rows.size());
  for (int r = 0; r < g.rows; ++r) {
    int col = 0;
    for (const auto& cell : rows[r]) {
      auto& u = used[r];
      while (col < static_cast<int>(u.size()) && u[col]) ++col;
      const int rs = std::clamp(cell.rowspan, 1, g.rows - r);
      const int cs = std::max(1, cell.colspan);
      for (int rr = r; rr < r + rs; ++rr) {
        auto& ur = used[rr];
        if (static_cast<int>(ur.size()) < col + cs) ur.resize(col + cs, 0);
        for (int cc = col; cc < col + cs; ++cc) ur[cc] = 1;
      }
      g.cells.push_back({&cell, r, col, rs, cs});
      col += cs;
      g.columns = std::max(g.columns, col);
    }
  }
  return g;
}

int column_count(const Table& t) { return std::max(grid(t.head).columns, grid(t.body).columns); }

bool wants_landscape(const Table& t) { return t.landscape || column_count(t) > 6; }

}  // namespace juesuan::doc
