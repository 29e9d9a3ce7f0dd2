// The nine 公开表 as XLSX, read back with the XLSX reader (generator/
// xlsx_read: minizip + expat): one sheet per table named by its number, its
// title, number and 部门/年度/单位 line above the head, head and body cells
// where the document's grid puts them, merged as printed, every figure a
// number equal to the model's figure of that key (looked up in the model
// here, by name and 科目 code), blank where the table prints blank; A4
// print setup, landscape as the PDF, head rows repeated; the same bytes on
// every run.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "build/build.hpp"
#include "core/diag.hpp"
#include "document/grid.hpp"
#include "support.hpp"
#include "support_build.hpp"
#include "xlsx/xlsx_writer.hpp"
#include "xlsx_read/xlsx_read.hpp"

using namespace juesuan;
namespace rd = juesuan::xlsx;   // the reader (xlsx_read) and the writer (xlsx) share the namespace

namespace {

const std::string kRoot = JUESUAN_SOURCE_DIR;

// One sheet as the reader gives it.
struct SheetView {
  const rd::Cells& cells;
  const std::vector<rd::Merge>& merges;
  const rd::Cell* cell(int r, int c) const {
    auto it = cells.find({r, c});
    return it == cells.end() ? nullptr : &it->second;
  }
  const rd::Cell* cell(const std::string& a1) const {
    auto [r, c] = rd::parse_cell_name(a1);
    return cell(r, c);
  }
  // One past the last row that holds a value.
  int rows() const {
    int n = 0;
    for (const auto& [pos, c] : cells) n = std::max(n, pos.first + 1);
    return n;
  }
};

bool merged(const SheetView& s, int r0, int c0, int r1, int c1) {
  for (const auto& m : s.merges)
    if (m.first == std::pair{r0, c0} && m.last == std::pair{r1, c1}) return true;
  return false;
}

// A number cell's value in 0.01 units, from the decimal text the file stores.
long long hundredths(const rd::Cell& c) { return std::llround(std::stod(c.text) * 100); }

}  // namespace

TEST_CASE("xlsx: the nine tables read back as printed, every figure a number equal to the model's", "[xlsx]") {
  for (const char* example : {"2022-jiaozuo-zhengwu-dashuju", "2021-jiaozuo-gongxinju"}) {
    INFO(example);
    auto built = build_document(test::shared_resources(), kRoot + "/data/examples/" + example + ".yaml");
    const std::string bytes = xlsx::write_xlsx(built->document);
    const auto wb = rd::open_xlsx(bytes);

    std::vector<const doc::Table*> tables;
    for (const auto& b : built->document.blocks)
      if (const auto* t = std::get_if<doc::Table>(&b); t && !t->number.empty()) tables.push_back(t);
    REQUIRE(tables.size() == 9);
    std::vector<std::string> names;
    for (int i = 1; i <= 9; ++i) names.push_back("公开0" + std::to_string(i) + "表");
    REQUIRE(wb.sheet_names() == names);

    std::size_t numbers = 0;
    for (const auto* t : tables) {
      INFO(t->number);
      REQUIRE(wb.has_sheet(t->number));
      const SheetView s{wb.cells(t->number), wb.merged(t->number)};
      const int ncols = doc::column_count(*t);
      // Row 1: the title across the table; row 2: the number at the right;
      // row 3: 部门 at the left, the year in the middle, the unit at the right.
      REQUIRE(s.cell("A1"));
      CHECK(s.cell("A1")->text == t->title);
      CHECK(merged(s, 0, 0, 0, ncols - 1));
      REQUIRE(s.cell(1, ncols - 1));
      CHECK(s.cell(1, ncols - 1)->text == t->number);
      REQUIRE(s.cell("A3"));
      CHECK(s.cell("A3")->text == t->department);
      REQUIRE(s.cell(2, ncols / 2));
      CHECK(s.cell(2, ncols / 2)->text == t->year);
      REQUIRE(s.cell(2, ncols / 2 + 1));
      CHECK(s.cell(2, ncols / 2 + 1)->text == t->unit);

      // Head from row 4, then the body, then the notes.
      int top = 3;
      for (const auto* rows : {&t->head, &t->body}) {
        const doc::Grid g = doc::grid(*rows);
        for (const auto& p : g.cells) {
          const doc::Cell& c = *p.cell;
          const int r = top + p.row;
          INFO(rd::cell_name(r, p.col) << " \"" << c.text << "\" " << c.key);
          if (p.rowspan > 1 || p.colspan > 1) CHECK(merged(s, r, p.col, r + p.rowspan - 1, p.col + p.colspan - 1));
          const rd::Cell* v = s.cell(r, p.col);
          if (c.text.empty()) {
            CHECK(v == nullptr);  // blank stays blank (a zero the table prints blank too)
            continue;
          }
          REQUIRE(v);
          if (!c.amount) {
            REQUIRE_FALSE(v->is_number());
            CHECK(v->text == c.text);
            continue;
          }
          REQUIRE(v->is_number());  // never text
          ++numbers;
          auto want = built->model.figure(c.key);
          REQUIRE(want);
          CHECK(hundredths(*v) == want->printed_wan_cents());
          CHECK(std::stod(v->text) == static_cast<double>(want->printed_wan_cents()) / 100);
          // And the number is the one printed in the PDF and HTML.
          CHECK(hundredths(*v) == *test::cents(c.text));
        }
        top += g.rows;
      }
      for (const auto& n : t->notes) {
        REQUIRE(s.cell(top, 0));
        CHECK(s.cell(top, 0)->text == n);
        CHECK(merged(s, top, 0, top, ncols - 1));
        ++top;
      }
      CHECK(s.rows() == top);
    }
    CHECK(numbers > 100);
  }
}

TEST_CASE("xlsx: A4 print setup, landscape as the PDF, head rows repeated, one page wide; the same bytes twice",
          "[xlsx]") {
  auto built = build_document(test::shared_resources(), kRoot + "/data/examples/2022-jiaozuo-zhengwu-dashuju.yaml");
  const std::string bytes = xlsx::write_xlsx(built->document);
  CHECK(xlsx::write_xlsx(built->document) == bytes);
  // tables.yaml (2022): 02, 03, 04, 06, 07 and 09 landscape; 01, 05, 08 portrait.
  const std::vector<bool> landscape = {false, true, true, true, false, true, true, false, true};
  const std::string workbook_xml = rd::read_part(bytes, "xl/workbook.xml");
  REQUIRE(!workbook_xml.empty());
  for (int i = 0; i < 9; ++i) {
    INFO("sheet " << i + 1);
    const std::string xml = rd::read_part(bytes, "xl/worksheets/sheet" + std::to_string(i + 1) + ".xml");
    REQUIRE(!xml.empty());
    CHECK(test::contains(xml, "paperSize=\"9\""));
    CHECK(test::contains(xml, landscape[i] ? "orientation=\"landscape\"" : "orientation=\"portrait\""));
    CHECK(test::contains(xml, "<pageSetUpPr fitToPage=\"1\"/>"));
    CHECK(test::contains(xml, "fitToHeight=\"0\""));
    // The head rows (from row 4) repeat on every printed page.
    const std::string sheet = "公开0" + std::to_string(i + 1) + "表";
    CHECK(test::contains(workbook_xml, "localSheetId=\"" + std::to_string(i) + "\">'" + sheet + "'!$4:$"));
  }
}

TEST_CASE("xlsx reader: merged ranges read as written", "[xlsx]") {
  auto built = build_document(test::shared_resources(), kRoot + "/data/examples/2021-jiaozuo-gongxinju.yaml");
  const std::string bytes = xlsx::write_xlsx(built->document);
  // The raw sheet XML names each merged range once; the reader gives the same list.
  const std::string xml = rd::read_part(bytes, "xl/worksheets/sheet1.xml");
  std::size_t written = 0;
  for (std::size_t at = xml.find("<mergeCell "); at != std::string::npos; at = xml.find("<mergeCell ", at + 1)) ++written;
  const auto wb = rd::open_xlsx(bytes);
  CHECK(written > 0);
  CHECK(wb.merged("公开01表").size() == written);
  CHECK(rd::read_part(bytes, "xl/no-such-part.xml").empty());
}
