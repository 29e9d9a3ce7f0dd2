#include "diff/diff.hpp"

#include <algorithm>
#include <map>

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

// The header texts above each column, joined ("本年支出 / 小计").
std::vector<std::string> column_names(const doc::Table& t, std::size_t width) {
  std::vector<std::string> names(width);
  std::vector<int> pending(width, 0);
  for (const auto& row : t.head) {
    std::size_t col = 0;
    for (const auto& c : row) {
      while (col < width && pending[col] > 0) { --pending[col]; ++col; }
      for (int k = 0; k < c.colspan && col + static_cast<std::size_t>(k) < width; ++k) {
        std::size_t j = col + static_cast<std::size_t>(k);
        bool label = !c.text.empty() && c.text != "栏次" && c.text.find_first_not_of("0123456789") != std::string::npos;
        if (label) names[j] += (names[j].empty() ? "" : " / ") + c.text;
        if (c.rowspan > 1) pending[j] = c.rowspan - 1;
      }
      col += static_cast<std::size_t>(c.colspan);
    }
    for (; col < width; ++col) if (pending[col] > 0) --pending[col];
  }
  return names;
}

// Each amount cell of a table, keyed by "row labels | column name". A row's
// labels are its non-amount cells left of the amount (so the 01表's right
// half is labelled by the 类 name, not by the income line beside it).
using CellKey = std::pair<std::string, std::string>;
std::vector<std::pair<CellKey, std::string>> cells_of(const doc::Table& t) {
  std::vector<std::pair<CellKey, std::string>> out;
  std::size_t width = 0;
  if (!t.head.empty())
    for (const auto& c : t.head.front()) width += static_cast<std::size_t>(c.colspan);
  for (const auto& row : t.body) {
    std::size_t w = 0;
    for (const auto& c : row) w += static_cast<std::size_t>(c.colspan);
    width = std::max(width, w);
  }
  auto names = column_names(t, width);
  for (const auto& row : t.body) {
    std::string label;
    bool after_amount = false;
    std::size_t col = 0;
    for (const auto& c : row) {
      // 行次 numbers are not labels; 科目编码 (header cells) are.
      bool line_number = !c.header && !c.text.empty() && c.text.find_first_not_of("0123456789") == std::string::npos;
      if (c.align == doc::Align::Right) {
        std::string key = label.empty() ? "(" + std::to_string(col + 1) + ")" : label;
        // A table without a head (an attachment's) names its columns by number.
        out.push_back({{key, col < names.size() && !names[col].empty() ? names[col] : std::to_string(col + 1)}, c.text});
        after_amount = true;
      } else if (!c.text.empty() && !line_number) {
        // A label; after an amount it starts the next panel's label.
        label = after_amount || label.empty() ? c.text : label + " " + c.text;
        after_amount = false;
      }
      col += static_cast<std::size_t>(c.colspan);
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

std::vector<Sentence> sentences_of(const doc::Document& d) {
  std::vector<Sentence> out;
  std::string section;
  auto add = [&](const std::string& text) {
    std::size_t start = 0;
    std::string context = section;
    while (start < text.size()) {
      std::size_t e = text.find("。", start);
      std::size_t end = e == std::string::npos ? text.size() : e + std::string("。").size();
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
    std::map<CellKey, std::string> ma(ca.begin(), ca.end()), mb(cb.begin(), cb.end());
    std::string name = t_new->number + " " + t_new->title;
    for (const auto& [key, v] : ca) {
      auto jt = mb.find(key);
      std::string nv = jt == mb.end() ? "" : jt->second;
      if (nv != v) out.push_back({name, key.first, key.second, v, nv});
    }
    for (const auto& [key, v] : cb)
      if (!ma.count(key)) out.push_back({name, key.first, key.second, "", v});
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
  std::string out;
  out += "--- " + old_name + "\n+++ " + new_name + "\n";
  out += "\n输入的变化（" + std::to_string(d.inputs.size()) + "）\n";
  for (const auto& c : d.inputs) {
    out += "  " + c.path + ": ";
    out += (c.old_value.empty() && c.old_line == 0 ? "（无）" : c.old_value) + " → ";
    out += (c.new_value.empty() && c.new_line == 0 ? "（无）" : c.new_value);
    if (c.new_line) out += "  (" + new_name + ":" + std::to_string(c.new_line) + ")";
    out += "\n";
  }
  out += "\n表格中随之变化的数（" + std::to_string(d.cells.size()) + "）\n";
  for (const auto& c : d.cells)
    out += "  " + c.table + " | " + c.row + " | " + c.column + ": " + (c.old_value.empty() ? "（无）" : c.old_value) +
           " → " + (c.new_value.empty() ? "（无）" : c.new_value) + "\n";
  out += "\n说明中随之变化的句子（" + std::to_string(d.sentences.size()) + "）\n";
  for (const auto& s : d.sentences) {
    out += "  [" + s.section + "]\n";
    out += "    - " + (s.old_sentence.empty() ? "（无）" : s.old_sentence) + "\n";
    out += "    + " + (s.new_sentence.empty() ? "（无）" : s.new_sentence) + "\n";
  }
  return out;
}

}  // namespace juesuan
