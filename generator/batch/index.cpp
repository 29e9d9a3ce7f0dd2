// The index as data: the 汇总, index.json, index.csv, reading index.json
// back, and writing the three files.
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "batch/index.hpp"
#include "build/build.hpp"
#include "build/writers.hpp"
#include "core/file.hpp"
#include "core/messages.hpp"
#include "core/ui.hpp"
#include "source/source.hpp"
#include "xlsx/xlsx_writer.hpp"

namespace juesuan::batch {

namespace fs = std::filesystem;

const std::array<FigureField, 5> kFigureFields = {{
    {"grand_total", &KeyFigures::grand_total},
    {"income_total", &KeyFigures::income_total},
    {"spending_total", &KeyFigures::spending_total},
    {"fiscal_spending", &KeyFigures::fiscal_spending},
    {"three_public", &KeyFigures::three_public},
}};

KeyFigures& KeyFigures::operator+=(const KeyFigures& o) {
  for (const auto& f : kFigureFields) this->*f.member += o.*f.member;
  return *this;
}

const char* status_key(Status s) {
  switch (s) {
    case Status::Built: return "built";
    case Status::Unchanged: return "unchanged";
    case Status::Failed: return "failed";
  }
  return "";
}

bool listed_before(const std::string& fa, const std::string& pa, const std::string& fb, const std::string& pb) {
  return fa != fb ? fa < fb : pa < pb;
}

std::string status_label(Status s) { return ui::status_word(status_key(s)); }

std::string wan(Money m) { return format_wan(m.printed_wan_cents(), false); }

namespace {

void count(Group& g, const Department& d) {
  ++g.departments;
  switch (d.status) {
    case Status::Built: ++g.built; break;
    case Status::Unchanged: ++g.unchanged; break;
    case Status::Failed: ++g.failed; break;
  }
}

// "教育局" of "03-教育局" (and of "局/03-教育局"): the folder's own name
// without a leading sort number.
std::string folder_name(const std::string& folder) {
  std::string last = fs::path(folder).filename().string();
  std::size_t i = 0;
  while (i < last.size() && last[i] >= '0' && last[i] <= '9') ++i;
  if (i > 0 && i < last.size() && (last[i] == '-' || last[i] == '_' || last[i] == '.' || last[i] == ' '))
    return last.substr(i + 1);
  return last;
}

bool is_unit(const Department& d) { return d.kind.empty() ? !d.folder.empty() : d.kind == kKindUnit; }

}  // namespace

std::vector<Place> places(const std::vector<Department>& all) {
  std::map<std::string, std::vector<std::string>> heads;   // folder -> its 部门
  std::set<std::string> built;                              // 部门 that add their own figures
  for (const auto& d : all) {
    if (is_unit(d)) continue;
    heads[d.folder].push_back(d.name);
    if (d.figures) built.insert(d.name);
  }
  std::vector<Place> out;
  for (const auto& d : all) {
    Place p;
    p.unit = is_unit(d);
    if (!p.unit) p.supervisor = d.name;
    else if (!d.supervisor.empty()) p.supervisor = d.supervisor;
    else if (auto h = heads.find(d.folder); h != heads.end() && h->second.size() == 1) p.supervisor = h->second[0];
    else if (!d.folder.empty()) p.supervisor = folder_name(d.folder);
    else p.supervisor = d.name;
    p.counted = d.figures && (!p.unit || !built.count(p.supervisor));
    out.push_back(std::move(p));
  }
  return out;
}

Summary summarise(const Index& index) {
  Summary s;
  std::map<std::string, Group> by_folder;
  const std::vector<Place> where = places(index.departments);
  for (std::size_t i = 0; i < index.departments.size(); ++i) {
    const Department& d = index.departments[i];
    Group& g = by_folder[d.folder];
    g.folder = d.folder;
    count(g, d);
    count(s.city, d);
    if (where[i].counted) {
      g.totals += *d.figures;
      s.totals.figures += *d.figures;
      ++(where[i].unit ? s.totals.units : s.totals.departments);
    } else if (d.figures) {
      ++s.totals.covered;
    }
  }
  s.city.totals = s.totals.figures;
  for (auto& [folder, g] : by_folder) s.folders.push_back(std::move(g));
  return s;
}

// ---- index.json -----------------------------------------------------------

namespace {

using Json = nlohmann::ordered_json;   // keys in the order written

// Each figure twice: as the tables print it (万元) and exact (分).
void put_figures(Json& o, const KeyFigures& k) {
  Json printed = Json::object(), exact = Json::object();
  for (const auto& f : kFigureFields) {
    printed[f.key] = wan(k.*f.member);
    exact[f.key] = (k.*f.member).fen();
  }
  o["figures"] = std::move(printed);
  o["figures_fen"] = std::move(exact);
}

Json group_json(const Group& g) {
  Json o = {{"folder", g.folder}, {"departments", g.departments}, {"built", g.built},
            {"unchanged", g.unchanged}, {"failed", g.failed}};
  put_figures(o, g.totals);
  return o;
}

}  // namespace

std::string index_json(const Index& index) {
  Json root = {{"format", "juesuan-batch-index"}, {"version", 1}, {"shard", nullptr}};
  if (index.shard) root["shard"] = {{"index", index.shard->first}, {"count", index.shard->second}};
  Json departments = Json::array();
  for (const Department& d : index.departments) {
    Json o = {{"path", d.path}, {"folder", d.folder}, {"name", d.name}, {"year", d.year},
              {"kind", d.kind}, {"supervisor", d.supervisor}, {"status", status_key(d.status)}};
    if (d.figures) put_figures(o, *d.figures);
    Json outputs = Json::object();
    for (const auto& out : d.outputs) outputs[out.kind] = out.href;
    o["outputs"] = std::move(outputs);
    o["warnings"] = d.warnings;
    Json findings = Json::array();
    for (const auto& f : d.findings)
      findings.push_back({{"severity", f.severity}, {"rule", f.rule}, {"location", f.location}, {"message", f.message}});
    o["findings"] = std::move(findings);
    if (d.status == Status::Failed) {
      o["error"] = d.error;
      o["detail"] = d.detail;
    }
    departments.push_back(std::move(o));
  }
  root["departments"] = std::move(departments);
  Summary s = summarise(index);
  Json folders = Json::array();
  for (const auto& g : s.folders) folders.push_back(group_json(g));
  root["summary"] = {{"folders", std::move(folders)}, {"city", group_json(s.city)},
                     {"totals", {{"departments", s.totals.departments}, {"units", s.totals.units},
                                 {"covered", s.totals.covered}}}};
  // Bytes of a name that is not UTF-8 become U+FFFD: the file stays valid.
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Index read_index_json(const fs::path& file) {
  auto text = read_source_file(file);
  Json root;
  try {
    root = Json::parse(text->text);
  } catch (const Json::parse_error& e) {
    auto [line, col] = text->locate(e.byte > 0 ? e.byte - 1 : 0);
    throw Error(Failure::Input, Loc{text, line, col}, ui::damaged_index(e.what()));
  }
  try {
    if (!root.is_object() || root.value("format", "") != "juesuan-batch-index")
      throw Error(Failure::Input, Loc{text, 0, 0}, ui::not_an_index());
    Index index;
    if (const Json& shard = root.at("shard"); !shard.is_null())
      index.shard = std::make_pair(shard.at("index").get<int>(), shard.at("count").get<int>());
    for (const Json& v : root.at("departments")) {
      Department d;
      d.path = v.at("path").get<std::string>();
      d.folder = v.at("folder").get<std::string>();
      d.name = v.at("name").get<std::string>();
      d.year = v.value("year", 0);
      d.kind = v.value("kind", "");
      d.supervisor = v.value("supervisor", "");
      const std::string status = v.at("status").get<std::string>();
      if (status == "built") d.status = Status::Built;
      else if (status == "unchanged") d.status = Status::Unchanged;
      else if (status == "failed") d.status = Status::Failed;
      else throw Error(Failure::Input, Loc{text, 0, 0}, ui::unknown_status(status));
      if (auto fen = v.find("figures_fen"); fen != v.end()) {
        KeyFigures k;
        for (const auto& f : kFigureFields) k.*f.member = Money::fen(fen->at(f.key).get<std::int64_t>());
        d.figures = k;
      }
      for (const auto& [kind, href] : v.at("outputs").items()) d.outputs.push_back(Output{kind, href.get<std::string>()});
      d.warnings = v.at("warnings").get<std::vector<std::string>>();
      if (auto fs = v.find("findings"); fs != v.end())
        for (const Json& f : *fs)
          d.findings.push_back(FindingRow{f.at("severity").get<std::string>(), f.at("rule").get<std::string>(),
                                          f.at("location").get<std::string>(), f.at("message").get<std::string>()});
      if (d.status == Status::Failed) {
        d.error = v.at("error").get<std::string>();
        d.detail = v.at("detail").get<std::string>();
      }
      index.departments.push_back(std::move(d));
    }
    return index;
  } catch (const Json::exception& e) {
    throw Error(Failure::Input, Loc{text, 0, 0}, ui::damaged_index(e.what()));
  }
}

// ---- index.csv ------------------------------------------------------------

namespace {

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// UTF-8 with a byte-order mark and CRLF line ends: what Excel expects of a
// Chinese CSV. Amounts are plain numbers (万元, no grouping) so that Excel
// reads them as numbers.
std::string csv_line(const std::vector<std::string>& fields) {
  std::string s;
  for (std::size_t i = 0; i < fields.size(); ++i) s += (i ? "," : "") + csv_field(fields[i]);
  return s + "\r\n";
}

const std::string kBom = "\xEF\xBB\xBF";

}  // namespace

std::string index_csv(const Index& index) {
  std::vector<std::string> header = ui::index_csv_header();
  for (const auto& f : kFigureFields) header.insert(header.end() - 1, ui::figure_label(f.key) + ui::wan_suffix());
  for (const Writer& w : writers()) header.insert(header.end() - 1, std::string(w.label));
  const auto line = csv_line;
  std::string out = kBom + line(header);
  for (const Department& d : index.departments) {
    std::vector<std::string> row = {d.folder, d.name, d.path, status_label(d.status)};
    for (const auto& f : kFigureFields) row.push_back(d.figures ? wan((*d.figures).*f.member) : "");
    for (const Writer& w : writers()) {
      std::string href;
      for (const auto& o : d.outputs)
        if (o.kind == w.name) href = o.href;
      row.push_back(href);
    }
    row.push_back(d.error);
    out += line(row);
  }
  return out;
}

// One line per finding, and one for each department that has none, so
// that every department's status is there.
std::string review_csv(const Index& index) {
  std::string out = kBom + csv_line(ui::review_csv_header());
  const std::vector<Place> where = places(index.departments);
  for (std::size_t i = 0; i < index.departments.size(); ++i) {
    const Department& d = index.departments[i];
    const std::vector<std::string> head = {where[i].supervisor, d.name, d.path, status_label(d.status)};
    if (d.findings.empty()) out += csv_line(head);
    for (const auto& f : d.findings) {
      std::vector<std::string> row = head;
      for (const std::string& v : {std::string(ui::severity_label(f.severity)), f.rule, f.location, f.message})
        row.push_back(v);
      out += csv_line(row);
    }
  }
  return out;
}

std::vector<fs::path> files_of(const Department& d, const fs::path& dir) {
  const fs::path rel = fs::path(d.path).lexically_normal();
  // Only a plain relative path inside the folder names files of ours.
  if (d.path.empty() || rel.is_absolute() || rel.has_root_path() || !rel.has_stem()) return {};
  for (const auto& part : rel)
    if (part == ".." || part == ".") return {};
  const fs::path stem = dir / rel.parent_path() / rel.stem();
  std::vector<fs::path> out;
  for (const Writer& w : writers()) out.push_back(stem.string() + std::string(w.extension));
  out.push_back(stem.string() + std::string(kStampExtension));
  return out;
}

// The public index as a workbook: one sheet, the departments that built
// (as index.html lists them) with their key figures as numbers, and the
// city's 汇总 last. A Document with one table, written by the XLSX writer.
std::string index_xlsx(const Index& index) {
  doc::Table t;
  t.id = "index";
  t.number = ui::index_sheet_name();
  t.title = ui::index_workbook_title();
  t.unit = ui::index_workbook_unit();
  auto cell = [](std::string text, doc::Align align = doc::Align::Left, bool header = false, bool total = false) {
    doc::Cell c;
    c.text = std::move(text);
    c.align = align;
    c.header = header;
    c.emphasis = total;
    return c;
  };
  doc::Row head;
  for (const std::string& h : ui::index_xlsx_header()) head.push_back(cell(h, doc::Align::Center, true));
  for (const auto& f : kFigureFields) head.push_back(cell(ui::figure_label(f.key), doc::Align::Center, true));
  t.head.push_back(std::move(head));
  auto figure = [&](Money m, const char* key, bool total) {
    doc::Cell c = cell(format_wan(m.printed_wan_cents(), true), doc::Align::Right, false, total);
    c.amount = m;
    c.key = key;
    return c;
  };
  const std::vector<Place> where = places(index.departments);
  for (std::size_t i = 0; i < index.departments.size(); ++i) {
    const Department& d = index.departments[i];
    if (!d.figures) continue;   // failed: not on the public index
    doc::Row row = {cell(where[i].supervisor), cell(d.name), cell(ui::kind_label(where[i].unit), doc::Align::Center),
                    cell(d.year ? std::to_string(d.year) : std::string(), doc::Align::Center)};
    for (const auto& f : kFigureFields) row.push_back(figure((*d.figures).*f.member, f.key, false));
    t.body.push_back(std::move(row));
  }
  const Summary sum = summarise(index);
  doc::Cell total_label = cell(ui::index_total_label(), doc::Align::Center, true, true);
  total_label.colspan = 4;
  doc::Row total = {total_label};
  for (const auto& f : kFigureFields) total.push_back(figure(sum.totals.figures.*f.member, f.key, true));
  t.body.push_back(std::move(total));
  t.notes.push_back(ui::index_total_note(sum.totals.departments, sum.totals.units, sum.totals.covered));
  t.widths = {3, 4, 1, 1, 2, 2, 2, 2, 2};
  doc::Document d;
  d.title = t.title;
  d.blocks.push_back(std::move(t));
  return xlsx::write_xlsx(d);
}

void write_index(const Index& index, const fs::path& dir, const fs::path& templates) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(Failure::Output, msg::cannot_create_folder(printable_name(dir.string()), ec.value()));
  // All complete before any is renamed into place.
  std::vector<OutputFile> files = {{dir / "index.json", index_json(index)},
                                   {dir / "index.csv", index_csv(index)},
                                   {dir / "index.xlsx", index_xlsx(index)},
                                   {dir / "index.html", index_html(index, templates)},
                                   {dir / "review.html", review_html(index, templates)},
                                   {dir / "review.csv", review_csv(index)}};
  FolderLock lock(dir);
  for (const auto& f : files) remove_stale_temporaries(f.path);
  write_files_atomic(files);
}

}  // namespace juesuan::batch
