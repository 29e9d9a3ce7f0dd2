// The Document carries meaning, not only text: every figure cell of the nine
// 公开表 holds its exact amount and its key beside the printed text, and
// one grid function places the cells of a table with rowspans and colspans.
//
// The amounts are checked against the printed text (the text is parsed here,
// in the test, never by the program) and a few keys against the inputs of
// the 2022 example, added by hand.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

#include "build/build.hpp"
#include "document/grid.hpp"
#include "support.hpp"
#include "support_build.hpp"

using namespace juesuan;

namespace {

const std::string kRoot = JUESUAN_SOURCE_DIR;

std::vector<const doc::Table*> nine_tables(const doc::Document& d) {
  std::vector<const doc::Table*> out;
  for (const auto& b : d.blocks)
    if (const auto* t = std::get_if<doc::Table>(&b); t && t->in_toc) out.push_back(t);
  return out;
}

// The figure cell of that key in a table; null when there is none.
const doc::Cell* find_key(const doc::Table& t, const std::string& key) {
  for (const auto* rows : {&t.head, &t.body})
    for (const auto& r : *rows)
      for (const auto& c : r)
        if (c.key == key) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("document: every figure cell of the nine tables carries the amount its text shows, and a key",
          "[document]") {
  const std::regex key_form(R"([a-z_]+(\.[a-z_0-9]+)*(@[0-9]{3,7})?)");
  for (const char* example : {"2022-jiaozuo-zhengwu-dashuju", "2021-jiaozuo-gongxinju"}) {
    INFO(example);
    auto built = build_document(test::shared_resources(), kRoot + "/data/examples/" + example + ".yaml");
    auto tables = nine_tables(built->document);
    REQUIRE(tables.size() == 9);
    std::size_t figures = 0, printed = 0;
    for (const auto* t : tables) {
      INFO(t->number);
      std::set<std::string> keys;
      for (const auto* rows : {&t->head, &t->body})
        for (const auto& r : *rows)
          for (const auto& c : r) {
            INFO("cell \"" << c.text << "\" key " << c.key);
            if (!c.amount) {
              // A text cell: no key, and no text that reads as an amount.
              CHECK(c.key.empty());
              CHECK_FALSE(test::cents(c.text));
              continue;
            }
            ++figures;
            CHECK(std::regex_match(c.key, key_form));
            CHECK(keys.insert(c.key).second);  // one cell per figure in a table
            CHECK(c.align == doc::Align::Right);
            auto shown = test::cents(c.text);
            if (c.text.empty()) {
              CHECK(c.amount->printed_wan_cents() == 0);  // a zero printed blank
            } else {
              ++printed;
              REQUIRE(shown);
              CHECK(*shown == c.amount->printed_wan_cents());
            }
          }
    }
    // Both documents print hundreds of figures (01表 alone has 40 amounts).
    CHECK(figures > 200);
    CHECK(printed > 100);
  }
}

TEST_CASE("document: figure keys name the figure and its 科目, with the exact amounts of the inputs", "[document]") {
  auto built = build_document(test::shared_resources(), kRoot + "/data/examples/2022-jiaozuo-zhengwu-dashuju.yaml");
  auto tables = nine_tables(built->document);
  REQUIRE(tables.size() == 9);
  const doc::Table &t01 = *tables[0], &t02 = *tables[1], &t03 = *tables[2], &t05 = *tables[4];
  // 项 2080505: income.general 43.65 and basic.general 43.65 万元 = 436,500.00 元 = 43,650,000 分.
  const Money m2080505 = Money::fen(43'650'000);
  for (auto [t, key] : {std::pair{&t02, "income.total@2080505"}, {&t02, "income.fiscal@2080505"},
                        {&t03, "spend.total@2080505"}, {&t03, "spend.basic@2080505"},
                        {&t05, "general.basic@2080505"}}) {
    INFO(key);
    const doc::Cell* c = find_key(*t, key);
    REQUIRE(c);
    REQUIRE(c->amount);
    CHECK(*c->amount == m2080505);
    CHECK(c->text == "43.65");
  }
  // 款 20805 = its two 项 2080505 (43.65) and 2080599 (30.36) = 74.01 万元.
  const doc::Cell* kuan = find_key(t02, "income.total@20805");
  REQUIRE(kuan);
  CHECK(*kuan->amount == Money::fen(74'010'000));
  // 项 2080505 has no 项目支出: its cell is a figure of zero.
  const doc::Cell* project = find_key(t03, "spend.project@2080505");
  REQUIRE(project);
  CHECK(project->amount->is_zero());
  // A department total has no code: 01表 行1 一般公共预算财政拨款收入.
  const doc::Cell* general = find_key(t01, "income.general");
  REQUIRE(general);
  CHECK(general->text == "2,334.61");
  CHECK(general->amount->printed_wan_cents() == 233461);
}

TEST_CASE("document: the grid places cells around rowspans and colspans", "[document]") {
  auto cell = [](std::string text, int colspan = 1, int rowspan = 1) {
    doc::Cell c;
    c.text = std::move(text);
    c.colspan = colspan;
    c.rowspan = rowspan;
    return c;
  };
  // 项目 (two columns) over 编码 | 名称; 合计 and 基本支出 down two rows; a
  // rowspan in the middle (X) pushes the next row's second cell past it; a
  // rowspan past the last row is cut there.
  std::vector<doc::Row> rows = {
      {cell("项目", 2), cell("合计", 1, 2), cell("基本支出", 1, 2)},
      {cell("编码"), cell("名称")},
      {cell("A"), cell("X", 1, 2), cell("B", 2)},
      {cell("C"), cell("D"), cell("E"), cell("F", 1, 5)},
  };
  doc::Grid g = doc::grid(rows);
  CHECK(g.rows == 4);
  CHECK(g.columns == 5);
  struct Want {
    std::string text;
    int row, col, rowspan, colspan;
  };
  const std::vector<Want> want = {
      {"项目", 0, 0, 1, 2}, {"合计", 0, 2, 2, 1}, {"基本支出", 0, 3, 2, 1},
      {"编码", 1, 0, 1, 1}, {"名称", 1, 1, 1, 1},
      {"A", 2, 0, 1, 1},    {"X", 2, 1, 2, 1},    {"B", 2, 2, 1, 2},
      {"C", 3, 0, 1, 1},    {"D", 3, 2, 1, 1},    {"E", 3, 3, 1, 1},    {"F", 3, 4, 1, 1},
  };
  REQUIRE(g.cells.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO(want[i].text);
    CHECK(g.cells[i].cell->text == want[i].text);
    CHECK(g.cells[i].row == want[i].row);
    CHECK(g.cells[i].col == want[i].col);
    CHECK(g.cells[i].rowspan == want[i].rowspan);
    CHECK(g.cells[i].colspan == want[i].colspan);
  }
  // A table of these rows as its head and one of three columns as its body.
  doc::Table t;
  t.head = rows;
  t.body = {{cell("1"), cell("2"), cell("3")}};
  CHECK(doc::column_count(t) == 5);
  CHECK_FALSE(doc::wants_landscape(t));
  t.body.front().resize(7);
  CHECK(doc::column_count(t) == 7);
  CHECK(doc::wants_landscape(t));  // more than six columns
  t.body.front().resize(3);
  t.landscape = true;               // the format's data asks for it
  CHECK(doc::wants_landscape(t));
}
