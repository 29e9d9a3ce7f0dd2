// The templates of one document format (templates/<format>/): the table
// layouts (tables.yaml), names used in sentences (labels.yaml), the standard
// glossary (glossary.yaml), settings (format.yaml) and the Mustache text of
// the document (*.mustache). Loaded and checked once per process; shared
// read-only by every document of that format.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/diag.hpp"
#include "document/document.hpp"

namespace juesuan {

// A cell of a fixed table row: a text, or a figure (optionally of one 功能
// 分类 类 row), with spans.
struct CellSpec {
  std::string text;
  std::string value;        // figure name; empty for a text cell
  std::string class_code;   // evaluate `value` on this 类/款/项 row
  int colspan = 1, rowspan = 1;
  doc::Align align = doc::Align::Left;
  bool header = false;
  bool emphasis = false;    // em: true — the whole row is a 合计/总计 row
  Loc loc;
};

struct TableSpec {
  std::string id, number, title, toc;
  enum class Kind { Grid, Classified, Economic } kind = Kind::Grid;
  std::vector<std::vector<CellSpec>> head;   // header rows
  std::vector<std::vector<CellSpec>> rows;   // Grid: fixed body rows
  std::vector<double> widths;
  std::vector<std::string> notes;
  std::string empty_note;                    // added when the table has no data
  std::vector<std::string> empty_if_zero;    // figure names; all zero = no data
  bool landscape = false;
  bool zero_blank = false;                   // print zero amounts as blank
  // Classified: the figure of each amount column, and the 合计 row labels.
  std::vector<std::string> columns;
  std::string total_code_text, total_name_text;
  bool code_and_name_merged_in_total = false;
  // Economic: panels of 经济分类 codes, side by side, and the footer row.
  std::vector<std::vector<std::string>> panels;
  std::vector<CellSpec> footer;
  Loc loc;
};

// How numbers are written in sentences.
struct NumberStyle {
  bool grouping = true;            // 2,337.23 (else 2337.23)
  bool trim_zeros = false;         // 911.7万元, 0万元 (else 911.70万元, 0.00万元)
  bool percent_trim_zeros = false; // 100% (else 100.00%)
  bool truncate_change_rates = false;  // 增长/下降 rates cut off, not rounded (shares stay rounded)
  int rate_decimals = 2;           // 92.61% (2), 92.6% (1), 93% (0)
};

struct FormatSettings {
  NumberStyle text;              // numbers in sentences
  bool table_grouping = true;
  // Words that make an attachment table's column an amount column when its
  // heading holds one (年初预算数, 全年执行数, …): its figures are grouped
  // like the tables' amounts; other figures (分值, 偏差度) stay as written.
  std::vector<std::string> attachment_amount_headings;
  std::string unit_line;         // 单位：万元
  std::string year_line;         // {{year}}年度 (Mustache)
  std::string department_line;   // 部门：{{department}}
  std::string title;             // document title (Mustache)
  std::string page_number_format = "- {} -";
  std::string level;             // the department's level (format.yaml), unless its file says
  bool list_budget_only_items = false;  // 五（三） lists 项 budgeted but not spent
  std::vector<std::string> list_order;  // 经济分类 款 in the order lists name them
  std::map<std::string, std::string> names;  // the bureau's own names of 科目
};

struct GlossaryEntry {
  std::string term, text;
};

struct TemplateSet {
  std::string format;            // the year's format (the base of a profile)
  std::string profile;           // the profile's name; empty for a format itself
  std::filesystem::path dir;
  FormatSettings settings;
  std::vector<TableSpec> tables;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> labels;  // group -> [key, name] in file order
  std::vector<GlossaryEntry> glossary;
  std::map<std::string, std::string> partials;   // name -> Mustache text
  std::string main;                              // document.mustache
  // Every name the templates of this set refer to, with each dotted part
  // ("tp.vehicle.bought_note" gives it, "tp", "vehicle", "bought_note"):
  // which inputs the format prints.
  std::set<std::string> used_names;

  const TableSpec* table(std::string_view id) const;
  std::string label(const std::string& group, const std::string& key) const;
  const std::vector<std::pair<std::string, std::string>>* label_group(const std::string& group) const;
};

// All formats under templates/, keyed by format name.
class Templates {
 public:
  // Throws Error(Failure::Setup) naming the template file, line and column.
  // Lazy: only each folder's format.yaml is read now (which sets there are,
  // and each profile's base); a set is read and checked on its first
  // find(), which then throws its error. A run that builds one department
  // reads only its format and profile.
  static Templates load(const std::filesystem::path& dir, bool lazy = false);
  Templates();
  Templates(Templates&&) noexcept;
  Templates& operator=(Templates&&) noexcept;
  ~Templates();
  // Null when there is no such set. Thread-safe.
  const TemplateSet* find(std::string_view format) const;
  std::vector<std::string> formats() const;                 // formats, not profiles
  std::map<std::string, std::string> profiles() const;     // profile -> its format

  struct Entry;   // one set, read on first use

 private:
  std::map<std::string, std::unique_ptr<Entry>, std::less<>> sets_;
};

// Checks Mustache text: balanced sections, no triple braces (values must be
// escaped), no delimiter changes, every name among `names` (a name is known
// when it or any dotted prefix of it is). Throws Error(Failure::Setup).
void check_mustache(const std::shared_ptr<const SourceFile>& file, const std::vector<std::string>& names,
                    const std::map<std::string, std::string>& partials);

}  // namespace juesuan
