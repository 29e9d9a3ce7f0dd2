// The fill-in workbook's layout, as data: every sheet, every column or row,
// its Chinese heading, where in the 决算 report its figure comes from, its
// YAML key and how to read it — and how to take its value from a loaded
// department (for `juesuan template --from`). The template writer and the
// importer both walk these tables; a column added later is one line here.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "source/source.hpp"

namespace juesuan::book {

// How a cell is read and checked.
enum class Kind {
  Amount,        // money in the file's unit, ≥ 0
  SignedAmount,  // money, may be negative (填报数)
  Count,         // a whole number ≥ 0
  Text,          // free text
  Code,          // a 科目 code (digits), written quoted
  Year,          // four digits
  Choice,        // one of `choices` (shown as written, stored as `values`)
  Score,         // 0–100, at most two decimals, kept as written
};

// A value as it goes into a cell: a number (the exact decimal text) or text.
struct Value {
  bool number = false;
  std::string text;
};

// One field of a key/value sheet: a row with its label, its value cell and
// its YAML path ("three_public.budget.abroad"). A `list` field takes one
// row per entry (overview.duties).
struct Field {
  const char* path;
  const char* label;
  const char* from;    // which line of the 决算 report (or who writes it)
  Kind kind = Kind::Amount;
  std::vector<std::string> choices = {};   // Kind::Choice: what the officer picks
  std::vector<std::string> values = {};    // Kind::Choice: what the YAML says (empty = as chosen)
  bool required = false;
  bool list = false;
  std::function<std::vector<Value>(const Source&)> get = {};
};

struct KeyValueSheet {
  const char* name;
  const char* title;           // the first row: what the sheet is for
  std::vector<Field> fields;
};

// One column of a table sheet (one row per 项, per 经济分类 款, …). The path
// is relative to the row ("income.general").
template <class Row>
struct Column {
  const char* path;
  const char* header;
  const char* from;
  Kind kind = Kind::Amount;
  int width = 12;
  std::function<std::optional<Value>(const Source&, const Row&)> get = {};
};

// Sheet names.
inline constexpr const char* kCover = "封面";
inline constexpr const char* kItems = "收支明细";
inline constexpr const char* kEconomic = "基本支出经济分类";
inline constexpr const char* kThreePublic = "三公经费";
inline constexpr const char* kBalances = "结转结余";
inline constexpr const char* kLastYear = "上年数";
inline constexpr const char* kStaff = "机构人员";
inline constexpr const char* kTexts = "文字";
inline constexpr const char* kOther = "运行经费和采购";
inline constexpr const char* kNames = "科目名称";
inline constexpr const char* kSupplied = "填报数";
inline constexpr const char* kPerformance = "绩效";
inline constexpr const char* kAttachments = "附件";
inline constexpr const char* kCatalog = "科目目录";   // hidden: the 项 of the catalog, for lists and names

// Key/value sheets, in workbook order (收支明细 and 基本支出经济分类 come
// after 封面; see template.cpp).
const std::vector<KeyValueSheet>& key_value_sheets();

// Table sheets.
using EconomicRow = std::pair<std::string, Amount>;     // 款 code, amount
using NameRow = std::pair<std::string, Text>;           // code, name
const std::vector<Column<Item>>& item_columns();
const std::vector<Column<EconomicRow>>& economic_columns();
const std::vector<Column<NameRow>>& name_columns();
const std::vector<Column<Supplied>>& supplied_columns();

// Rows of the table sheets: the title row, the heading row, the note row
// (照抄自) and the key row come first; the data starts below them.
inline constexpr int kTableTitleRow = 0, kTableHeaderRow = 1, kTableNoteRow = 2, kTableKeyRow = 3,
                     kTableFirstRow = 4;
// Key/value sheets: title, heading, then one row per field. Columns:
// 项目, 填写, 照抄自, 键.
inline constexpr int kKvHeaderRow = 1, kKvFirstRow = 2;
inline constexpr int kKvLabelCol = 0, kKvValueCol = 1, kKvFromCol = 2, kKvKeyCol = 3;
// Free sheets (绩效, 附件): 键 (a path), 填写, 说明.
inline constexpr int kFreeKeyCol = 0, kFreeValueCol = 1, kFreeNoteCol = 2;

// The money of an amount as decimal text in the unit ("684.7", "1205.51").
std::string money_text(Money m, Unit unit);

// The standard keys of performance for a format, with their labels, for
// the empty template's 绩效 sheet.
std::vector<std::pair<std::string, std::string>> performance_keys(const std::string& format);

}  // namespace juesuan::book
