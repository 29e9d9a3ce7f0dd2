// Limits on text values (issue 14, item 6): a value far longer than any real
// department writes — a name of 30,000 characters, which the PDF writer
// cannot lay out — is refused by the loader where it is written (exit 2),
// not found out by a writer as an internal error (exit 5).
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace juesuan::test;

namespace {

std::string department_named(const std::string& name) {
  return "department: " + name + "\nyear: 2022\nformat: \"2022\"\namount_unit: 万元\nitems:\n"
         "  - code: \"2010301\"\n    income: {general: 100}\n    basic: {general: 100}\n    budget: 100\n"
         "basic_economic:\n  \"30101\": 100\n"
         "overview: {}\nbalances: {}\nlast_year: {}\nthree_public: {}\noperating_costs: {}\nprocurement: {}\nassets: {}\n"
         "performance: {}\n";
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("text limits: a department name of 30,000 characters is refused where it is written") {
  TempDir t("text-long");
  spit(t / "long.yaml", department_named(repeat("测", 30000)));
  Run r = run_juesuan("build " + shell_quote((t / "long.yaml").string()) + " -o " + shell_quote((t / "o").string()));
  CHECK(r.status == 2);
  CHECK(contains(r.err, (t / "long.yaml").string() + ":1:13: 错误：这段文字有 30000 个字，超过了 5000 个字的上限"));
  CHECK(!fs::exists(t / "o"));
}

TEST_CASE("text limits: a name of 5,000 characters still builds") {
  TempDir t("text-5000");
  spit(t / "long.yaml", department_named(repeat("测", 5000)));
  Run r = run_juesuan("build " + shell_quote((t / "long.yaml").string()) + " -o " + shell_quote((t / "o").string()));
  CHECK(r.status == 0);
  CHECK(fs::exists(t / "o/long.pdf"));
}
