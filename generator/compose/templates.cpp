#include "compose/templates.hpp"

#include <algorithm>
#include <exception>
#include <future>
#include <mutex>
#include <set>

#include "core/messages.hpp"
#include "compose/context.hpp"
#include "core/file.hpp"
#include "core/text.hpp"
#include "model/model.hpp"
#include "yaml/yaml_tree.hpp"

namespace juesuan {

namespace fs = std::filesystem;

namespace {

using yaml::Node;

[[noreturn]] void fail(const Loc& loc, const std::string& what) { throw Error(Failure::Setup, loc, what); }

Node parse_setup(const fs::path& path) {
  std::shared_ptr<const SourceFile> f;
  try {
    f = read_source_file(path);
    return yaml::parse(f);
  } catch (const Error& e) {
    throw Error(Failure::Setup, e.loc(), e.message());
  }
}

std::string scalar(const Node* n, const char* what, const Loc& where) {
  if (!n) fail(where, msg::template_missing(what));
  if (!n->is_scalar()) fail(n->loc, msg::template_not_text(what));
  return n->text;
}

std::string opt_scalar(const Node* n) { return n && n->is_scalar() ? n->text : std::string(); }

bool opt_bool(const Node* n) { return n && n->is_scalar() && n->text == "true"; }

doc::Align align_of(const std::string& s, const Loc& loc) {
  if (s.empty() || s == "left") return doc::Align::Left;
  if (s == "center") return doc::Align::Center;
  if (s == "right") return doc::Align::Right;
  fail(loc, msg::template_bad_align());
}

// A figure name must be a 功能分类 figure or a department scalar; only a
// 功能分类 figure is taken from a 类/款/项 row (class).
void check_value(const std::string& v, const std::string& class_code, const Loc& loc) {
  if (fig_by_name(v)) return;
  if (!class_code.empty()) fail(loc, msg::template_department_figure(v));
  auto names = scalar_names();
  if (std::find(names.begin(), names.end(), v) != names.end()) return;
  if (v.rfind("econ.", 0) == 0) return;
  fail(loc, msg::template_unknown_figure(v));
}

// A row label (not empty, not a 行次 number).
bool is_label(const std::string& t) {
  return !t.empty() && t.find_first_not_of("0123456789") != std::string::npos;
}

CellSpec cell(const Node& n, bool header) {
  CellSpec c;
  c.loc = n.loc;
  c.header = header;
  if (n.is_scalar() || n.is_null()) {
    c.text = n.text;
    c.align = header ? doc::Align::Center : doc::Align::Left;
    c.header = header || is_label(c.text);  // a text in a body row labels it
    return c;
  }
  if (!n.is_map()) fail(n.loc, msg::template_bad_cell());
  for (const auto& [k, v] : n.entries) {
    static const std::set<std::string> keys = {"text", "v", "class", "colspan", "rowspan", "align", "th", "em"};
    if (!keys.count(k.text)) fail(k.loc, msg::template_unknown_cell_key(k.text));
  }
  c.text = opt_scalar(n.find("text"));
  c.value = opt_scalar(n.find("v"));
  c.class_code = opt_scalar(n.find("class"));
  if (!c.value.empty()) check_value(c.value, c.class_code, n.loc);
  if (const Node* s = n.find("colspan")) c.colspan = std::max(1, std::atoi(s->text.c_str()));
  if (const Node* s = n.find("rowspan")) c.rowspan = std::max(1, std::atoi(s->text.c_str()));
  c.align = c.value.empty() ? (header ? doc::Align::Center : doc::Align::Left) : doc::Align::Right;
  if (const Node* a = n.find("align")) c.align = align_of(a->text, a->loc);
  if (c.value.empty() && is_label(c.text)) c.header = true;
  if (const Node* t = n.find("th")) c.header = t->text == "true";
  c.emphasis = opt_bool(n.find("em"));
  return c;
}

std::vector<std::vector<CellSpec>> grid(const Node* n, bool header) {
  std::vector<std::vector<CellSpec>> out;
  if (!n) return out;
  if (!n->is_seq()) fail(n->loc, msg::template_rows_not_list());
  for (const Node& row : n->items) {
    if (!row.is_seq()) fail(row.loc, msg::template_row_not_list());
    std::vector<CellSpec> cells;
    for (const Node& c : row.items) cells.push_back(cell(c, header));
    out.push_back(std::move(cells));
  }
  return out;
}

std::vector<std::string> strings(const Node* n) {
  std::vector<std::string> out;
  if (!n) return out;
  if (!n->is_seq()) fail(n->loc, msg::template_expected_list());
  for (const Node& i : n->items) out.push_back(i.text);
  return out;
}

TableSpec table(const Node& n) {
  TableSpec t;
  t.loc = n.loc;
  t.id = scalar(n.find("id"), "id", n.loc);
  t.number = scalar(n.find("number"), "number", n.loc);
  t.title = scalar(n.find("title"), "title", n.loc);
  t.toc = opt_scalar(n.find("toc"));
  std::string kind = scalar(n.find("kind"), "kind", n.loc);
  if (kind == "grid") t.kind = TableSpec::Kind::Grid;
  else if (kind == "classified") t.kind = TableSpec::Kind::Classified;
  else if (kind == "economic") t.kind = TableSpec::Kind::Economic;
  else fail(n.find("kind")->loc, msg::template_bad_kind());
  t.head = grid(n.find("head"), true);
  t.rows = grid(n.find("rows"), false);
  for (const auto& w : strings(n.find("widths"))) t.widths.push_back(std::atof(w.c_str()));
  t.notes = strings(n.find("notes"));
  t.empty_note = opt_scalar(n.find("empty_note"));
  t.empty_if_zero = strings(n.find("empty_if_zero"));
  for (const auto& v : t.empty_if_zero) check_value(v, "", n.loc);
  t.landscape = opt_bool(n.find("landscape"));
  t.zero_blank = opt_bool(n.find("zero_blank"));
  t.columns = strings(n.find("columns"));
  for (const auto& v : t.columns) check_value(v, "", n.loc);
  t.total_code_text = opt_scalar(n.find("total_code"));
  t.total_name_text = opt_scalar(n.find("total_name"));
  t.code_and_name_merged_in_total = opt_bool(n.find("total_merged"));
  if (const Node* p = n.find("panels")) {
    if (!p->is_seq()) fail(p->loc, msg::template_panels_not_list());
    for (const Node& panel : p->items) t.panels.push_back(strings(&panel));
  }
  if (const Node* f = n.find("footer")) {
    if (!f->is_seq()) fail(f->loc, msg::template_footer_not_row());
    for (const Node& c : f->items) t.footer.push_back(cell(c, false));
  }
  return t;
}

std::string read_text(const fs::path& p) {
  try {
    return read_source_file(p)->text;
  } catch (const Error& e) {
    throw Error(Failure::Setup, e.message());
  }
}

void read_settings(const Node& fmt, FormatSettings& st) {
  if (const Node* n = fmt.find("text_grouping")) st.text.grouping = opt_bool(n);
  if (const Node* n = fmt.find("table_grouping")) st.table_grouping = opt_bool(n);
  if (const Node* n = fmt.find("text_numbers")) {
    if (!n->is_map()) fail(n->loc, msg::template_text_numbers_not_map());
    if (const Node* g = n->find("grouping")) st.text.grouping = opt_bool(g);
    if (const Node* g = n->find("trim_zeros")) st.text.trim_zeros = opt_bool(g);
    if (const Node* g = n->find("percent_trim_zeros")) st.text.percent_trim_zeros = opt_bool(g);
    if (const Node* g = n->find("truncate_change_rates")) st.text.truncate_change_rates = opt_bool(g);
    if (const Node* g = n->find("rate_decimals")) {
      const std::string v = scalar(g, "rate_decimals", n->loc);
      if (v.size() != 1 || v[0] < '0' || v[0] > '4') fail(g->loc, msg::template_bad_rate_decimals());
      st.text.rate_decimals = v[0] - '0';
    }
  }
  if (const Node* n = fmt.find("unit_line")) st.unit_line = scalar(n, "unit_line", fmt.loc);
  if (const Node* n = fmt.find("year_line")) st.year_line = scalar(n, "year_line", fmt.loc);
  if (const Node* n = fmt.find("department_line")) st.department_line = scalar(n, "department_line", fmt.loc);
  if (const Node* n = fmt.find("title")) st.title = scalar(n, "title", fmt.loc);
  if (const Node* n = fmt.find("page_number_format")) st.page_number_format = n->text;
  if (const Node* n = fmt.find("level")) st.level = scalar(n, "level", fmt.loc);
  if (const Node* n = fmt.find("list_budget_only_items")) st.list_budget_only_items = opt_bool(n);
  if (const Node* n = fmt.find("list_order")) st.list_order = strings(n);
  if (const Node* n = fmt.find("attachment_amount_headings")) st.attachment_amount_headings = strings(n);
  if (const Node* n = fmt.find("names")) {
    if (!n->is_map()) fail(n->loc, msg::template_names_not_map());
    for (const auto& [k, v] : n->entries) st.names[k.text] = v.text;
  }
}

// The raw table entries of a set, by id, in order: a profile overrides the
// keys it gives of a table and keeps the others.
using RawTables = std::vector<std::pair<std::string, Node>>;

void overlay_tables(RawTables& base, const Node& file) {
  const Node* list = file.find("tables");
  if (!list || !list->is_seq()) fail(file.loc, msg::template_no_tables());
  for (const Node& t : list->items) {
    if (!t.is_map()) fail(t.loc, msg::template_table_not_map());
    std::string id = scalar(t.find("id"), "id", t.loc);
    auto it = std::find_if(base.begin(), base.end(), [&](const auto& p) { return p.first == id; });
    if (it == base.end()) {
      base.emplace_back(id, t);
      continue;
    }
    for (const auto& [k, v] : t.entries) {
      auto e = std::find_if(it->second.entries.begin(), it->second.entries.end(),
                            [&](const auto& p) { return p.first.text == k.text; });
      if (e == it->second.entries.end()) it->second.entries.emplace_back(k, v);
      else e->second = v;
    }
  }
}

void read_mustache_dir(const fs::path& d, std::map<std::string, std::string>& partials,
                       std::vector<fs::path>& files) {
  std::error_code ec;
  if (!fs::is_directory(d, ec)) return;
  std::vector<fs::path> found;
  for (const auto& e : fs::directory_iterator(d))
    if (e.path().extension() == ".mustache") found.push_back(e.path());
  std::sort(found.begin(), found.end());
  for (const auto& f : found) {
    partials[f.stem().string()] = read_text(f);
    files.push_back(f);
  }
}

struct Loaded {
  TemplateSet set;
  RawTables tables;
  std::vector<fs::path> mustache_files;
};

// Loads a format folder, or a profile folder over its base's Loaded.
Loaded load_set(const fs::path& dir, const fs::path& common, const Loaded* base) {
  Loaded out;
  TemplateSet& s = out.set;
  if (base) {
    out = *base;
    s.partials.clear();
  }
  s.dir = dir;
  Node fmt = parse_setup(dir / "format.yaml");
  if (base) {
    s.profile = dir.filename().string();
  } else {
    s.format = dir.filename().string();
    s.profile.clear();
    for (const char* key : {"unit_line", "year_line", "department_line", "title"})
      scalar(fmt.find(key), key, fmt.loc);
  }
  read_settings(fmt, s.settings);

  std::error_code ec;
  if (!base || fs::exists(dir / "tables.yaml", ec)) overlay_tables(out.tables, parse_setup(dir / "tables.yaml"));
  s.tables.clear();
  for (const auto& [id, n] : out.tables) s.tables.push_back(table(n));

  if (!base || fs::exists(dir / "labels.yaml", ec)) {
    Node labels = parse_setup(dir / "labels.yaml");
    for (const auto& [group, m] : labels.entries) {
      if (!m.is_map()) fail(m.loc, msg::template_labels_not_groups());
      auto& g = s.labels[group.text];
      for (const auto& [k, v] : m.entries) {
        auto e = std::find_if(g.begin(), g.end(), [&](const auto& p) { return p.first == k.text; });
        if (e == g.end()) g.emplace_back(k.text, v.text);
        else e->second = v.text;
      }
    }
  }

  if (!base || fs::exists(dir / "glossary.yaml", ec)) {
    Node glossary = parse_setup(dir / "glossary.yaml");
    if (!glossary.is_seq()) fail(glossary.loc, msg::template_glossary_not_list());
    s.glossary.clear();
    for (const Node& e : glossary.items)
      s.glossary.push_back({scalar(e.find("term"), "term", e.loc), scalar(e.find("text"), "text", e.loc)});
  }

  // Mustache: the common partials, overridden by the format's own, then by
  // the profile's own.
  std::vector<fs::path> files;
  read_mustache_dir(common, s.partials, files);
  if (base) read_mustache_dir(base->set.dir, s.partials, files);
  read_mustache_dir(dir, s.partials, files);
  out.mustache_files = files;
  auto main = s.partials.find("document");
  if (main == s.partials.end()) fail(Loc{}, msg::template_file_missing((dir / "document.mustache").string()));
  s.main = main->second;
  s.used_names.clear();
  auto use = [&](const std::string& text) {
    for (std::size_t i = text.find("{{"); i != std::string::npos; i = text.find("{{", i + 2)) {
      std::size_t e = text.find("}}", i);
      if (e == std::string::npos) break;
      std::string tag = text.substr(i + 2, e - i - 2);
      if (!tag.empty() && std::string("#^/").find(tag[0]) != std::string::npos) tag.erase(0, 1);
      if (tag.empty() || std::string("!>").find(tag[0]) != std::string::npos) continue;
      s.used_names.insert(tag);
      for (std::size_t b = 0, d; b < tag.size(); b = d + 1) {
        d = tag.find('.', b);
        if (d == std::string::npos) d = tag.size();
        s.used_names.insert(tag.substr(b, d - b));
        s.used_names.insert(tag.substr(0, d));
      }
    }
  };
  for (const auto& [name, text] : s.partials) use(text);
  for (const auto& t : s.tables)
    for (const auto& n : t.notes) use(n);

  // Every Mustache file is checked against the names compose provides.
  std::vector<std::string> names = context_names();
  for (const fs::path& p : files) {
    auto f = std::make_shared<SourceFile>();
    f->path = p.string();
    f->text = read_text(p);
    check_mustache(f, names, s.partials);
  }
  return out;
}

}  // namespace

const TableSpec* TemplateSet::table(std::string_view id) const {
  for (const auto& t : tables)
    if (t.id == id) return &t;
  return nullptr;
}

std::string TemplateSet::label(const std::string& group, const std::string& key) const {
  auto g = labels.find(group);
  if (g == labels.end()) return key;
  for (const auto& [k, v] : g->second)
    if (k == key) return v;
  return key;
}

const std::vector<std::pair<std::string, std::string>>* TemplateSet::label_group(const std::string& group) const {
  auto g = labels.find(group);
  return g == labels.end() ? nullptr : &g->second;
}

struct Templates::Entry {
  fs::path dir, common;
  std::string name;
  Entry* base = nullptr;   // a profile's format
  std::once_flag once;
  std::optional<Loaded> loaded;
  std::exception_ptr failure;

  // The set, read and checked on first use; its error every time after.
  const Loaded& get() {
    std::call_once(once, [this] {
      try {
        loaded.emplace(load_set(dir, common, base ? &base->get() : nullptr));
      } catch (...) {
        failure = std::current_exception();
      }
    });
    if (failure) std::rethrow_exception(failure);
    return *loaded;
  }
  bool is_profile() const { return base != nullptr; }
};

Templates::Templates() = default;
Templates::Templates(Templates&&) noexcept = default;
Templates& Templates::operator=(Templates&&) noexcept = default;
Templates::~Templates() = default;

Templates Templates::load(const fs::path& dir, bool lazy) {
  Templates t;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw Error(Failure::Setup, msg::template_folder_not_found(dir.string()));
  // Formats first, then the profiles, each over the format its
  // format.yaml names as base.
  std::vector<fs::path> formats;
  std::vector<std::pair<fs::path, Node>> profiles;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.is_directory() || e.path().filename() == "common") continue;
    Node fmt = parse_setup(e.path() / "format.yaml");
    if (const Node* b = fmt.find("base")) profiles.emplace_back(e.path(), *b);
    else formats.push_back(e.path());
  }
  std::sort(formats.begin(), formats.end());
  std::sort(profiles.begin(), profiles.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  auto add = [&](const fs::path& d, Entry* base) {
    auto e = std::make_unique<Entry>();
    e->dir = d;
    e->common = dir / "common";
    e->name = d.filename().string();
    e->base = base;
    Entry* raw = e.get();
    t.sets_.emplace(raw->name, std::move(e));
    return raw;
  };
  std::vector<Entry*> order;
  for (const auto& f : formats) order.push_back(add(f, nullptr));
  for (const auto& [d, base] : profiles) {
    auto b = t.sets_.find(base.text);
    if (!base.is_scalar() || b == t.sets_.end() || b->second->is_profile())
      fail(base.loc, msg::template_base_not_format());
    order.push_back(add(d, b->second.get()));
  }
  if (lazy) return t;
  // The formats are parsed side by side (each is independent, and parsing
  // YAML is most of loading); the first error in format order is reported,
  // then the profiles', in order.
  std::vector<std::future<void>> pending;
  for (std::size_t i = 1; i < formats.size(); ++i)
    pending.push_back(std::async(std::launch::async, [e = order[i]] { e->get(); }));
  std::exception_ptr failure;
  auto keep = [&](auto&& load) {
    try {
      load();
    } catch (...) {
      if (!failure) failure = std::current_exception();
    }
  };
  if (!formats.empty()) keep([&] { order[0]->get(); });
  for (auto& f : pending) keep([&] { f.get(); });
  if (failure) std::rethrow_exception(failure);
  for (std::size_t i = formats.size(); i < order.size(); ++i) order[i]->get();
  return t;
}

const TemplateSet* Templates::find(std::string_view format) const {
  auto it = sets_.find(format);
  return it == sets_.end() ? nullptr : &it->second->get().set;
}

std::vector<std::string> Templates::formats() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : sets_)
    if (!v->is_profile()) out.push_back(k);
  return out;
}

std::map<std::string, std::string> Templates::profiles() const {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : sets_)
    if (v->is_profile()) out.emplace(k, v->base->name);
  return out;
}

namespace {

struct Pos {
  int line = 1, col = 1;
};

Pos pos_at(const std::string& text, std::size_t off) {
  auto [line, col] = text_position(text, off);
  return Pos{line, col};
}

bool known_exact(const std::string& name, const std::vector<std::string>& names) {
  for (const auto& n : names) {
    if (n == name) return true;
    // "tp.abroad" is known when "tp.abroad.budget" is.
    if (n.size() > name.size() && n.compare(0, name.size(), name) == 0 && n[name.size()] == '.') return true;
  }
  return false;
}

// A dotted name is known when a known prefix is followed by known names:
// "tp.abroad.budget" = "tp.abroad" then "budget". Names under
// "performance." are the department's own keys and cannot be checked.
bool known(const std::string& name, const std::vector<std::string>& names) {
  if (name == "." || known_exact(name, names)) return true;
  if (name.rfind("performance.", 0) == 0) return true;
  for (std::size_t dot = name.find('.'); dot != std::string::npos; dot = name.find('.', dot + 1)) {
    if (!known_exact(name.substr(0, dot), names)) continue;
    std::string rest = name.substr(dot + 1);
    bool ok = true;
    std::size_t start = 0;
    while (ok) {
      std::size_t e = rest.find('.', start);
      ok = known_exact(rest.substr(start, e == std::string::npos ? std::string::npos : e - start), names);
      if (e == std::string::npos) break;
      start = e + 1;
    }
    if (ok) return true;
  }
  return false;
}

}  // namespace

void check_mustache(const std::shared_ptr<const SourceFile>& file, const std::vector<std::string>& names,
                    const std::map<std::string, std::string>& partials) {
  const std::string& t = file->text;
  std::vector<std::pair<std::string, std::size_t>> open;
  auto at = [&](std::size_t off) {
    Pos p = pos_at(t, off);
    return Loc{file, p.line, p.col};
  };
  std::size_t i = 0;
  while ((i = t.find("{{", i)) != std::string::npos) {
    std::size_t close = t.find("}}", i + 2);
    if (close == std::string::npos) fail(at(i), msg::template_tag_unclosed());
    std::string tag = t.substr(i + 2, close - i - 2);
    if (!tag.empty() && tag[0] == '{') fail(at(i), msg::template_triple_brace());
    char sigil = tag.empty() ? ' ' : tag[0];
    std::string name = tag;
    if (std::string("#^/!>&=").find(sigil) != std::string::npos) name = tag.substr(1);
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    switch (sigil) {
      case '!': break;
      case '=': fail(at(i), msg::template_delimiters());
      case '&': fail(at(i), msg::template_ampersand());
      case '>':
        if (!partials.count(name)) fail(at(i), msg::template_unknown_partial(name));
        break;
      case '#':
      case '^':
        if (!known(name, names)) fail(at(i), msg::template_unknown_placeholder(name));
        open.emplace_back(name, i);
        break;
      case '/':
        if (open.empty()) fail(at(i), msg::template_closes_nothing(name));
        if (open.back().first != name)
          fail(at(i), msg::template_closes_other(name, open.back().first));
        open.pop_back();
        break;
      default:
        if (name.empty()) fail(at(i), msg::template_empty_tag());
        if (!known(name, names)) fail(at(i), msg::template_unknown_placeholder(name));
    }
    i = close + 2;
  }
  if (!open.empty()) fail(at(open.back().second), msg::template_section_unclosed(open.back().first));
}

}  // namespace juesuan
