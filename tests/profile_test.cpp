// Profiles: a bureau's variant of a year's format is a folder under
// templates/ that names its base format and holds only what differs.
//
// The bundled profiles are checked against the published documents they
// were written from: each expected sentence below is copied from the
// published text (full-width punctuation restored where the excerpt had
// folded it), not from the program's output.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "build/build.hpp"
#include "support.hpp"
#include "support_build.hpp"
#include "compose/templates.hpp"

using namespace juesuan;
namespace fs = std::filesystem;

namespace {

const std::string kRoot = JUESUAN_SOURCE_DIR;

const Resources& resources() { return test::shared_resources(); }

std::string text_of(const doc::Document& d) {
  std::string out;
  for (const auto& b : d.blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b)) out += h->text + "\n";
    if (const auto* p = std::get_if<doc::Paragraph>(&b)) out += p->text + "\n";
    if (const auto* l = std::get_if<doc::List>(&b))
      for (const auto& i : l->items) out += i.label + " " + i.text + "\n";
  }
  return out;
}

bool has(const std::string& text, const std::string& sentence) {
  INFO("expected: " << sentence);
  return text.find(sentence) != std::string::npos;
}


}  // namespace

// 遂宁市大英县文化广电旅游局《2022年度单位决算》(dyrmt.com/article-133619-2, -7).
TEST_CASE("profile sichuan-2022 reproduces the published sentences of 大英县文化广电旅游局", "[profile]") {
  auto b = build_document(resources(), kRoot + "/tests/profiles/sichuan-dayingxian.yaml");
  const std::string t = text_of(b->document);
  CHECK(has(t, "第二部分 2022年度单位决算情况说明"));
  CHECK(has(t, "2022年本年收入合计4125.49万元，其中：一般公共预算财政拨款收入3859.16万元，占93.54%；"
               "政府性基金预算财政拨款收入0万元，占0%；国有资本经营预算财政拨款收入0万元，占0%；上级补助收入0万元，占0%；"
               "事业收入0万元，占0%；经营收入0万元，占0%；附属单位上缴收入0万元，占0%；其他收入266.33万元，占6.46%。"));
  CHECK(has(t, "2022年本年支出合计4143.91万元，其中：基本支出1140.27万元，占27.52%；项目支出3003.64万元，占72.48%；"
               "上缴上级支出0万元，占0%；经营支出0万元，占0%；对附属单位补助支出0万元，占0%。"));
  // Published: 各下降23.51%、38.28%. Its change rates are cut off (2,570.97 ÷ 6,714.88 = 38.2877…% → 38.28;
  // 285.5 ÷ 359.23 = 79.4755…% → 79.47; 1.24 ÷ 9.04 = 13.7168…% → 13.71), and the profile does so; cut off,
  // 1,267.86 ÷ 5,393.35 = 23.5081…% gives 23.50 (printed 23.5), where the document prints 23.51 — the one
  // rate no single rule reproduces.
  CHECK(has(t, "2022年度收、支总计各是4125.49，4143.91万元。与2021年相比，收、支总计各减少1267.86，2570.97万元，"
               "各下降23.5%、38.28%。主要变动原因是天府旅游名县创建工作完成，项目收入减少。"));
  CHECK(has(t, "公务接待费支出7.8万元，完成预算100%。公务接待费支出决算比2021年减少1.24万元，下降13.71%。"
               "主要原因是严格执行“三公”经费管理制度，缩减公务接待开支。"));
  CHECK(has(t, "国内公务接待支出7.8万元，主要用于执行公务、开展业务活动开支的交通费、住宿费、用餐费等。"
               "国内公务接待16批次，800人次（不包括陪同人员），共计支出7.8万元"));
  CHECK(has(t, "外事接待支出0万元。"));
  CHECK(has(t, "八、政府性基金预算支出决算情况说明\n2022年政府性基金预算财政拨款支出0万元。"));
  CHECK(has(t, "九、国有资本经营预算支出决算情况说明\n2022年国有资本经营预算财政拨款支出0万元。"));
  CHECK(has(t, "（一）机关运行经费支出情况\n2022年，县文化广电旅游局机关运行经费支出73.73万元，比2021年减少285.5万元，"
               "下降79.47%。主要原因一是天府旅游名县创建工作已完成，公用经费支出减少；二是我单位进一步规范财务报销制度，"
               "压缩了机关运行开支。"));
  CHECK(has(t, "2022年，县文化广电旅游局政府采购支出总额709.65万元，其中：政府采购货物支出0万元、政府采购工程支出39万元、"
               "政府采购服务支出670.65万元。主要用于大英过境游客短信推送、大英县文旅品牌IP及营销服务、"
               "移动通信运营商大数据接入文旅大数据中心、大英县天府旅游提升建设线上宣传营销、书法艺术公益培训、"
               "大英县乡镇片区旅游专项规划及公共设施专项规划、大英汉陶博物馆历史文化长廊临时展览、阆仙诗苑。"
               "授予中小企业合同金额0万元，占政府采购支出总额的0%，其中：授予小微企业合同金额0万元，占政府采购支出总额的0%。"));
  // The parts in the bureau's order: tables last.
  CHECK(t.find("第三部分 名词解释") < t.find("第四部分 附件"));
  CHECK(t.find("第四部分 附件") < t.find("第五部分 附表"));
}

TEST_CASE("profile: a profile overrides only what it holds; the rest comes from its base format", "[profile]") {
  test::TempDir tmp("profile-overlay");
  fs::path root = tmp.dir;
  fs::copy(kRoot + "/templates", root / "templates", fs::copy_options::recursive);
  fs::path p = root / "templates" / "beiguan-2022";
  fs::create_directories(p);
  std::ofstream(p / "format.yaml") << "base: \"2022\"\nlevel: 区级\ntext_numbers: {grouping: false}\n";
  std::ofstream(p / "labels.yaml") << "spending_kinds:\n  basic: 基本支出（人员和公用）\n";
  std::ofstream(p / "tables.yaml") << "tables:\n  - id: t06\n    panels: [[\"301\", \"30101\"], [\"302\", \"30201\"]]\n";
  std::ofstream(p / "glossary.yaml") << "- {term: 财政拨款收入, text: 指本级财政部门当年拨付的资金。}\n";
  Templates all = Templates::load(root / "templates");
  const TemplateSet* base = all.find("2022");
  const TemplateSet* prof = all.find("beiguan-2022");
  REQUIRE(base);
  REQUIRE(prof);
  CHECK(prof->format == "2022");
  CHECK(prof->profile == "beiguan-2022");
  CHECK(all.formats() == std::vector<std::string>{"2021", "2022"});  // a profile is not a format
  CHECK(all.profiles().at("beiguan-2022") == "2022");
  // Overridden.
  CHECK(prof->settings.level == "区级");
  CHECK_FALSE(prof->settings.text.grouping);
  CHECK(prof->label("spending_kinds", "basic") == "基本支出（人员和公用）");
  REQUIRE(prof->table("t06"));
  CHECK(prof->table("t06")->panels.size() == 2);
  CHECK(prof->glossary.size() == 1);
  // Kept from the base: the other labels, the rest of t06, the other tables, the templates.
  CHECK(prof->label("spending_kinds", "project") == base->label("spending_kinds", "project"));
  CHECK(prof->table("t06")->title == base->table("t06")->title);
  CHECK(prof->tables.size() == base->tables.size());
  CHECK(prof->main == base->main);
  CHECK(base->settings.level == "市级");
  CHECK(base->glossary.size() > 1);
}

TEST_CASE("templates read lazily: only the sets used are read; a broken one fails where it is used", "[profile]") {
  test::TempDir tmp("templates-lazy");
  fs::path root = tmp.dir;
  fs::copy(kRoot + "/templates", root / "templates", fs::copy_options::recursive);
  // 2021's own template gets an unknown placeholder on its first line.
  const fs::path broken = root / "templates" / "2021" / "s10_operating.mustache";
  test::spit(broken, "{{operating.amout}}\n" + test::slurp(broken));
  // Eagerly, the whole set is read at load: the error names file, line and column.
  try {
    Templates::load(root / "templates");
    FAIL("the broken 2021 template was not reported");
  } catch (const Error& e) {
    CHECK(e.kind() == Failure::Setup);
    CHECK(e.loc().file->path == broken.string());
    CHECK(e.loc().line == 1);
    CHECK(e.loc().col == 1);
  }
  // Lazily, the sets are known by name, and 2022 and its profile read well.
  Templates lazy = Templates::load(root / "templates", /*lazy=*/true);
  CHECK(lazy.formats() == std::vector<std::string>{"2021", "2022"});
  CHECK(lazy.profiles().at("anhui-2021") == "2021");
  REQUIRE(lazy.find("2022"));
  REQUIRE(lazy.find("sichuan-2022"));
  CHECK(lazy.find("sichuan-2022")->format == "2022");
  CHECK(lazy.find("nosuch") == nullptr);
  // 2021, and a profile over it, fail on use with the same located error, every time.
  for (const char* name : {"2021", "anhui-2021", "2021"}) {
    INFO(name);
    try {
      lazy.find(name);
      FAIL("the broken 2021 template was not reported");
    } catch (const Error& e) {
      CHECK(e.kind() == Failure::Setup);
      CHECK(e.loc().file->path == broken.string());
      CHECK(e.loc().line == 1);
    }
  }
}

TEST_CASE("profile: a department names an unknown profile, or one of another format: a located error", "[profile]") {
  test::TempDir tmp("profile-errors");
  const fs::path& dir = tmp.dir;
  const std::string head = "department: 测试局\nyear: 2022\nformat: \"2022\"\namount_unit: 万元\n";
  std::ofstream(dir / "unknown.yaml") << head << "profile: hunan-2022\nitems: []\n";
  std::ofstream(dir / "other.yaml") << "department: 测试局\nyear: 2021\nformat: \"2021\"\namount_unit: 万元\n"
                                       "profile: sichuan-2022\nitems: []\n";
  try {
    build_document(resources(), dir / "unknown.yaml");
    FAIL("an unknown profile must be refused");
  } catch (const Error& e) {
    CHECK(e.loc().line == 5);
    CHECK(e.message().find("没有表样变体 “hunan-2022”") == 0);
    CHECK(e.message().find("sichuan-2022") != std::string::npos);  // lists the profiles of format 2022
  }
  try {
    build_document(resources(), dir / "other.yaml");
    FAIL("a profile of another format must be refused");
  } catch (const Error& e) {
    CHECK(e.loc().line == 5);
    CHECK(e.message().find("以表样 2022 为基础，而本文件的 format 是 2021") != std::string::npos);
  }
}

// 淮北市杜集区机关事务管理中心《2021年度“三公”经费支出决算情况说明》
// (hbdj.gov.cn/zwgk/public/177/62077231.html).
TEST_CASE("profile anhui-2021 reproduces the published 三公 section of 杜集区机关事务管理中心", "[profile]") {
  auto b = build_document(resources(), kRoot + "/tests/profiles/anhui-duji.yaml");
  const std::string t = text_of(b->document);
  // As published: 完成预算的68%, 占1.3%, 占98.7% — one decimal, trailing zero dropped (rate_decimals: 1):
  // 167.37 ÷ 246 = 68.04% → 68.0 → 68; 2.14 ÷ 167.37 = 1.279% → 1.3; 165.23 ÷ 167.37 = 98.721% → 98.7.
  CHECK(has(t, "杜集区机关事务管理中心2021年度一般公共预算财政拨款“三公”经费支出预算为246万元，支出决算为167.37万元，"
               "完成预算的68%，决算数小于预算数的主要原因是节约项目经费。"));
  CHECK(has(t, "杜集区机关事务管理中心2021年度一般公共预算财政拨款“三公”经费支出决算中，因公出国（境）费支出决算0万元，"
               "占0%；公务接待费支出决算2.14万元，占1.3%；公务用车购置及运行维护费支出决算165.23万元，占98.7%。具体情况如下："));
  CHECK(has(t, "因公出国（境）费支出0万元，与2021年度预算相比无变化。2021年杜集区机关事务管理中心因公出国（境）团组0次，"
               "累计出国（境）0人次。"));
  // Published: "，增加1.14万元，增长1.14%，增长的原因是……" — 1.14% repeats the amount (1.14 ÷ 1 would be 114%);
  // the profile prints the amount and the reason.
  CHECK(has(t, "公务接待费支出2.14万元，与2021年度预算相比，增加1.14万元，增长的原因是成立新的临时机构。"
               "2021年杜集区机关事务管理中心国内公务接待共15批次（其中外事接待0批次），105人次（其中外事接待0人次）。"
               "主要是用于招商引资。"));
  // The bureau's order: 因公出国（境）, 公务接待, 公务用车.
  CHECK(t.find("1. 因公出国") < t.find("2. 公务接待费"));
  CHECK(t.find("2. 公务接待费") < t.find("3. 公务用车"));
}

TEST_CASE("profile guangxi-2021 reproduces the published 总收入 and 总支出 of a 梧州 municipal unit", "[profile]") {
  auto b = build_document(resources(), kRoot + "/tests/profiles/guangxi-wuzhou.yaml");
  const std::string t = text_of(b->document);
  // Published 总收入581.45: the document's own slip (390.55 + 190.89 = 581.44). The rest as printed;
  // rates to one decimal, half up, trailing zero dropped: 175.26 ÷ 565.81 = 30.975% → 31;
  // 157.86 ÷ 540.03 = 29.232% → 29.2; 17.40 ÷ 25.78 = 67.494% → 67.5; 7.63 ÷ 198.52 = 3.843% → 3.8;
  // 90.49 ÷ 571.20 = 15.842% → 15.8; 91.91 ÷ 559.90 = 16.415% → 16.4.
  CHECK(has(t, "（一） 本单位2021年度总收入581.44万元，其中本年收入390.55万元，较2020年度决算数减少175.26万元，下降31%。"
               "收入具体情况如下。"));
  CHECK(has(t, "1. 一般公共预算财政拨款收入382.17万元，为市本级财政当年拨付的资金。较2020年度决算数减少157.86万元，"
               "下降29.2%，主要原因：一是军休人员自然减员减少下拨相应的离退休费、生活补助及其他经费；"
               "二是2020年下拨了军休人员抚恤金74.31万元；三是按要求压减了机构管理经费。"));
  CHECK(has(t, "2. 上级补助收入8.38万元，为事业单位开展业务活动取得的收入。较2020年度决算数减少17.40万元，下降67.5%，"
               "主要原因是军休人员自然减员减少下拨定期增资经费及其他经费。"));
  CHECK(has(t, "3. 上年结转和结余190.89万元，为以前年度支出预算因客观条件变化未执行完毕、结转到本年度按有关规定继续使用的资金。"
               "较2020年度决算数减少7.63万元，下降3.8%，主要原因是中央、自治区安排的相关项目支出因客观原因结转到2021年度继续使用。"));
  CHECK(has(t, "（二） 本单位2021年度总支出581.44万元，其中本年支出480.71万元，较2020年度决算数减少90.49万元，下降15.8%。"
               "支出具体情况如下："));
  CHECK(has(t, "1. 社会保障和就业支出467.99万元：主要用于本单位在社会保障与就业方面的支出。较2020年度决算数减少91.91万元，"
               "下降16.4%，主要原因是2021年军休人员经费、业务活动和抚恤金支出减少。"));
  // A 类 without last year's figure is described without a comparison.
  CHECK(has(t, "2. 住房保障支出12.72万元。"));
}

// ---- issue 15: a heading never prints without its text ----

namespace {

// The YAML at `path` with its line `performance: {}` (or, from `from`, its
// whole performance block up to the next top-level key) replaced by `block`.
std::string with_performance(const std::string& path, const std::string& block) {
  std::string y = test::slurp(test::kSourceDir / path);
  const auto at = y.find("\nperformance:");
  REQUIRE(at != std::string::npos);
  auto end = y.find('\n', at + 1);
  while (end != std::string::npos && end + 1 < y.size() && (y[end + 1] == ' ' || y[end + 1] == '#')) end = y.find('\n', end + 1);
  return y.substr(0, at + 1) + block + (end == std::string::npos ? std::string() : y.substr(end));
}

std::string text_of_yaml(const test::TempDir& dir, const std::string& name, const std::string& yaml) {
  test::spit(dir / name, yaml);
  return text_of(build_document(resources(), dir / name)->document);
}

// 两个项目（一优一良）and a whole-department score: the model counts them.
const std::string kPerformance =
    "performance:\n"
    "  overall: {score: 92.5, budget: 140.00, actual: 145.00, targets: 全年各项工作目标基本完成}\n"
    "  projects:\n"
    "    - {name: 数据共享平台运维, score: 95, grade: 优, budget: 5.00, actual: 5.00}\n"
    "    - {name: 征地和拆迁补偿, score: 82.5, grade: 良, budget: 60.00, actual: 40.00}\n";

}  // namespace

TEST_CASE("profiles: 四川 （四） and 广西 八 print only when the department gives 绩效", "[profile]") {
  test::TempDir dir("perf-headings");
  for (const auto& [path, heading] :
       {std::pair<std::string, std::string>{"tests/profiles/sichuan-dayingxian.yaml", "（四）预算绩效管理情况"},
        std::pair<std::string, std::string>{"tests/profiles/guangxi-wuzhou.yaml", "八、预算绩效情况说明"}}) {
    INFO(path);
    // `performance: {}` in the file: nothing to say, so no heading.
    const std::string none = text_of(build_document(resources(), test::kSourceDir / path)->document);
    CHECK_FALSE(test::contains(none, heading));
    // Given: the heading and, under it, the score the department wrote.
    const std::string given = text_of_yaml(dir, fs::path(path).filename().string(), with_performance(path, kPerformance));
    const auto at = given.find(heading);
    REQUIRE(at != std::string::npos);
    CHECK(given.find("92.5", at) != std::string::npos);
  }
}

TEST_CASE("2021 format: 十三 from the model's 绩效 when the department lists its projects", "[profile]") {
  test::TempDir dir("perf-2021");
  const std::string path = "data/examples/2021-jiaozuo-gongxinju.yaml";
  const std::string t = text_of_yaml(dir, "perf2021.yaml", with_performance(path, kPerformance));
  const auto at = t.find("十三、预算绩效情况说明");
  REQUIRE(at != std::string::npos);
  // Counted from the two projects listed: 2 in all, one 优 and one 良;
  // budgets 5.00 + 60.00 = 65.00, actuals 5.00 + 40.00 = 45.00.
  CHECK(t.find("部门整体和项目绩效自评结果", at) != std::string::npos);
  CHECK(t.find("2个项目支出绩效自评中，1个项目自评等级为优，1个项目自评等级为良", at) != std::string::npos);
  CHECK(t.find("各项目全年预算数合计65.00万元，执行数合计45.00万元", at) != std::string::npos);
  CHECK(t.find("自评得分92.5分", at) != std::string::npos);
  // The free keys the example wrote are gone with its block: none is printed empty.
  CHECK(t.find("得分为分", at) == std::string::npos);
}
