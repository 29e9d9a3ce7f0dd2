// `juesuan import` of the fill-in workbook: every sheet of layout.cpp read
// back, each cell checked (an amount exact to the 分 from the decimal text
// the file stores), into a commented YAML the loader accepts.
#include <algorithm>
#include <cstring>
#include <set>

#include "core/messages.hpp"
#include "workbook/cells.hpp"
#include "workbook/layout.hpp"
#include "workbook/workbook.hpp"
#include "workbook/yaml_out.hpp"

namespace juesuan::book {

std::string Problem::where() const { return row < 0 ? sheet : sheet + "!" + xlsx::cell_name(row, col); }

bool is_fill_in(const xlsx::Workbook& book) {
  if (!book.has_sheet(kCover)) return false;
  for (const auto& [rc, cell] : book.cells(kCover))
    if (rc.second == kKvKeyCol && cell.text == "department") return true;
  return false;
}

namespace {

std::string plain_label(const char* label) {
  std::string s = label;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, " *") == 0) s.resize(s.size() - 2);
  return s;
}

// Comments of the top-level keys, and their order in the file.
const std::vector<std::pair<const char*, const char*>>& blocks() {
  static const std::vector<std::pair<const char*, const char*>> b = {
      {"department", "部门名称"}, {"short_name", "部门简称"}, {"year", "决算年度"}, {"format", "表样"},
      {"amount_unit", "本文件金额单位"}, {"publish_date", "公开日期"},
      {"item_glossary", "名词解释是否逐项列出功能分类项级科目"}, {"level", "部门所属层级"},
      {"profile", "表样变体"}, {"names", "科目名称：目录中没有的科目，或本部门的写法"},
      {"overview", "第一部分 概况"}, {"items", "功能分类项级科目，每个项一条；类、款、合计自动汇总"},
      {"year_start_budget", "年初预算总数"}, {"basic_economic", "一般公共预算财政拨款基本支出，按经济分类款"},
      {"balances", "结转和结余（部门合计）"}, {"last_year", "上年度决算数"}, {"staff", "人员情况"},
      {"three_public", "财政拨款“三公”经费"}, {"operating_costs", "机关运行经费"}, {"procurement", "政府采购"},
      {"assets", "国有资产占用（年末）"}, {"performance", "预算绩效（第三部分 十三）"},
      {"attachments", "第五部分 附件"}, {"supplied", "填报数：部门自己表格中的合计数，仅供 check 核对"}};
  return b;
}
// Blocks `check` requires (written as {} when the workbook leaves them empty).
const std::set<std::string> kRequiredBlocks = {"overview", "balances", "last_year", "three_public",
                                               "operating_costs", "procurement", "assets"};

class Importer {
 public:
  Importer(const xlsx::Workbook& book, const Catalog& cat) : book_(book), cat_(cat), cells_(problems_) {
    for (const auto& [key, comment] : blocks()) {
      YNode& n = root_.at(key);
      n.comment = comment;
    }
  }

  Imported run() {
    cover();
    names();   // before 收支明细: a 项 the catalog lacks may be named there
    for (const auto& sheet : key_value_sheets())
      if (std::string(sheet.name) != kCover) key_value(sheet);
    items();
    economic();
    supplied();
    free_sheet(kPerformance, "performance", false);
    free_sheet(kAttachments, "attachments", true);
    // Drop what is empty, keep the required blocks.
    std::vector<std::pair<std::string, YNode>> kept;
    for (auto& [k, v] : root_.entries) {
      if (v.kind == YNode::Kind::Map && v.entries.empty() && !kRequiredBlocks.count(k)) continue;
      kept.emplace_back(k, std::move(v));
    }
    root_.entries = std::move(kept);
    Imported out;
    std::string dept;
    if (const YNode* d = root_.find("department")) dept = d->value;
    Emitted e = emit_yaml(root_, {dept + " 部门决算源数据", "由 juesuan import 从填报工作簿读入；金额单位见 amount_unit。",
                                  "所有合计、小计、类和款的金额都由 juesuan 计算，不要填写。"});
    out.yaml = std::move(e.text);
    out.origins = std::move(e.origins);
    out.problems = std::move(problems_);
    return out;
  }

 private:
  bool sheet_present(const char* sheet, bool required) {
    if (book_.has_sheet(sheet)) return true;
    if (required) problems_.push_back({sheet, -1, -1, msg::missing_sheet(sheet)});
    return false;
  }

  // A key/value sheet: the row of each key, its value.
  void key_value(const KeyValueSheet& sheet) {
    if (!sheet_present(sheet.name, true)) return;
    const xlsx::Cells& cells = book_.cells(sheet.name);
    std::map<std::string, const Field*> by_path;
    for (const Field& f : sheet.fields) by_path[f.path] = &f;
    std::map<std::string, std::string> seen;   // path -> first cell
    int last_row = cells.empty() ? 0 : cells.rbegin()->first.first;
    for (int row = kKvFirstRow; row <= last_row; ++row) {
      const xlsx::Cell* key = cell(cells, row, kKvKeyCol);
      const xlsx::Cell* value = cell(cells, row, kKvValueCol);
      bool has_value = value && !value->text.empty();
      if (!key || key->text.empty()) {
        if (has_value) problems_.push_back({sheet.name, row, kKvValueCol, msg::value_without_key()});
        continue;
      }
      auto f = by_path.find(key->text);
      if (f == by_path.end()) {
        problems_.push_back({sheet.name, row, kKvKeyCol, msg::unknown_row_key(key->text)});
        continue;
      }
      const Field& field = *f->second;
      std::string where = sheet.name + std::string("!") + xlsx::cell_name(row, kKvValueCol);
      if (!field.list) {
        auto [pos, fresh] = seen.emplace(field.path, where);
        if (!fresh) {
          problems_.push_back({sheet.name, row, kKvKeyCol, msg::duplicate_row(field.path, pos->second)});
          continue;
        }
      }
      if (!has_value) continue;
      auto v = cells_.read(sheet.name, row, kKvValueCol, *value, field.kind, plain_label(field.label), unit_,
                           &field.choices, &field.values);
      if (!v) continue;
      v->origin = where;
      v->comment = plain_label(field.label);
      if (field.list) {
        YNode& list = root_.path(field.path);
        if (list.kind != YNode::Kind::Seq) { list.kind = YNode::Kind::Seq; list.comment = plain_label(field.label); }
        v->comment.clear();
        list.items.push_back(std::move(*v));
      } else {
        root_.path(field.path) = std::move(*v);
      }
    }
    for (const Field& field : sheet.fields)
      if (field.required && !seen.count(field.path))
        problems_.push_back({sheet.name, -1, -1, msg::missing_value(plain_label(field.label))});
  }

  void cover() {
    const KeyValueSheet& sheet = key_value_sheets().front();
    // The unit first: every amount depends on it.
    if (book_.has_sheet(kCover))
      for (const auto& [rc, c] : book_.cells(kCover))
        if (rc.second == kKvKeyCol && c.text == "amount_unit")
          if (const xlsx::Cell* v = cell(book_.cells(kCover), rc.first, kKvValueCol))
            if (v->text == "万元") unit_ = Unit::WanYuan;
    key_value(sheet);
    for (const Field& f : sheet.fields) {
      const YNode* n = root_.find(f.path);
      bool empty = !n || n->kind != YNode::Kind::Scalar || n->value.empty();
      if (f.required && empty && book_.has_sheet(kCover)) {
        // Name the value cell of its row, when the row is there.
        int row = -1;
        for (const auto& [rc, c] : book_.cells(kCover))
          if (rc.second == kKvKeyCol && c.text == f.path) row = rc.first;
        if (row >= 0) problems_.push_back({kCover, row, kKvValueCol, msg::missing_value(plain_label(f.label))});
      }
    }
    // The format is written quoted, as the examples do.
    if (YNode* n = const_cast<YNode*>(root_.find("format")); n && n->kind == YNode::Kind::Scalar)
      n->style = YNode::Style::Quoted;
    if (const YNode* y = root_.find("year"); y && y->kind == YNode::Kind::Scalar) year_ = std::atoi(y->value.c_str());
  }

  // The columns of a table sheet, by the key row.
  template <class Row>
  std::map<int, const Column<Row>*> columns(const char* sheet, const std::vector<Column<Row>>& cols) {
    std::map<int, const Column<Row>*> out;
    std::set<std::string> found;
    for (const auto& [rc, c] : book_.cells(sheet)) {
      if (rc.first != kTableKeyRow || c.text.empty()) continue;
      auto col = std::find_if(cols.begin(), cols.end(), [&](const auto& k) { return c.text == k.path; });
      if (col == cols.end()) {
        problems_.push_back({sheet, rc.first, rc.second, msg::unknown_column_key(c.text)});
        continue;
      }
      out[rc.second] = &*col;
      found.insert(col->path);
    }
    if (!found.count("code") && !cols.empty() && std::string(cols.front().path) == "code")
      problems_.push_back({sheet, kTableKeyRow, 0, msg::missing_column("code")});
    return out;
  }

  // The rows of a table sheet that hold something (a formula's cached
  // value does not count).
  std::map<int, std::map<int, const xlsx::Cell*>> rows_of(const char* sheet) {
    std::map<int, std::map<int, const xlsx::Cell*>> rows;
    for (const auto& [rc, c] : book_.cells(sheet))
      if (rc.first >= kTableFirstRow && !c.formula && !c.text.empty()) rows[rc.first][rc.second] = &c;
    return rows;
  }

  bool known_functional(const std::string& code) const {
    return cat_.functional_name(code) || named_.count(code);
  }

  void items() {
    if (!sheet_present(kItems, true)) return;
    auto cols = columns(kItems, item_columns());
    YNode& list = root_.at("items");
    list.kind = YNode::Kind::Seq;
    std::map<std::string, std::string> seen;
    for (const auto& [row, cells] : rows_of(kItems)) {
      YNode item;
      item.kind = YNode::Kind::Map;
      std::string code;
      bool has_name = false;
      int code_col = -1;
      for (const auto& [col, column] : cols)
        if (std::string(column->path) == "code") code_col = col;
      for (const auto& [col, column] : cols) {
        auto c = cells.find(col);
        if (c == cells.end()) continue;
        auto v = cells_.read(kItems, row, col, *c->second, column->kind, plain_label(column->header), unit_);
        if (!v) continue;
        v->origin = kItems + std::string("!") + xlsx::cell_name(row, col);
        if (list.items.empty()) v->comment = plain_label(column->header);
        std::string path = column->path;
        if (path == "code") code = v->value;
        if (path == "name") has_name = true;
        item.path(path) = std::move(*v);
      }
      // Checks of the code.
      if (code_col < 0) continue;
      std::string ref = kItems + std::string("!") + xlsx::cell_name(row, code_col);
      if (code.empty()) {
        problems_.push_back({kItems, row, code_col, msg::row_without_code()});
        continue;
      }
      if (code.size() != 7 || code.find_first_not_of("0123456789") != std::string::npos) {
        problems_.push_back({kItems, row, code_col, msg::bad_functional_code(code)});
        continue;
      }
      if (!known_functional(code.substr(0, 3)))
        problems_.push_back({kItems, row, code_col, msg::unknown_parent(code, code.substr(0, 3), "类")});
      else if (!known_functional(code.substr(0, 5)))
        problems_.push_back({kItems, row, code_col, msg::unknown_parent(code, code.substr(0, 5), "款")});
      else if (!known_functional(code) && !has_name)
        problems_.push_back({kItems, row, code_col, msg::unknown_functional_code(code)});
      auto [pos, fresh] = seen.emplace(code, ref);
      if (!fresh) problems_.push_back({kItems, row, code_col, msg::duplicate_code_in_sheet(code, pos->second)});
      // The code first, with the catalog's name as its comment.
      YNode& c = item.at("code");
      c.style = YNode::Style::Quoted;
      if (!has_name) {
        const std::string* n = year_ ? cat_.functional_name(code, year_) : nullptr;
        if (!n) n = cat_.functional_name(code);
        if (auto it = named_.find(code); !n && it != named_.end()) n = &it->second;
        if (n) c.comment = (list.items.empty() ? c.comment + "：" : std::string()) + *n;
      }
      std::stable_partition(item.entries.begin(), item.entries.end(), [](const auto& e) { return e.first == "code"; });
      // 年初预算: one amount when only the 一般公共预算 one is there.
      if (YNode* b = const_cast<YNode*>(item.find("budget")); b && b->entries.size() == 1 && b->entries[0].first == "general") {
        YNode general = std::move(b->entries[0].second);
        general.comment = b->comment.empty() && list.items.empty() ? "年初预算（一般公共预算财政拨款）" : general.comment;
        *b = std::move(general);
      }
      list.items.push_back(std::move(item));
    }
  }

  void economic() {
    if (!sheet_present(kEconomic, true)) return;
    auto cols = columns(kEconomic, economic_columns());
    YNode& map = root_.at("basic_economic");
    std::map<std::string, std::string> seen;
    for (const auto& [row, cells] : rows_of(kEconomic)) {
      std::optional<YNode> amount;
      std::string code;
      int code_col = 0, amount_col = -1;
      for (const auto& [col, column] : cols) {
        std::string path = column->path;
        if (path == "code") code_col = col;
        if (path == "amount") amount_col = col;
        auto c = cells.find(col);
        if (c == cells.end() || path == "name") continue;
        auto v = cells_.read(kEconomic, row, col, *c->second, column->kind, plain_label(column->header), unit_);
        if (!v) continue;
        if (path == "code") code = v->value;
        else { amount = std::move(*v); amount->origin = kEconomic + std::string("!") + xlsx::cell_name(row, col); }
      }
      if (!amount) continue;   // a 款 without an amount
      if (code.empty()) {
        problems_.push_back({kEconomic, row, code_col, msg::row_without_code()});
        continue;
      }
      if (code.size() != 5 || code.find_first_not_of("0123456789") != std::string::npos) {
        problems_.push_back({kEconomic, row, code_col, msg::bad_economic_code(code)});
        continue;
      }
      if (!cat_.economic_name(code) && !named_.count(code)) {
        problems_.push_back({kEconomic, row, code_col, msg::unknown_economic_code(code)});
        continue;
      }
      auto [pos, fresh] = seen.emplace(code, kEconomic + std::string("!") + xlsx::cell_name(row, code_col));
      if (!fresh) {
        problems_.push_back({kEconomic, row, code_col, msg::duplicate_code_in_sheet(code, pos->second)});
        continue;
      }
      (void)amount_col;
      const std::string* n = cat_.economic_name(code);
      if (auto it = named_.find(code); it != named_.end()) n = &it->second;
      amount->comment = n ? *n : "";
      map.entries.emplace_back("\"" + code + "\"", std::move(*amount));
    }
  }

  void names() {
    if (!sheet_present(kNames, false)) return;
    auto cols = columns(kNames, name_columns());
    YNode& map = root_.at("names");
    for (const auto& [row, cells] : rows_of(kNames)) {
      std::string code, name;
      int code_col = 0, name_col = 1;
      std::string origin;
      for (const auto& [col, column] : cols) {
        std::string path = column->path;
        if (path == "code") code_col = col; else name_col = col;
        auto c = cells.find(col);
        if (c == cells.end()) continue;
        auto v = cells_.read(kNames, row, col, *c->second, column->kind, plain_label(column->header), unit_);
        if (!v) continue;
        if (path == "code") code = v->value;
        else { name = v->value; origin = kNames + std::string("!") + xlsx::cell_name(row, col); }
      }
      bool digits = !code.empty() && code.find_first_not_of("0123456789") == std::string::npos;
      if (!digits || (code.size() != 3 && code.size() != 5 && code.size() != 7)) {
        problems_.push_back({kNames, row, code_col, code.empty() ? msg::row_without_code() : msg::bad_named_code(code)});
        continue;
      }
      if (name.empty()) {
        problems_.push_back({kNames, row, name_col, msg::missing_value("科目名称")});
        continue;
      }
      named_[code] = name;
      YNode v = YNode::scalar(name, YNode::Style::Auto, origin);
      map.entries.emplace_back("\"" + code + "\"", std::move(v));
    }
  }

  void supplied() {
    if (!sheet_present(kSupplied, false)) return;
    auto cols = columns(kSupplied, supplied_columns());
    YNode& map = root_.at("supplied");
    for (const auto& [row, cells] : rows_of(kSupplied)) {
      std::string figure, code;
      std::optional<YNode> amount;
      int figure_col = 0;
      for (const auto& [col, column] : cols) {
        std::string path = column->path;
        if (path == "figure") figure_col = col;
        auto c = cells.find(col);
        if (c == cells.end()) continue;
        auto v = cells_.read(kSupplied, row, col, *c->second, column->kind, plain_label(column->header), unit_);
        if (!v) continue;
        if (path == "figure") figure = v->value;
        else if (path == "code") code = v->value;
        else { amount = std::move(*v); amount->origin = kSupplied + std::string("!") + xlsx::cell_name(row, col); }
      }
      if (figure.empty()) {
        problems_.push_back({kSupplied, row, figure_col, msg::missing_value("数名")});
        continue;
      }
      if (!amount) continue;
      map.entries.emplace_back("\"" + figure + (code.empty() ? "" : "@" + code) + "\"", std::move(*amount));
    }
  }

  // 绩效 and 附件: rows of (path, value) back into a tree.
  void free_sheet(const char* sheet, const char* block, bool list) {
    if (!sheet_present(sheet, false)) return;
    const xlsx::Cells& cells = book_.cells(sheet);
    YNode& top = root_.at(block);
    if (list) top.kind = YNode::Kind::Seq;
    int last_row = cells.empty() ? 0 : cells.rbegin()->first.first;
    for (int row = 2; row <= last_row; ++row) {
      const xlsx::Cell* key = cell(cells, row, kFreeKeyCol);
      const xlsx::Cell* value = cell(cells, row, kFreeValueCol);
      if (!key || key->text.empty()) {
        if (value && !value->text.empty()) problems_.push_back({sheet, row, kFreeValueCol, msg::value_without_key()});
        continue;
      }
      YNode* n = locate(top, key->text, list);
      if (!n) {
        problems_.push_back({sheet, row, kFreeKeyCol, msg::bad_path(key->text)});
        continue;
      }
      std::string origin = sheet + std::string("!") + xlsx::cell_name(row, kFreeValueCol);
      if (!value || value->text.empty()) {
        n->kind = YNode::Kind::Null;
        n->origin = origin;
        continue;
      }
      auto v = cells_.read(sheet, row, kFreeValueCol, *value, Kind::Text, key->text, unit_);
      if (!v) continue;
      v->origin = origin;
      *n = std::move(*v);
    }
    mark_flow(top);
  }

  // The node a path names ("management.project_count", "[1].blocks[2].table.rows[1][1]"),
  // made on the way; null when the path is malformed or skips an index.
  static YNode* locate(YNode& top, const std::string& path, bool starts_with_index) {
    YNode* n = &top;
    std::size_t i = 0;
    if (!starts_with_index && (path.empty() || path[0] == '[')) return nullptr;
    while (i < path.size()) {
      if (path[i] == '[') {
        std::size_t close = path.find(']', i);
        if (close == std::string::npos || close == i + 1 || close - i > 6) return nullptr;
        std::string digits = path.substr(i + 1, close - i - 1);
        if (digits.find_first_not_of("0123456789") != std::string::npos) return nullptr;
        std::size_t index = std::stoul(digits);
        if (n->kind != YNode::Kind::Seq) {
          if (n->kind == YNode::Kind::Map && !n->entries.empty()) return nullptr;
          n->kind = YNode::Kind::Seq;
        }
        if (index == 0 || index > n->items.size() + 1) return nullptr;
        if (index == n->items.size() + 1) n->items.emplace_back();
        n = &n->items[index - 1];
        i = close + 1;
      } else {
        if (i > 0) {
          if (path[i] != '.') return nullptr;
          ++i;
        }
        std::size_t end = path.find_first_of(".[", i);
        std::string key = path.substr(i, end == std::string::npos ? std::string::npos : end - i);
        if (key.empty() || key.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") !=
                               std::string::npos)
          return nullptr;
        if (n->kind == YNode::Kind::Seq && !n->items.empty()) return nullptr;
        if (n->kind != YNode::Kind::Map) { n->kind = YNode::Kind::Map; n->value.clear(); }
        n = &n->at(key);
        i = end == std::string::npos ? path.size() : end;
      }
    }
    return n;
  }

  // Table rows of attachments are written one row per line.
  static void mark_flow(YNode& n) {
    for (auto& [k, v] : n.entries) {
      if (k == "rows" && v.kind == YNode::Kind::Seq)
        for (auto& row : v.items)
          if (row.kind == YNode::Kind::Seq) row.flow = true;
      mark_flow(v);
    }
    for (auto& i : n.items) mark_flow(i);
  }

  static const xlsx::Cell* cell(const xlsx::Cells& cells, int row, int col) {
    auto it = cells.find({row, col});
    return it == cells.end() ? nullptr : &it->second;
  }

  const xlsx::Workbook& book_;
  const Catalog& cat_;
  std::vector<Problem> problems_;
  CellReader cells_;
  YNode root_;
  Unit unit_ = Unit::Yuan;
  int year_ = 0;
  std::map<std::string, std::string> named_;   // 科目名称 sheet
};

}  // namespace

Imported import_fill_in(const xlsx::Workbook& book, const Catalog& catalog) {
  return Importer(book, catalog).run();
}

}  // namespace juesuan::book

#include <fstream>
#include <sstream>

namespace juesuan::book {

Imported import_workbook_file(const std::filesystem::path& path, const Catalog& catalog, const LoadContext& context) {
  auto file = std::make_shared<SourceFile>();
  file->path = path.string();
  Loc whole{file, 0, 0};
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Failure::Input, whole, msg::cannot_read(path.string(), std::strerror(errno)));
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  xlsx::Workbook book;
  try {
    if (xlsx::looks_like_zip(bytes)) book = xlsx::open_xlsx(bytes);
    else if (xlsx::looks_like_ole(bytes) || path.extension() == ".xls" || path.extension() == ".XLS") book = xlsx::open_xls(path.string());
    else throw Error(Failure::Input, whole, msg::not_a_workbook());
  } catch (const Error& e) {
    // The reader does not know the file: its errors are placed here.
    if (e.loc().file) throw;
    throw Error(e.kind(), whole, e.message());
  }
  Imported out = is_fill_in(book) ? import_fill_in(book, catalog) : import_public_tables(book, catalog);
  if (!out.problems.empty()) return out;
  // What the loader says of the YAML, at the cell the line came from.
  auto yaml = std::make_shared<SourceFile>();
  yaml->path = path.string();
  yaml->text = out.yaml;
  try {
    load_source(yaml, context);
  } catch (const Error& e) {
    Problem p;
    auto origin = out.origins.find(e.loc().line);
    if (origin != out.origins.end()) {
      auto bang = origin->second.find('!');
      auto [row, col] = xlsx::parse_cell_name(origin->second.substr(bang + 1));
      p = {origin->second.substr(0, bang), row, col, e.message()};
    } else {
      p = {"", -1, -1, msg::from_yaml_line(e.loc().line, e.message())};
    }
    out.problems.push_back(std::move(p));
  }
  return out;
}

}  // namespace juesuan::book
