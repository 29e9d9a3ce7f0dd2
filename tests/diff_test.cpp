// `juesuan diff OLD NEW`: the real program, run from the repository root on
// the 2022 reference department and a copy with one 项 changed. The expected
// inputs, table cells and sentences are written out by hand from the table
// structure (docs: templates/2022/tables.yaml) and the figures of the
// example; none is a copy of the program's output.
//
// The change: 项 2080505 机关事业单位基本养老保险缴费支出, income.general and
// basic.general 43.65 → 53.65 (both by 10.00 万元, so the department still
// balances). It is a 项 of 款 20805 and 类 208 (八、社会保障和就业支出), paid
// from 一般公共预算财政拨款 as 基本支出.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kOld = "data/examples/2022-jiaozuo-zhengwu-dashuju.yaml";

using juesuan::test::slurp;

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

using juesuan::test::Run;

// A private folder with the changed copy of the 2022 example.
struct Copy {
  fs::path dir, yaml;
  int income_line = 0, basic_line = 0;   // the two changed lines, 1-based

  explicit Copy(bool change) {
    static int counter = 0;
    dir = fs::temp_directory_path() / ("juesuan-diff-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    fs::create_directories(dir);
    yaml = dir / "dept.yaml";
    auto lines = split_lines(slurp(fs::path(JUESUAN_SOURCE_DIR) / kOld));
    if (change) {
      bool in_item = false;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].find("- code:") != std::string::npos) in_item = lines[i].find("\"2080505\"") != std::string::npos;
        auto at = lines[i].find("general: 43.65");
        if (!in_item || at == std::string::npos) continue;
        lines[i].replace(at, 14, "general: 53.65");
        // The block above the value says which one it is.
        for (std::size_t j = i; j-- > 0;) {
          if (lines[j].find("income:") != std::string::npos) { income_line = static_cast<int>(i) + 1; break; }
          if (lines[j].find("basic:") != std::string::npos) { basic_line = static_cast<int>(i) + 1; break; }
        }
      }
    }
    std::ofstream out(yaml, std::ios::binary);
    for (const auto& l : lines) out << l << "\n";
  }
  ~Copy() { fs::remove_all(dir); }

  Run diff() const {
    using namespace juesuan::test;
    return shell("cd " + shell_quote(JUESUAN_SOURCE_DIR) + " && " + shell_quote(binary()) + " diff " + kOld + " " +
                 shell_quote(yaml.string()));
  }
};

// The report's three parts, each with its heading line.
struct Parts {
  std::string head, inputs, cells, sentences;
};

Parts parts_of(const std::string& out) {
  Parts p;
  auto a = out.find("\n\n输入的变化（");
  auto b = out.find("\n\n表格中随之变化的数（");
  auto c = out.find("\n\n说明中随之变化的句子（");
  REQUIRE(a != std::string::npos);
  REQUIRE(b != std::string::npos);
  REQUIRE(c != std::string::npos);
  p.head = out.substr(0, a + 1);
  p.inputs = out.substr(a + 2, b + 1 - (a + 2));
  p.cells = out.substr(b + 2, c + 1 - (b + 2));
  p.sentences = out.substr(c + 2);
  return p;
}

void check_lines(const std::string& actual, const std::vector<std::string>& expected) {
  auto got = split_lines(actual);
  for (std::size_t i = 0; i < std::max(got.size(), expected.size()); ++i) {
    INFO("line " << i + 1);
    CHECK((i < got.size() ? got[i] : std::string("<missing>")) ==
          (i < expected.size() ? expected[i] : std::string("<none expected>")));
  }
  std::string whole;
  for (const auto& l : expected) whole += l + "\n";
  CHECK(actual == whole);
}

struct SentenceChange {
  std::string section, old_sentence, new_sentence;
};

std::vector<SentenceChange> sentences_of(const std::string& part) {
  std::vector<SentenceChange> out;
  auto lines = split_lines(part);
  REQUIRE(!lines.empty());
  REQUIRE((lines.size() - 1) % 3 == 0);  // the count line, then [section], - old, + new
  for (std::size_t i = 1; i + 3 <= lines.size(); i += 3) {
    const std::string& s = lines[i];
    const std::string& o = lines[i + 1];
    const std::string& n = lines[i + 2];
    REQUIRE(s.rfind("  [", 0) == 0);
    REQUIRE(o.rfind("    - ", 0) == 0);
    REQUIRE(n.rfind("    + ", 0) == 0);
    out.push_back({s.substr(3, s.size() - 4), o.substr(6), n.substr(6)});
  }
  return out;
}

}  // namespace

TEST_CASE("diff: an unchanged copy has no changes", "[diff]") {
  Copy copy(false);
  Run r = copy.diff();
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == "--- " + kOld + "\n+++ " + copy.yaml.string() +
                     "\n\n输入的变化（0）\n\n表格中随之变化的数（0）\n\n说明中随之变化的句子（0）\n");
}

TEST_CASE("diff: one 项 changed lists the input and every dependent cell of 01–05表", "[diff]") {
  Copy copy(true);
  REQUIRE(copy.income_line > 0);
  REQUIRE(copy.basic_line > copy.income_line);
  Run r = copy.diff();
  CHECK(r.status == 1);  // as diff(1): the two differ
  CHECK(r.err.empty());
  Parts p = parts_of(r.out);
  CHECK(p.head == "--- " + kOld + "\n+++ " + copy.yaml.string() + "\n");

  // The inputs, keyed by 项 code, with the line in the new file.
  const std::string at = "  (" + copy.yaml.string() + ":";
  check_lines(p.inputs, {
      "输入的变化（2）",
      "  items[2080505].income.general: 43.65 → 53.65" + at + std::to_string(copy.income_line) + ")",
      "  items[2080505].basic.general: 43.65 → 53.65" + at + std::to_string(copy.basic_line) + ")",
  });

  // Every cell that depends on the two inputs, table by table, row by row.
  // 06表 (by 经济分类: basic_economic is unchanged), 07–09表 do not depend on them.
  const std::string t01 = "  公开01表 收入支出决算总表 | ";
  const std::string t02 = "  公开02表 收入决算表 | ";
  const std::string t03 = "  公开03表 支出决算表 | ";
  const std::string t04 = "  公开04表 财政拨款收入支出决算总表 | ";
  const std::string t05 = "  公开05表 一般公共预算财政拨款支出决算表 | ";
  const std::string lei = "208 社会保障和就业支出 | ", kuan = "20805 行政事业单位养老支出 | ",
                    xiang = "2080505 机关事业单位基本养老保险缴费支出 | ";
  check_lines(p.cells, {
      "表格中随之变化的数（40）",
      // 01表: income.general (行 1), the 类 208 line (行 39), and the 合计/总计 lines on both sides:
      // 本年收入合计 2,334.99 (+ 年初 2.24 = 收入总计 2,337.23), 本年支出合计 2,334.61
      // (+ 年末 2.61 = 2,337.22, which the 尾差 rule prints as 收入总计 2,337.23: both move by 10).
      t01 + "一、一般公共预算财政拨款收入 | 收入 / 决算数: 2,334.61 → 2,344.61",
      t01 + "八、社会保障和就业支出 | 支出 / 决算数: 75.61 → 85.61",
      t01 + "本年收入合计 | 收入 / 决算数: 2,334.99 → 2,344.99",
      t01 + "本年支出合计 | 支出 / 决算数: 2,334.61 → 2,344.61",
      t01 + "收入总计 | 收入 / 决算数: 2,337.23 → 2,347.23",
      t01 + "支出总计 | 支出 / 决算数: 2,337.23 → 2,347.23",
      // 02表: 本年收入合计 and 财政拨款收入 of 合计, 类 208 (75.61), 款 20805 (74.01), 项 2080505.
      t02 + "合计 | 本年收入合计: 2,334.99 → 2,344.99",
      t02 + "合计 | 财政拨款收入: 2,334.61 → 2,344.61",
      t02 + lei + "本年收入合计: 75.61 → 85.61",
      t02 + lei + "财政拨款收入: 75.61 → 85.61",
      t02 + kuan + "本年收入合计: 74.01 → 84.01",
      t02 + kuan + "财政拨款收入: 74.01 → 84.01",
      t02 + xiang + "本年收入合计: 43.65 → 53.65",
      t02 + xiang + "财政拨款收入: 43.65 → 53.65",
      // 03表: 本年支出合计 and 基本支出 of the same four rows (合计 基本支出 923.12).
      t03 + "合计 | 本年支出合计: 2,334.61 → 2,344.61",
      t03 + "合计 | 基本支出: 923.12 → 933.12",
      t03 + lei + "本年支出合计: 75.61 → 85.61",
      t03 + lei + "基本支出: 74.01 → 84.01",
      t03 + kuan + "本年支出合计: 74.01 → 84.01",
      t03 + kuan + "基本支出: 74.01 → 84.01",
      t03 + xiang + "本年支出合计: 43.65 → 53.65",
      t03 + xiang + "基本支出: 43.65 → 53.65",
      // 04表: income 行 1, 本年收入合计 (27), 总计 (32); the 类 208 line (40), 本年支出合计 (59) and
      // 总计 (64) in 合计 and 一般公共预算财政拨款 (no 结转: 总计 = 本年).
      t04 + "一、一般公共预算财政拨款 | 收入 / 金额: 2,334.61 → 2,344.61",
      t04 + "八、社会保障和就业支出 | 支出 / 合计: 75.61 → 85.61",
      t04 + "八、社会保障和就业支出 | 支出 / 一般公共预算财政拨款: 75.61 → 85.61",
      t04 + "本年收入合计 | 收入 / 金额: 2,334.61 → 2,344.61",
      t04 + "本年支出合计 | 支出 / 合计: 2,334.61 → 2,344.61",
      t04 + "本年支出合计 | 支出 / 一般公共预算财政拨款: 2,334.61 → 2,344.61",
      t04 + "总计 | 收入 / 金额: 2,334.61 → 2,344.61",
      t04 + "总计 | 支出 / 合计: 2,334.61 → 2,344.61",
      t04 + "总计 | 支出 / 一般公共预算财政拨款: 2,334.61 → 2,344.61",
      // 05表: 小计 and 基本支出 of 合计, 类, 款, 项 (项目支出 unchanged).
      t05 + "合计 | 本年支出 / 小计: 2,334.61 → 2,344.61",
      t05 + "合计 | 本年支出 / 基本支出: 923.12 → 933.12",
      t05 + lei + "本年支出 / 小计: 75.61 → 85.61",
      t05 + lei + "本年支出 / 基本支出: 74.01 → 84.01",
      t05 + kuan + "本年支出 / 小计: 74.01 → 84.01",
      t05 + kuan + "本年支出 / 基本支出: 74.01 → 84.01",
      t05 + xiang + "本年支出 / 小计: 43.65 → 53.65",
      t05 + xiang + "本年支出 / 基本支出: 43.65 → 53.65",
      // 06表: basic_economic is not changed, so 05表 基本支出 (933.12) and 06表 (923.13) now differ by
      // 9.99, far beyond the 尾差 rule: 公用经费合计 is no longer evened (68.10) but the sum of its
      // 款, 68.11 (the audit reports the difference).
      "  公开06表 一般公共预算财政拨款基本支出决算明细表 | 公用经费合计 | 决算数: 68.10 → 68.11",
  });
}

// The dependent sentences of 第三部分, checked by the figures they carry
// (worked out by hand below) rather than word for word, so that a rewording
// of a template does not break them; each must be listed, under the heading
// it is printed under (followed, for a later sentence of a paragraph, by
// " › " and that paragraph's first sentence), and nothing else. Needs the 第三部分 templates.
TEST_CASE("diff: one 项 changed lists every dependent sentence of 第三部分", "[diff][part3]") {
  Copy copy(true);
  Run r = copy.diff();
  REQUIRE(r.status == 1);
  Parts p = parts_of(r.out);
  auto got = sentences_of(p.sentences);

  struct Expect {
    std::string section, old_part, new_part;
  };
  const std::vector<Expect> expected = {
      // 一: 收支总计 2,337.23 + 10 = 2,347.23; against last year's 2,274.87: +72.36, 72.36 / 2,274.87 = 3.18%.
      {"一、收入支出决算总体情况说明", "收、支总计均为2,337.23万元", "收、支总计均为2,347.23万元"},
      {"一、收入支出决算总体情况说明", "各增加62.36万元，增长2.74%", "各增加72.36万元，增长3.18%"},
      // 二: 收入合计 2,344.99; 财政拨款 2,344.61 / 2,344.99 = 99.98%, 其他 0.38 / 2,344.99 = 0.02%.
      {"二、收入决算情况说明", "收入合计2,334.99万元，其中：财政拨款收入2,334.61万元，占99.98%；其他收入0.38万元，占0.02%",
       "收入合计2,344.99万元，其中：财政拨款收入2,344.61万元，占99.98%；其他收入0.38万元，占0.02%"},
      // 三: 基本支出 933.12 / 2,344.61 = 39.80%, 项目支出 1,411.49 / 2,344.61 = 60.20%.
      {"三、支出决算情况说明", "支出合计2,334.61万元，其中：基本支出923.12万元，占39.54%；项目支出1,411.49万元，占60.46%",
       "支出合计2,344.61万元，其中：基本支出933.12万元，占39.80%；项目支出1,411.49万元，占60.20%"},
      // 四: 财政拨款收支总计 2,344.61; against 2,272.51: +72.10, 3.17%.
      {"四、财政拨款收入支出决算总体情况说明", "财政拨款收、支总计均为2,334.61万元", "财政拨款收、支总计均为2,344.61万元"},
      {"四、财政拨款收入支出决算总体情况说明", "各增加62.10万元，增长2.73%", "各增加72.10万元，增长3.17%"},
      // 五（一）: 2,344.61, still 100.00% of 支出合计; against 2,272.51: +72.10, 3.17%.
      {"（一）总体情况。", "支出2,334.61万元，占支出合计的100.00%", "支出2,344.61万元，占支出合计的100.00%"},
      {"（一）总体情况。", "支出增加62.10万元，增长2.73%", "支出增加72.10万元，增长3.17%"},
      // 五（二）: every share of the new total 2,344.61 — 1,013.01 → 43.21%, 2.04 → 0.09%,
      // 1,205.51 → 51.42%, 社会保障和就业 85.61 → 3.65%, 36.33 → 1.55%, 2.11 → 0.09%.
      {"（二）结构情况。",
       "一般公共服务（类）支出1,013.01万元，占43.39%；教育（类）支出2.04万元，占0.09%；科学技术（类）支出1,205.51万元，"
       "占51.64%；社会保障和就业（类）支出75.61万元，占3.24%；卫生健康（类）支出36.33万元，占1.56%；城乡社区（类）支出"
       "2.11万元，占0.09%",
       "一般公共服务（类）支出1,013.01万元，占43.21%；教育（类）支出2.04万元，占0.09%；科学技术（类）支出1,205.51万元，"
       "占51.42%；社会保障和就业（类）支出85.61万元，占3.65%；卫生健康（类）支出36.33万元，占1.55%；城乡社区（类）支出"
       "2.11万元，占0.09%"},
      // 五（三）: 2,344.61 / 年初预算 2,489.24 = 94.19%; item 9: 53.65 / 44.33 = 121.02%.
      // Against year_start_budget.general 2,520.90: 2,334.61 / 2,520.90 = 92.61%, 2,344.61 / 2,520.90 = 93.01%.
      {"（三）具体情况。", "支出决算为2,334.61万元，完成年初预算的92.61%", "支出决算为2,344.61万元，完成年初预算的93.01%"},
      {"（三）具体情况。", "年初预算为44.33万元，支出决算为43.65万元，完成年初预算的98.47%",
       "年初预算为44.33万元，支出决算为53.65万元，完成年初预算的121.02%"},
      // 六: 基本支出 (05表 合计) 933.12; 人员经费 and 公用经费 come from 06表 and do not change.
      {"六、一般公共预算财政拨款基本支出决算情况说明", "基本支出923.12万元，其中：人员经费855.02万元",
       "基本支出933.12万元，其中：人员经费855.02万元"},
      // 十三（一）: 支出总额 and 基本支出 from 03表, 其中财政拨款 from 02表.
      {"（一）绩效管理工作开展情况", "支出总额为2,334.61万元，其中基本支出923.12万元；项目支出1,411.49万元",
       "支出总额为2,344.61万元，其中基本支出933.12万元；项目支出1,411.49万元"},
      {"（一）绩效管理工作开展情况", "其中财政拨款2,334.61万元", "其中财政拨款2,344.61万元"},
  };
  CHECK(split_lines(p.sentences).front() == "说明中随之变化的句子（" + std::to_string(expected.size()) + "）");
  for (const auto& e : expected) {
    INFO("[" << e.section << "] " << e.old_part << " → " << e.new_part);
    int matches = 0;
    for (const auto& g : got)
      if (g.old_sentence.find(e.old_part) != std::string::npos && g.new_sentence.find(e.new_part) != std::string::npos) {
        ++matches;
        // Listed under its heading; a later sentence of a paragraph also
        // names the paragraph's first sentence ("heading › sentence").
        CHECK((g.section == e.section || g.section.rfind(e.section + " › ", 0) == 0));
      }
    CHECK(matches == 1);
  }
  CHECK(got.size() == expected.size());
}

// A numbered item of 五（三） is split at 。 into its title sentence
// (「9. 社会保障和就业支出（类）…（项）。」, unchanged) and its figures; the
// changed figures must say which 项 they belong to (items 5, 7 and 15 all
// begin 「年初预算为0.00万元，支出决算为…」), so the title is part of the
// section shown for them.
TEST_CASE("diff: a changed sentence of a numbered 项 item says which 项 it is", "[diff][part3]") {
  Copy copy(true);
  Run r = copy.diff();
  REQUIRE(r.status == 1);
  auto got = sentences_of(parts_of(r.out).sentences);
  int found = 0;
  for (const auto& g : got) {
    if (g.new_sentence.find("支出决算为53.65万元") == std::string::npos) continue;
    ++found;
    INFO("[" << g.section << "] " << g.new_sentence);
    CHECK((g.section + g.new_sentence).find("机关事业单位基本养老保险缴费支出（项）") != std::string::npos);
  }
  CHECK(found == 1);
}
