#include "core/ui.hpp"

#include "core/diag.hpp"
#include "core/messages.hpp"

#include <cstdio>

namespace juesuan::ui {

namespace {

std::string q(std::string_view s) { return "“" + std::string(s) + "”"; }

std::string fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string duration(double s) {
  if (s < 60) return fixed1(s) + " 秒";
  int m = static_cast<int>(s) / 60;
  return std::to_string(m) + " 分 " + std::to_string(static_cast<int>(s) - 60 * m) + " 秒";
}

}  // namespace

std::string usage() {
  return "用法：juesuan build 部门.yaml… [-o 文件夹] [--force] [--name file|title]\n"
         "                                      生成 文件夹/部门.html、部门.pdf 和 部门.xlsx（默认文件夹：out）；\n"
         "                                      源数据和模板都没有变化的部门跳过，加 --force 重新生成；\n"
         "                                      --name title 以文档标题（如“某局2022年度部门决算”）作输出文件名\n"
         "      juesuan check 部门.yaml…         审核（运行审核规则）\n"
         "      juesuan check --list-rules       列出审核规则\n"
         "      juesuan diff 旧.yaml 新.yaml     一次更正改变了什么：源数据、表格单元格、句子（有差异时退出状态为 1）\n"
         "      juesuan dump 部门.yaml           以纯文本输出整份文档\n"
         "      juesuan init [-o 部门.yaml] [--year 2022]\n"
         "                                      写出一个新部门的源数据骨架（按元填写，带注释；不给 -o 时输出到屏幕）\n"
         "      juesuan batch 全市文件夹 -o 输出文件夹 [-j N] [--shard I/N] [--profile 变体] [--force] [--quiet]\n"
         "                                      生成全市文件夹下的每个部门（输出文件夹中保持相同的子文件夹），\n"
         "                                      用 N 个工作线程（默认：处理器核数）；写出公开索引 输出文件夹/index.html、\n"
         "                                      审核报告 review.html 和 review.csv（不公开）、index.json 和 index.csv；\n"
         "                                      城市文件夹中已没有的部门，上次生成的文件被删除；\n"
         "                                      --shard I/N 只生成第 I 份（0 ≤ I < N）；--profile 变体：没有写 profile 的\n"
         "                                      部门用这个表样变体（只用于 format 与变体的 base 相同的部门）\n"
         "            [--compile] [--compile-folder 主管部门文件夹] [--city 城市名]\n"
         "                                      --compile 同时把全市各部门汇编为一份 PDF：输出文件夹/汇编.pdf\n"
         "                                      （封面、总目录、各部门全文，页码连续）；--compile-folder 只汇编\n"
         "                                      一个主管部门文件夹，写在该文件夹中；--city 封面上的城市名\n"
         "      juesuan merge 分片/index.json… -o 输出文件夹\n"
         "                                      把各分片的 index.json 合并为一份全市索引\n"
         "      juesuan template [-o 工作簿.xlsx] [--year 年度] [--from 部门.yaml]\n"
         "                                      写出供财务人员填写的工作簿（默认：决算填报.xlsx）；\n"
         "                                      --from 按已有部门的源数据填好\n"
         "      juesuan import 工作簿.xlsx -o 部门.yaml\n"
         "                                      把填好的工作簿（或决算软件导出的公开01–09表，.xlsx 或 .xls）\n"
         "                                      读成部门源数据文件；每处问题都指出工作表和单元格\n"
         "      juesuan --version                显示版本\n"
         "选项：--root 文件夹   存放 templates/、data/ 和 fonts/ 的文件夹\n";
}

std::string no_command() { return "没有给出命令（build、check、diff、dump、init、batch、merge、template 或 import）"; }
std::string unknown_command(std::string_view command) {
  return "不认识的命令 " + q(command) + "：可以用 build、check、diff、dump、init、batch、merge、template 和 import";
}
std::string unknown_option(std::string_view option) { return "不认识的选项 " + std::string(option); }
std::string option_needs_value(std::string_view option) { return "选项 " + std::string(option) + " 后面要写一个值"; }
std::string bad_jobs(std::string_view given) {
  return "-j 后面要写 1 到 1024 之间的工作线程数（这里写的是 " + q(given) + "）";
}
std::string bad_shard(std::string_view given) {
  return "--shard 要写成 I/N，0 ≤ I < N，例如 0/4（这里写的是 " + q(given) + "）";
}
std::string build_needs_files() { return "build 需要至少一个部门的 YAML 文件"; }
std::string check_needs_files() { return "check 需要至少一个部门的 YAML 文件"; }
std::string diff_needs_two() { return "diff 需要两个 YAML 文件：更正前的和更正后的"; }
std::string dump_needs_one() { return "dump 需要一个 YAML 文件"; }
std::string unknown_batch_profile(std::string_view profile, const std::vector<std::string>& known) {
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : "、") + k;
  return "没有表样变体 " + q(profile) + "（--profile）：templates/ 下的变体有 " + (list.empty() ? "（无）" : list);
}
std::string batch_needs_folder() { return "batch 需要一个文件夹：全市各部门源数据文件所在的文件夹"; }
std::string merge_needs_indexes() { return "merge 需要每个分片的 index.json"; }
std::string no_such_city(std::string_view folder) {
  return "没有这个文件夹：" + std::string(folder) + "（batch 需要全市各部门源数据文件所在的文件夹）";
}
std::string no_department_files(std::string_view folder) {
  return std::string(folder) + " 下没有部门源数据文件（*.yaml）";
}

std::string template_takes_no_files() {
  return "template 不读部门文件：要按已有部门填好工作簿，写 --from 部门.yaml";
}
std::string import_needs_one() { return "import 需要一个工作簿（.xlsx 或 .xls）"; }
std::string import_needs_output() { return "import 需要用 -o 指定写出的部门源数据文件，例如 -o 部门.yaml"; }
std::string default_workbook_name() { return "决算填报.xlsx"; }

std::string not_a_shard_index() { return "这不是一个分片的索引（batch --shard I/N 写出的才是）"; }
std::string other_run(std::string_view shard, std::string_view first, int count) {
  return "分片 " + std::string(shard) + " 与 " + std::string(first) + " 不是同一次生成的（那一次分为 " +
         std::to_string(count) + " 片）";
}
std::string shard_twice(std::string_view shard, std::string_view also) {
  return "分片 " + std::string(shard) + " 给了两次（另一次是 " + std::string(also) + "）";
}
std::string department_twice(std::string_view path, std::string_view also) {
  return std::string(path) + " 也在 " + std::string(also) + " 中";
}
std::string shards_missing(std::string_view shards) { return "merge：缺少分片 " + std::string(shards) + " 的索引"; }
std::string not_an_index() { return "这不是 juesuan batch 写出的 index.json"; }
std::string damaged_index(std::string_view detail) {
  return "index.json 不完整或已损坏（" + std::string(detail) + "）：请重新运行生成它的 batch";
}
std::string unknown_status(std::string_view status) { return "不认识的状态 " + q(status); }

std::string wrote(std::string_view path) { return "已写出 " + std::string(path) + "\n"; }
std::string unchanged(std::string_view input, std::string_view out_dir) {
  return "未变化：" + std::string(input) + "（" + std::string(out_dir) + " 中的输出已是最新；加 --force 重新生成）\n";
}
std::string not_built(std::string_view input) {
  return std::string(input) + "：没有生成：审核发现了错误（见上）\n";
}

std::string status_word(std::string_view key) {
  if (key == "built") return "已生成";
  if (key == "unchanged") return "未变化";
  if (key == "failed") return "失败";
  return std::string(key);
}

std::string progress_line(std::size_t done, std::size_t total, std::string_view status_key, std::string_view path) {
  std::string n = std::to_string(total), k = std::to_string(done);
  return "[" + std::string(n.size() - k.size(), ' ') + k + "/" + n + "] " + status_word(status_key) + " " +
         std::string(path) + "\n";
}

std::string progress_bar(std::string_view bar, std::size_t done, std::size_t total, std::size_t failed, double elapsed,
                         std::optional<double> remaining) {
  std::string line = "[" + std::string(bar) + "] " + std::to_string(done) + "/" + std::to_string(total) + "  失败 " +
                     std::to_string(failed) + "  已用 " + duration(elapsed);
  if (remaining) line += "  预计还需 " + duration(*remaining);
  return line;
}

std::string summary(int departments, int built, int unchanged, int failed, std::optional<double> seconds) {
  std::string out = "batch：共 " + std::to_string(departments) + " 个部门：已生成 " + std::to_string(built) +
                    " 个，未变化 " + std::to_string(unchanged) + " 个，失败 " + std::to_string(failed) + " 个";
  if (seconds) out += "，用时 " + fixed1(*seconds) + " 秒";
  if (seconds && *seconds > 0) out += "（每秒 " + fixed1(departments / *seconds) + " 份）";
  return out + "\n";
}

std::string summary_failed(std::string_view path, std::string_view error) {
  return "失败：" + std::string(path) + "：" + std::string(error) + "\n";
}

std::string index_written(std::string_view path) { return "索引：" + std::string(path) + "\n"; }
std::string review_written(std::string_view path) {
  return "审核报告（供审核人员使用，不公开）：" + std::string(path) + "\n";
}
std::string stale_removed(std::string_view path) {
  return "已删除：" + std::string(path) + "（城市文件夹中已没有这个部门）\n";
}

std::vector<std::string> index_csv_header() { return {"文件夹", "部门", "源文件", "状态", "错误"}; }
std::vector<std::string> review_csv_header() {
  return {"主管部门", "部门", "源文件", "状态", "严重程度", "规则", "位置", "说明"};
}
std::string figure_label(std::string_view key) {
  if (key == "grand_total") return "收支总计";
  if (key == "income_total") return "本年收入合计";
  if (key == "spending_total") return "本年支出合计";
  if (key == "fiscal_spending") return "财政拨款支出";
  if (key == "three_public") return "“三公”经费合计";
  return std::string(key);
}
std::string wan_suffix() { return "（万元）"; }
std::string index_sheet_name() { return "部门决算索引"; }
std::string index_workbook_title() { return "部门决算公开索引"; }
std::string index_workbook_unit() { return "单位：万元"; }
std::vector<std::string> index_xlsx_header() { return {"主管部门", "部门（单位）", "决算", "年度"}; }
std::string kind_label(bool unit) { return unit ? "单位决算" : "部门决算"; }
std::string index_total_label() { return "汇总"; }
std::string index_total_note(int departments, int units, int covered) {
  // The sentence of index.html (templates/common/site/index.mustache).
  std::string s = "全市汇总含" + std::to_string(departments) + "个部门决算";
  if (covered) s += "，不含其所属单位的" + std::to_string(covered) + "个单位决算（已含在部门决算中）";
  if (units) s += "；另含" + std::to_string(units) + "个单位决算（其主管部门没有部门决算）";
  return s + "。";
}
std::string severity_label(std::string_view severity) {
  if (severity == "error") return msg::severity_word(static_cast<int>(Severity::Error));
  if (severity == "warning") return msg::severity_word(static_cast<int>(Severity::Warning));
  if (severity == "note") return msg::severity_word(static_cast<int>(Severity::Note));
  return std::string(severity);
}

std::string compile_written(std::string_view path, int departments, int pages) {
  return "汇编：" + std::string(path) + "（" + std::to_string(departments) + " 个部门，正文 " + std::to_string(pages) +
         " 页）\n";
}

std::string compile_not_written(std::string_view path, int failed) {
  return "汇编没有生成：其中 " + std::to_string(failed) + " 个部门失败，缺了它们的汇编不能发布；改正后重新运行" +
         (path.empty() ? std::string() : "（原有的 " + std::string(path) + " 已删除）") + "\n";
}

std::string compile_failed(std::string_view path, std::string_view detail) {
  return "汇编 " + std::string(path) + " 没有生成：" + std::string(detail) + "\n";
}

std::string compile_name_taken(std::string_view department, std::string_view file) {
  return "部门文件 " + std::string(department) + " 的输出与汇编 " + std::string(file) +
         " 同名：请给这个部门文件改名，或者不用 --compile";
}

std::string compile_no_departments(std::string_view folder) {
  return "--compile-folder " + q(folder) + "：全市文件夹中没有这个主管部门文件夹，或其中没有部门文件";
}

std::string compile_with_shard() {
  return "--compile 要在一次运行中汇编全市（或一个主管部门）的所有部门，不能与 --shard 同用";
}

std::string version(std::string_view v) { return "juesuan " + std::string(v) + "（部门决算公开文本生成程序）\n"; }

std::string check_passed(std::string_view input, std::size_t rules, std::size_t warnings, std::size_t notes) {
  return std::string(input) + "：审核通过（" + std::to_string(rules) + " 条审核规则，0 个错误，" + std::to_string(warnings) +
         " 个警告，" + std::to_string(notes) + " 条提示）";
}

std::string batch_needs_output() {
  return "batch 需要用 -o 指定输出文件夹（不会默认写入 ./out），例如：juesuan batch 全市文件夹 -o 输出文件夹";
}

std::string bad_name_choice(std::string_view given) {
  return "--name 后面写 file（以源数据文件名作输出文件名，默认）或 title（以文档标题作输出文件名）（这里写的是 " + q(given) + "）";
}

std::string bad_year(std::string_view given) {
  return "--year 后面要写 4 位数字的决算年度，如 2022（这里写的是 " + q(given) + "）";
}
std::string init_exists(std::string_view path) {
  return "已有文件 " + std::string(path) + "：init 不覆盖已有的文件，请换一个文件名，或加 --force 覆盖";
}
std::string init_written(std::string_view path) {
  return "已写出新部门的源数据骨架 " + std::string(path) + "：按 docs/SCHEMA.md 填写后，运行 juesuan check " +
         std::string(path) + " 审核\n";
}

std::string init_skeleton(std::string_view year, std::string_view format, std::string_view next_year,
                          std::string_view schema) {
  std::string s = R"(# yaml-language-server: $schema=@SCHEMA@
# 新部门 @YEAR@ 年度部门决算 —— 源数据（juesuan init 写出的骨架，按元填写）
# 每个键的含义、照抄自部门决算报表的哪一栏，见 docs/SCHEMA.md。只填账上有的数和只有本部门才写得出的文字；
# 所有合计、小计、总计、占比、增减率和第三部分的说明都由 juesuan 计算生成，不要填写。
# 金额照抄部门决算报表中以元为单位的数，写成普通小数（最多两位小数），如 6847000.00；没有的数写 0 或删去。
# 以“#”开头的行是注释；要填写其中的键时，删去行首的“# ”。
# 填写后运行 juesuan check 本文件（审核），再运行 juesuan build 本文件 -o 输出文件夹。

department: 请填写部门名称                  # 部门名称（各表“部门：”一行、标题、封面）
# short_name: 部门简称                      # 部门简称，用于标题（可省略）
year: @YEAR@                                # 决算年度
format: "@FORMAT@"                            # 表样
amount_unit: 元                             # 本文件的金额单位：元（建议）或 万元
# publish_date: @NEXT@-09                   # 公开日期（年-月），封面显示为“二〇……年九月”
# level: 市级                               # 部门所属层级：市级、区级、县级、乡镇级

overview:                                   # 第一部分 概况
  # composition: 本级决算                   # 决算单位构成
  duties: []                                # 主要职责，逐条填写：把 [] 换成下一行起的“- 职责”
  # organisation: 机构设置的文字
  units: []                                 # 纳入本部门决算编制范围的单位，逐个填写

items: []                                   # 功能分类项级科目（7 位编码，加引号），每个项一条：把 [] 换成下面这样的各项
  # - code: "2010301"                       # 项级科目编码
  #   income:                               # 本年收入，按来源
  #     general: 0.00                       # 一般公共预算财政拨款收入
  #     other: 0.00                         # 其他收入
  #   basic:                                # 基本支出，按资金来源
  #     general: 0.00                       # 一般公共预算财政拨款
  #   project:                              # 项目支出，按资金来源
  #     general: 0.00
  #   budget: 0.00                          # 年初预算（一般公共预算财政拨款）
  #   reason: 决算数与年初预算数差异的主要原因

basic_economic: {}                          # 一般公共预算财政拨款基本支出，按经济分类款（5 位编码，加引号），如 "30101": 0.00

balances:                                   # 结转和结余
  opening:                                  # 年初结转和结余
    general: 0.00                           # 一般公共预算财政拨款
    other: 0.00                             # 非财政拨款
  closing:                                  # 年末结转和结余
    general: 0.00
    other: 0.00
  use_of_nonfiscal_surplus: 0.00            # 使用非财政拨款结余
  surplus_distribution: 0.00                # 结余分配

last_year:                                  # 上年度决算数（照抄上年度的部门决算报表）
  total: 0.00                               # 上年度收、支总计
  # total_reason: 收、支总计增减的主要原因
  fiscal_total: 0.00                        # 上年度财政拨款收、支总计
  # fiscal_reason: 财政拨款收、支总计增减的主要原因
  general_spending: 0.00                    # 上年度一般公共预算财政拨款支出
  # general_reason: 一般公共预算财政拨款支出增减的主要原因

three_public:                               # 财政拨款“三公”经费
  budget:                                   # 全年预算数
    abroad: 0.00                            # 因公出国（境）费
    vehicle_purchase: 0.00                  # 公务用车购置费
    vehicle_operation: 0.00                 # 公务用车运行维护费
    reception: 0.00                         # 公务接待费
  actual:                                   # 决算数
    abroad: 0.00
    vehicle_purchase: 0.00
    vehicle_operation: 0.00
    reception_foreign: 0.00                 # 外宾接待支出
    reception_domestic: 0.00                # 国内公务接待支出
  abroad_groups: 0                          # 因公出国（境）团组数
  abroad_persons: 0                         # 因公出国（境）人次
  vehicles_bought: 0                        # 本年购置车辆数
  vehicles_held: 0                          # 年末公务用车保有量
  domestic_groups: 0                        # 接待国内来访团组
  domestic_persons: 0                       # 国内来宾人次
  # reason: 决算数与预算数差异的总体原因

operating_costs:                            # 机关运行经费
  amount: 0.00                              # 支出决算
  budget: 0.00                              # 年初预算
  # reason: 差异原因

procurement:                                # 政府采购
  goods: 0.00                               # 货物
  works: 0.00                               # 工程
  services: 0.00                            # 服务
  sme: 0.00                                 # 授予中小企业合同金额
  small_micro: 0.00                         # 其中授予小微企业合同金额

assets:                                     # 国有资产占用（年末）
  vehicles: {}                              # 车辆数，按用途，如 other: 3（键名见 docs/SCHEMA.md）
  equipment_over_1m: 0                      # 单价 100 万元（含）以上设备，台（套）

# performance:                              # 预算绩效（第三部分 十三），见 docs/SCHEMA.md 第三节（十三）
)";
  auto put = [&](std::string_view key, std::string_view value) {
    for (std::size_t at; (at = s.find(key)) != std::string::npos;) s.replace(at, key.size(), value);
  };
  put("@YEAR@", year);
  put("@FORMAT@", format);
  put("@NEXT@", next_year);
  put("@SCHEMA@", schema);
  return s;
}

std::string init_needs_nothing() { return "init 不需要输入文件：用 -o 给出要写出的文件名"; }
std::string diff_inputs_heading(std::size_t changes) { return "输入的变化（" + std::to_string(changes) + "）"; }
std::string diff_cells_heading(std::size_t changes) {
  return "表格中随之变化的数（" + std::to_string(changes) + "）";
}
std::string diff_sentences_heading(std::size_t changes) {
  return "说明中随之变化的句子（" + std::to_string(changes) + "）";
}
std::string diff_absent() { return "（无）"; }

std::string internal_error(std::string_view what) {
  return "juesuan: " + msg::severity_word(static_cast<int>(Severity::Error)) +
         "：程序内部错误（这是程序的缺陷，请把这条消息和所用的文件报告给维护者）：" + std::string(what) + "\n";
}

}  // namespace juesuan::ui
