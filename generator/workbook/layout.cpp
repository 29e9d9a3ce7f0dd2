// The fill-in workbook's sheets as data (see layout.hpp).
#include "workbook/layout.hpp"

namespace juesuan::book {

std::string money_text(Money m, Unit unit) {
  std::int64_t f = m.fen();
  bool neg = f < 0;
  std::uint64_t a = neg ? -static_cast<std::uint64_t>(f) : static_cast<std::uint64_t>(f);
  std::uint64_t scale = unit == Unit::Yuan ? 100 : 1'000'000;
  int places = unit == Unit::Yuan ? 2 : 6;
  std::string frac = std::to_string(a % scale);
  frac.insert(0, places - frac.size(), '0');
  while (frac.size() > 2 && frac.back() == '0') frac.pop_back();
  return (neg ? "-" : "") + std::to_string(a / scale) + "." + frac;
}

namespace {

std::vector<Value> none() { return {}; }
std::optional<Value> amount_value(const Source& s, const Amount& a) {
  if (!a.present) return std::nullopt;
  return Value{true, money_text(a.value, s.unit)};
}
std::optional<Value> count_value(const Count& c) {
  if (!c.present) return std::nullopt;
  return Value{true, std::to_string(c.value)};
}
std::optional<Value> text_value(const Text& t) {
  if (!t.present) return std::nullopt;
  return Value{false, t.value};
}
std::vector<Value> one(std::optional<Value> v) { return v ? std::vector<Value>{*v} : none(); }
std::vector<Value> texts(const std::vector<Text>& v) {
  std::vector<Value> out;
  for (const auto& t : v) out.push_back({false, t.value});
  return out;
}

#define AMT(expr) [](const Source& s) { return one(amount_value(s, s.expr)); }
#define CNT(expr) [](const Source& s) { return one(count_value(s.expr)); }
#define TXT(expr) [](const Source& s) { return one(text_value(s.expr)); }
#define VEH(key) [](const Source& s) { auto it = s.assets.vehicles.find(key); \
    return it == s.assets.vehicles.end() ? none() : one(count_value(it->second)); }

const char* const kByOwnWriting = "本部门撰写";

}  // namespace

const std::vector<KeyValueSheet>& key_value_sheets() {
  static const std::vector<KeyValueSheet> sheets = {
      {kCover, "部门和年度：每个部门每个年度填一本。带 * 的必须填写。", {
           {"department", "部门名称 *", "部门决算报表封面的部门（单位）名称", Kind::Text, {}, {}, true, false, TXT(department)},
           {"short_name", "部门简称", "本部门习惯的简称（可不填，默认同部门名称）", Kind::Text, {}, {}, false, false, TXT(short_name)},
           {"year", "决算年度 *", "报表年度，四位数字", Kind::Year, {}, {}, true, false, CNT(year)},
           {"format", "表样 *", "财政局的公开要求：2022（2022 年度及以后）或 2021", Kind::Choice, {"2022", "2021"}, {}, true, false, TXT(format)},
           {"amount_unit", "金额单位 *", "本工作簿中金额的单位（建议元，照抄报表）", Kind::Choice, {"元", "万元"}, {}, true, false,
            [](const Source& s) { return std::vector<Value>{{false, s.unit == Unit::Yuan ? "元" : "万元"}}; }},
           {"publish_date", "公开日期", "年-月，如 2023-09", Kind::Text, {}, {}, false, false, TXT(publish_date)},
           {"item_glossary", "名词解释逐项列出功能分类科目", "财政局的公开要求：是 或 否", Kind::Choice, {"是", "否"}, {"true", "false"}, false, false,
            [](const Source& s) {
              return s.item_glossary.present ? std::vector<Value>{{false, s.item_glossary.value ? "是" : "否"}} : none();
            }},
           {"level", "部门所属层级", "市级、区级、县级、乡镇级（可不填）", Kind::Choice, {"市级", "区级", "县级", "乡镇级"}, {}, false, false, TXT(level)},
           {"profile", "表样变体", "财政局通知的变体名（templates/ 下的文件夹，可不填）", Kind::Text, {}, {}, false, false, TXT(profile)},
       }},
      {kTexts, "第一部分 概况的文字。主要职责、决算单位每条一行，可插入行（键照写）。", {
           {"overview.composition", "决算单位构成", "如“本级决算、所属事业单位决算”", Kind::Text, {}, {}, false, false, TXT(overview.composition)},
           {"overview.duties_intro", "部门职责的引言", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(overview.duties_intro)},
           {"overview.duties", "主要职责（每条一行，不写编号）", "本部门“三定”方案", Kind::Text, {}, {}, false, true,
            [](const Source& s) { return texts(s.overview.duties); }},
           {"overview.organisation", "机构设置", "本部门“三定”方案（一段或多段，单元格内换行分段）", Kind::Text, {}, {}, false, false, TXT(overview.organisation)},
           {"overview.units", "决算单位（每个单位一行）", "部门决算报表的汇总单位名单", Kind::Text, {}, {}, false, true,
            [](const Source& s) { return texts(s.overview.units); }},
       }},
      {kBalances, "结转和结余（部门合计）与年初预算总数。", {
           {"balances.opening.general", "年初结转和结余：一般公共预算财政拨款", "财决06表 年初财政拨款结转和结余 一般公共预算财政拨款", Kind::Amount, {}, {}, false, false, AMT(balances.opening_general)},
           {"balances.opening.other", "年初结转和结余：非财政拨款", "财决01表 年初结转和结余 减 财决06表 年初财政拨款结转和结余", Kind::Amount, {}, {}, false, false, AMT(balances.opening_other)},
           {"balances.closing.general", "年末结转和结余：一般公共预算财政拨款", "财决06表 年末财政拨款结转和结余 一般公共预算财政拨款", Kind::Amount, {}, {}, false, false, AMT(balances.closing_general)},
           {"balances.closing.other", "年末结转和结余：非财政拨款", "财决01表 年末结转和结余 减 财决06表 年末财政拨款结转和结余", Kind::Amount, {}, {}, false, false, AMT(balances.closing_other)},
           {"balances.use_of_nonfiscal_surplus", "使用非财政拨款结余", "财决01表 使用非财政拨款结余", Kind::Amount, {}, {}, false, false, AMT(balances.use_of_nonfiscal_surplus)},
           {"balances.surplus_distribution", "结余分配", "财决01表 结余分配", Kind::Amount, {}, {}, false, false, AMT(balances.surplus_distribution)},
           {"year_start_budget.general", "年初预算总数：一般公共预算财政拨款", "年初批复的部门预算 一般公共预算财政拨款支出合计（可不填，默认为各项之和）", Kind::Amount, {}, {}, false, false, AMT(year_start_budget.general)},
           {"year_start_budget.fund", "年初预算总数：政府性基金预算财政拨款", "同上，政府性基金预算财政拨款", Kind::Amount, {}, {}, false, false, AMT(year_start_budget.fund)},
           {"year_start_budget.capital", "年初预算总数：国有资本经营预算财政拨款", "同上，国有资本经营预算财政拨款", Kind::Amount, {}, {}, false, false, AMT(year_start_budget.capital)},
       }},
      {kLastYear, "上年度决算数及增减原因。", {
           {"last_year.total", "上年度收、支总计", "上年度 财决01表 收入总计（上年度公开01表）", Kind::Amount, {}, {}, false, false, AMT(last_year.total)},
           {"last_year.total_reason", "收、支总计增减的主要原因", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(last_year.total_reason)},
           {"last_year.fiscal_total", "上年度财政拨款收、支总计", "上年度 财决06表 收入总计（上年度公开04表 总计）", Kind::Amount, {}, {}, false, false, AMT(last_year.fiscal_total)},
           {"last_year.fiscal_reason", "财政拨款收、支总计增减的主要原因", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(last_year.fiscal_reason)},
           {"last_year.general_spending", "上年度一般公共预算财政拨款支出", "上年度 一般公共预算财政拨款支出合计（上年度公开05表 合计）", Kind::Amount, {}, {}, false, false, AMT(last_year.general_spending)},
           {"last_year.general_reason", "一般公共预算财政拨款支出增减的主要原因", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(last_year.general_reason)},
           {"last_year.income_total", "上年度本年收入合计", "上年度 收入支出决算总表 本年收入合计（表样变体用到时填写）", Kind::Amount, {}, {}, false, false, AMT(last_year.income_total)},
           {"last_year.spending_total", "上年度本年支出合计", "上年度 收入支出决算总表 本年支出合计（同上）", Kind::Amount, {}, {}, false, false, AMT(last_year.spending_total)},
       }},
      {kThreePublic, "财政拨款“三公”经费（公开09表；2021 表样公开07表）。本部门没有时全部不填。", {
           {"three_public.budget.abroad", "全年预算数：因公出国（境）费", "“三公”经费支出 预算数 因公出国（境）费", Kind::Amount, {}, {}, false, false, AMT(three_public.budget_abroad)},
           {"three_public.budget.vehicle_purchase", "全年预算数：公务用车购置费", "同上 公务用车购置费", Kind::Amount, {}, {}, false, false, AMT(three_public.budget_vehicle_purchase)},
           {"three_public.budget.vehicle_operation", "全年预算数：公务用车运行维护费", "同上 公务用车运行维护费", Kind::Amount, {}, {}, false, false, AMT(three_public.budget_vehicle_operation)},
           {"three_public.budget.reception", "全年预算数：公务接待费", "同上 公务接待费", Kind::Amount, {}, {}, false, false, AMT(three_public.budget_reception)},
           {"three_public.actual.abroad", "决算数：因公出国（境）费", "“三公”经费支出 决算（统计）数 因公出国（境）费", Kind::Amount, {}, {}, false, false, AMT(three_public.abroad)},
           {"three_public.actual.vehicle_purchase", "决算数：公务用车购置费", "同上 公务用车购置费", Kind::Amount, {}, {}, false, false, AMT(three_public.vehicle_purchase)},
           {"three_public.actual.vehicle_operation", "决算数：公务用车运行维护费", "同上 公务用车运行维护费", Kind::Amount, {}, {}, false, false, AMT(three_public.vehicle_operation)},
           {"three_public.actual.reception_foreign", "决算数：外宾接待支出", "同上 公务接待费 其中国（境）外接待费", Kind::Amount, {}, {}, false, false, AMT(three_public.reception_foreign)},
           {"three_public.actual.reception_domestic", "决算数：国内公务接待支出", "同上 公务接待费 其中国内接待费", Kind::Amount, {}, {}, false, false, AMT(three_public.reception_domestic)},
           {"three_public.reason", "决算数与预算数差异的总体原因", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(three_public.reason)},
           {"three_public.abroad_reason", "因公出国（境）费差异原因", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(three_public.abroad_reason)},
           {"three_public.vehicle_reason", "公务用车购置及运行费差异原因", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(three_public.vehicle_reason)},
           {"three_public.reception_reason", "公务接待费差异原因", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(three_public.reception_reason)},
           {"three_public.abroad_groups", "因公出国（境）团组数", "“三公”经费相关统计数 因公出国（境）团组数", Kind::Count, {}, {}, false, false, CNT(three_public.abroad_groups)},
           {"three_public.abroad_persons", "因公出国（境）人次", "同上 因公出国（境）人次数", Kind::Count, {}, {}, false, false, CNT(three_public.abroad_persons)},
           {"three_public.vehicles_bought", "本年购置车辆数", "同上 公务用车购置数", Kind::Count, {}, {}, false, false, CNT(three_public.vehicles_bought)},
           {"three_public.vehicles_bought_note", "购置车辆的说明", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(three_public.vehicles_bought_note)},
           {"three_public.vehicles_held", "年末公务用车保有量", "同上 公务用车保有量", Kind::Count, {}, {}, false, false, CNT(three_public.vehicles_held)},
           {"three_public.vehicle_operation_use", "公务用车运行维护费主要用途", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(three_public.vehicle_operation_use)},
           {"three_public.foreign_groups", "接待国（境）外来访团组", "同上 国（境）外公务接待批次", Kind::Count, {}, {}, false, false, CNT(three_public.foreign_groups)},
           {"three_public.foreign_persons", "来访外宾人次", "同上 国（境）外公务接待人次", Kind::Count, {}, {}, false, false, CNT(three_public.foreign_persons)},
           {"three_public.foreign_use", "外宾接待主要用途", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(three_public.foreign_use)},
           {"three_public.domestic_groups", "接待国内来访团组", "同上 国内公务接待批次", Kind::Count, {}, {}, false, false, CNT(three_public.domestic_groups)},
           {"three_public.domestic_persons", "国内来宾人次", "同上 国内公务接待人次", Kind::Count, {}, {}, false, false, CNT(three_public.domestic_persons)},
           {"three_public.domestic_use", "国内公务接待主要用途", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(three_public.domestic_use)},
           {"three_public.last_year.abroad", "上年度决算数：因公出国（境）费", "上年度“三公”经费决算数（表样变体用到时填写）", Kind::Amount, {}, {}, false, false, AMT(three_public.last_abroad)},
           {"three_public.last_year.vehicle_purchase", "上年度决算数：公务用车购置费", "同上", Kind::Amount, {}, {}, false, false, AMT(three_public.last_vehicle_purchase)},
           {"three_public.last_year.vehicle_operation", "上年度决算数：公务用车运行维护费", "同上", Kind::Amount, {}, {}, false, false, AMT(three_public.last_vehicle_operation)},
           {"three_public.last_year.reception", "上年度决算数：公务接待费", "同上", Kind::Amount, {}, {}, false, false, AMT(three_public.last_reception)},
           {"three_public.last_year_reason", "与上年度相比增减的主要原因", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(three_public.last_year_reason)},
       }},
      {kOther, "机关运行经费和政府采购。", {
           {"operating_costs.amount", "机关运行经费支出决算", "机关运行经费支出（部门决算报表中的对应栏目）", Kind::Amount, {}, {}, false, false, AMT(operating_costs.amount)},
           {"operating_costs.budget", "机关运行经费年初预算", "年初批复的部门预算中的机关运行经费", Kind::Amount, {}, {}, false, false, AMT(operating_costs.budget)},
           {"operating_costs.last_year", "上年度机关运行经费支出决算", "上年度 机关运行经费支出", Kind::Amount, {}, {}, false, false, AMT(operating_costs.last_year)},
           {"operating_costs.reason", "机关运行经费差异（增减）原因", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(operating_costs.reason)},
           {"procurement.goods", "政府采购：货物", "政府采购支出 货物", Kind::Amount, {}, {}, false, false, AMT(procurement.goods)},
           {"procurement.works", "政府采购：工程", "政府采购支出 工程", Kind::Amount, {}, {}, false, false, AMT(procurement.works)},
           {"procurement.services", "政府采购：服务", "政府采购支出 服务", Kind::Amount, {}, {}, false, false, AMT(procurement.services)},
           {"procurement.sme", "授予中小企业合同金额", "政府采购 授予中小企业合同金额", Kind::Amount, {}, {}, false, false, AMT(procurement.sme)},
           {"procurement.small_micro", "其中授予小微企业合同金额", "政府采购 其中授予小微企业合同金额", Kind::Amount, {}, {}, false, false, AMT(procurement.small_micro)},
           {"procurement.use", "政府采购主要用于", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(procurement.use)},
       }},
      {kStaff, "人员情况和国有资产占用（年末）。", {
           {"staff.posts", "编制数", "人员情况 编制数", Kind::Count, {}, {}, false, false, CNT(staff.posts)},
           {"staff.in_service", "在职人员", "人员情况 在职人员 实有人数", Kind::Count, {}, {}, false, false, CNT(staff.in_service)},
           {"staff.retired_off", "离休人员", "人员情况 离休人员", Kind::Count, {}, {}, false, false, CNT(staff.retired_off)},
           {"staff.retired", "退休人员", "人员情况 退休人员", Kind::Count, {}, {}, false, false, CNT(staff.retired)},
           {"assets.vehicles.provincial_leaders", "车辆：省级领导干部用车", "国有资产占用情况 车辆 按用途", Kind::Count, {}, {}, false, false, VEH("provincial_leaders")},
           {"assets.vehicles.principal_leaders", "车辆：主要领导干部用车", "同上", Kind::Count, {}, {}, false, false, VEH("principal_leaders")},
           {"assets.vehicles.leaders", "车辆：领导干部用车（2021 表样）", "同上", Kind::Count, {}, {}, false, false, VEH("leaders")},
           {"assets.vehicles.confidential", "车辆：机要通信用车", "同上", Kind::Count, {}, {}, false, false, VEH("confidential")},
           {"assets.vehicles.emergency", "车辆：应急保障用车", "同上", Kind::Count, {}, {}, false, false, VEH("emergency")},
           {"assets.vehicles.law_enforcement", "车辆：执法执勤用车", "同上", Kind::Count, {}, {}, false, false, VEH("law_enforcement")},
           {"assets.vehicles.special_technical", "车辆：特种专业技术用车", "同上", Kind::Count, {}, {}, false, false, VEH("special_technical")},
           {"assets.vehicles.retired_cadres", "车辆：离退休干部用车", "同上", Kind::Count, {}, {}, false, false, VEH("retired_cadres")},
           {"assets.vehicles.other", "车辆：其他用车", "同上", Kind::Count, {}, {}, false, false, VEH("other")},
           {"assets.other_vehicles_use", "其他用车主要用途", kByOwnWriting, Kind::Text, {}, {}, false, false, TXT(assets.other_vehicles_use)},
           {"assets.equipment_over_1m", "单价 100 万元（含）以上设备，台（套）", "国有资产占用情况 单价 100 万元以上设备（2022 表样）", Kind::Count, {}, {}, false, false, CNT(assets.equipment_over_1m)},
           {"assets.general_equipment_over_500k", "单位价值 50 万元以上通用设备，台（套）", "国有资产占用情况（2021 表样）", Kind::Count, {}, {}, false, false, CNT(assets.general_equipment_over_500k)},
           {"assets.special_equipment_over_1m", "单位价值 100 万元以上专用设备，台（套）", "国有资产占用情况（2021 表样）", Kind::Count, {}, {}, false, false, CNT(assets.special_equipment_over_1m)},
       }},
  };
  return sheets;
}

#define IA(expr) [](const Source& s, const Item& i) { return amount_value(s, i.expr); }

const std::vector<Column<Item>>& item_columns() {
  static const std::vector<Column<Item>> cols = {
      {"code", "项级科目编码 *", "财决03表、财决04表 该行的科目编码（7 位）", Kind::Code, 11,
       [](const Source&, const Item& i) { return text_value(i.code); }},
      {"name", "科目名称", "同一行的科目名称（目录中有的自动填出；目录中没有的项必须填写）", Kind::Text, 26,
       [](const Source&, const Item& i) { return text_value(i.name); }},
      {"income.general", "收入：一般公共预算财政拨款", "财决03表 财政拨款收入 一般公共预算财政拨款", Kind::Amount, 12, IA(income.general)},
      {"income.fund", "收入：政府性基金预算财政拨款", "财决03表 财政拨款收入 政府性基金预算财政拨款（财决09表 本年收入）", Kind::Amount, 12, IA(income.fund)},
      {"income.capital", "收入：国有资本经营预算财政拨款", "财决03表 财政拨款收入 国有资本经营预算财政拨款", Kind::Amount, 12, IA(income.capital)},
      {"income.superior", "收入：上级补助收入", "财决03表 上级补助收入", Kind::Amount, 12, IA(income.superior)},
      {"income.service", "收入：事业收入", "财决03表 事业收入", Kind::Amount, 12, IA(income.service)},
      {"income.business", "收入：经营收入", "财决03表 经营收入", Kind::Amount, 12, IA(income.business)},
      {"income.affiliated", "收入：附属单位上缴收入", "财决03表 附属单位上缴收入", Kind::Amount, 12, IA(income.affiliated)},
      {"income.other", "收入：其他收入", "财决03表 其他收入", Kind::Amount, 12, IA(income.other)},
      {"basic.general", "基本支出：一般公共预算财政拨款", "一般公共预算财政拨款支出表 基本支出", Kind::Amount, 12, IA(basic.general)},
      {"basic.fund", "基本支出：政府性基金预算财政拨款", "财决09表 本年支出 基本支出", Kind::Amount, 12, IA(basic.fund)},
      {"basic.capital", "基本支出：国有资本经营预算财政拨款", "财决10表 基本支出", Kind::Amount, 12, IA(basic.capital)},
      {"basic.other", "基本支出：非财政拨款资金", "财决04表 基本支出 减去以上三项", Kind::Amount, 12, IA(basic.other)},
      {"project.general", "项目支出：一般公共预算财政拨款", "一般公共预算财政拨款支出表 项目支出", Kind::Amount, 12, IA(project.general)},
      {"project.fund", "项目支出：政府性基金预算财政拨款", "财决09表 本年支出 项目支出", Kind::Amount, 12, IA(project.fund)},
      {"project.capital", "项目支出：国有资本经营预算财政拨款", "财决10表 项目支出", Kind::Amount, 12, IA(project.capital)},
      {"project.other", "项目支出：非财政拨款资金", "财决04表 项目支出 减去以上三项", Kind::Amount, 12, IA(project.other)},
      {"to_superior", "上缴上级支出", "财决04表 上缴上级支出", Kind::Amount, 12, IA(to_superior)},
      {"business", "经营支出", "财决04表 经营支出", Kind::Amount, 12, IA(business)},
      {"to_affiliated", "对附属单位补助支出", "财决04表 对附属单位补助支出", Kind::Amount, 12, IA(to_affiliated)},
      {"fund_balance.opening", "政府性基金 年初结转和结余", "财决09表 年初结转和结余", Kind::Amount, 12, IA(fund_balance.opening)},
      {"fund_balance.closing", "政府性基金 年末结转和结余", "财决09表 年末结转和结余", Kind::Amount, 12, IA(fund_balance.closing)},
      {"capital_balance.opening", "国有资本经营 年初结转和结余", "财决10表 年初结转和结余", Kind::Amount, 12, IA(capital_balance.opening)},
      {"capital_balance.closing", "国有资本经营 年末结转和结余", "财决10表 年末结转和结余", Kind::Amount, 12, IA(capital_balance.closing)},
      {"budget.general", "年初预算：一般公共预算财政拨款", "年初批复的部门预算 该项支出（年初预算数）", Kind::Amount, 12, IA(budget)},
      {"budget.fund", "年初预算：政府性基金预算财政拨款", "同上 政府性基金预算财政拨款", Kind::Amount, 12, IA(fund_budget)},
      {"budget.capital", "年初预算：国有资本经营预算财政拨款", "同上 国有资本经营预算财政拨款", Kind::Amount, 12, IA(capital_budget)},
      {"reason", "决算数与年初预算数差异的主要原因", kByOwnWriting, Kind::Text, 30,
       [](const Source&, const Item& i) { return text_value(i.reason); }},
  };
  return cols;
}

const std::vector<Column<EconomicRow>>& economic_columns() {
  static const std::vector<Column<EconomicRow>> cols = {
      {"code", "经济分类款级科目编码", "部门预算支出经济分类 款（5 位）", Kind::Code, 12,
       [](const Source&, const EconomicRow& r) { return std::optional<Value>(Value{false, r.first}); }},
      {"name", "科目名称", "科目目录（本部门的写法不同时填在“科目名称”表）", Kind::Text, 30, {}},
      {"amount", "一般公共预算财政拨款基本支出", "一般公共预算财政拨款基本支出决算明细表 该款金额（公开06表）", Kind::Amount, 16,
       [](const Source& s, const EconomicRow& r) { return amount_value(s, r.second); }},
  };
  return cols;
}

const std::vector<Column<NameRow>>& name_columns() {
  static const std::vector<Column<NameRow>> cols = {
      {"code", "科目编码", "功能分类 类 3 位、款 5 位、项 7 位；经济分类 类 3 位、款 5 位", Kind::Code, 12,
       [](const Source&, const NameRow& r) { return std::optional<Value>(Value{false, r.first}); }},
      {"name", "科目名称", "《政府收支分类科目》或报表中的名称：目录中没有的科目，或本部门的写法", Kind::Text, 40,
       [](const Source&, const NameRow& r) { return text_value(r.second); }},
  };
  return cols;
}

const std::vector<Column<Supplied>>& supplied_columns() {
  static const std::vector<Column<Supplied>> cols = {
      {"figure", "数名", "如 spend.total、dept.grand_income（见 docs/SCHEMA.md 第六节）", Kind::Text, 24,
       [](const Source&, const Supplied& r) { return std::optional<Value>(Value{false, r.figure}); }},
      {"code", "科目编码", "类、款、项的编码；合计行不填", Kind::Code, 12,
       [](const Source&, const Supplied& r) {
         return r.code.empty() ? std::nullopt : std::optional<Value>(Value{false, r.code});
       }},
      {"amount", "本部门表格中的数", "部门自己表格中的合计数（仅供审核）", Kind::SignedAmount, 16,
       [](const Source& s, const Supplied& r) { return amount_value(s, r.amount); }},
  };
  return cols;
}

std::vector<std::pair<std::string, std::string>> performance_keys(const std::string& format) {
  if (format == "2021")
    return {{"management.project_count", "支出项目个数"},
            {"management.project_self_eval_count", "进行项目绩效自评的项目个数"},
            {"management.project_self_eval_funds", "项目绩效自评金额（万元）"},
            {"management.key_evaluation_count", "纳入重点绩效评价的项目个数"},
            {"management.key_evaluation_funds", "重点绩效评价金额（万元）"},
            {"self_assessment.overall_score", "部门整体绩效自评得分"},
            {"self_assessment.overall_table", "部门整体绩效自评表所在附件的标题"},
            {"self_assessment.projects_with_targets", "批复了绩效目标的项目个数"},
            {"self_assessment.projects_with_targets_agency", "其中机关"},
            {"self_assessment.projects_with_targets_secondary", "其中二级机构"},
            {"self_assessment.project_average_score", "项目支出绩效自评平均得分"},
            {"key_evaluation.department_project", "开展部门评价的项目名称"},
            {"key_evaluation.department_result", "部门评价结果"},
            {"key_evaluation.department_score", "部门评价得分"},
            {"key_evaluation.finance_text", "财政评价情况"}};
  return {{"management.project_count", "全面自评涵盖的项目个数"},
          {"management.project_self_eval_covers_all", "项目自评是否覆盖全部项目支出（true / false）"},
          {"management.overall_self_eval_funds", "部门整体支出绩效自评涉及预算资金（万元）"},
          {"management.overall_score", "部门整体支出绩效自评结果（分）"},
          {"management.overall_summary", "部门整体自评结论"},
          {"project_results.grade_excellent", "自评等级为“优”的项目个数"},
          {"project_results.grade_good", "“良”的项目个数"},
          {"project_results.grade_fair", "“中”的项目个数"},
          {"project_results.grade_poor", "“差”的项目个数"},
          {"project_results.summary", "项目自评结论"},
          {"key_evaluation.text", "重点绩效评价结果"}};
}

}  // namespace juesuan::book
