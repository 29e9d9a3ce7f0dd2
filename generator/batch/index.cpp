// The index as data: the 汇总, index.json, index.csv, reading index.json
// back, and writing the three files.
#include <map>

#include "batch/index.hpp"
#include "batch/json.hpp"
#include "batch/labels.hpp"
#include "build/writers.hpp"
#include "core/file.hpp"
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

std::string figures_json(const KeyFigures& k, const std::string& indent) {
  // Each figure twice: as the tables print it (万元) and exact (分).
  std::string a = "{", b = "{";
  for (std::size_t i = 0; i < kFigureFields.size(); ++i) {
    const auto& f = kFigureFields[i];
    std::string sep = i ? ", " : "";
    a += sep + json::quote(f.key) + ": " + json::quote(wan(k.*f.member));
    b += sep + json::quote(f.key) + ": " + std::to_string((k.*f.member).fen());
  }
  return indent + "\"figures\": " + a + "},\n" + indent + "\"figures_fen\": " + b + "}";
}

std::string group_json(const Group& g, const std::string& indent) {
  return "{\n" + indent + "  \"folder\": " + json::quote(g.folder) + ",\n" + indent +
         "  \"departments\": " + std::to_string(g.departments) + ", \"built\": " + std::to_string(g.built) +
         ", \"unchanged\": " + std::to_string(g.unchanged) + ", \"failed\": " + std::to_string(g.failed) + ",\n" +
         figures_json(g.totals, indent + "  ") + "\n" + indent + "}";
}

std::string string_list(const std::vector<std::string>& v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + json::quote(v[i]);
  return s + "]";
}

}  // namespace

std::string index_json(const Index& index) {
  std::string out = "{\n  \"format\": \"juesuan-batch-index\",\n  \"version\": 1,\n";
  out += "  \"shard\": ";
  out += index.shard ? "{\"index\": " + std::to_string(index.shard->first) + ", \"count\": " +
                           std::to_string(index.shard->second) + "}"
                     : std::string("null");
  out += ",\n  \"departments\": [";
  for (std::size_t i = 0; i < index.departments.size(); ++i) {
    const Department& d = index.departments[i];
    out += std::string(i ? "," : "") + "\n    {\n";
    out += "      \"path\": " + json::quote(d.path) + ",\n";
    out += "      \"folder\": " + json::quote(d.folder) + ",\n";
    out += "      \"name\": " + json::quote(d.name) + ",\n";
    out += "      \"status\": " + json::quote(status_key(d.status)) + ",\n";
    if (d.figures) out += figures_json(*d.figures, "      ") + ",\n";
    out += "      \"outputs\": {";
    for (std::size_t k = 0; k < d.outputs.size(); ++k)
      out += (k ? ", " : "") + json::quote(d.outputs[k].kind) + ": " + json::quote(d.outputs[k].href);
    out += "},\n";
    out += "      \"warnings\": " + string_list(d.warnings);
    if (d.status == Status::Failed)
      out += ",\n      \"error\": " + json::quote(d.error) + ",\n      \"detail\": " + json::quote(d.detail);
    out += "\n    }";
  }
  out += index.departments.empty() ? "],\n" : "\n  ],\n";
  Summary s = summarise(index);
  out += "  \"summary\": {\n    \"folders\": [";
  for (std::size_t i = 0; i < s.folders.size(); ++i) out += (i ? ", " : "") + group_json(s.folders[i], "    ");
  out += "],\n    \"city\": " + group_json(s.city, "    ") + "\n  }\n}\n";
  return out;
}

Index read_index_json(const fs::path& file) {
  json::Value root = json::parse(read_source_file(file));
  if (root.at("format").as_string() != "juesuan-batch-index")
    throw Error(Failure::Input, root.at("format").loc, ui::not_an_index());
  Index index;
  if (const json::Value& shard = root.at("shard"); !shard.is_null())
    index.shard = std::make_pair(static_cast<int>(shard.at("index").as_integer()),
                                 static_cast<int>(shard.at("count").as_integer()));
  for (const json::Value& v : root.at("departments").as_array()) {
    Department d;
    d.path = v.at("path").as_string();
    d.folder = v.at("folder").as_string();
    d.name = v.at("name").as_string();
    const json::Value& status = v.at("status");
    if (status.as_string() == "built") d.status = Status::Built;
    else if (status.as_string() == "unchanged") d.status = Status::Unchanged;
    else if (status.as_string() == "failed") d.status = Status::Failed;
    else throw Error(Failure::Input, status.loc, ui::unknown_status(status.as_string()));
    if (const json::Value* fen = v.find("figures_fen")) {
      KeyFigures k;
      for (const auto& f : kFigureFields) k.*f.member = Money::fen(fen->at(f.key).as_integer());
      d.figures = k;
    }
    for (const auto& [kind, href] : v.at("outputs").members) d.outputs.push_back(Output{kind, href.as_string()});
    for (const json::Value& w : v.at("warnings").as_array()) d.warnings.push_back(w.as_string());
    if (d.status == Status::Failed) {
      d.error = v.at("error").as_string();
      d.detail = v.at("detail").as_string();
    }
    index.departments.push_back(std::move(d));
  }
  return index;
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
  if (ec) throw Error(Failure::Output, "cannot create " + dir.string() + ": " + ec.message());
  // All three complete before any is renamed into place.
  FolderLock lock(dir);
  std::vector<OutputFile> files = {{dir / "index.json", index_json(index)},
                                   {dir / "index.csv", index_csv(index)},
                                   {dir / "index.html", index_html(index)}};
  for (const auto& f : files) remove_stale_temporaries(f.path);
  write_files_atomic(files);
}

}  // namespace juesuan::batch
