#include "diff/diff.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

#include "core/ui.hpp"
#include "document/grid.hpp"

namespace juesuan {

namespace {

// --- inputs ------------------------------------------------------------

struct Leaf {
  std::string value;
  int line = 0;
};

// Flattens a YAML tree into path -> scalar. A list of maps with a "code"
// (the 项) is keyed by code, so inserting a 项 does not shift the others.
void flatten(const yaml::Node& n, const std::string& path, std::map<std::string, Leaf>& out) {
  switch (n.kind) {
    case yaml::Node::Kind::Null: out[path] = Leaf{"", n.loc.line}; break;
    case yaml::Node::Kind::Scalar: out[path] = Leaf{n.text, n.loc.line}; break;
    case yaml::Node::Kind::Map:
      for (const auto& [k, v] : n.entries) flatten(v, path.empty() ? k.text : path + "." + k.text, out);
      break;
    case yaml::Node::Kind::Sequence:
      for (std::size_t i = 0; i < n.items.size(); ++i) {
        const yaml::Node& item = n.items[i];
        const yaml::Node* code = item.is_map() ? item.find("code") : nullptr;
        std::string key = code && code->is_scalar() ? code->text : std::to_string(i + 1);
        flatten(item, path + "[" + key + "]", out);
      }
      break;
  }
}

// --- tables ------------------------------------------------------------

// The header texts above each column, joined ("本年支出 / 小计"); the
// column numbers of a 栏次 row are not names.
std::vector<std::string> column_names(const doc::Table& t, int width) {
  std::vector<std::string> names(static_cast<std::size_t>(width));
  for (const auto& p : doc::grid(t.head).cells) {
    const std::string& text = p.cell->text;
    if (text.empty() || text.find_first_not_of("0123456789") == std::string::npos) continue;
    for (int j = p.col; j < p.col + p.colspan && j < width; ++j) {
      auto& n = names[static_cast<std::size_t>(j)];
      n += (n.empty() ? "" : " / ") + text;
    }
  }
  return names;
}

// A figure cell of a table: its key (figure@code, numbered when a table
// shows one figure twice), where it is for the reader ("row labels",
// "column name"), its amount as printed and its text.
struct FigureCell {
  std::string key, row, column, text;
  std::int64_t printed = 0;
};

// A row's labels are its text cells left of the figure (so the 01表's right
// half is labelled by the 类 name, not by the income line beside it).
std::vector<FigureCell> cells_of(const doc::Table& t) {
  std::vector<FigureCell> out;
  const int width = doc::column_count(t);
  const auto names = column_names(t, width);
  const doc::Grid body = doc::grid(t.body);
  std::map<std::string, int> seen;
  std::string label;
  bool after_amount = false;
  int row = -1;
  for (const auto& p : body.cells) {
    if (p.row != row) {
      row = p.row;
      label.clear();
      after_amount = false;
    }
    const doc::Cell& c = *p.cell;
    if (c.amount) {
      std::string key = c.key;
      if (int n = seen[c.key]++; n > 0) key += "#" + std::to_string(n + 1);
      std::string where = label.empty() ? "(" + std::to_string(p.col + 1) + ")" : label;
      std::string column = p.col < width ? names[static_cast<std::size_t>(p.col)] : std::to_string(p.col + 1);
      out.push_back({std::move(key), std::move(where), std::move(column), c.text, c.amount->printed_wan_cents()});
      after_amount = true;
    } else if (bool line_number = !c.header && c.text.find_first_not_of("0123456789") == std::string::npos;
               !c.text.empty() && !line_number) {
      // A label (行次 numbers are not; 科目编码, header cells, are); after
      // a figure it starts the next panel's label.
      label = after_amount || label.empty() ? c.text : label + " " + c.text;
      after_amount = false;
    }
  }
  return out;
}

std::map<std::string, const doc::Table*> tables_of(const doc::Document& d) {
  std::map<std::string, const doc::Table*> out;
  for (const auto& b : d.blocks)
    if (const auto* t = std::get_if<doc::Table>(&b)) out[t->id] = t;
  return out;
}

// --- sentences ---------------------------------------------------------

// Paragraph and list texts, each under the nearest heading above it, split
// into sentences at 。 (tables excluded: they are compared cell by cell).
struct Sentence {
  std::string section;   // the heading above
  std::string context;   // for display: the heading, and for a later sentence
                         // of a paragraph its first sentence (in 五（三） it names the 项)
  std::string text;
  bool operator==(const Sentence& o) const { return section == o.section && text == o.text; }
};

// Where a sentence ends (punctuation, not wording).
constexpr std::string_view kFullStop = "。";

std::vector<Sentence> sentences_of(const doc::Document& d) {
  std::vector<Sentence> out;
  std::string section;
  auto add = [&](const std::string& text) {
    std::size_t start = 0;
    std::string context = section;
    while (start < text.size()) {
      std::size_t e = text.find(kFullStop, start);
      std::size_t end = e == std::string::npos ? text.size() : e + kFullStop.size();
      std::string sentence = text.substr(start, end - start);
      out.push_back(Sentence{section, context, sentence});
      if (start == 0 && end < text.size()) context = section + " › " + sentence;
      start = end;
    }
  };
  for (const auto& b : d.blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b)) section = h->text;
    else if (const auto* p = std::get_if<doc::Paragraph>(&b)) add(p->text);
    else if (const auto* l = std::get_if<doc::List>(&b))
      for (const auto& i : l->items) add(i.label + " " + i.text);
  }
  return out;
}

}  // namespace

std::vector<InputChange> diff_inputs(const yaml::Node& a, const yaml::Node& b) {
  std::map<std::string, Leaf> fa, fb;
  flatten(a, "", fa);
  flatten(b, "", fb);
  std::vector<InputChange> out;
  for (const auto& [path, leaf] : fa) {
    auto it = fb.find(path);
    if (it == fb.end()) out.push_back({path, leaf.value, "", leaf.line, 0});
    else if (it->second.value != leaf.value) out.push_back({path, leaf.value, it->second.value, leaf.line, it->second.line});
  }
  for (const auto& [path, leaf] : fb)
    if (!fa.count(path)) out.push_back({path, "", leaf.value, 0, leaf.line});
  std::sort(out.begin(), out.end(), [](const InputChange& x, const InputChange& y) {
    int lx = x.new_line ? x.new_line : x.old_line, ly = y.new_line ? y.new_line : y.old_line;
    return lx != ly ? lx < ly : x.path < y.path;
  });
  return out;
}

std::vector<CellChange> diff_tables(const doc::Document& a, const doc::Document& b) {
  std::vector<CellChange> out;
  auto tb = tables_of(b);
  for (const auto& block : a.blocks) {
    const auto* t_old = std::get_if<doc::Table>(&block);
    if (!t_old) continue;
    auto it = tb.find(t_old->id);
    if (it == tb.end()) continue;
    const doc::Table* t_new = it->second;
    auto ca = cells_of(*t_old), cb = cells_of(*t_new);
    std::map<std::string, const FigureCell*> ma, mb;
    for (const auto& c : ca) ma[c.key] = &c;
    for (const auto& c : cb) mb[c.key] = &c;
    std::string name = t_new->number + " " + t_new->title;
    for (const auto& c : ca) {
      auto jt = mb.find(c.key);
      if (jt == mb.end()) {
        if (!c.text.empty()) out.push_back({name, c.row, c.column, c.text, ""});
      } else if (jt->second->printed != c.printed || jt->second->text != c.text) {
        out.push_back({name, jt->second->row, jt->second->column, c.text, jt->second->text});
      }
    }
    for (const auto& c : cb)
      if (!ma.count(c.key) && !c.text.empty()) out.push_back({name, c.row, c.column, "", c.text});
  }
  return out;
}

std::vector<SentenceChange> diff_sentences(const doc::Document& a, const doc::Document& b) {
  auto sa = sentences_of(a), sb = sentences_of(b);
  // Longest common subsequence over (section, sentence), then pair up the
  // removed and added sentences of each section as changes.
  std::size_t n = sa.size(), m = sb.size();
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = sa[i] == sb[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<SentenceChange> out;
  std::vector<Sentence> removed, added;
  auto flush = [&] {
    std::size_t k = 0;
    for (; k < removed.size() && k < added.size(); ++k) out.push_back({added[k].context, removed[k].text, added[k].text});
    for (std::size_t r = k; r < removed.size(); ++r) out.push_back({removed[r].context, removed[r].text, ""});
    for (std::size_t r = k; r < added.size(); ++r) out.push_back({added[r].context, "", added[r].text});
    removed.clear();
    added.clear();
  };
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && sa[i] == sb[j]) { flush(); ++i; ++j; }
    else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) added.push_back(sb[j++]);
    else removed.push_back(sa[i++]);
  }
  flush();
  return out;
}

std::string render(const DocumentDiff& d, const std::string& old_name, const std::string& new_name) {
  auto shown = [](const std::string& v, bool absent) { return absent ? ui::diff_absent() : v; };
  std::string out;
  out += "--- " + old_name + "\n+++ " + new_name + "\n";
  out += "\n" + ui::diff_inputs_heading(d.inputs.size()) + "\n";
  for (const auto& c : d.inputs) {
    out += "  " + c.path + ": ";
    out += shown(c.old_value, c.old_value.empty() && c.old_line == 0) + " → ";
    out += shown(c.new_value, c.new_value.empty() && c.new_line == 0);
    if (c.new_line) out += "  (" + new_name + ":" + std::to_string(c.new_line) + ")";
    out += "\n";
  }
  out += "\n" + ui::diff_cells_heading(d.cells.size()) + "\n";
  for (const auto& c : d.cells)
    out += "  " + c.table + " | " + c.row + " | " + c.column + ": " + shown(c.old_value, c.old_value.empty()) +
           " → " + shown(c.new_value, c.new_value.empty()) + "\n";
  out += "\n" + ui::diff_sentences_heading(d.sentences.size()) + "\n";
  for (const auto& s : d.sentences) {
    out += "  [" + s.section + "]\n";
    out += "    - " + shown(s.old_sentence, s.old_sentence.empty()) + "\n";
    out += "    + " + shown(s.new_sentence, s.new_sentence.empty()) + "\n";
  }
  return out;
}

}  // namespace juesuan
