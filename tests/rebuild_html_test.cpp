// Regenerate after a correction: change one 项 amount in a reference
// department, rebuild, and every table cell and sentence that depends on it
// follows in the HTML — the 项, its 款 and 类 rows in 01–05表, the 合计 and
// 总计 rows, section 五 and the 类's share — and nothing still shows the old
// figures. (tests/diff_test.cpp lists the same changes cell by cell.)
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

using juesuan::test::slurp;

int count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("rebuild: one 项 changed changes every dependent cell and sentence in the HTML") {
  fs::path dir = fs::temp_directory_path() / ("juesuan-rebuild-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path src = fs::path(JUESUAN_SOURCE_DIR) / "data/examples/2022-jiaozuo-zhengwu-dashuju.yaml";
  std::string yaml = slurp(src);
  // 2080505 机关事业单位基本养老保险缴费支出: income and 基本支出 43.65 -> 53.65 (万元).
  std::size_t at = yaml.find("code: \"2080505\"");
  REQUIRE(at != std::string::npos);
  for (int k = 0; k < 2; ++k) {
    std::size_t p = yaml.find("43.65", at);
    REQUIRE(p != std::string::npos);
    yaml.replace(p, 5, "53.65");
  }
  // The same 10.00 in 06表 (30108 机关事业单位基本养老保险缴费 42.48 -> 52.48),
  // or the audit refuses the build: 06表 must equal 05表's 基本支出.
  std::size_t e = yaml.find("\"30108\": 42.48");
  REQUIRE(e != std::string::npos);
  yaml.replace(e, 15, "\"30108\": 52.48");
  fs::create_directories(dir / "old");
  fs::create_directories(dir / "new");
  fs::copy_file(src, dir / "old" / "dept.yaml");
  std::ofstream(dir / "new" / "dept.yaml") << yaml;
  for (const char* side : {"old", "new"}) {
    std::string cmd = std::string(JUESUAN_BINARY) + " build " + (dir / side / "dept.yaml").string() + " -o " +
                      (dir / side).string() + " >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
  }
  std::string before = slurp(dir / "old" / "dept.html"), after = slurp(dir / "new" / "dept.html");

  // 类 208 社会保障和就业支出 75.61 -> 85.61 wherever it is printed as a cell:
  // 01表 (1), 02表 本年收入合计 and 财政拨款收入 (2), 03表 本年支出合计 (1; its
  // 基本支出 is 84.01), 04表 合计 and 一般公共预算 (2), 05表 小计 (1) = 7.
  // 款 20805 74.01 -> 84.01 likewise.
  CHECK(count(before, ">75.61<") == count(after, ">85.61<"));
  CHECK(count(after, ">75.61<") == 0);
  CHECK(count(after, ">85.61<") == 7);
  CHECK(count(before, ">74.01<") == count(after, ">84.01<"));
  CHECK(count(after, ">74.01<") == 0);
  // The 项 itself: 02表 (本年收入合计, 财政拨款收入), 03表 (本年支出合计, 基本支出),
  // 05表 (小计, 基本支出) = 6.
  CHECK(count(after, ">53.65<") == 6);
  CHECK(count(after, ">43.65<") == 0);
  // 合计 / 总计 rows move by 10.00.
  CHECK(count(after, ">2,337.23<") == 0);
  // 收入总计 and 支出总计 (2,347.22 + 0.01 by the 尾差 rule, said in the table's note).
  CHECK(count(after, ">2,347.23<") == 2);
  CHECK(count(after, ">2,344.61<") >= 9);
  // Sentences: 一 (收支总计 and its change), 五（二） the share 85.61 / 2,344.61 = 3.65%,
  // 五（三） item 9: 53.65 / 44.33 = 121.02%.
  CHECK(after.find("2022年度收、支总计均为2,347.23万元。与上年度相比，收、支总计各增加72.36万元，增长3.18%") !=
        std::string::npos);
  CHECK(after.find("社会保障和就业（类）支出85.61万元，占3.65%") != std::string::npos);
  CHECK(before.find("社会保障和就业（类）支出75.61万元，占3.24%") != std::string::npos);
  CHECK(after.find("年初预算为44.33万元，支出决算为53.65万元，完成年初预算的121.02%") != std::string::npos);
  // 六: 基本支出 933.12, 人员经费 855.02 + 10.00 = 865.02.
  CHECK(after.find("基本支出933.12万元，其中：人员经费865.02万元") != std::string::npos);
  fs::remove_all(dir);
}
