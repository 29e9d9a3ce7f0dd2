// `juesuan template`: the fill-in workbook, written with libxlsxwriter from
// the layout of layout.cpp — empty for a new department, or filled from a
// loaded one (--from).
#include <xlsxwriter.h>

#include <cstdlib>
#include <set>

#include "core/diag.hpp"
#include "core/messages.hpp"
#include "workbook/layout.hpp"
#include "workbook/workbook.hpp"

namespace juesuan::book {

namespace {

// Rows left for the officer in an empty 收支明细.
constexpr int kEmptyItemRows = 60;

struct Formats {
  lxw_format* title;
  lxw_format* header;
  lxw_format* note;
  lxw_format* key;
  lxw_format* amount;
  lxw_format* count;
  lxw_format* text;
  lxw_format* code;
  lxw_format* label;
};

Formats make_formats(lxw_workbook* wb) {
  Formats f;
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 12);
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDDEBF7);
  format_set_text_wrap(f.header);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  f.note = workbook_add_format(wb);
  format_set_font_size(f.note, 9);
  format_set_font_color(f.note, 0x595959);
  format_set_text_wrap(f.note);
  format_set_align(f.note, LXW_ALIGN_VERTICAL_TOP);
  f.key = workbook_add_format(wb);
  format_set_font_size(f.key, 8);
  format_set_font_color(f.key, 0x808080);
  f.amount = workbook_add_format(wb);
  format_set_num_format(f.amount, "0.00####");
  f.count = workbook_add_format(wb);
  format_set_num_format(f.count, "0");
  f.text = workbook_add_format(wb);
  format_set_text_wrap(f.text);
  format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format(f.text, "@");
  f.code = workbook_add_format(wb);
  format_set_num_format(f.code, "@");
  f.label = workbook_add_format(wb);
  format_set_text_wrap(f.label);
  format_set_align(f.label, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

lxw_format* format_of(const Formats& f, Kind k) {
  switch (k) {
    case Kind::Amount:
    case Kind::SignedAmount: return f.amount;
    case Kind::Count:
    case Kind::Year: return f.count;
    case Kind::Code: return f.code;
    default: return f.text;
  }
}

void write_value(lxw_worksheet* ws, int row, int col, const Value& v, lxw_format* fmt) {
  if (v.number) worksheet_write_number(ws, row, col, std::strtod(v.text.c_str(), nullptr), fmt);
  else worksheet_write_string(ws, row, col, v.text.c_str(), fmt);
}

// Data validation where Excel offers it: amounts ≥ 0 (decimal), counts
// whole ≥ 0, choices as a list.
void validate(lxw_worksheet* ws, int r1, int c1, int r2, int c2, const Field* field, Kind kind) {
  lxw_data_validation dv{};
  std::vector<char*> list;
  static char amount_msg[] = "请填写不小于 0 的数字（不要千分位逗号）";
  static char count_msg[] = "请填写不小于 0 的整数";
  static char choice_msg[] = "请从下拉列表中选择";
  static char title[] = "填写有误";
  dv.error_title = title;
  switch (kind) {
    case Kind::Amount:
      dv.validate = LXW_VALIDATION_TYPE_DECIMAL;
      dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
      dv.value_number = 0;
      dv.error_message = amount_msg;
      break;
    case Kind::SignedAmount:
      dv.validate = LXW_VALIDATION_TYPE_DECIMAL;
      dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
      dv.value_number = -1e13;
      dv.error_message = amount_msg;
      break;
    case Kind::Count:
      dv.validate = LXW_VALIDATION_TYPE_INTEGER;
      dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
      dv.value_number = 0;
      dv.error_message = count_msg;
      break;
    case Kind::Choice:
      if (!field) return;
      for (const auto& c : field->choices) list.push_back(const_cast<char*>(c.c_str()));
      list.push_back(nullptr);
      dv.validate = LXW_VALIDATION_TYPE_LIST;
      dv.value_list = list.data();
      dv.error_message = choice_msg;
      // 层级 may be another word a bureau uses: a warning, not a stop.
      if (std::string(field->path) == "level") dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
      break;
    default:
      return;
  }
  worksheet_data_validation_range(ws, r1, c1, r2, c2, &dv);
}

// A free tree as rows of (path, value): management.project_count,
// projects[1].name …; a value-less key keeps an empty cell.
void flatten(const FreeNode& n, const std::string& path, std::vector<std::pair<std::string, std::optional<std::string>>>& out) {
  switch (n.kind) {
    case FreeNode::Kind::Null: out.emplace_back(path, std::nullopt); break;
    case FreeNode::Kind::Scalar: out.emplace_back(path, n.text); break;
    case FreeNode::Kind::Map:
      for (const auto& [k, v] : n.entries) flatten(v, path.empty() ? k : path + "." + k, out);
      break;
    case FreeNode::Kind::Sequence:
      for (std::size_t i = 0; i < n.items.size(); ++i) flatten(n.items[i], path + "[" + std::to_string(i + 1) + "]", out);
      break;
  }
}

void attachment_rows(const Source& s, std::vector<std::pair<std::string, std::optional<std::string>>>& out) {
  for (std::size_t a = 0; a < s.attachments.size(); ++a) {
    const Attachment& att = s.attachments[a];
    std::string p = "[" + std::to_string(a + 1) + "]";
    out.emplace_back(p + ".title", att.title.value);
    for (std::size_t b = 0; b < att.blocks.size(); ++b) {
      const AttachmentBlock& blk = att.blocks[b];
      std::string bp = p + ".blocks[" + std::to_string(b + 1) + "]";
      switch (blk.kind) {
        case AttachmentBlock::Kind::Heading: out.emplace_back(bp + ".heading", blk.text); break;
        case AttachmentBlock::Kind::Paragraph: out.emplace_back(bp + ".paragraph", blk.text); break;
        case AttachmentBlock::Kind::Table:
          if (blk.header_rows > 0) out.emplace_back(bp + ".table.header_rows", std::to_string(blk.header_rows));
          for (std::size_t r = 0; r < blk.rows.size(); ++r)
            for (std::size_t c = 0; c < blk.rows[r].size(); ++c) {
              const AttachmentCell& cell = blk.rows[r][c];
              std::string cp = bp + ".table.rows[" + std::to_string(r + 1) + "][" + std::to_string(c + 1) + "]";
              if (cell.colspan == 1 && cell.rowspan == 1) {
                out.emplace_back(cp, cell.text);
                continue;
              }
              out.emplace_back(cp + ".text", cell.text);
              if (cell.colspan != 1) out.emplace_back(cp + ".colspan", std::to_string(cell.colspan));
              if (cell.rowspan != 1) out.emplace_back(cp + ".rowspan", std::to_string(cell.rowspan));
            }
          break;
      }
    }
  }
}

class Writer {
 public:
  Writer(const std::filesystem::path& path, const Catalog& cat, const TemplateOptions& o)
      : path_(path), cat_(cat), o_(o) {
    year_ = o.from ? static_cast<int>(o.from->year.value) : o.year;
    format_ = o.from ? o.from->format.value : (year_ != 0 && year_ < 2022 ? "2021" : "2022");
    wb_ = workbook_new(path.string().c_str());
    if (!wb_) throw Error(Failure::Output, msg::cannot_write(path.string(), errno));
    f_ = make_formats(wb_);
  }

  void write() {
    const auto& kv = key_value_sheets();
    // 科目目录 is made first (lists refer to it) but shown last, hidden.
    key_value(kv[0]);
    items();
    economic();
    for (std::size_t i = 1; i < kv.size(); ++i) key_value(kv[i]);
    names();
    supplied();
    performance();
    attachments();
    catalog_sheet();
    lxw_error e = workbook_close(wb_);
    wb_ = nullptr;
    if (e != LXW_NO_ERROR) throw Error(Failure::Output, msg::cannot_write(path_.string(), errno ? errno : EIO));
  }

  ~Writer() {
    if (wb_) workbook_close(wb_);
  }

 private:
  const std::string* functional_name(const std::string& code) const {
    const std::string* n = year_ ? cat_.functional_name(code, year_) : nullptr;
    return n ? n : cat_.functional_name(code);
  }
  const std::string* economic_name(const std::string& code) const {
    const std::string* n = year_ ? cat_.economic_name(code, year_) : nullptr;
    return n ? n : cat_.economic_name(code);
  }

  void title(lxw_worksheet* ws, const std::string& text, int last_col) {
    worksheet_merge_range(ws, 0, 0, 0, last_col, text.c_str(), f_.title);
    worksheet_set_row(ws, 0, 22, nullptr);
  }

  void key_value(const KeyValueSheet& sheet) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, sheet.name);
    title(ws, sheet.title, kKvKeyCol);
    worksheet_set_column(ws, kKvLabelCol, kKvLabelCol, 34, f_.label);
    worksheet_set_column(ws, kKvValueCol, kKvValueCol, 46, nullptr);
    worksheet_set_column(ws, kKvFromCol, kKvFromCol, 50, f_.note);
    worksheet_set_column(ws, kKvKeyCol, kKvKeyCol, 30, f_.key);
    worksheet_write_string(ws, kKvHeaderRow, kKvLabelCol, "项目", f_.header);
    worksheet_write_string(ws, kKvHeaderRow, kKvValueCol, "填写", f_.header);
    worksheet_write_string(ws, kKvHeaderRow, kKvFromCol, "照抄自（决算报表的哪一栏）", f_.header);
    worksheet_write_string(ws, kKvHeaderRow, kKvKeyCol, "键（请勿修改）", f_.header);
    worksheet_freeze_panes(ws, kKvFirstRow, 0);
    int row = kKvFirstRow;
    for (const Field& f : sheet.fields) {
      std::vector<Value> values;
      if (o_.from) values = f.get(*o_.from);
      else if (std::string(f.path) == "year" && year_) values = {{true, std::to_string(year_)}};
      else if (std::string(f.path) == "format") values = {{false, format_}};
      else if (std::string(f.path) == "amount_unit") values = {{false, "元"}};
      // A list keeps a few empty rows to fill in.
      std::size_t rows = f.list ? std::max<std::size_t>(values.size(), o_.from ? 1 : 5) : 1;
      for (std::size_t i = 0; i < rows; ++i, ++row) {
        worksheet_write_string(ws, row, kKvLabelCol, f.label, f_.label);
        worksheet_write_string(ws, row, kKvFromCol, f.from, f_.note);
        worksheet_write_string(ws, row, kKvKeyCol, f.path, f_.key);
        lxw_format* fmt = format_of(f_, f.kind);
        if (i < values.size()) write_value(ws, row, kKvValueCol, values[i], fmt);
        else worksheet_write_blank(ws, row, kKvValueCol, fmt);
        validate(ws, row, kKvValueCol, row, kKvValueCol, &f, f.kind);
      }
    }
  }

  template <class Row>
  void table_head(lxw_worksheet* ws, const std::vector<Column<Row>>& cols, const std::string& text) {
    title(ws, text, static_cast<int>(cols.size()) - 1);
    for (std::size_t c = 0; c < cols.size(); ++c) {
      worksheet_set_column(ws, c, c, cols[c].width, format_of(f_, cols[c].kind));
      worksheet_write_string(ws, kTableHeaderRow, c, cols[c].header, f_.header);
      worksheet_write_string(ws, kTableNoteRow, c, cols[c].from, f_.note);
      worksheet_write_string(ws, kTableKeyRow, c, cols[c].path, f_.key);
    }
    worksheet_set_row(ws, kTableHeaderRow, 48, nullptr);
    worksheet_set_row(ws, kTableNoteRow, 60, nullptr);
    worksheet_freeze_panes(ws, kTableFirstRow, 2);
  }

  template <class Row>
  void validate_columns(lxw_worksheet* ws, const std::vector<Column<Row>>& cols, int last_row) {
    for (std::size_t c = 0; c < cols.size(); ++c)
      validate(ws, kTableFirstRow, c, last_row, c, nullptr, cols[c].kind);
  }

  void items() {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, kItems);
    const auto& cols = item_columns();
    table_head(ws, cols,
               "功能分类项级科目：每个项一行（可插入行）。类、款和各表合计自动汇总，不要填写。"
               "没有的金额不填；只有年初预算、没有收支的项只填编码和年初预算。");
    int row = kTableFirstRow;
    auto name_formula = [&](int r) {
      std::string a = "A" + std::to_string(r + 1);
      return "=IF(" + a + "=\"\",\"\",IFERROR(VLOOKUP(" + a + "," + std::string(kCatalog) + "!$A:$B,2,FALSE),\"\"))";
    };
    if (o_.from) {
      for (const Item& it : o_.from->items) {
        for (std::size_t c = 0; c < cols.size(); ++c) {
          if (cols[c].path == std::string("name") && !it.name.present) {
            const std::string* n = functional_name(it.code.value);
            worksheet_write_formula_str(ws, row, c, name_formula(row).c_str(), f_.text, n ? n->c_str() : "");
            continue;
          }
          if (auto v = cols[c].get(*o_.from, it)) write_value(ws, row, c, *v, format_of(f_, cols[c].kind));
        }
        ++row;
      }
    }
    int last = row + (o_.from ? 20 : kEmptyItemRows) - 1;
    for (int r = row; r <= last; ++r) worksheet_write_formula_str(ws, r, 1, name_formula(r).c_str(), f_.text, "");
    validate_columns(ws, cols, last);
    // The code: a list of the catalog's 项, as a warning (a 项 the catalog
    // lacks may be named in 科目名称).
    lxw_data_validation dv{};
    std::string formula = "=" + std::string(kCatalog) + "!$A$2:$A$" + std::to_string(1 + catalog_items().size());
    dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    dv.value_formula = const_cast<char*>(formula.c_str());
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    static char msg[] = "科目目录中没有这个项级科目：请核对编码；确是目录中没有的项，请在“科目名称”列写明名称";
    static char title[] = "科目编码";
    dv.error_title = title;
    dv.error_message = msg;
    worksheet_data_validation_range(ws, kTableFirstRow, 0, last, 0, &dv);
  }

  std::vector<std::string> catalog_items() const {
    std::vector<std::string> out;
    for (const auto& [code, name] : cat_.functional)
      if (code.size() == 7 && (!year_ || cat_.functional_name(code, year_))) out.push_back(code);
    return out;
  }

  void economic() {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, kEconomic);
    const auto& cols = economic_columns();
    table_head(ws, cols,
               "一般公共预算财政拨款基本支出，按经济分类款级科目（公开06表）：只填不为 0 的款；类和人员经费、"
               "公用经费合计自动汇总。");
    std::vector<std::string> codes;
    std::set<std::string> listed;
    for (const auto& [code, name] : cat_.economic)
      if (code.size() == 5 && (!year_ || cat_.economic_name(code, year_))) codes.push_back(code), listed.insert(code);
    if (o_.from)
      for (const auto& [code, a] : o_.from->basic_economic)
        if (!listed.count(code)) codes.push_back(code);
    int row = kTableFirstRow;
    for (const std::string& code : codes) {
      worksheet_write_string(ws, row, 0, code.c_str(), f_.code);
      const std::string* n = economic_name(code);
      if (!n && o_.from) {
        auto it = o_.from->names.find(code);
        if (it != o_.from->names.end()) n = &it->second.value;
      }
      worksheet_write_string(ws, row, 1, n ? n->c_str() : "", f_.text);
      if (o_.from) {
        auto it = o_.from->basic_economic.find(code);
        if (it != o_.from->basic_economic.end())
          if (auto v = cols[2].get(*o_.from, *it)) write_value(ws, row, 2, *v, f_.amount);
      }
      ++row;
    }
    validate_columns(ws, cols, row + 20);
  }

  void names() {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, kNames);
    const auto& cols = name_columns();
    table_head(ws, cols, "科目名称（可不填）：科目目录中没有的科目，或本部门对科目的写法，每个一行。");
    int row = kTableFirstRow;
    if (o_.from)
      for (const auto& r : o_.from->names) {
        for (std::size_t c = 0; c < cols.size(); ++c)
          if (auto v = cols[c].get(*o_.from, r)) write_value(ws, row, c, *v, format_of(f_, cols[c].kind));
        ++row;
      }
  }

  void supplied() {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, kSupplied);
    const auto& cols = supplied_columns();
    table_head(ws, cols, "填报数（可不填，仅供审核）：部门自己表格中的合计数，juesuan check 逐一与计算的数核对。");
    int row = kTableFirstRow;
    if (o_.from)
      for (const auto& r : o_.from->supplied) {
        for (std::size_t c = 0; c < cols.size(); ++c)
          if (auto v = cols[c].get(*o_.from, r)) write_value(ws, row, c, *v, format_of(f_, cols[c].kind));
        ++row;
      }
    validate_columns(ws, cols, row + 50);
  }

  void free_sheet(const char* name, const std::string& text,
                  const std::vector<std::pair<std::string, std::optional<std::string>>>& rows,
                  const std::map<std::string, std::string>& labels) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name);
    title(ws, text, kFreeNoteCol);
    worksheet_set_column(ws, kFreeKeyCol, kFreeKeyCol, 40, f_.code);
    worksheet_set_column(ws, kFreeValueCol, kFreeValueCol, 60, f_.text);
    worksheet_set_column(ws, kFreeNoteCol, kFreeNoteCol, 40, f_.note);
    worksheet_write_string(ws, 1, kFreeKeyCol, "键", f_.header);
    worksheet_write_string(ws, 1, kFreeValueCol, "填写", f_.header);
    worksheet_write_string(ws, 1, kFreeNoteCol, "说明", f_.header);
    worksheet_freeze_panes(ws, 2, 0);
    int row = 2;
    for (const auto& [path, value] : rows) {
      worksheet_write_string(ws, row, kFreeKeyCol, path.c_str(), f_.code);
      if (value) worksheet_write_string(ws, row, kFreeValueCol, value->c_str(), f_.text);
      auto l = labels.find(path);
      if (l != labels.end()) worksheet_write_string(ws, row, kFreeNoteCol, l->second.c_str(), f_.note);
      ++row;
    }
  }

  void performance() {
    std::map<std::string, std::string> labels;
    std::vector<std::pair<std::string, std::optional<std::string>>> rows;
    for (const auto& [k, l] : performance_keys(format_)) labels[k] = l;
    if (o_.from) {
      flatten(o_.from->performance, "", rows);
    } else {
      for (const auto& [k, l] : performance_keys(format_)) rows.emplace_back(k, std::nullopt);
    }
    free_sheet(kPerformance,
               "预算绩效（第三部分 十三）：每行一个键和它的值。逐个项目写 projects[1].name、projects[1].grade（优/良/中/差）……",
               rows, labels);
  }

  void attachments() {
    std::vector<std::pair<std::string, std::optional<std::string>>> rows;
    if (o_.from) attachment_rows(*o_.from, rows);
    free_sheet(kAttachments,
               "第五部分 附件：[1].title 附件标题；[1].blocks[1].paragraph 段落；[1].blocks[2].table.rows[1][1] "
               "表格第 1 行第 1 格（跨列写 …[1][1].text 和 …[1][1].colspan）",
               rows, {});
  }

  void catalog_sheet() {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, kCatalog);
    worksheet_write_string(ws, 0, 0, "项级科目编码", f_.header);
    worksheet_write_string(ws, 0, 1, "科目名称", f_.header);
    int row = 1;
    for (const std::string& code : catalog_items()) {
      worksheet_write_string(ws, row, 0, code.c_str(), f_.code);
      worksheet_write_string(ws, row, 1, functional_name(code)->c_str(), nullptr);
      ++row;
    }
    worksheet_hide(ws);
  }

  std::filesystem::path path_;
  const Catalog& cat_;
  const TemplateOptions& o_;
  int year_ = 0;
  std::string format_;
  lxw_workbook* wb_ = nullptr;
  Formats f_{};
};

}  // namespace

void write_template(const std::filesystem::path& path, const Catalog& catalog, const TemplateOptions& options) {
  Writer(path, catalog, options).write();
}

}  // namespace juesuan::book
