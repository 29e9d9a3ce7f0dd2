#include "compose/compose.hpp"

#include <mstch/mstch.hpp>

#include <cctype>
#include <cstdint>
#include <mutex>
#include <optional>

#include "core/messages.hpp"
#include "compose/chart.hpp"
#include "compose/cn_number.hpp"
#include "compose/context.hpp"
#include "compose/markup.hpp"
#include "document/grid.hpp"

namespace juesuan {

namespace {

// Mustache escapes every inserted value with this one function: values are
// made inert for the markup. HTML escaping is the HTML writer's job.
void install_escape() {
  static std::once_flag once;
  std::call_once(once, [] { mstch::config::escape = [](const std::string& s) { return markup::escape_value(s); }; });
}

std::string render(const std::string& tmpl, const mstch::node& root, const TemplateSet& t) {
  return mstch::render(tmpl, root, t.partials);
}

// Renders a one-line template (a caption) and unescapes it.
// Captions use no partials, so none are passed: mstch parses every partial
// it is given on each call. mstch copies the context it is given (twice:
// into a node, then onto its stack), so a caption gets only the top-level
// entries its tags name — every name mstch can look up starts with one of
// those, at any depth of sections — and renders the same.
std::string render_line(const std::string& tmpl, const mstch::map& ctx, const TemplateSet& t) {
  mstch::map used;
  for (std::size_t i = tmpl.find("{{"); i != std::string::npos; i = tmpl.find("{{", i + 2)) {
    std::size_t e = tmpl.find("}}", i + 2);
    if (e == std::string::npos) break;
    std::string_view tag(tmpl.data() + i + 2, e - i - 2);
    while (!tag.empty() && std::string_view("#^/&{ ").find(tag.front()) != std::string_view::npos) tag.remove_prefix(1);
    tag = tag.substr(0, tag.find_first_of(". }"));
    if (tag.empty() || used.count(std::string(tag))) continue;
    if (auto it = ctx.find(std::string(tag)); it != ctx.end()) used.insert(*it);
  }
  auto d = markup::parse(mstch::render(tmpl, used), t.format + "/format.yaml");
  return d.empty() ? std::string() : d.front().text;
}

using doc::text_cell;

class TableBuilder {
 public:
  TableBuilder(const Model& m, const TemplateSet& t) : m_(m), t_(t) {}

  std::string amount(Money v, const TableSpec& spec) const {
    std::int64_t c = v.printed_wan_cents();
    if (c == 0 && spec.zero_blank) return {};
    return format_wan(c, t_.settings.table_grouping);
  }

  doc::Cell cell(const CellSpec& c, const TableSpec& spec) const {
    doc::Cell out;
    out.colspan = c.colspan;
    out.rowspan = c.rowspan;
    out.align = c.align;
    out.header = c.header;
    if (c.value.empty()) {
      out.text = c.text;
    } else {
      set_figure(out, *m_.figure(c.value, c.class_code), figure_key(c.value, c.class_code), spec);
    }
    return out;
  }

  std::vector<doc::Row> rows(const std::vector<std::vector<CellSpec>>& grid, const TableSpec& spec) const {
    std::vector<doc::Row> out;
    for (const auto& r : grid) {
      doc::Row row;
      bool emphasis = std::any_of(r.begin(), r.end(), [](const CellSpec& c) { return c.emphasis; });
      for (const auto& c : r) {
        row.push_back(cell(c, spec));
        row.back().emphasis = emphasis;
      }
      out.push_back(std::move(row));
    }
    return out;
  }

  bool empty(const TableSpec& spec) const {
    if (spec.empty_if_zero.empty()) return false;
    for (const auto& n : spec.empty_if_zero)
      if (m_.figure(n, "")->printed_wan_cents() != 0) return false;
    return true;
  }

  doc::Table build(const TableSpec& spec, const mstch::map& ctx) const {
    doc::Table t;
    t.id = spec.id;
    t.number = spec.number;
    t.title = spec.title;
    // The same for every table of the document: rendered once (mstch
    // copies the whole context on each call).
    if (!department_) {
      department_ = render_line(t_.settings.department_line, ctx, t_);
      year_ = render_line(t_.settings.year_line, ctx, t_);
    }
    t.department = *department_;
    t.year = *year_;
    t.unit = t_.settings.unit_line;
    t.widths = spec.widths;
    t.landscape = spec.landscape;
    for (const auto& n : spec.notes) {
      std::string line = n.find("{{") == std::string::npos ? n : render_line(n, ctx, t_);
      if (!line.empty()) t.notes.push_back(std::move(line));
    }
    t.head = rows(spec.head, spec);
    bool no_data = empty(spec);
    switch (spec.kind) {
      case TableSpec::Kind::Grid: t.body = rows(spec.rows, spec); break;
      case TableSpec::Kind::Classified: classified(spec, t, no_data); break;
      case TableSpec::Kind::Economic: economic(spec, t); break;
    }
    if (no_data && !spec.empty_note.empty()) t.notes.push_back(spec.empty_note);
    return t;
  }

 private:
  void set_figure(doc::Cell& c, Money v, std::string key, const TableSpec& spec) const {
    c.text = amount(v, spec);
    c.amount = v;
    c.key = std::move(key);
  }

  doc::Cell num(Money v, std::string key, const TableSpec& spec, bool emphasis = false) const {
    doc::Cell c;
    set_figure(c, v, std::move(key), spec);
    c.align = doc::Align::Right;
    c.emphasis = emphasis;
    return c;
  }

  void classified(const TableSpec& spec, doc::Table& t, bool no_data) const {
    doc::Row total;
    if (spec.code_and_name_merged_in_total) {
      total.push_back(text_cell(spec.total_name_text, 2, 1, doc::Align::Center, true, true));
    } else {
      total.push_back(text_cell(spec.total_code_text, 1, 1, doc::Align::Left, true, true));
      total.push_back(text_cell(spec.total_name_text, 1, 1, doc::Align::Center, true, true));
    }
    for (const auto& col : spec.columns) total.push_back(num(*m_.figure(col, ""), figure_key(col, ""), spec, true));
    t.body.push_back(std::move(total));
    if (no_data) return;
    for (const auto& r : m_.rows) {
      bool any = false;
      for (const auto& col : spec.columns) any = any || r.f[*fig_by_name(col)].printed_wan_cents() != 0;
      if (!any) continue;
      doc::Row row;
      row.push_back(text_cell(r.code, 1, 1, doc::Align::Left, true, false));
      row.push_back(text_cell(r.name, 1, 1, doc::Align::Left, true, false));
      for (const auto& col : spec.columns) row.push_back(num(r.f[*fig_by_name(col)], figure_key(col, r.code), spec));
      t.body.push_back(std::move(row));
    }
  }

  // The 06表 panels: the format's standard rows, plus every code with a
  // non-zero amount that they lack, in catalog order — next to its 类 when a
  // panel has the 类, else with its 类 row in the shortest panel.
  std::vector<std::vector<std::string>> economic_panels(const TableSpec& spec) const {
    std::vector<std::vector<std::string>> panels = spec.panels;
    auto listed = [&](const std::string& code) {
      for (const auto& p : panels)
        if (std::find(p.begin(), p.end(), code) != p.end()) return true;
      return false;
    };
    for (const auto& r : m_.economic) {
      if (r.amount.printed_wan_cents() == 0 || listed(r.code)) continue;
      const std::string lei = r.code.substr(0, 3);
      std::vector<std::string>* panel = nullptr;
      for (auto& p : panels)
        if (std::find(p.begin(), p.end(), lei) != p.end()) panel = &p;
      if (!panel) {
        if (panels.empty()) panels.emplace_back();
        panel = &*std::min_element(panels.begin(), panels.end(),
                                   [](const auto& a, const auto& b) { return a.size() < b.size(); });
        if (r.code != lei) panel->push_back(lei);
        panel->push_back(r.code);
        continue;
      }
      // After the last code of the same 类 that sorts before it.
      auto at = std::find(panel->begin(), panel->end(), lei);
      for (auto it = at; it != panel->end() && it->compare(0, 3, lei) == 0; ++it)
        if (*it < r.code) at = it;
      panel->insert(at + 1, r.code);
    }
    return panels;
  }

  void economic(const TableSpec& spec, doc::Table& t) const {
    const auto panels = economic_panels(spec);
    std::size_t height = 0;
    for (const auto& p : panels) height = std::max(height, p.size());
    for (std::size_t i = 0; i < height; ++i) {
      doc::Row row;
      for (const auto& p : panels) {
        if (i < p.size()) {
          const std::string& code = p[i];
          row.push_back(text_cell(code, 1, 1, doc::Align::Left, true, false));
          row.push_back(text_cell(m_.name_of(code, true), 1, 1, doc::Align::Left, true, false));
          const std::string name = "econ." + code;
          row.push_back(num(*m_.figure(name, ""), name, spec));
        } else {
          for (int k = 0; k < 3; ++k) row.push_back(doc::Cell{});
        }
      }
      t.body.push_back(std::move(row));
    }
    if (!spec.footer.empty()) {
      doc::Row row;
      for (const auto& c : spec.footer) {
        doc::Cell cell = this->cell(c, spec);
        cell.emphasis = true;
        row.push_back(std::move(cell));
      }
      t.body.push_back(std::move(row));
    }
  }

  const Model& m_;
  const TemplateSet& t_;
  mutable std::optional<std::string> department_, year_;  // the tables' captions
};

// A cell of an attachment table that is a figure ("2470.77", "100.00%",
// "10", "-3.5", or "-" for none): set right-aligned. Whether it is an
// amount is not read from its digits (a 偏差度 of 1163.00 is no amount) but
// from what its column is: a column whose heading names an amount (the
// format's `attachment_amount_headings`: 年初预算数, 全年执行数, …) prints
// its figures in the number style of the format's tables ("2,470.77" where
// they group thousands); scores, rates and counts are printed as written.
struct AttachmentFigure {
  bool figure = false;
  std::string text;
};

AttachmentFigure attachment_figure(const std::string& text, bool amount, bool grouping) {
  AttachmentFigure out{false, text};
  if (text == "-") return AttachmentFigure{true, text};  // no figure, in a column of figures
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (i < n && (text[i] == '-' || text[i] == '+')) ++i;
  const std::size_t digits_from = i;
  bool commas = false;
  while (i < n && (std::isdigit(static_cast<unsigned char>(text[i])) || (text[i] == ',' && i > digits_from))) {
    commas = commas || text[i] == ',';
    ++i;
  }
  if (i == digits_from || text[i - 1] == ',') return out;
  const std::size_t int_end = i;
  std::size_t decimals = 0;
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++decimals;
    if (decimals == 0) return out;
  }
  const bool percent = i < n && text[i] == '%';
  if (percent) ++i;
  if (i != n) return out;
  out.figure = true;
  if (!amount || percent || commas || text[0] == '+' || !grouping) return out;
  // An amount: its integer part grouped by thousands, its decimals as written.
  std::string grouped;
  const std::size_t digits = int_end - digits_from;
  for (std::size_t k = 0; k < digits; ++k) {
    if (k > 0 && (digits - k) % 3 == 0) grouped += ',';
    grouped += text[digits_from + k];
  }
  out.text = text.substr(0, digits_from) + grouped + text.substr(int_end);
  return out;
}

bool is_figure(const std::string& text) { return attachment_figure(text, false, false).figure; }

// For each cell of an attachment table (by row, then cell): whether it sits
// in an amount column. A column's heading is the text of the last row above
// that holds no figure (「年初预算数 全年预算数 全年执行数 分值 执行率 得分」)
// where that row covers the column.
std::vector<std::vector<char>> amount_cells(const std::vector<doc::Row>& rows,
                                            const std::vector<std::string>& amount_words) {
  std::vector<std::vector<char>> out(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) out[r].assign(rows[r].size(), 0);
  if (amount_words.empty()) return out;
  const doc::Grid g = doc::grid(rows);
  std::vector<std::string> heading(static_cast<std::size_t>(std::max(g.columns, 0)));
  auto names_amount = [&](const std::string& h) {
    for (const auto& w : amount_words)
      if (!w.empty() && h.find(w) != std::string::npos) return true;
    return false;
  };
  std::size_t k = 0;
  for (int r = 0; r < g.rows; ++r) {
    const std::size_t first = k;
    bool figures = false;
    for (; k < g.cells.size() && g.cells[k].row == r; ++k)
      if (is_figure(g.cells[k].cell->text)) figures = true;
    for (std::size_t i = first; i < k; ++i) {
      const doc::Placed& p = g.cells[i];
      const auto& row = rows[static_cast<std::size_t>(r)];
      const std::size_t index = static_cast<std::size_t>(p.cell - row.data());
      if (!figures) {
        for (int c = p.col; c < p.col + p.colspan && c < g.columns; ++c) heading[static_cast<std::size_t>(c)] = p.cell->text;
      } else if (index < out[static_cast<std::size_t>(r)].size()) {
        out[static_cast<std::size_t>(r)][index] = names_amount(heading[static_cast<std::size_t>(p.col)]);
      }
    }
  }
  return out;
}

// The blocks of a department's attachment: headings, paragraphs, tables.
void add_attachment(const Attachment& a, doc::Document& d, std::size_t index, const FormatSettings& settings) {
  std::size_t table_no = 0;
  for (const auto& b : a.blocks) {
    switch (b.kind) {
      case AttachmentBlock::Kind::Heading:
        d.blocks.push_back(doc::Heading{2, b.text, "", false, false});
        break;
      case AttachmentBlock::Kind::Paragraph:
        d.blocks.push_back(doc::Paragraph{b.text, doc::Role::Body, doc::Align::Justify, true});
        break;
      case AttachmentBlock::Kind::Table: {
        doc::Table t;
        t.id = "a" + std::to_string(index + 1) + "-" + std::to_string(++table_no);
        t.in_toc = false;
        std::vector<doc::Row> plain;  // the cells as written, to find each column's heading
        for (const auto& r : b.rows) {
          doc::Row row;
          for (const auto& c : r) row.push_back(text_cell(c.text, c.colspan, c.rowspan, doc::Align::Left, false, false));
          plain.push_back(std::move(row));
        }
        const auto amount = amount_cells(plain, settings.attachment_amount_headings);
        for (std::size_t i = 0; i < b.rows.size(); ++i) {
          const bool head = i < static_cast<std::size_t>(b.header_rows);
          doc::Row row;
          for (std::size_t j = 0; j < b.rows[i].size(); ++j) {
            const auto& c = b.rows[i][j];
            const AttachmentFigure f =
                head ? AttachmentFigure{false, c.text} : attachment_figure(c.text, amount[i][j], settings.table_grouping);
            const doc::Align align = head ? doc::Align::Center : f.figure ? doc::Align::Right : doc::Align::Left;
            row.push_back(text_cell(f.text, c.colspan, c.rowspan, align, head, false));
          }
          (head ? t.head : t.body).push_back(std::move(row));
        }
        d.blocks.push_back(std::move(t));
        break;
      }
    }
  }
}

}  // namespace

doc::Document compose(const Model& model, const TemplateSet& t) {
  install_escape();
  // The context as the node mstch renders from, made once (a map passed
  // to mstch::render is copied into a node on each call).
  const mstch::node root = build_context(model, t);
  const mstch::map& ctx = boost::get<mstch::map>(root);
  TableBuilder tables(model, t);
  doc::Document d;
  d.title = render_line(t.settings.title, ctx, t);
  d.author = model.written.department.value;
  d.page_number_format = t.settings.page_number_format;

  const std::string origin = t.format + "/document.mustache";
  std::vector<markup::Directive> lines = markup::parse(render(t.main, root, t), origin);
  int auto_id = 0;
  auto id_of = [&](const markup::Directive& dir) {
    for (const auto& a : dir.args)
      if (a.rfind("id=", 0) == 0) return a.substr(3);
    return "h" + std::to_string(++auto_id);
  };
  auto has = [](const markup::Directive& dir, const char* flag) {
    for (const auto& a : dir.args)
      if (a == flag) return true;
    return false;
  };
  // `@subsection number=（{}） | 标题`: the subsection is numbered by what is
  // printed — the n-th numbered subsection of its section gets the pattern
  // with {} replaced by n in Chinese numerals — so that a subsection a
  // department leaves out leaves no gap (（一）（三）).
  auto number_pattern = [](const markup::Directive& dir) -> std::optional<std::string> {
    for (const auto& a : dir.args)
      if (a.rfind("number=", 0) == 0) return a.substr(7);
    return std::nullopt;
  };
  std::int64_t subsection_no = 0;
  std::size_t toc_index = std::string::npos;
  for (const auto& dir : lines) {
    const std::string& k = dir.kind;
    if (k.empty()) {
      d.blocks.push_back(doc::Paragraph{dir.text, doc::Role::Body, doc::Align::Justify, true});
    } else if (k == "part" || k == "section" || k == "subsection") {
      int level = k == "part" ? 0 : k == "section" ? 1 : 2;
      bool in_toc = level < 2 && !has(dir, "notoc");
      std::string text = dir.text;
      if (level < 2) {
        subsection_no = 0;
      } else if (auto pattern = number_pattern(dir)) {
        std::string label = *pattern;
        const std::size_t at = label.find("{}");
        if (at == std::string::npos)
          throw Error(Failure::Setup, msg::template_number_needs_braces(msg::template_rendered_line(origin, dir.line)));
        label.replace(at, 2, cn_number(++subsection_no));
        text = label + text;
      }
      d.blocks.push_back(doc::Heading{level, text, id_of(dir), in_toc, has(dir, "newpage")});
    } else if (k == "item") {
      doc::ListItem item{dir.args.empty() ? std::string() : dir.args.front(), dir.text};
      if (d.blocks.empty() || !std::holds_alternative<doc::List>(d.blocks.back())) d.blocks.push_back(doc::List{});
      std::get<doc::List>(d.blocks.back()).items.push_back(std::move(item));
    } else if (k == "table") {
      if (dir.args.empty()) throw Error(Failure::Setup, msg::template_table_needs_id(origin));
      const TableSpec* spec = t.table(dir.args.front());
      if (!spec) throw Error(Failure::Setup, msg::template_unknown_table(origin, dir.args.front()));
      d.blocks.push_back(tables.build(*spec, ctx));
    } else if (k == "chart") {
      d.blocks.push_back(build_chart(dir, model, t, ctx, origin));
    } else if (k == "attachment") {
      std::size_t i = dir.args.empty() ? 0 : std::stoul(dir.args.front());
      if (i >= model.written.attachments.size())
        throw Error(Failure::Setup, msg::template_unknown_attachment(origin, i));
      add_attachment(model.written.attachments[i], d, i, t.settings);
    } else if (k == "toc") {
      toc_index = d.blocks.size();
      d.blocks.push_back(doc::Toc{dir.text, {}});
    } else if (k == "cover-title") {
      d.blocks.push_back(doc::Paragraph{dir.text, doc::Role::CoverTitle, doc::Align::Center, false});
    } else if (k == "cover-line") {
      d.blocks.push_back(doc::Paragraph{dir.text, doc::Role::CoverLine, doc::Align::Center, false});
    } else if (k == "note") {
      d.blocks.push_back(doc::Paragraph{dir.text, doc::Role::Note, doc::Align::Justify, false});
    } else if (k == "center") {
      d.blocks.push_back(doc::Paragraph{dir.text, doc::Role::Body, doc::Align::Center, false});
    } else if (k == "plain") {
      d.blocks.push_back(doc::Paragraph{dir.text, doc::Role::Body, doc::Align::Justify, false});
    } else if (k == "pagebreak") {
      d.blocks.push_back(doc::PageBreak{});
    }
  }

  // The 目录: parts and sections, and the tables under 第二部分.
  if (toc_index != std::string::npos) {
    auto& toc = std::get<doc::Toc>(d.blocks[toc_index]);
    for (const auto& b : d.blocks) {
      if (const auto* h = std::get_if<doc::Heading>(&b)) {
        if (h->in_toc) toc.entries.push_back(doc::TocEntry{h->level, h->text, h->id});
      } else if (const auto* tb = std::get_if<doc::Table>(&b)) {
        const TableSpec* spec = t.table(tb->id);
        if (spec && !spec->toc.empty()) toc.entries.push_back(doc::TocEntry{1, spec->toc, tb->id});
      }
    }
  }
  return d;
}

}  // namespace juesuan
