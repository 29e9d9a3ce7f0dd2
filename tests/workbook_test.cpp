// The fill-in workbook: YAML -> `template --from` workbook -> `import` ->
// YAML gives the same amounts, texts and document for every example, the
// district and profile departments and a synthetic city; exact amounts from
// the decimal text a cell stores; problems named by sheet and cell.
#include <xlsxwriter.h>

#include <catch2/catch.hpp>

#include "document/plain_text.hpp"
#include "source/load.hpp"
#include "support.hpp"
#include "support_build.hpp"
#include "workbook/cells.hpp"
#include "workbook/workbook.hpp"

using namespace juesuan;
using namespace juesuan::test;

namespace {

// Every amount of a department, present or not, in visiting order.
std::vector<std::string> amounts(const Source& s) {
  std::vector<std::string> out;
  for_each_amount(s, [&](const Amount& a) { out.push_back(a.present ? std::to_string(a.value.fen()) : "-"); });
  for (const auto& sp : s.supplied) out.push_back(sp.figure + "@" + sp.code + "=" + std::to_string(sp.amount.value.fen()));
  return out;
}

void free_texts(const FreeNode& n, const std::string& path, std::vector<std::string>& out) {
  // An empty block (performance: {}) reads back as no block: the same document.
  if (n.kind == FreeNode::Kind::Null || (n.kind == FreeNode::Kind::Map && n.entries.empty())) return;
  out.push_back(path + "#" + std::to_string(static_cast<int>(n.kind)) + "=" + n.text);
  for (const auto& [k, v] : n.entries) free_texts(v, path + "." + k, out);
  for (std::size_t i = 0; i < n.items.size(); ++i) free_texts(n.items[i], path + "[" + std::to_string(i) + "]", out);
}

// Every text and count of a department, each with its name.
std::vector<std::string> texts(const Source& s) {
  std::vector<std::string> out;
  auto t = [&](const char* name, const Text& x) { out.push_back(std::string(name) + (x.present ? "=" + x.value : "-")); };
  auto c = [&](const char* name, const Count& x) {
    out.push_back(std::string(name) + (x.present ? "=" + std::to_string(x.value) : "-"));
  };
  t("department", s.department), t("short_name", s.short_name), t("format", s.format), t("level", s.level);
  t("profile", s.profile), t("publish_date", s.publish_date), c("year", s.year);
  out.push_back("unit=" + std::to_string(static_cast<int>(s.unit)));
  out.push_back("glossary=" + std::to_string(s.item_glossary.present) + std::to_string(s.item_glossary.value));
  const Overview& o = s.overview;
  t("composition", o.composition), t("duties_intro", o.duties_intro), t("organisation", o.organisation);
  for (const auto& d : o.duties) t("duty", d);
  for (const auto& u : o.units) t("unit", u);
  for (const auto& it : s.items) t("code", it.code), t("name", it.name), t("reason", it.reason);
  for (const auto& [code, name] : s.names) t(code.c_str(), name);
  const LastYear& l = s.last_year;
  t("total_reason", l.total_reason), t("fiscal_reason", l.fiscal_reason), t("general_reason", l.general_reason);
  const ThreePublic& p = s.three_public;
  for (const Text* x : {&p.reason, &p.abroad_reason, &p.vehicle_reason, &p.reception_reason, &p.vehicles_bought_note,
                        &p.vehicle_operation_use, &p.foreign_use, &p.domestic_use, &p.last_year_reason})
    t("three_public", *x);
  for (const Count* x : {&p.abroad_groups, &p.abroad_persons, &p.vehicles_bought, &p.vehicles_held, &p.foreign_groups,
                         &p.foreign_persons, &p.domestic_groups, &p.domestic_persons})
    c("three_public", *x);
  for (const Count* x : {&s.staff.posts, &s.staff.in_service, &s.staff.retired_off, &s.staff.retired}) c("staff", *x);
  t("operating", s.operating_costs.reason), t("procurement", s.procurement.use);
  t("other_vehicles_use", s.assets.other_vehicles_use);
  for (const auto& [k, v] : s.assets.vehicles) c(k.c_str(), v);
  for (const Count* x : {&s.assets.equipment_over_1m, &s.assets.general_equipment_over_500k, &s.assets.special_equipment_over_1m})
    c("equipment", *x);
  free_texts(s.performance, "performance", out);
  for (const auto& a : s.attachments) {
    t("attachment", a.title);
    for (const auto& b : a.blocks) {
      out.push_back("block" + std::to_string(static_cast<int>(b.kind)) + "=" + b.text + "/" + std::to_string(b.header_rows));
      for (const auto& row : b.rows)
        for (const auto& cell : row)
          out.push_back(cell.text + "/" + std::to_string(cell.colspan) + "/" + std::to_string(cell.rowspan));
    }
  }
  return out;
}

// YAML -> workbook -> YAML, loaded, computed and composed again.
void round_trip(const fs::path& yaml) {
  INFO(yaml.string());
  const Resources& res = shared_resources();
  auto before = build_document(res, yaml);
  TempDir tmp("workbook");
  book::TemplateOptions o;
  o.from = &before->source;
  book::write_template(tmp / "book.xlsx", res.catalog, o);
  book::Imported imported = book::import_workbook_file(tmp / "book.xlsx", res.catalog, res.load_context());
  for (const auto& p : imported.problems) UNSCOPED_INFO(p.where() + ": " + p.message);
  REQUIRE(imported.problems.empty());
  auto file = std::make_shared<SourceFile>();
  file->path = yaml.filename().string();
  file->text = imported.yaml;
  auto after = build_document(res, file);
  CHECK(amounts(after->source) == amounts(before->source));
  CHECK(texts(after->source) == texts(before->source));
  CHECK(after->source.items.size() == before->source.items.size());
  CHECK(after->source.basic_economic.size() == before->source.basic_economic.size());
  CHECK(doc::plain_text(after->document) == doc::plain_text(before->document));
}

}  // namespace

TEST_CASE("workbook: the examples, the district and the profile departments survive the fill-in workbook",
          "[workbook]") {
  for (const char* f : {"data/examples/2022-jiaozuo-zhengwu-dashuju.yaml", "data/examples/2021-jiaozuo-gongxinju.yaml",
                        "tests/departments/district-fund.yaml", "tests/profiles/anhui-duji.yaml",
                        "tests/profiles/sichuan-dayingxian.yaml"})
    round_trip(kSourceDir / f);
}

TEST_CASE("workbook: synthetic departments (元 and 万元, both formats) survive the fill-in workbook", "[workbook]") {
  TempDir city("workbook-city");
  Run r = shell("python3 " + shell_quote((kSourceDir / "scripts/synth_city.py").string()) + " 8 " +
                shell_quote(city.dir.string()) + " --seed 16");
  REQUIRE(r.status == 0);
  int n = 0;
  for (const auto& e : fs::recursive_directory_iterator(city.dir))
    if (e.path().extension() == ".yaml") round_trip(e.path()), ++n;
  CHECK(n == 8);
}

TEST_CASE("workbook: a number is read exactly from the decimal text the cell stores", "[workbook]") {
  using book::number_text;
  CHECK(number_text("0.30000000000000004") == "0.3");
  CHECK(number_text("684.69999999999993") == "684.7");
  CHECK(number_text("1205.51") == "1205.51");
  CHECK(number_text("1E-3") == "0.001");
  CHECK(number_text("2.5E+3") == "2500");
  CHECK(number_text("1.2345678901234567E+12") == "1234567890123.46");   // 15 significant digits
  CHECK(number_text("99999999999999999") == "100000000000000000");
  CHECK(number_text("-0.0") == "0");
  CHECK(number_text("-12.50") == "-12.5");
  CHECK_FALSE(number_text("abc").has_value());
  CHECK_FALSE(number_text("1,205").has_value());
  // To the 分: 0.1 + 0.2 as Excel stores it is 0.30 元; 684.705 is refused
  // (three decimals in 元), not rounded.
  xlsx::Cell c{xlsx::Cell::Type::Number, "0.30000000000000004"};
  CHECK(book::cell_amount(c, Unit::Yuan).value->fen() == 30);
  c.text = "684.70500000000004";
  CHECK_FALSE(book::cell_amount(c, Unit::Yuan).value.has_value());
  CHECK(book::cell_amount(c, Unit::WanYuan).value->fen() == 684'705'000);
}

namespace {

// A fill-in workbook written by hand, with mistakes in known cells.
void write_bad_book(const fs::path& path) {
  lxw_workbook* wb = workbook_new(path.string().c_str());
  lxw_worksheet* cover = workbook_add_worksheet(wb, "封面");
  const char* keys[][2] = {{"department", "某局"}, {"year", "2022"}, {"format", "2023"}, {"amount_unit", "元"}};
  for (int i = 0; i < 4; ++i) {
    worksheet_write_string(cover, 2 + i, 3, keys[i][0], nullptr);
    worksheet_write_string(cover, 2 + i, 1, keys[i][1], nullptr);   // B5: format 2023
  }
  lxw_worksheet* items = workbook_add_worksheet(wb, "收支明细");
  worksheet_write_string(items, 3, 0, "code", nullptr);
  worksheet_write_string(items, 3, 2, "income.general", nullptr);
  worksheet_write_string(items, 3, 3, "basic.general", nullptr);
  worksheet_write_string(items, 4, 0, "2010301", nullptr);
  worksheet_write_string(items, 4, 2, "1,205.51", nullptr);   // C5: thousands separator
  worksheet_write_number(items, 4, 3, 100, nullptr);
  worksheet_write_string(items, 5, 0, "20103", nullptr);      // A6: not a 项 code
  worksheet_write_number(items, 5, 2, 1, nullptr);
  worksheet_write_string(items, 6, 0, "2010302", nullptr);
  worksheet_write_number(items, 6, 3, -5, nullptr);           // D7: negative
  worksheet_write_number(items, 7, 3, 12.345, nullptr);       // A8: no code; D8: 3 decimals
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

}  // namespace

TEST_CASE("workbook: import names every problem by sheet and cell, several in one run, in Chinese", "[workbook]") {
  TempDir tmp("workbook-bad");
  write_bad_book(tmp / "bad.xlsx");
  Run r = run_juesuan("import " + shell_quote((tmp / "bad.xlsx").string()) + " -o " + shell_quote((tmp / "d.yaml").string()));
  CHECK(r.status == 2);
  INFO(r.err);
  CHECK(contains(r.err, "bad.xlsx:封面!B5: 错误：“2023” 不是可选的值：请从下拉列表中选择，可以写 2022、2021"));
  CHECK(contains(r.err, "bad.xlsx:收支明细!C5: 错误：金额 “1,205.51” 无效：不要使用千分位逗号"));
  CHECK(contains(r.err, "bad.xlsx:收支明细!A6: 错误："));
  CHECK(contains(r.err, "bad.xlsx:收支明细!D7: 错误："));
  CHECK(contains(r.err, "不能是负数"));
  CHECK(contains(r.err, "bad.xlsx:收支明细!D8: 错误：金额 “12.345” 无效：以元为单位时最多两位小数"));
  CHECK(contains(r.err, "bad.xlsx:收支明细!A8: 错误：这一行填了数，但没有填科目编码"));
  CHECK(contains(r.err, "bad.xlsx:基本支出经济分类: 错误：工作簿中没有工作表 “基本支出经济分类”"));
  CHECK_FALSE(fs::exists(tmp / "d.yaml"));
  // The order: sheet by sheet, row by row.
  CHECK(r.err.find("收支明细!C5") < r.err.find("收支明细!A6"));
}

TEST_CASE("workbook: a file that is not a workbook, and a broken .xls, are refused with a message", "[workbook]") {
  TempDir tmp("workbook-not");
  spit(tmp / "a.xlsx", "department: x\n");
  Run r = run_juesuan("import " + shell_quote((tmp / "a.xlsx").string()) + " -o " + shell_quote((tmp / "d.yaml").string()));
  CHECK(r.status == 2);
  CHECK(contains(r.err, "这不是 Excel 工作簿"));
  // An .xls name with bytes that are not BIFF: FreeXL refuses it.
  spit(tmp / "b.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'));
  r = run_juesuan("import " + shell_quote((tmp / "b.xls").string()) + " -o " + shell_quote((tmp / "d.yaml").string()));
  CHECK(r.status == 2);
  CHECK(contains(r.err, "无法按 .xls（Excel 97–2003）格式读取这个文件"));
  CHECK(r.err.rfind((tmp / "b.xls").string() + ": 错误：", 0) == 0);
  // A zip whose xl/workbook.xml breaks off: damaged, said at the file.
  const std::string zip(
      "\x50\x4B\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x21\x54\xEB\xC6\xE0\x8E\x12\x00\x00\x00\x12\x00"
      "\x00\x00\x0F\x00\x00\x00\x78\x6C\x2F\x77\x6F\x72\x6B\x62\x6F\x6F\x6B\x2E\x78\x6D\x6C\x3C\x77\x6F"
      "\x72\x6B\x62\x6F\x6F\x6B\x3E\x3C\x73\x68\x65\x65\x74\x73\x3E\x50\x4B\x01\x02\x14\x03\x14\x00\x00"
      "\x00\x00\x00\x00\x00\x21\x54\xEB\xC6\xE0\x8E\x12\x00\x00\x00\x12\x00\x00\x00\x0F\x00\x00\x00\x00"
      "\x00\x00\x00\x00\x00\x00\x00\x80\x01\x00\x00\x00\x00\x78\x6C\x2F\x77\x6F\x72\x6B\x62\x6F\x6F\x6B"
      "\x2E\x78\x6D\x6C\x50\x4B\x05\x06\x00\x00\x00\x00\x01\x00\x01\x00\x3D\x00\x00\x00\x3F\x00\x00\x00"
      "\x00\x00",
      146);
  spit(tmp / "c.xlsx", zip);
  r = run_juesuan("import " + shell_quote((tmp / "c.xlsx").string()) + " -o " + shell_quote((tmp / "d.yaml").string()));
  CHECK(r.status == 2);
  CHECK(r.err.rfind((tmp / "c.xlsx").string() + ": 错误：工作簿已损坏，无法读取", 0) == 0);
  r = run_juesuan("import " + shell_quote((tmp / "b.xls").string()));
  CHECK(r.status == 2);
  CHECK(contains(r.err, "import 需要用 -o 指定写出的部门源数据文件"));
}

TEST_CASE("workbook: the empty template lists the catalog's 科目 and reads back as an empty department", "[workbook]") {
  const Resources& res = shared_resources();
  TempDir tmp("workbook-empty");
  Run r = run_juesuan("template --year 2021 -o " + shell_quote((tmp / "t.xlsx").string()));
  REQUIRE(r.status == 0);
  xlsx::Workbook book = xlsx::open_xlsx(slurp(tmp / "t.xlsx"));
  CHECK(book.has_sheet("收支明细"));
  CHECK(book.has_sheet("三公经费"));
  CHECK(book.has_sheet("文字"));
  // 基本支出经济分类 lists 30101 with its catalog name.
  bool found = false;
  for (const auto& [rc, c] : book.cells("基本支出经济分类"))
    if (c.text == "30101") found = book.cells("基本支出经济分类").at({rc.first, 1}).text == *res.catalog.economic_name("30101");
  CHECK(found);
  // Nothing filled in: the department name is missing, where it belongs.
  book::Imported im = book::import_fill_in(book, res.catalog);
  REQUIRE(im.problems.size() == 1);
  CHECK(im.problems[0].where() == "封面!B3");
}

namespace {

// The nine 公开表 of a built department, laid out as the 决算 software
// exports them: one sheet per table (公开01表…), title, table number,
// 部门/年度/单位 lines, head rows, then the body; in the tables by 科目
// the code split in three columns 类|款|项. Figures as numbers.
// `change` alters one cell: (table number, body row, column) -> new text.
struct CellChange {
  std::string table;
  std::size_t row = 0, col = 0;
  std::string text;
};

void write_public_tables(const fs::path& path, const doc::Document& d, const std::optional<CellChange>& change = {}) {
  lxw_workbook* wb = workbook_new(path.string().c_str());
  for (const auto& block : d.blocks) {
    const auto* t = std::get_if<doc::Table>(&block);
    if (!t) continue;
    lxw_worksheet* ws = workbook_add_worksheet(wb, t->number.c_str());
    bool by_code = t->number == "公开02表" || t->number == "公开03表" || t->number == "公开05表" ||
                   t->number == "公开07表" || t->number == "公开08表";
    int shift = by_code ? 2 : 0;
    worksheet_write_string(ws, 0, 0, t->title.c_str(), nullptr);
    worksheet_write_string(ws, 1, 0, t->number.c_str(), nullptr);
    worksheet_write_string(ws, 2, 0, t->department.c_str(), nullptr);
    worksheet_write_string(ws, 3, 0, t->year.c_str(), nullptr);
    worksheet_write_string(ws, 4, 0, t->unit.c_str(), nullptr);
    int r = 5;
    auto write_row = [&](const doc::Row& row, bool body, std::size_t body_index) {
      int c = 0;
      for (std::size_t i = 0; i < row.size(); ++i) {
        std::string text = row[i].text;
        if (change && change->table == t->number && body && change->row == body_index && change->col == i) text = change->text;
        if (by_code && i == 0) {
          // 类|款|项 in three columns.
          bool code = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
          if (!code && !text.empty()) worksheet_write_string(ws, r, 0, text.c_str(), nullptr);
          if (code && text.size() >= 3) worksheet_write_string(ws, r, 0, text.substr(0, 3).c_str(), nullptr);
          if (code && text.size() >= 5) worksheet_write_string(ws, r, 1, text.substr(3, 2).c_str(), nullptr);
          if (code && text.size() >= 7) worksheet_write_string(ws, r, 2, text.substr(5, 2).c_str(), nullptr);
          c = 1 + shift;
          continue;
        }
        std::string plain;
        for (char ch : text)
          if (ch != ',') plain += ch;
        bool number = body && !plain.empty() && plain.find_first_not_of("-0123456789.") == std::string::npos &&
                      plain.find('.') != std::string::npos;
        if (number) worksheet_write_number(ws, r, c, std::stod(plain), nullptr);
        else if (!text.empty()) worksheet_write_string(ws, r, c, text.c_str(), nullptr);
        c += row[i].colspan;
      }
      ++r;
    };
    for (const auto& row : t->head) write_row(row, false, 0);
    for (std::size_t i = 0; i < t->body.size(); ++i) write_row(t->body[i], true, i);
  }
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

}  // namespace

TEST_CASE("workbook: the nine 公开表 as exported are imported, and check verifies their totals", "[workbook]") {
  const Resources& res = shared_resources();
  auto example = build_document(res, kSourceDir / "data/examples/2022-jiaozuo-zhengwu-dashuju.yaml");
  TempDir tmp("workbook-public");
  write_public_tables(tmp / "tables.xlsx", example->document);
  Run r = run_juesuan("import " + shell_quote((tmp / "tables.xlsx").string()) + " -o " + shell_quote((tmp / "d.yaml").string()));
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::string yaml = slurp(tmp / "d.yaml");
  INFO(yaml);
  // The 项 figures are the example's.
  auto imported = build_document(res, tmp / "d.yaml");
  const Source& a = example->source;
  const Source& b = imported->source;
  std::map<std::string, const Item*> by_code;
  for (const auto& it : b.items) by_code[it.code.value] = &it;
  for (const auto& it : a.items) {
    if (it.income.general.value.is_zero() && it.basic.general.value.is_zero() && it.project.general.value.is_zero()) continue;
    INFO(it.code.value);
    REQUIRE(by_code.count(it.code.value));
    const Item& m = *by_code[it.code.value];
    CHECK(m.income.general.value == it.income.general.value);
    CHECK(m.income.other.value == it.income.other.value);
    CHECK(m.project.general.value == it.project.general.value);
  }
  auto nonzero = [](const Source& s) {
    std::map<std::string, std::int64_t> m;
    for (const auto& [code, amount] : s.basic_economic)
      if (!amount.value.is_zero()) m[code] = amount.value.fen();
    return m;
  };
  CHECK(nonzero(b) == nonzero(a));
  CHECK(b.three_public.vehicle_operation.value == a.three_public.vehicle_operation.value);
  CHECK(b.supplied.size() > 40);
  // The department's own totals agree with the figures (within the 万元
  // rounding: notes at most).
  Run check = run_juesuan("check " + shell_quote((tmp / "d.yaml").string()));
  CHECK_FALSE(contains(check.out, "错误 [supplied-total]"));
  CHECK_FALSE(contains(check.out, "[supplied-unknown]"));

  // One total changed in the 公开02表 合计 row (本年收入合计 2,334.99 -> 2,335.99):
  // check reports it at that total.
  std::size_t total_row = 0;
  for (const auto& block : example->document.blocks)
    if (const auto* t = std::get_if<doc::Table>(&block); t && t->number == "公开02表")
      for (std::size_t i = 0; i < t->body.size(); ++i)
        if (t->body[i].size() > 1 && t->body[i][1].text == "合计") total_row = i;
  write_public_tables(tmp / "bad.xlsx", example->document, CellChange{"公开02表", total_row, 2, "2,335.99"});
  r = run_juesuan("import " + shell_quote((tmp / "bad.xlsx").string()) + " -o " + shell_quote((tmp / "bad.yaml").string()));
  REQUIRE(r.status == 0);
  check = run_juesuan("check " + shell_quote((tmp / "bad.yaml").string()));
  INFO(check.out);
  CHECK(check.status == 1);
  // "bad.yaml:LINE:COL: 错误 [supplied-total] …": the line is the changed total, from its cell.
  auto at = check.out.find(": 错误 [supplied-total]");
  REQUIRE(at != std::string::npos);
  auto start = check.out.rfind("bad.yaml:", at);
  REQUIRE(start != std::string::npos);
  int line = std::stoi(check.out.substr(start + 9));
  std::istringstream lines(slurp(tmp / "bad.yaml"));
  std::string text;
  for (int i = 0; i < line; ++i) std::getline(lines, text);
  CHECK(contains(text, "\"income.total\": 2335.99"));
  CHECK(contains(text, "公开02表!E"));
}
