// The model's one figure lookup (Model::figure), used by compose for table
// cells, by check for `supplied:` figures and by the tests for cell keys.
// Expected amounts are the 2022 example's inputs added by hand and its
// published 01表 (tests/golden/2022-tables.tsv).
#include <catch2/catch.hpp>

#include "support_build.hpp"

using namespace juesuan;

namespace {

const std::string kExample = std::string(JUESUAN_SOURCE_DIR) + "/data/examples/2022-jiaozuo-zhengwu-dashuju.yaml";

}  // namespace

TEST_CASE("model: one figure lookup by name and 科目 code, or by key", "[model]") {
  auto built = build_document(test::shared_resources(), kExample);
  const Model& m = built->model;

  // 项 2080505: income.general 43.65 万元 = 43,650,000 分; 款 20805 adds 项
  // 2080599 (30.36 万元).
  CHECK(m.figure("income.total", "2080505") == Money::fen(43'650'000));
  CHECK(m.figure("income.total@2080505") == Money::fen(43'650'000));
  CHECK(m.figure("income.total", "20805") == Money::fen(74'010'000));
  CHECK(m.figure("spend.project@2080505") == Money());
  // A 类 the department does not have (202 外交): nothing on it, printed 0.
  CHECK(m.figure("spend.total", "202") == Money());
  // Department totals: the 01表 as published, 行1 2,334.61 and 收入总计 2,337.23.
  REQUIRE(m.figure("income.general"));
  CHECK(m.figure("income.general")->printed_wan_cents() == 233461);
  REQUIRE(m.figure("dept.grand_income"));
  CHECK(m.figure("dept.grand_income")->printed_wan_cents() == 233723);
  CHECK(m.figure("dept.grand_income", "") == m.figure("dept.grand_income"));

  // Unknown names, and a department figure given a 科目 code.
  CHECK_FALSE(m.figure("spend.nothing"));
  CHECK_FALSE(m.figure("spend.nothing@2080505"));
  CHECK_FALSE(m.figure("dept.grand_income", "208"));
  CHECK_FALSE(m.figure("dept.grand_income@208"));

  // Keys as the Document's cells carry them.
  CHECK(figure_key("spend.basic", "2010301") == "spend.basic@2010301");
  CHECK(figure_key("dept.grand_income", "") == "dept.grand_income");
}

TEST_CASE("model: the figures of 十, 十一, 十三 and the staff come from the model, not the source", "[model]") {
  auto built = build_document(test::shared_resources(), kExample);
  const Model& m = built->model;
  // The 2022 example (万元; 1 万元 = 1,000,000 分): 政府采购 goods 39.90 + works 0 +
  // services 819.40 = 859.30.
  CHECK(m.procurement_goods == Money::fen(39'900'000));
  CHECK(m.procurement_works == Money());
  CHECK(m.procurement_services == Money::fen(819'400'000));
  CHECK(m.procurement_total == Money::fen(859'300'000));
  CHECK(m.procurement_sme == Money());
  // 公务接待费: 外宾 0, 国内 0.85.
  CHECK(m.three_public.actual_reception_foreign == Money());
  CHECK(m.three_public.actual_reception_domestic == Money::fen(850'000));
  CHECK(m.three_public.actual_reception == Money::fen(850'000));
  // 机关运行经费 45.45 against a year-start budget of 52.60 (as printed, 0.01 万元).
  CHECK(m.operating_completion.actual == 4545);
  CHECK(m.operating_completion.budget == 5260);

  // 部门整体绩效 of tests/departments/district-fund.yaml (元): 年初预算 1,400,000.00
  // beside a 全年预算 of 1,500,000.00, which the 执行率 is taken against.
  auto district = build_document(test::shared_resources(),
                                 std::string(JUESUAN_SOURCE_DIR) + "/tests/departments/district-fund.yaml");
  CHECK(district->model.performance.year_budget == Money::fen(140'000'000));
  CHECK(district->model.performance.overall.budget == 15000);  // 150.00 万元 as printed

  // Staff: 12 in service + 3 retired (tests/check/unused-input.yaml).
  auto staffed = build_document(test::shared_resources(),
                                std::string(JUESUAN_SOURCE_DIR) + "/tests/check/unused-input.yaml");
  CHECK(staffed->model.staff_total == 15);
}
