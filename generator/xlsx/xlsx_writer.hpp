// The XLSX writer: the nine 公开表 of a finished Document as a workbook
// (libxlsxwriter), one sheet per numbered table, as the PDF prints them:
// title, 部门/年度/单位 line, head rows merged by the document's span grid,
// figures as numbers in 万元 with two decimals (never text; a blank cell
// stays blank), 合计/总计 rows bold, notes below; printed on A4, landscape
// where the PDF is, head rows repeated on every page, fitted to the width.
// Like the other writers it decides layout only, never content.
#pragma once

#include <ctime>
#include <string>

#include "document/document.hpp"

namespace juesuan::xlsx {

struct XlsxOptions {
  // The creation time written into the workbook's properties (and its zip
  // entries): fixed, so that one Document always gives the same bytes.
  std::time_t created = 946684800;  // 2000-01-01T00:00:00Z
};

// The workbook's bytes. Throws Error (Output when its temporary file
// cannot be written, Internal when libxlsxwriter refuses).
std::string write_xlsx(const doc::Document& document, const XlsxOptions& options = {});

// The name of a table's sheet: its number (公开01表), cut to Excel's 31
// characters, with the characters Excel refuses ([]:*?/\) replaced.
std::string sheet_name(const doc::Table& table);

}  // namespace juesuan::xlsx
