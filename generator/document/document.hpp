// The renderer-neutral Document: what the compose stage produces and the
// HTML, PDF and XLSX writers consume. Every figure is already formatted and
// every sentence already worded; a cell that shows a figure also carries its
// exact amount and its key, so that no reader of the Document (diff, the
// spreadsheet) parses printed numbers back. A writer decides layout, never
// content.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/money.hpp"

namespace juesuan::doc {

enum class Align { Left, Center, Right, Justify };

// The visual role of a run of text; each writer maps roles to fonts/sizes.
enum class Role {
  CoverTitle,  // the department name and year on the cover
  CoverLine,   // other cover lines (the date)
  Body,        // ordinary paragraph text
  Note,        // 注：… and 说明：… paragraphs
};

struct Cell {
  std::string text;
  int colspan = 1;
  int rowspan = 1;
  Align align = Align::Left;
  bool header = false;    // a <th>: part of the header rows or a row label
  bool emphasis = false;  // a 合计 / 总计 row
  // A figure cell: the exact amount the model computed (its text is this
  // amount as printed, or blank where the table prints zeros blank) and
  // the figure's key, "name@code" ("spend.basic@2010301") or "name" for a
  // department total ("dept.income_total"). Empty for a text cell.
  std::optional<Money> amount;
  std::string key;
};

// A text cell (a label, a 科目 code or name).
inline Cell text_cell(std::string text, int colspan = 1, int rowspan = 1, Align align = Align::Left,
                      bool header = false, bool emphasis = false) {
  Cell c;
  c.text = std::move(text);
  c.colspan = colspan;
  c.rowspan = rowspan;
  c.align = align;
  c.header = header;
  c.emphasis = emphasis;
  return c;
}

using Row = std::vector<Cell>;

struct Table {
  std::string id;           // stable anchor, e.g. "t01"
  std::string number;       // 公开01表
  std::string title;        // 收入支出决算总表
  std::string department;   // 部门：…
  std::string year;         // 2022年度
  std::string unit;         // 单位：万元
  std::vector<Row> head;    // header rows (repeated on continuation pages)
  std::vector<Row> body;
  std::vector<double> widths;      // relative column widths, one per column
  std::vector<std::string> notes;  // 注：… / 说明：… paragraphs, in order
  bool landscape = false;   // the format's data asks for landscape pages (see wants_landscape)
  bool in_toc = true;       // listed in the outline under its part
};

struct Heading {
  int level = 1;            // 0 = part, 1 = section, 2 = subsection
  std::string text;
  std::string id;           // anchor for links and the outline ("" = none)
  bool in_toc = true;       // listed in 目录 and the outline
  bool new_page = false;    // start on a new page
};

struct Paragraph {
  std::string text;
  Role role = Role::Body;
  Align align = Align::Justify;
  bool indent = true;       // first-line indent of two characters
};

// A numbered list: each item carries its own label (「一、」「1.」「（一）」),
// already formatted by compose.
struct ListItem {
  std::string label;
  std::string text;
};
struct List {
  std::vector<ListItem> items;
};

// The table of contents: compose lists the entries; the PDF writer adds page
// numbers, the HTML writer links.
struct TocEntry {
  int level = 0;
  std::string text;
  std::string target;       // the id of a Heading or Table
};
struct Toc {
  std::string title;        // 目 录
  std::vector<TocEntry> entries;
};

struct PageBreak {};

// A chart of 第三部分 (图1 收、支决算总计变动情况, 图2 收入决算结构 …): its
// figures from the model, its words (title, names, legend) from the
// templates. Each value carries, as a table cell does, its exact amount and
// its key, so that a test or a reader checks it against the tables.
struct ChartValue {
  std::string label;        // a slice's name; a bar's series name
  Money amount;             // the exact figure
  std::string key;          // as a Cell's: "income.general", "dept.income_total", "last_year.income_total"
  std::string text;         // the amount as the text prints it ("3859.16")
  std::string share;        // a slice's share as printed, without "%" ("93.54"); "" for a bar
};
struct ChartGroup {
  std::string label;               // a bar group's name (收入); "" for a pie
  std::vector<ChartValue> values;  // bar: one per series; pie: the slices (none zero)
};
struct Chart {
  enum class Kind { Bar, Pie };
  Kind kind = Kind::Pie;
  std::string id;                  // anchor ("chart-income_detail")
  std::string title;               // 图2：收入决算结构
  std::string unit;                // 单位：万元
  std::vector<std::string> series; // bar: the legend, one name per value of a group (2021年, 2022年)
  std::vector<ChartGroup> groups;  // pie: one group
};

using Block = std::variant<Heading, Paragraph, List, Table, Toc, PageBreak, Chart>;

struct Document {
  std::string title;        // document info: title
  std::string author;       // document info: author (the department)
  std::string language = "zh-CN";
  std::string page_number_format = "- {} -";  // {} = the page number
  std::vector<Block> blocks;
};

}  // namespace juesuan::doc
