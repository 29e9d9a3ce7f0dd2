// The index as data: the 汇总, index.json, index.csv, reading index.json
// back, and writing the three files.
#include <map>

#include <nlohmann/json.hpp>

#include "batch/index.hpp"
#include "batch/labels.hpp"
#include "build/writers.hpp"
#include "core/file.hpp"
#include "core/messages.hpp"
#include "core/ui.hpp"

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

const char* status_label(Status s) {
  switch (s) {
    case Status::Built: return labels::kBuilt;
    case Status::Unchanged: return labels::kUnchanged;
    case Status::Failed: return labels::kFailed;
  }
  return "";
}

std::string wan(Money m) { return format_wan(m.printed_wan_cents(), false); }

namespace {

void count(Group& g, const Department& d) {
  ++g.departments;
  switch (d.status) {
    case Status::Built: ++g.built; break;
    case Status::Unchanged: ++g.unchanged; break;
    case Status::Failed: ++g.failed; break;
  }
  if (d.figures) g.totals += *d.figures;
}

}  // namespace

Summary summarise(const Index& index) {
  Summary s;
  std::map<std::string, Group> by_folder;
  for (const auto& d : index.departments) {
    Group& g = by_folder[d.folder];
    g.folder = d.folder;
    count(g, d);
    count(s.city, d);
  }
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
    Json o = {{"path", d.path}, {"folder", d.folder}, {"name", d.name}, {"status", status_key(d.status)}};
    if (d.figures) put_figures(o, *d.figures);
    Json outputs = Json::object();
    for (const auto& out : d.outputs) outputs[out.kind] = out.href;
    o["outputs"] = std::move(outputs);
    o["warnings"] = d.warnings;
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
  root["summary"] = {{"folders", std::move(folders)}, {"city", group_json(s.city)}};
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

}  // namespace

// UTF-8 with a byte-order mark and CRLF line ends: what Excel expects of a
// Chinese CSV. Amounts are plain numbers (万元, no grouping) so that Excel
// reads them as numbers.
std::string index_csv(const Index& index) {
  std::vector<std::string> header = {labels::kFolder, labels::kDepartment, labels::kSourceFile, labels::kStatus};
  for (const char* f : labels::kFigures) header.push_back(std::string(f) + labels::kUnitSuffix);
  for (const Writer& w : writers()) header.push_back(std::string(w.label));
  header.push_back(labels::kError);
  auto line = [](const std::vector<std::string>& fields) {
    std::string s;
    for (std::size_t i = 0; i < fields.size(); ++i) s += (i ? "," : "") + csv_field(fields[i]);
    return s + "\r\n";
  };
  std::string out = "\xEF\xBB\xBF" + line(header);
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

void write_index(const Index& index, const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(Failure::Output, msg::cannot_create_folder(printable_name(dir.string()), ec.value()));
  // All three complete before any is renamed into place.
  FolderLock lock(dir);
  std::vector<OutputFile> files = {{dir / "index.json", index_json(index)},
                                   {dir / "index.csv", index_csv(index)},
                                   {dir / "index.html", index_html(index)}};
  for (const auto& f : files) remove_stale_temporaries(f.path);
  write_files_atomic(files);
}

}  // namespace juesuan::batch
