#include "core/messages.hpp"

#include "core/text.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

namespace juesuan::msg {

namespace {
std::string q(std::string_view s) { return "“" + std::string(s) + "”"; }
std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "、" : "") + v[i];
  return out;
}
}  // namespace

std::string not_utf8() { return "这里的文字不是 UTF-8 编码：请在编辑器中把文件另存为 UTF-8"; }
std::string binary_file() { return "文件中有空字符：这不是文本文件，可能选错了文件"; }
std::string file_too_large(std::size_t size, std::size_t max) {
  // In MB, tenths rounded up (16 MB and one byte is 16.1 MB, never "16 MB"),
  // rather than a 9-digit count of bytes.
  auto mb = [](std::size_t n) {
    std::size_t tenths = (n * 10 + 1024 * 1024 - 1) / (1024 * 1024);
    return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "") + " MB";
  };
  return "文件有 " + mb(size) + "，超过了 " + mb(max) + " 的上限：一个部门的源数据文件通常只有几十 KB，可能选错了文件";
}
std::string empty_file() { return "文件是空的：至少要填写 department、year、format、amount_unit 和 items"; }
std::string tab_indent() { return "这一行用 Tab 缩进：YAML 只能用空格缩进，请把 Tab 换成空格"; }
std::string cannot_read(std::string_view path, std::string_view why) {
  return "无法读取文件 " + q(path) + "：" + std::string(why);
}

std::string control_character(char32_t c) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
  return std::string("这里的文字中有一个控制字符（") + code +
         "）：它不可见，却会扰乱终端和网页的显示。请删去它（常见于从其他程序复制粘贴的文字），需要换行时请用“|”写成多行文字";
}
std::string text_too_long(std::size_t chars, std::size_t max) {
  return "这段文字有 " + std::to_string(chars) + " 个字，超过了 " + std::to_string(max) +
         " 个字的上限：源数据中的一段文字不会这么长，可能粘贴了多余的内容";
}

std::string symlink_skipped() {
  return "跳过：这是一个符号链接。batch 不跟随链接，不读取城市文件夹以外的文件；请把部门文件本身（或文件夹本身）放进城市文件夹";
}
std::string unreadable_folder(std::string_view why) {
  return "无法读取这个文件夹（" + std::string(why) + "）：其中的部门没有生成，全市合计不完整。请检查文件夹的权限";
}
std::string reserved_name(std::string_view file) {
  return "部门文件不能叫 " + q(file) + "：它的网页会与全市索引 index.html 重名。请给这个文件改一个名字";
}
std::string same_output_name(std::string_view other) {
  return "与 " + q(other) + " 的输出文件同名（文件名相同，只是扩展名不同）：请给其中一个改名";
}
std::string same_output_in_build(std::string_view other, std::string_view outputs) {
  return "与 " + q(other) + " 会写到同一组输出文件（" + std::string(outputs) +
         "）：请给其中一个改名，或分两次生成到不同的文件夹";
}

namespace {
// What an errno means for someone saving a report, with the system's own
// words after it for the administrator.
std::string why_not_written(int err) {
  std::string plain;
  switch (err) {
    case ENOSPC: plain = "磁盘已满"; break;
    case EDQUOT: plain = "超出了磁盘配额"; break;
    case EACCES:
    case EPERM: plain = "没有写入权限"; break;
    case EROFS: plain = "这个位置是只读的"; break;
    case ENOENT: plain = "上一级文件夹不存在，也无法创建"; break;
    case ENOTDIR: plain = "路径中有一段是文件，不是文件夹"; break;
    case EIO: plain = "磁盘读写出错"; break;
    case EEXIST: plain = "同名的文件已存在"; break;
    default: return std::strerror(err);
  }
  return plain + "（" + std::strerror(err) + "）";
}
}  // namespace

std::string cannot_create_folder(std::string_view path, int err) {
  return "无法创建输出文件夹 " + q(path) + "：" + why_not_written(err);
}
std::string cannot_write(std::string_view path, int err) {
  return "无法写入 " + q(path) + "：" + why_not_written(err) + "。原有的文件保持不变";
}
std::string folder_in_the_way(std::string_view path) {
  return "无法写入 " + q(path) + "：那里有一个同名的文件夹";
}

std::string duplicate_key(std::string_view key) {
  return "键 " + q(key) + " 在同一层写了两次：每个键只能写一次，请删去或合并重复的一处";
}
std::string alias_not_allowed() {
  return "源数据文件中不能使用锚点（&）和别名（*）：请把内容直接写出来";
}
std::string too_deep(int max_depth) {
  return "嵌套超过 " + std::to_string(max_depth) + " 层：源数据文件的结构不会这么深，请检查缩进和括号";
}
std::string second_document() {
  return "文件中有第二个 YAML 文档（“---”之后）：一个文件只写一个部门一个年度";
}
std::string complex_key() { return "键必须是简单的文字，不能是列表或映射"; }
std::string unclosed_quote() {
  return "引号没有闭合：这里开始的引号一直延续到后面的行，请在这一项的末尾补上引号";
}
std::string yaml_illegal_map_value() {
  return "这里不能写“键: 值”：常见原因是缩进没有对齐、用了 Tab 缩进，或上一行的引号、括号没有闭合";
}
std::string yaml_unclosed(std::string_view bracket) {
  return "括号没有闭合：缺少 " + q(bracket);
}
std::string yaml_bad_escape() { return "双引号中的反斜杠“\\”后面跟了无效的字符：请去掉反斜杠或改用单引号"; }
std::string yaml_bad_indentation() {
  return "缩进不正确：同一层的键必须左对齐，下一层要比上一层多缩进，只能用空格";
}
std::string fullwidth_colon(std::string_view key) {
  return "这里用了全角冒号“：”：键和值之间要用半角冒号加空格，应写作 " + std::string(key) + ": …";
}
std::string too_little_indent(int have, int want) {
  return "缩进不足：这一行缩进了 " + std::to_string(have) + " 个空格，属于上一行的键时要缩进 " + std::to_string(want) +
         " 个空格，与同一层的键左对齐";
}
std::string error_count(std::size_t total, std::size_t shown) {
  std::string out = "共 " + std::to_string(total) + " 处错误";
  if (shown < total) out += "，以上是前 " + std::to_string(shown) + " 处；改正后再运行，会列出其余的";
  return out;
}
std::string yaml_syntax(std::string_view detail) {
  return "YAML 语法错误（" + std::string(detail) + "）";
}

std::string expected_map(std::string_view what) {
  return what.empty() ? "这里应当是一组“键: 值”" : q(what) + " 应当是一组“键: 值”（下一行缩进后逐项填写）";
}
std::string expected_list(std::string_view what) {
  return q(what) + " 应当是一个列表（每项以“- ”开头）";
}
std::string expected_text(std::string_view what) {
  return q(what) + " 应当是一段文字，不能是列表或“键: 值”";
}
std::string expected_amount(std::string_view what) {
  return q(what) + " 应当是一个金额数字，不能是列表或“键: 值”";
}
std::string top_level_not_map() {
  return "文件的最外层应当是一组“键: 值”（department、year、format……），不能是列表";
}
std::string missing_key(std::string_view key, std::string_view what) {
  return "缺少必填项 " + q(key) + "（" + std::string(what) + "）";
}
std::string unknown_key(std::string_view key, std::string_view where,
                        const std::vector<std::string>& allowed, std::string_view suggestion) {
  bool numeric = !key.empty() && key.find_first_not_of("0123456789.") == std::string_view::npos;
  if (numeric)
    return "这里的 " + q(key) + " 被当成了一个键：金额中不要使用千分位逗号（在 {…} 中逗号会把金额分开），例如写 1205.51";
  std::string s = "不认识的键 " + q(key);
  if (!where.empty()) s += "（在 " + q(where) + " 中）";
  if (!suggestion.empty()) return s + "：是不是想写 " + q(suggestion) + "？";
  return s + "：这里可以写的键有 " + join(allowed);
}
std::string bad_amount(std::string_view text, AmountError why, Unit unit) {
  std::string s = "金额 " + q(text) + " 无效：";
  switch (why) {
    case AmountError::Empty: return "金额是空的：没有这项金额就删去这一行，或写 0";
    case AmountError::ThousandsSeparator: return s + "不要使用千分位逗号，例如写 1205.51";
    case AmountError::Exponent: return s + "不要使用科学计数法，请写出完整的数字";
    case AmountError::FullWidth: return s + "用了全角字符，请改用半角数字和小数点";
    case AmountError::LeadingPlus: return s + "数字前不要写“+”号";
    case AmountError::TooManyDecimals:
      return s + (unit == Unit::Yuan ? "以元为单位时最多两位小数（到分）" : "以万元为单位时最多六位小数（到分）");
    case AmountError::OutOfRange: return s + "超出了可以处理的范围（绝对值不超过 10 万亿元）";
    case AmountError::NotANumber: break;
  }
  return s + "应当是一个数字，例如 684.70";
}
std::string negative_amount(std::string_view what) {
  return q(what) + " 不能是负数";
}
std::string bad_count(std::string_view text, std::string_view what) {
  return q(what) + " 应当是一个不小于 0 的整数，这里写的是 " + q(text);
}
std::string bad_year(std::string_view text) {
  return "年度 " + q(text) + " 无效：应当是四位数字的年份，例如 2022";
}
std::string bad_unit(std::string_view text) {
  return "金额单位 " + q(text) + " 无效：只能写 元 或 万元";
}
std::string bad_bool(std::string_view text) {
  return q(text) + " 应当写 true（是）或 false（否）";
}
std::string bad_kind(std::string_view text) {
  return "决算种类 " + q(text) + " 无效：主管部门的部门决算写 部门，所属单位的单位决算写 单位";
}
std::string bad_date(std::string_view text) {
  return "日期 " + q(text) + " 无效：应当写成“年-月”，例如 2023-09";
}
std::string unknown_format(std::string_view format, const std::vector<std::string>& known) {
  return "没有表样 " + q(format) + " 的模板：可用的表样有 " + join(known);
}
std::string unknown_profile(std::string_view profile, std::string_view format, const std::vector<std::string>& known) {
  return "没有表样变体 " + q(profile) + "：templates/ 下应有同名文件夹，其 format.yaml 写明 base: " + std::string(format) +
         (known.empty() ? "；表样 " + std::string(format) + " 目前没有变体" : "；表样 " + std::string(format) + " 的变体有 " + join(known));
}
std::string profile_of_other_format(std::string_view profile, std::string_view base, std::string_view format) {
  return "表样变体 " + q(profile) + " 以表样 " + std::string(base) + " 为基础，而本文件的 format 是 " + std::string(format) +
         "：请改用以 " + std::string(format) + " 为基础的变体，或改正 format";
}
std::string no_template_for_year(std::string_view format, long long year) {
  return "表样 " + q(format) + " 不适用于 " + std::to_string(year) + " 年度";
}

std::string bad_functional_code(std::string_view code) {
  return "功能分类科目编码 " + q(code) + " 格式不对：项级科目应当是 7 位数字，例如 \"2010301\"";
}
std::string bad_economic_code(std::string_view code) {
  return "经济分类科目编码 " + q(code) + " 格式不对：款级科目应当是 5 位数字，例如 \"30101\"";
}
std::string unknown_functional_code(std::string_view code) {
  return "功能分类科目目录中没有 " + q(code) +
         "：请核对编码；如确属新增科目，请用 name: 写明科目名称，或补充到 data/catalog/functional.yaml";
}
std::string unknown_economic_code(std::string_view code) {
  return "经济分类科目目录中没有 " + q(code) + "：请核对编码；如确属新增科目，请在 names: 中写明名称（names: {\"" + std::string(code) + "\": 名称}），或补充到 data/catalog/economic.yaml";
}
std::string bad_score(std::string_view text) {
  return "自评得分 " + q(text) + " 不对：应当是 0 到 100 之间的数，最多两位小数，例如 91.88";
}
std::string bad_grade(std::string_view text) {
  return "自评等级 " + q(text) + " 不对：应当是 优、良、中、差 之一";
}
std::string bad_named_code(std::string_view code) {
  return "names: 中的科目编码 " + q(code) + " 格式不对：功能分类写 3、5 或 7 位数字，经济分类写 3 或 5 位数字，一律加引号，例如 \"2299999\"";
}
std::string bad_class_code(std::string_view code) {
  return "类的编码 " + q(code) + " 格式不对：写 3 位数字的功能分类“类”编码，加引号，例如 \"208\"";
}
std::string unknown_parent(std::string_view code, std::string_view parent, std::string_view level) {
  return "科目 " + q(code) + " 所属的" + std::string(level) + " " + q(parent) +
         " 不在科目目录中：请核对编码；如确属目录中没有的科目，请在 names: 中写明它的名称（names: {\"" + std::string(parent) +
         "\": 名称}）";
}
std::string duplicate_code(std::string_view code, int first_line) {
  return "科目 " + q(code) + " 重复：第 " + std::to_string(first_line) + " 行已经填写过，请合并为一条";
}
std::string unknown_vehicle_use(std::string_view key, const std::vector<std::string>& known) {
  return "不认识的车辆用途 " + q(key) + "：可以写 " + join(known);
}

std::string not_a_workbook() {
  return "这不是 Excel 工作簿：juesuan import 读 .xlsx（用 juesuan template 生成的填报工作簿，或决算软件导出的公开表）和 .xls";
}
std::string damaged_workbook(std::string_view detail) {
  return "工作簿已损坏，无法读取（" + std::string(detail) + "）：请在 Excel 中打开后另存为 .xlsx 再试";
}
std::string not_xls(std::string_view detail) {
  return "无法按 .xls（Excel 97–2003）格式读取这个文件（" + std::string(detail) +
         "）：它可能不是 .xls 文件，或已损坏；请在 Excel 中打开后另存为 .xlsx 再试";
}
std::string not_a_known_workbook() {
  return "认不出这个工作簿：它既不是 juesuan template 生成的填报工作簿（没有“封面”表），也没有公开01表至公开09表的表名或标题";
}
std::string missing_sheet(std::string_view sheet) {
  return "工作簿中没有工作表 " + q(sheet) + "：请用 juesuan template 生成的工作簿填写，不要删除或改名工作表";
}
std::string value_without_key() {
  return "这一行填了数，但“键”一栏是空的：程序不知道这是什么数。请把它填在有键的行，或照抄同类行的键";
}
std::string unknown_row_key(std::string_view key) {
  return "不认识的键 " + q(key) + "：“键”一栏请勿修改；请用 juesuan template 重新生成工作簿，照原样的键填写";
}
std::string duplicate_row(std::string_view key, std::string_view first) {
  return "键 " + q(key) + " 出现了两次（第一次在 " + std::string(first) + "）：只保留一行";
}
std::string missing_value(std::string_view what) { return "这里必须填写" + q(what); }
std::string unknown_column_key(std::string_view key) {
  return "不认识的列键 " + q(key) + "：第 4 行的键请勿修改；请用 juesuan template 重新生成工作簿";
}
std::string missing_column(std::string_view key) {
  return "缺少键为 " + q(key) + " 的列：第 4 行的键请勿修改或删除";
}
std::string row_without_code() { return "这一行填了数，但没有填科目编码：请在这一格填写科目编码，或删去这一行"; }
std::string duplicate_code_in_sheet(std::string_view code, std::string_view first) {
  return "科目 " + q(code) + " 已在 " + std::string(first) + " 填过：同一个科目只填一行，请把两行合并";
}
std::string bad_path(std::string_view key) {
  return "键 " + q(key) +
         " 写得不对：应写成 management.project_count、projects[1].name 这样的形式（附件写 [1].title），序号从 1 起连续";
}
std::string bad_choice(std::string_view text, const std::vector<std::string>& choices) {
  return q(text) + " 不是可选的值：请从下拉列表中选择，可以写 " + join(choices);
}
std::string more_problems(std::size_t more) {
  return "另有 " + std::to_string(more) + " 处问题没有列出：请先改正以上各处，再运行一次";
}
std::string from_yaml_line(int line, std::string_view message) {
  return std::string(message) + "（读入的 YAML 第 " + std::to_string(line) + " 行）";
}
std::string public_table_missing(std::string_view table) {
  return "没有找到 " + std::string(table) + "：请确认工作簿包含公开01表至公开09表（表名或标题中有“公开01表”等字样）";
}
std::string public_row_unreadable(std::string_view what) {
  return "这一行读不出" + std::string(what) + "：科目编码应在前几列（类、款、项合在一列或分成三列），金额是数字";
}

std::string catalog_not_map() { return "目录文件应是“代码: 名称”的映射"; }
std::string catalog_value_not_text() { return "目录中的名称应是文字"; }
std::string catalog_missing_list(std::string_view key) { return "缺少列表 " + q(key); }
std::string catalog_bad_year() { return "年份应写成四位数字，例如 2022"; }
std::string budgets_not_map() {
  return "预算类别文件应是映射：government_fund（政府性基金预算）、state_capital（国有资本经营预算）各列出一组科目代码";
}
std::string unknown_budget(std::string_view key) {
  return "未知的预算类别 " + q(key) + "：只能是 government_fund（政府性基金预算）或 state_capital（国有资本经营预算）";
}
std::string budget_not_list() { return "预算类别下应是科目代码的列表"; }
std::string code_listed_twice(std::string_view code) { return "科目代码 " + q(code) + " 列了两次"; }
std::string year_rules_not_map(std::string_view key) { return std::string(key) + " 应是“科目代码: 年度规则”的映射"; }
std::string year_rule_not_map() { return "年度规则应是映射（since 起用年份、until 停用年份、names 各年名称）"; }
std::string year_names_not_map() { return "names 应是“年份: 名称”的映射"; }
std::string year_name_not_text() { return "名称应是文字，不能为空"; }
std::string unknown_year_rule_key(std::string_view key) {
  return "年度规则中有未知的键 " + q(key) + "：只能是 since、until、names";
}
std::string since_after_until() { return "since（起用年份）晚于 until（停用年份）"; }
std::string years_not_map() { return "年度规则文件应是映射（functional 功能分类、economic 经济分类）"; }

std::string template_missing(std::string_view key) { return "模板：缺少 " + q(key); }
std::string template_not_text(std::string_view key) { return "模板：" + q(key) + " 应是文字"; }
std::string template_bad_align() { return "模板：align 只能是 left、center 或 right"; }
std::string template_department_figure(std::string_view figure) {
  return "模板：" + q(figure) + " 是全部门的数，没有按类的行，不能写 class";
}
std::string template_unknown_figure(std::string_view figure) { return "模板：未知的数 " + q(figure); }
std::string template_bad_cell() { return "模板：单元格应是文字或映射"; }
std::string template_unknown_cell_key(std::string_view key) { return "模板：单元格中有未知的键 " + q(key); }
std::string template_rows_not_list() { return "模板：rows 应是列表"; }
std::string template_row_not_list() { return "模板：每一行应是单元格的列表"; }
std::string template_expected_list() { return "模板：这里应是列表"; }
std::string template_bad_kind() { return "模板：kind 只能是 grid、classified 或 economic"; }
std::string template_panels_not_list() { return "模板：panels 应是列表，每项是一组代码"; }
std::string template_footer_not_row() { return "模板：footer 是一行，应是单元格的列表"; }
std::string template_text_numbers_not_map() {
  return "模板：text_numbers 应是映射（grouping、trim_zeros、percent_trim_zeros、truncate_change_rates、rate_decimals）";
}
std::string template_bad_rate_decimals() { return "模板：text_numbers.rate_decimals 只能是 0、1、2、3 或 4"; }
std::string template_names_not_map() { return "模板：names 应是“代码: 名称”的映射"; }
std::string template_no_tables() { return "模板：tables.yaml 需要列表 “tables”"; }
std::string template_table_not_map() { return "模板：每张表应是映射"; }
std::string template_labels_not_groups() { return "模板：标签应按组写成“键: 名称”"; }
std::string template_glossary_not_list() { return "模板：glossary.yaml 应是列表，每项为 {term, text}"; }
std::string template_file_missing(std::string_view path) { return "模板：缺少文件 " + std::string(path); }
std::string template_folder_not_found(std::string_view path) { return "找不到模板文件夹 " + std::string(path); }
std::string template_base_not_format() { return "模板：base 应是 templates/ 下某个格式的文件夹（不能是另一个方案）"; }
std::string template_tag_unclosed() { return "模板语法：“{{” 没有用 “}}” 闭合"; }
std::string template_triple_brace() { return "模板：三重花括号会把文字不加转义地插入；请写 {{名称}}"; }
std::string template_delimiters() { return "模板：不允许更改分隔符"; }
std::string template_ampersand() { return "模板：{{& …}} 会把文字不加转义地插入；请写 {{名称}}"; }
std::string template_unknown_partial(std::string_view name) { return "模板：没有名为 " + q(name) + " 的子模板"; }
std::string template_unknown_placeholder(std::string_view name) { return "模板：未知的占位符 " + q(name); }
std::string template_closes_nothing(std::string_view name) {
  return "模板语法：{{/" + std::string(name) + "}} 前面没有对应的 {{#" + std::string(name) + "}}";
}
std::string template_closes_other(std::string_view name, std::string_view open) {
  return "模板语法：{{/" + std::string(name) + "}} 闭合的是 {{#" + std::string(open) + "}}";
}
std::string template_empty_tag() { return "模板语法：空的 {{}}"; }
std::string template_section_unclosed(std::string_view name) {
  return "模板语法：{{#" + std::string(name) + "}} 没有闭合";
}
std::string template_rendered_line(std::string_view origin, int line) {
  return std::string(origin) + "：渲染后第 " + std::to_string(line) + " 行";
}
std::string template_unknown_directive(std::string_view where, std::string_view kind) {
  return std::string(where) + "：未知的指令 @" + std::string(kind);
}
std::string template_number_needs_braces(std::string_view where) {
  return std::string(where) + "：number= 需要用 {} 标出编号的位置";
}
std::string template_table_needs_id(std::string_view origin) { return std::string(origin) + "：@table 需要写表的 id"; }
std::string template_unknown_table(std::string_view origin, std::string_view id) {
  return std::string(origin) + "：tables.yaml 中没有表 " + q(id);
}
std::string template_unknown_attachment(std::string_view origin, std::size_t index) {
  return std::string(origin) + "：附件 @attachment " + std::to_string(index) + " 不存在";
}
std::string template_chart_usage(std::string_view where) {
  return std::string(where) + "：应写 @chart pie 列表 | 标题 或 @chart bar totals | 标题";
}
std::string template_pie_list(std::string_view where, std::string_view list, const std::vector<std::string>& lists) {
  return std::string(where) + "：@chart pie 只能用这些列表之一：" + join(lists) + "，不能用 " + q(list);
}
std::string template_bar_kind(std::string_view where, std::string_view kind) {
  return std::string(where) + "：@chart bar 只能是 totals 或 grand，不能是 " + q(kind);
}

std::string font_manifest_no_fonts() { return "字体清单需要列表 “fonts”"; }
std::string font_manifest_not_mapping() { return "字体清单应是一个映射：写 fonts:（字体列表）和 roles:（各用途所用的字体）"; }
std::string font_manifest_not_text(std::string_view key) { return "字体清单中 " + q(key) + " 的值应是一段文字"; }
std::string font_index_not_number(std::string_view font) {
  return "字体 " + q(font) + " 的 index 应是一个从 0 数起的整数（字体集 .ttc 中的第几个字体）";
}
std::string font_needs_name_and_file() { return "每个字体都要写 name（名称）和 file（文件）"; }
std::string font_needs_licence(std::string_view font) { return "字体 " + q(font) + " 需要写 licence（许可证文件）"; }
std::string font_licence_missing(std::string_view font, std::string_view licence) {
  return "字体 " + q(font) + " 的许可证文件 " + std::string(licence) + " 不存在";
}
std::string font_file_missing(std::string_view file, std::string_view package) {
  return "找不到字体文件 " + std::string(file) +
         (package.empty() ? std::string() : "（请安装 Debian 软件包 " + std::string(package) + "）");
}
std::string font_defined_twice(std::string_view font) { return "字体 " + q(font) + " 定义了两次"; }
std::string font_manifest_no_roles() { return "字体清单需要映射 “roles”（各用途所用的字体）"; }
std::string font_role_not_list(std::string_view role) { return "用途 " + q(role) + " 需要一个字体名称的列表"; }
std::string font_role_unknown_font(std::string_view role, std::string_view font) {
  return "用途 " + q(role) + " 用了未定义的字体 " + q(font);
}
std::string font_no_role(std::string_view role) { return "字体清单中没有用途 " + q(role); }
std::string font_file_unreadable(std::string_view file) { return "无法读取字体文件 " + std::string(file); }
std::string font_face_index(std::string_view file, unsigned faces, unsigned index) {
  return "字体文件 " + std::string(file) + " 中有 " + std::to_string(faces) + " 个字体，字体清单要的是第 " +
         std::to_string(index) + " 个（从 0 数起）";
}
std::string font_not_truetype(std::string_view file) {
  return "字体文件 " + std::string(file) + " 没有可用的 TrueType（glyf 表）或 CFF 轮廓：只能嵌入这两种字体";
}
std::string font_bad_range(std::string_view font, std::string_view range) {
  return "字体 " + q(font) + " 的 ranges 应是十六进制码位或码位范围的列表（如 [0020-007E, 00A0-017F]）" +
         (range.empty() ? std::string() : "，而不是 " + q(range));
}

std::string volume_missing_text(std::string_view key) { return "volume.yaml：缺少 " + q(key) + "（一段文字）"; }
std::string volume_missing_lines(std::string_view key) { return "volume.yaml：缺少 " + q(key) + "（若干行文字的列表）"; }

std::string amount_wan_cents(std::int64_t wan_cents) { return format_wan(wan_cents, true) + "万元"; }
std::string amount_wan(Money m) { return amount_wan_cents(m.printed_wan_cents()); }
// format_wan groups any value given in hundredths.
std::string amount_yuan(Money m) { return format_wan(m.fen(), true) + "元"; }

std::string appropriation(int budget) {
  static const char* const kNames[] = {"一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"};
  return budget >= 0 && budget < 3 ? kNames[budget] : kNames[0];
}

std::string rule_description(std::string_view id) {
  static const std::pair<std::string_view, const char*> kRules[] = {
      {"supplied-unknown", "填报数（supplied）的数名或科目编码不存在"},
      {"supplied-total", "部门填报的合计、小计与按明细计算的数一致（万元四舍五入误差之内为提示）"},
      {"total-balance", "收入总计 = 支出总计（本年收入 + 使用非财政拨款结余 + 年初结转和结余 = 本年支出 + 结余分配 + 年末结转和结余）"},
      {"fiscal-balance", "一般公共预算财政拨款：年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余"},
      {"basic-economic", "06表 人员经费合计 + 公用经费合计 = 05表 基本支出合计"},
      {"variance-reason", "项的决算数与年初预算数不同时，须填写差异原因"},
      {"catalog-name", "科目名称与科目目录一致"},
      {"procurement", "授予小微企业 ≤ 授予中小企业 ≤ 政府采购支出总额"},
      {"vehicles", "公务用车保有量不多于国有资产中的车辆总数"},
      {"three-public-reason", "“三公”经费决算数与预算数不同时，须填写差异原因"},
      {"catalog-missing", "科目目录中没有的科目（按本文件写明的名称印出）"},
      {"required-block", "每份文档都要用到的块（概况、结转结余、上年度数、“三公”、机关运行经费、政府采购、国有资产）不能缺少"},
      {"three-public-economic", "06表 30212、30217、30231、31013 不大于“三公”经费中对应的数"},
      {"operating-costs", "机关运行经费不超过06表公用经费合计"},
      {"procurement-spending", "政府采购支出总额不超过本年支出合计"},
      {"year-start-budget", "年初预算总数不小于各项年初预算之和"},
      {"unused-input", "已填写、但本部门表样不印出的数（如 2022 表样的人员情况 staff）"},
      {"budget-kind", "政府性基金、国有资本经营的钱记在本预算的科目上，一般公共预算的钱不记在基金科目上"},
      {"negative-amount", "金额不能为负数（读入时检查）"},
      {"code-structure", "科目编码为 7 位（功能分类项）或 5 位（经济分类款），且其类、款在科目目录中（读入时检查）"},
      {"duplicate-code", "同一科目只填写一次（读入时检查）"},
  };
  for (const auto& [rule, text] : kRules)
    if (rule == id) return text;
  return std::string();
}

std::string figures_differ(std::string_view what, std::string_view a_name, std::string_view a,
                           std::string_view b_name, std::string_view b, std::string_view diff) {
  return std::string(what) + "：" + std::string(a_name) + " " + std::string(a) + "，" + std::string(b_name) + " " +
         std::string(b) + "，相差 " + std::string(diff);
}
std::string within_rounding(std::string_view finding, std::int64_t terms, std::string_view bound) {
  return std::string(finding) + "，在 " + std::to_string(terms) + " 个万元数各自四舍五入的误差范围（±" +
         std::string(bound) + "）之内";
}
std::string supplied_unknown(std::string_view key) {
  return "不认识的填报数 " + q(key) +
         "：应写作 数名 或 数名@科目编码（本部门有的类、款、项），数名见 docs/SCHEMA.md 的“填报数”一节";
}
std::string supplied_mismatch(std::string_view figure, std::string_view code, bool per_row) {
  std::string which = !per_row ? "" : code.empty() ? "（合计）" : "（" + std::string(code) + "）";
  return std::string(figure) + which + " 的填报数与明细之和不一致";
}
std::string supplied_label() { return "填报"; }
std::string supplied_sum_label() { return "明细之和"; }
std::string total_balance_mismatch(std::string_view tail) {
  return tail.empty() ? "收入总计与支出总计不相等"
                      : "收入总计与支出总计不相等（01表按尾差规则印作相等，支出总计含尾差 " + std::string(tail) + "）";
}
std::string total_income_label() { return "收入总计"; }
std::string total_spending_label() { return "按明细计算的支出总计"; }
std::string fiscal_balance_mismatch() { return "一般公共预算财政拨款年末结转和结余"; }
std::string fiscal_expected_label() { return "按年初 + 收入 − 支出计算"; }
std::string basic_economic_missing(Money basic) {
  return "没有填写 basic_economic：06表（基本支出经济分类）将全部为 0，而一般公共预算财政拨款基本支出为 " +
         amount_wan(basic);
}
std::string basic_economic_mismatch(std::string_view tail) {
  return tail.empty() ? "基本支出按经济分类与按功能分类的合计不相等"
                      : "基本支出按经济分类与按功能分类的合计不相等（06表按尾差规则以公用经费合计找齐，含尾差 " +
                            std::string(tail) + "）";
}
std::string basic_economic_06_label() { return "06表 各款之和"; }
std::string basic_economic_05_label() { return "05表 基本支出"; }
std::string variance_no_reason(std::string_view code, std::string_view name, std::int64_t actual_wan_cents,
                               std::int64_t budget_wan_cents) {
  return "项 " + std::string(code) + " " + std::string(name) + " 决算数 " + amount_wan_cents(actual_wan_cents) +
         "与年初预算数 " + amount_wan_cents(budget_wan_cents) + "不同，但没有填写差异原因（reason）";
}
std::string catalog_name_differs(std::string_view code, std::string_view written, std::string_view catalog) {
  return "科目 " + std::string(code) + " 的名称写作 " + q(written) + "，科目目录中为 " + q(catalog);
}
std::string catalog_name_differs_printed(std::string_view code, std::string_view written, std::string_view catalog) {
  return catalog_name_differs(code, written, catalog) + "；表和说明中都按本文件的写法印出";
}
std::string small_micro_over_sme(Money small_micro, Money sme) {
  return "授予小微企业合同金额 " + amount_wan(small_micro) + " 大于授予中小企业合同金额 " + amount_wan(sme);
}
std::string sme_over_procurement(Money sme, Money procurement) {
  return "授予中小企业合同金额 " + amount_wan(sme) + " 大于政府采购支出总额 " + amount_wan(procurement) +
         "（货物 + 工程 + 服务）";
}
std::string vehicles_over_assets(long long held, long long total) {
  return "公务用车保有量 " + std::to_string(held) + " 辆多于国有资产中的车辆总数 " + std::to_string(total) + " 辆";
}
std::string three_public_no_reason(std::int64_t actual_wan_cents, std::int64_t budget_wan_cents) {
  return "“三公”经费决算数 " + amount_wan_cents(actual_wan_cents) + "与预算数 " + amount_wan_cents(budget_wan_cents) +
         "不同，但没有填写差异原因（three_public.reason）";
}
std::string catalog_missing_code(bool economic, std::string_view code, std::string_view name) {
  return std::string(economic ? "经济分类" : "功能分类") + "科目 " + std::string(code) + " " + q(name) +
         " 不在科目目录中，按本文件写明的名称印出：请核对编码和名称（确属新增科目的，可请财政局补充到 data/catalog）";
}
std::string required_block_missing(std::string_view key) {
  static const std::pair<std::string_view, const char*> kBlocks[] = {
      {"overview", "第一部分 概况"}, {"balances", "结转和结余（01表、04表）"},
      {"last_year", "上年度决算数（第三部分 一、四、五）"}, {"three_public", "“三公”经费（09表）"},
      {"operating_costs", "机关运行经费（第三部分 十）"}, {"procurement", "政府采购（第三部分 十一）"},
      {"assets", "国有资产占用（第三部分 十二）"}};
  std::string what;
  for (const auto& [k, w] : kBlocks)
    if (k == key) what = w;
  return "缺少 " + std::string(key) + "（" + what + "）：文件可能没有保存完整或复制不全；本部门确实没有这方面的数时，写 " +
         std::string(key) + ": {}";
}
std::string performance_missing() { return "没有 performance（预算绩效）：第三部分 十三 只印出本表样的固定文字"; }
namespace {
// A part that cannot exceed the whole it belongs to, and why.
std::string part_over_whole(std::string_view part_name, Money part, std::string_view whole_name, Money whole,
                            std::string_view why) {
  return std::string(part_name) + " " + amount_wan(part) + " 大于" + std::string(whole_name) + " " + amount_wan(whole) +
         "：" + std::string(why);
}
}  // namespace
std::string economic_over_three_public(std::string_view code, std::string_view name, Money line, Money three_public) {
  static const std::pair<std::string_view, const char*> kParts[] = {
      {"30212", "“三公”经费中的因公出国（境）费"},
      {"30217", "“三公”经费中的公务接待费"},
      {"30231", "“三公”经费中的公务用车运行维护费"},
      {"31013", "“三公”经费中的公务用车购置费"}};
  std::string part;
  for (const auto& [c, p] : kParts)
    if (c == code) part = p;
  return part_over_whole("06表 " + std::string(code) + " " + std::string(name), line, part, three_public,
                         "“三公”经费包括财政拨款的基本支出和项目支出，不会少于06表中一般公共预算财政拨款基本支出的同一项；请核对 "
                         "three_public 和 basic_economic");
}
std::string operating_costs_over_public(Money operating, Money public_total) {
  return part_over_whole("机关运行经费", operating, "06表公用经费合计", public_total,
                         "机关运行经费是基本支出中的公用经费，一般不超过公用经费合计；请核对");
}
std::string procurement_over_spending(Money procurement, Money spending) {
  return part_over_whole("政府采购支出总额（货物 + 工程 + 服务）", procurement, "本年支出合计", spending,
                         "政府采购支出是本年支出的一部分；请核对政府采购的金额和单位（元或万元）");
}
std::string year_start_below_items(int budget, Money total, Money listed) {
  return appropriation(budget) + "年初预算总数 " + amount_wan(total) + " 与各项年初预算之和 " + amount_wan(listed) +
         " 不一致：总数包括各项，不能小于它们的和；请核对总数和各项的 budget";
}
std::string year_start_above_items(int budget, Money total, Money listed) {
  return appropriation(budget) + "年初预算总数 " + amount_wan(total) + " 比各项年初预算之和 " + amount_wan(listed) +
         " 多 " + amount_wan(total - listed) + "：即有年初预算、没有支出也没有列出的项";
}
std::string budget_kind_mismatch(std::string_view code, std::string_view name, std::string_view budget, int money) {
  return "项 " + std::string(code) + " " + std::string(name) + " 是" + std::string(budget) + "的科目，却填写了" +
         appropriation(money) + "的金额：请核对科目编码或资金来源（general、fund、capital）";
}
std::string unused_input(std::string_view key, std::string_view format, bool has_profile, std::string_view profile) {
  return std::string(key) + " 已填写，但本部门所用表样（" + std::string(format) +
         (has_profile ? "，变体 " + std::string(profile) : std::string()) +
         "）的模板没有用到它，文档中不会出现：如需印出，请财政局在表样变体中加入相应的句子";
}

std::string severity_word(int severity) {
  static const char* const kWords[] = {"错误", "警告", "提示"};
  return severity >= 0 && severity < 3 ? kWords[severity] : kWords[0];
}

std::string missing_character(std::string_view role, char32_t c) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
  return std::string("字体清单（fonts/manifest.yaml）中用途“") + std::string(role) + "”的字体都没有字符 " + code + "“" +
         utf8_encode(c) + "”：PDF 中以替代字形显示。请改用常用字，或在字体清单中为这一用途加一个有这个字的字体";
}
std::string table_too_wide(std::string_view title, double size_pt) {
  return "表格“" + std::string(title) + "”即使横排、字号缩到 " +
         std::to_string(static_cast<int>(size_pt * 10) / 10.0).substr(0, 4) + " 磅也排不下，部分单元格的文字超出了格子";
}
std::string unknown_failure() { return "构建因未知原因失败（这是程序的缺陷，请把所用的文件报告给维护者）"; }
std::string missing_target(std::string_view target) {
  return "目录中的一项指向“" + std::string(target) + "”，文档中没有这一处";
}

}  // namespace juesuan::msg
