// The index of a batch: every department with its status, key figures and
// outputs, and the city's 汇总. Written as index.html (for people),
// index.json (for programs and for `juesuan merge`) and index.csv (for
// Excel). Nothing in it depends on the clock or on the number of workers.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/money.hpp"

namespace juesuan::batch {

// The key figures of one department, taken from its model.
struct KeyFigures {
  Money grand_total;      // 收支总计 (01表 收入总计)
  Money income_total;     // 本年收入合计
  Money spending_total;   // 本年支出合计
  Money fiscal_spending;  // 财政拨款支出
  Money three_public;     // "三公"经费 决算 合计
  KeyFigures& operator+=(const KeyFigures& o);
  friend bool operator==(const KeyFigures&, const KeyFigures&) = default;
};

// The figures in a fixed order, with the key each has in index.json.
struct FigureField {
  const char* key;
  Money KeyFigures::*member;
};
extern const std::array<FigureField, 5> kFigureFields;

enum class Status { Built, Unchanged, Failed };
const char* status_key(Status s);     // "built", "unchanged", "failed"
std::string status_label(Status s);   // 已生成, 未变化, 失败

// One finding about a department, for the reviewer's report: of the audit
// (its rule), of the input (rule "input": the file could not be read), or of
// a writer (rule "output": a character no font has).
struct FindingRow {
  std::string severity;   // "error", "warning", "note"
  std::string rule;
  std::string location;   // "教育局/一中.yaml:12:5" (relative to the city), or the path alone
  std::string message;
  friend bool operator==(const FindingRow&, const FindingRow&) = default;
};

// One output file of a department.
struct Output {
  std::string kind;   // its extension: "pdf", "html"
  std::string href;   // relative to the index's folder, '/'-separated
  friend bool operator==(const Output&, const Output&) = default;
};

struct Department {
  std::string path;      // the YAML, relative to the city folder
  std::string folder;    // its folder, relative ("" at the top)
  std::string name;      // 部门名称, or the file name when unreadable
  int year = 0;          // 决算年度; 0 when unreadable
  // As its file writes them ("" when it does not): "部门" (a 主管部门's
  // consolidated 部门决算) or "单位" (a unit's 单位决算), and a unit's 主管部门.
  // What they are when left out: places().
  std::string kind;
  std::string supervisor;
  Status status = Status::Built;
  std::string error;     // when failed: the first error, one line (file:line:col: error: …)
  std::string detail;    // when failed: every error, with quoted lines and carets
  std::vector<std::string> warnings;  // of the writers
  std::vector<FindingRow> findings;   // every finding: audit, input, writers
  std::optional<KeyFigures> figures;  // none when failed
  std::vector<Output> outputs;        // the files that exist, in writer-table order
  bool output_failure = false;        // failed only because an output could not be written:
                                      // its earlier documents were kept (not in index.json)
  friend bool operator==(const Department&, const Department&) = default;
};

struct Group {
  std::string folder;
  int departments = 0, built = 0, unchanged = 0, failed = 0;
  KeyFigures totals;   // of the departments that did not fail
};

// The city's 汇总 without counting twice: a 主管部门's consolidated 部门决算
// already holds its units, so a unit is added only when its 主管部门 has no
// 部门决算 that built. Failed departments add nothing.
struct Totals {
  int departments = 0;   // 部门决算 added
  int units = 0;         // 单位决算 added (their 主管部门 has no 部门决算)
  int covered = 0;       // 单位决算 left out: already in their 主管部门's 部门决算
  KeyFigures figures;
};

struct Summary {
  std::vector<Group> folders;   // in folder order
  Group city;                   // counts of every department; city.totals = totals.figures
  Totals totals;
};

// Where a department stands in the city: its kind and its 主管部门, as its
// file says, else inferred (docs/SCHEMA.md): a file at the top of the city
// is a 部门, one in a folder a 单位; a unit's 主管部门 is the 部门 of its
// folder (when there is exactly one), else the folder's name without a
// leading sort number ("03-教育局" -> 教育局). A 部门 is its own 主管部门.
// `counted`: added into the 汇总 (see Totals).
struct Place {
  bool unit = false;
  std::string supervisor;
  bool counted = false;
};
std::vector<Place> places(const std::vector<Department>& departments);

// The order of the index: by folder, then by path, so that a folder's
// departments stand together.
bool listed_before(const std::string& folder_a, const std::string& path_a, const std::string& folder_b,
                   const std::string& path_b);

// The city's compilation (batch --compile), when this run wrote it: the
// public index links it.
struct Compilation {
  std::string href;    // relative to the index's folder, '/'-separated
  std::string title;   // as on its cover
  int departments = 0, pages = 0;
};

struct Index {
  std::optional<std::pair<int, int>> shard;   // (index, count) of a shard's index
  std::vector<Department> departments;        // listed_before order
  std::optional<Compilation> compilation;     // not kept in index.json
};

Summary summarise(const Index& index);

// index.html (the public index, also as index.xlsx), index.json, index.csv, review.html and
// review.csv (the reviewer's report, not for publication) in `dir`, each
// written atomically. The pages are filled from the Mustache templates in
// `templates`/common/site/.
void write_index(const Index& index, const std::filesystem::path& dir, const std::filesystem::path& templates);

// The texts, for tests and for write_index.
std::string index_json(const Index& index);
std::string index_csv(const Index& index);
std::string index_xlsx(const Index& index);
std::string index_html(const Index& index, const std::filesystem::path& templates);
std::string review_html(const Index& index, const std::filesystem::path& templates);
std::string review_csv(const Index& index);

// The output files a department of an earlier index.json had in `dir`
// (its outputs and its stamp), named from its path and the writer table
// only: never a file juesuan would not have written.
std::vector<std::filesystem::path> files_of(const Department& d, const std::filesystem::path& dir);

// Reads an index.json. Throws Error(Input) with file:line:col.
Index read_index_json(const std::filesystem::path& file);

// Combines the indexes of the shards of one run into one, with each
// output's link made relative to `out_dir`. Throws Error(Input) when a
// shard is missing or given twice, or a department appears twice.
Index merge(const std::vector<std::filesystem::path>& shard_indexes, const std::filesystem::path& out_dir);

// 万元 with two decimals, as the tables print it, without grouping.
std::string wan(Money m);

}  // namespace juesuan::batch
