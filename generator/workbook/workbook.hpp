// The fill-in workbook (`juesuan template`) and reading workbooks back into
// a department's YAML (`juesuan import`): the fill-in workbook itself, or
// the nine 公开表 as the 决算 software exports them.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "source/catalog.hpp"
#include "source/load.hpp"
#include "source/source.hpp"
#include "xlsx_read/xlsx_read.hpp"

namespace juesuan::book {

struct TemplateOptions {
  int year = 0;                   // 0: the current edition of the catalog, format 2022
  const Source* from = nullptr;   // fill in this department's figures and texts
};

// Writes the fill-in workbook to `path` (libxlsxwriter). Throws
// Error(Failure::Output) when it cannot be written.
void write_template(const std::filesystem::path& path, const Catalog& catalog, const TemplateOptions& options);

// A problem with one cell ("收支明细!D12") and what to write instead.
struct Problem {
  std::string sheet;
  int row = -1, col = -1;   // -1: the sheet as a whole
  std::string message;
  std::string where() const;   // "收支明细!D12", or the sheet's name
};

struct Imported {
  std::string yaml;                     // the department's commented YAML
  std::map<int, std::string> origins;   // YAML line -> the cell it came from
  std::vector<Problem> problems;        // in sheet and row order
};

// True when the workbook is a fill-in workbook (it has the sheet 封面 with
// its keys), false for anything else (e.g. the nine 公开表).
bool is_fill_in(const xlsx::Workbook& book);

// The fill-in workbook -> YAML. Every cell is checked; all problems are
// returned (none: the YAML is complete).
Imported import_fill_in(const xlsx::Workbook& book, const Catalog& catalog);

// A workbook laid out as the nine 公开表 (sheets 公开01表…, or the table's
// title in its first rows) -> YAML: the 项 rows (and the 06表 款) as inputs,
// every 合计, 总计 and 类/款 row as a `supplied:` figure.
Imported import_public_tables(const xlsx::Workbook& book, const Catalog& catalog);

}  // namespace juesuan::book

namespace juesuan::book {

// `juesuan import` of one file: reads it (.xlsx, or .xls through FreeXL),
// recognises the fill-in workbook or the 公开表, imports it and loads the
// YAML it made with the loader, so that what the loader would refuse is
// reported at its cell too. Throws Error(Input) for a file that is not a
// workbook.
Imported import_workbook_file(const std::filesystem::path& path, const Catalog& catalog, const LoadContext& context);

}  // namespace juesuan::book
