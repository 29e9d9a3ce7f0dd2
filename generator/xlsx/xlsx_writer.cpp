// The XLSX writer (see xlsx_writer.hpp). libxlsxwriter 1.1.4 writes to a
// file path only, so the workbook goes to a private temporary file (created
// exclusively) whose bytes are read back and which is then removed.
#include "xlsx/xlsx_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "core/diag.hpp"
#include "core/messages.hpp"
#include "document/grid.hpp"

namespace juesuan::xlsx {

namespace {

// Display width of UTF-8 text in Excel's character units: a CJK character
// (3 bytes or more) counts two, anything else one.
double text_width(const std::string& s) {
  double w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += n >= 3 ? 2 : 1;
    i += n;
  }
  return w;
}

// The formats of one workbook, made once.
struct Formats {
  lxw_format *title, *number, *caption_left, *caption_center, *caption_right, *note;
  // [header][emphasis][align]: text cells; [emphasis]: figure cells.
  lxw_format* text[2][2][4];
  lxw_format* figure[2];

  explicit Formats(lxw_workbook* wb) {
    auto base = [&] {
      lxw_format* f = workbook_add_format(wb);
      format_set_font_name(f, "SimSun");
      format_set_font_size(f, 10);
      format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
      return f;
    };
    title = base();
    format_set_font_size(title, 16);
    format_set_bold(title);
    format_set_align(title, LXW_ALIGN_CENTER);
    number = base();
    format_set_align(number, LXW_ALIGN_RIGHT);
    caption_left = base();
    caption_center = base();
    format_set_align(caption_center, LXW_ALIGN_CENTER);
    caption_right = base();
    format_set_align(caption_right, LXW_ALIGN_RIGHT);
    note = base();
    format_set_text_wrap(note);
    format_set_align(note, LXW_ALIGN_VERTICAL_TOP);
    const uint8_t aligns[4] = {LXW_ALIGN_LEFT, LXW_ALIGN_CENTER, LXW_ALIGN_RIGHT, LXW_ALIGN_JUSTIFY};
    for (int h = 0; h < 2; ++h)
      for (int e = 0; e < 2; ++e)
        for (int a = 0; a < 4; ++a) {
          lxw_format* f = base();
          format_set_border(f, LXW_BORDER_THIN);
          format_set_text_wrap(f);
          format_set_align(f, aligns[a]);
          if (e) format_set_bold(f);
          text[h][e][a] = f;
        }
    for (int e = 0; e < 2; ++e) {
      lxw_format* f = base();
      format_set_border(f, LXW_BORDER_THIN);
      format_set_align(f, LXW_ALIGN_RIGHT);
      format_set_num_format(f, "#,##0.00");
      if (e) format_set_bold(f);
      figure[e] = f;
    }
  }
};

void check(lxw_error e) {
  if (e != LXW_NO_ERROR) throw Error(Failure::Internal, std::string("libxlsxwriter: ") + lxw_strerror(e));
}

// Column widths in character units: each column as wide as the widest
// text of its one-column cells (a head cell counts at most eight characters:
// it wraps), between 8 and 40 — the 科目名称 column is the widest.
std::vector<double> column_widths(const doc::Table& t, int ncols) {
  std::vector<double> w(static_cast<std::size_t>(ncols), 8);
  for (const auto* rows : {&t.head, &t.body})
    for (const auto& p : doc::grid(*rows).cells) {
      if (p.colspan != 1) continue;
      double need = text_width(p.cell->text) + 2;
      if (rows == &t.head) need = std::min(need, 18.0);
      auto& c = w[static_cast<std::size_t>(p.col)];
      c = std::max(c, std::min(need, 40.0));
    }
  return w;
}

// Lines a text needs in a cell of that width (character units).
int lines_for(const std::string& text, double width) {
  return std::max(1, static_cast<int>(std::ceil(text_width(text) / std::max(1.0, width - 1))));
}

void write_table(lxw_workbook* wb, const Formats& f, const doc::Table& t, std::set<std::string>& names) {
  std::string name = sheet_name(t);
  for (int n = 2; names.count(name); ++n) name = sheet_name(t) + "-" + std::to_string(n);
  names.insert(name);
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws) throw Error(Failure::Internal, "libxlsxwriter: a sheet could not be added: " + name);

  const int ncols = std::max(1, doc::column_count(t));
  const auto last = static_cast<lxw_col_t>(ncols - 1);
  const auto widths = column_widths(t, ncols);
  for (int c = 0; c < ncols; ++c) check(worksheet_set_column(ws, c, c, widths[static_cast<std::size_t>(c)], nullptr));
  auto span_width = [&](int from, int to) {
    double s = 0;
    for (int c = from; c <= to; ++c) s += widths[static_cast<std::size_t>(c)];
    return s;
  };
  auto merge = [&](lxw_row_t r, lxw_col_t c0, lxw_col_t c1, const std::string& text, lxw_format* fmt) {
    if (c1 > c0) check(worksheet_merge_range(ws, r, c0, r, c1, text.c_str(), fmt));
    else check(worksheet_write_string(ws, r, c0, text.c_str(), fmt));
  };

  // Title, number, and the 部门/年度/单位 line.
  lxw_row_t row = 0;
  merge(row, 0, last, t.title, f.title);
  check(worksheet_set_row(ws, row, 30, nullptr));
  ++row;
  if (!t.number.empty()) {
    check(worksheet_write_string(ws, row, last, t.number.c_str(), f.number));
    ++row;
  }
  if (!t.department.empty() || !t.year.empty() || !t.unit.empty()) {
    if (ncols >= 3) {
      const auto mid = static_cast<lxw_col_t>(ncols / 2);
      merge(row, 0, mid - 1, t.department, f.caption_left);
      check(worksheet_write_string(ws, row, mid, t.year.c_str(), f.caption_center));
      merge(row, mid + 1, last, t.unit, f.caption_right);
    } else {
      merge(row, 0, last, t.department + "  " + t.year + "  " + t.unit, f.caption_left);
    }
    ++row;
  }

  // Head and body, placed by the document's grid.
  const lxw_row_t head_first = row;
  auto write_rows = [&](const std::vector<doc::Row>& rows, bool head) {
    const doc::Grid g = doc::grid(rows);
    std::vector<int> lines(static_cast<std::size_t>(g.rows), 1);
    for (const auto& p : g.cells) {
      const doc::Cell& c = *p.cell;
      const auto r = static_cast<lxw_row_t>(row + p.row);
      const auto c0 = static_cast<lxw_col_t>(p.col);
      const auto r1 = static_cast<lxw_row_t>(r + p.rowspan - 1);
      const auto c1 = static_cast<lxw_col_t>(p.col + p.colspan - 1);
      const int e = c.emphasis ? 1 : 0;
      lxw_format* fmt = c.amount ? f.figure[e] : f.text[c.header || head ? 1 : 0][e][static_cast<int>(c.align)];
      if (r1 > r || c1 > c0) {
        // A merged range: Excel keeps the first cell's value; the rest
        // carry the border.
        check(worksheet_merge_range(ws, r, c0, r1, c1, "", fmt));
      }
      if (c.amount && !c.text.empty()) {
        check(worksheet_write_number(ws, r, c0, static_cast<double>(c.amount->printed_wan_cents()) / 100.0, fmt));
      } else if (!c.text.empty()) {
        check(worksheet_write_string(ws, r, c0, c.text.c_str(), fmt));
      } else if (r1 == r && c1 == c0) {
        check(worksheet_write_blank(ws, r, c0, fmt));
      }
      if (p.rowspan == 1) {
        auto& l = lines[static_cast<std::size_t>(p.row)];
        l = std::max(l, lines_for(c.text, span_width(p.col, p.col + p.colspan - 1)));
      }
    }
    for (int i = 0; i < g.rows; ++i)
      if (lines[static_cast<std::size_t>(i)] > 1)
        check(worksheet_set_row(ws, static_cast<lxw_row_t>(row + i), 14.0 * lines[static_cast<std::size_t>(i)], nullptr));
    row = static_cast<lxw_row_t>(row + g.rows);
  };
  write_rows(t.head, true);
  const lxw_row_t head_last = row;  // one past
  write_rows(t.body, false);

  // Notes below the table, each across its width.
  for (const auto& n : t.notes) {
    merge(row, 0, last, n, f.note);
    check(worksheet_set_row(ws, row, 14.0 * lines_for(n, span_width(0, ncols - 1)), nullptr));
    ++row;
  }

  // Print: A4, the PDF's orientation, head rows on every page, one page wide.
  worksheet_set_paper(ws, 9);
  if (doc::wants_landscape(t)) worksheet_set_landscape(ws);
  else worksheet_set_portrait(ws);
  worksheet_set_margins(ws, 0.6, 0.6, 0.8, 0.8);
  worksheet_center_horizontally(ws);
  if (head_last > head_first) check(worksheet_repeat_rows(ws, head_first, head_last - 1));
  worksheet_fit_to_pages(ws, 1, 0);
  if (head_last > head_first) worksheet_freeze_panes(ws, head_last, 0);
}

// A private temporary file, created exclusively; removed when done.
struct TempFile {
  std::string path;
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "juesuan-xlsx-XXXXXX").string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw Error(Failure::Output, msg::cannot_write(pattern, errno));
    ::close(fd);
    path = pattern;
  }
  ~TempFile() { ::unlink(path.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
};

}  // namespace

std::string sheet_name(const doc::Table& t) {
  std::string name = t.number.empty() ? t.id : t.number;
  for (char& c : name)
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
  // At most 31 characters (not bytes), cut at a character boundary.
  std::size_t chars = 0, i = 0;
  for (; i < name.size() && chars < 31; ++chars) {
    const auto c = static_cast<unsigned char>(name[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  return name.substr(0, i);
}

std::string write_xlsx(const doc::Document& d, const XlsxOptions& o) {
  TempFile tmp;
  lxw_workbook* wb = workbook_new(tmp.path.c_str());
  if (!wb) throw Error(Failure::Output, msg::cannot_write(tmp.path, errno));
  try {
    lxw_doc_properties props{};
    props.title = const_cast<char*>(d.title.c_str());
    props.author = const_cast<char*>(d.author.c_str());
    props.created = o.created;
    check(workbook_set_properties(wb, &props));
    Formats f(wb);
    std::set<std::string> names;
    for (const auto& b : d.blocks)
      if (const auto* t = std::get_if<doc::Table>(&b); t && !t->number.empty()) write_table(wb, f, *t, names);
    if (names.empty()) {
      // A workbook needs a sheet; a document without 公开表 gets an empty one.
      if (!workbook_add_worksheet(wb, nullptr)) throw Error(Failure::Internal, "libxlsxwriter: no sheet");
    }
  } catch (...) {
    workbook_close(wb);
    throw;
  }
  lxw_error e = workbook_close(wb);
  if (e == LXW_ERROR_CREATING_XLSX_FILE || e == LXW_ERROR_CREATING_TMPFILE || e == LXW_ERROR_ZIP_FILE_OPERATION)
    throw Error(Failure::Output, msg::cannot_write(tmp.path, errno ? errno : EIO));
  check(e);
  std::ifstream in(tmp.path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) throw Error(Failure::Output, msg::cannot_write(tmp.path, EIO));
  return bytes;
}

}  // namespace juesuan::xlsx
