// Golden tests over the two reference departments: every amount of every
// table in the generated document equals the amount printed in the
// reference (tests/golden/<doc>-tables.tsv, transcribed from the published
// PDFs and checked by hand), except at the places where the reference
// disagrees with itself. Those are listed, each with its reason, in
// tests/golden/reference-inconsistencies.yaml: there the generated figure
// must equal the one computed from the inputs, and the reference's own
// figure must be the one printed. Every listed table entry must be met, so
// the list cannot go stale.
#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "build/build.hpp"

using namespace juesuan;

namespace {

const std::string kRoot = JUESUAN_SOURCE_DIR;

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t e = line.find('\t', start);
    out.push_back(line.substr(start, e == std::string::npos ? std::string::npos : e - start));
    if (e == std::string::npos) break;
    start = e + 1;
  }
  return out;
}

// "2,334.61" and "2334.61" are the same figure; the 2021 reference prints
// some zero cells blank, the generator prints 0.00.
std::string norm(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ','), s.end());
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  if (s.empty()) return "0.00";
  return s;
}

bool is_amount(const std::string& s) {
  std::string n = norm(s);
  return !n.empty() && n.find_first_not_of("0123456789.-") == std::string::npos && n.find('.') != std::string::npos;
}

struct Slip {
  std::string table, row, column, published, from_inputs;
  bool used = false;
};

// Column names of a table: for each column, the texts of its header cells
// from top to bottom (spans expanded), numbers and 栏次 left out.
std::vector<std::vector<std::string>> column_names(const doc::Table& t) {
  std::size_t width = 0;
  for (const auto& c : t.body.front()) width += static_cast<std::size_t>(c.colspan);
  std::vector<std::vector<std::string>> names(width);
  std::vector<int> pending(width, 0);  // rows still covered by a rowspan above
  for (const auto& row : t.head) {
    std::size_t col = 0;
    for (const auto& c : row) {
      while (col < width && pending[col] > 0) { --pending[col]; ++col; }
      for (int k = 0; k < c.colspan && col + k < width; ++k) {
        if (!c.text.empty() && !is_amount(c.text + ".0") && c.text != "栏次") names[col + k].push_back(c.text);
        if (c.rowspan > 1) pending[col + k] = c.rowspan - 1;
      }
      col += static_cast<std::size_t>(c.colspan);
    }
    for (; col < width; ++col) if (pending[col] > 0) --pending[col];
  }
  return names;
}

bool column_matches(const std::vector<std::string>& names, const std::string& wanted) {
  if (names.empty()) return false;
  const std::string& bottom = names.back();
  if (wanted == bottom) return true;
  for (const auto& top : names) {
    if (wanted == bottom + "（" + top + "）") return true;
    if (wanted == top + " " + bottom) return true;
  }
  return false;
}

struct Golden {
  std::string doc;
  std::vector<Slip> slips;
  int compared = 0;

  void compare(const doc::Table& t, const std::vector<std::string>& row_keys, std::size_t col,
               const std::string& generated, const std::string& published) {
    ++compared;
    if (norm(generated) == norm(published)) return;
    auto names = column_names(t);
    for (auto& s : slips) {
      if (s.table != t.number.substr(t.number.size() - 5, 2) && "公开" + s.table + "表" != t.number) continue;
      if (std::find(row_keys.begin(), row_keys.end(), s.row) == row_keys.end()) continue;
      if (col >= names.size() || !column_matches(names[col], s.column)) continue;
      INFO(doc << " " << t.number << " row " << s.row << " column " << s.column);
      CHECK(norm(s.published) == norm(published));
      CHECK(norm(s.from_inputs) == norm(generated));
      s.used = true;
      return;
    }
    FAIL_CHECK(doc << " " << t.number << " row [" << row_keys.front() << "|" << (row_keys.size() > 1 ? row_keys[1] : "")
                   << "] column " << col << ": generated " << generated << ", reference " << published);
  }
};

const doc::Table* table_by_number(const doc::Document& d, const std::string& nn) {
  for (const auto& b : d.blocks)
    if (const auto* t = std::get_if<doc::Table>(&b))
      if (t->number == "公开" + nn + "表") return t;
  return nullptr;
}

void run_golden(const std::string& doc_year, const std::string& example) {
  Resources res = Resources::load(kRoot);
  auto built = build_document(res, kRoot + "/data/examples/" + example);
  Golden g;
  g.doc = doc_year;
  for (const auto& n : YAML::LoadFile(kRoot + "/tests/golden/reference-inconsistencies.yaml")) {
    if (n["doc"].as<std::string>() != doc_year || !n["table"]) continue;
    g.slips.push_back(Slip{n["table"].as<std::string>(), n["row"].as<std::string>(), n["column"].as<std::string>(),
                           n["published"].as<std::string>(), n["from_inputs"].as<std::string>()});
  }
  std::ifstream tsv(kRoot + "/tests/golden/" + doc_year + "-tables.tsv");
  std::string line;
  std::map<std::string, std::size_t> grid_row;  // next body row of each grid table
  while (std::getline(tsv, line)) {
    if (line.empty()) continue;
    auto cells = split_tabs(line);
    const std::string nn = cells[0];
    const doc::Table* t = table_by_number(built->document, nn);
    REQUIRE(t != nullptr);
    const bool grid = nn == "01" || nn == "04" || t->body.front().size() == 12;
    const bool economic = t->title.find("基本支出") != std::string::npos;
    if (grid) {
      std::size_t r = grid_row[nn]++;
      REQUIRE(r < t->body.size());
      const doc::Row& row = t->body[r];
      std::vector<std::string> keys;
      for (const auto& c : row) if (!c.text.empty() && !is_amount(c.text)) keys.push_back(c.text);
      if (keys.empty()) keys.push_back("");
      // The "三公" row is transcribed with an empty label cell before its
      // twelve amounts; the generated row has the amounts only.
      std::size_t shift = cells.size() == row.size() + 2 ? 2 : 1;
      for (std::size_t k = 0; k < row.size(); ++k) {
        if (row[k].align != doc::Align::Right) continue;  // labels and 行次
        std::string published = k + shift < cells.size() ? cells[k + shift] : "";
        g.compare(*t, keys, k, row[k].text, published);
      }
    } else if (economic) {
      bool found = false;
      for (const auto& row : t->body)
        for (std::size_t k = 0; k + 1 < row.size(); ++k)
          if (row[k].text == cells[1] && !found) {
            // "301 | 工资福利支出 | 829.27" or a footer "人员经费合计 | 855.02".
            std::size_t amount = row[k + 1].align == doc::Align::Right ? k + 1 : k + 2;
            std::size_t grid_col = 0;
            for (std::size_t j = 0; j < amount; ++j) grid_col += static_cast<std::size_t>(row[j].colspan);
            g.compare(*t, {cells[1]}, grid_col, row[amount].text, cells[2]);
            found = true;
          }
      INFO(nn << " " << cells[1]);
      CHECK(found);
    } else {
      const doc::Row* match = nullptr;
      for (const auto& row : t->body) {
        bool total = std::any_of(row.begin(), row.end(), [](const doc::Cell& c) { return c.text == "合计"; });
        if ((cells[1] == "合计" && total) || row.front().text == cells[1]) { match = &row; break; }
      }
      INFO(nn << " " << cells[1]);
      REQUIRE(match != nullptr);
      std::size_t first_amount = 0;
      while (first_amount < match->size() && (*match)[first_amount].align != doc::Align::Right) ++first_amount;
      std::size_t col_offset = 0;
      for (std::size_t k = 0; k < first_amount; ++k) col_offset += static_cast<std::size_t>((*match)[k].colspan);
      for (std::size_t k = first_amount; k < match->size(); ++k) {
        std::size_t tsv_col = 2 + (k - first_amount);
        g.compare(*t, {cells[1]}, col_offset + (k - first_amount), (*match)[k].text,
                  tsv_col < cells.size() ? cells[tsv_col] : "");
      }
    }
  }
  for (const auto& s : g.slips) {
    if (!is_amount(s.published)) continue;  // names are not among the compared figures
    INFO(doc_year << " listed inconsistency not found in the tables: " << s.table << " " << s.row << " " << s.column);
    CHECK(s.used);
  }
  INFO("figures compared: " << g.compared);
  CHECK(g.compared > 400);
}

}  // namespace

TEST_CASE("2022 reference: every table figure equals the published one or a listed inconsistency") {
  run_golden("2022", "2022-jiaozuo-zhengwu-dashuju.yaml");
}

TEST_CASE("2021 reference: every table figure equals the published one or a listed inconsistency") {
  run_golden("2021", "2021-jiaozuo-gongxinju.yaml");
}
