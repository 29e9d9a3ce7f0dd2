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
const char* status_label(Status s);   // 已生成, 未变化, 失败

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
  Status status = Status::Built;
  std::string error;     // when failed: the first error, one line (file:line:col: error: …)
  std::string detail;    // when failed: every error, with quoted lines and carets
  std::vector<std::string> warnings;  // of the writers
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

struct Summary {
  std::vector<Group> folders;   // in folder order
  Group city;
};

// The order of the index: by folder, then by path, so that a folder's
// departments stand together.
bool listed_before(const std::string& folder_a, const std::string& path_a, const std::string& folder_b,
                   const std::string& path_b);

struct Index {
  std::optional<std::pair<int, int>> shard;   // (index, count) of a shard's index
  std::vector<Department> departments;        // listed_before order
};

Summary summarise(const Index& index);

// index.html, index.json, index.csv in `dir`, each written atomically.
void write_index(const Index& index, const std::filesystem::path& dir);

// The texts, for tests and for write_index.
std::string index_json(const Index& index);
std::string index_csv(const Index& index);
std::string index_html(const Index& index);

// Reads an index.json. Throws Error(Input) with file:line:col.
Index read_index_json(const std::filesystem::path& file);

// Combines the indexes of the shards of one run into one, with each
// output's link made relative to `out_dir`. Throws Error(Input) when a
// shard is missing or given twice, or a department appears twice.
Index merge(const std::vector<std::filesystem::path>& shard_indexes, const std::filesystem::path& out_dir);

// 万元 with two decimals, as the tables print it, without grouping.
std::string wan(Money m);

}  // namespace juesuan::batch
