// A realistic Document built by hand for the PDF writer's tests and
// benchmark, shaped like the 2022 reference (cover, 目录, five parts, nine
// tables with multi-row headers, colspans and rowspans, a 60-row table that
// runs over several pages, a landscape table and one too wide for portrait,
// numbered lists, long paragraphs). Amounts are made up but deterministic.
#pragma once

#include <cstdio>
#include <regex>
#include <string>
#include <vector>

#include "document/document.hpp"

namespace juesuan::pdf::sample {

#include "sample_text.inc"

namespace d = juesuan::doc;

// "1,234.56" from an amount in 分.
inline std::string money(long long fen) {
  std::string whole = std::to_string(fen / 100), out;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%02lld", fen % 100);
  return out + frac;
}

// Deterministic amounts.
struct Amounts {
  unsigned long long s = 20221231;
  long long next(long long max_fen) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<long long>((s >> 33) % static_cast<unsigned long long>(max_fen));
  }
};

inline d::Cell th(std::string t, int colspan = 1, int rowspan = 1) {
  d::Cell c;
  c.text = std::move(t);
  c.colspan = colspan;
  c.rowspan = rowspan;
  c.align = d::Align::Center;
  c.header = true;
  return c;
}
inline d::Cell td(std::string t, d::Align a = d::Align::Left) {
  d::Cell c;
  c.text = std::move(t);
  c.align = a;
  return c;
}
inline d::Cell amount(long long fen) { return td(money(fen), d::Align::Right); }

inline d::Table table_frame(std::string id, std::string number, std::string title) {
  d::Table t;
  t.id = std::move(id);
  t.number = std::move(number);
  t.title = std::move(title);
  t.department = "部门：焦作市政务服务和大数据管理局";
  t.year = "2022年度";
  t.unit = "单位：万元";
  return t;
}

// 功能分类 rows (类, 款, 项) for the 02/03/05 tables.
struct Subject {
  const char* code;
  const char* name;
};
inline const Subject kSubjects[] = {
    {"201", "一般公共服务支出"}, {"20103", "政府办公厅（室）及相关机构事务"}, {"2010301", "行政运行"},
    {"2010302", "一般行政管理事务"}, {"2010350", "事业运行"}, {"2010399", "其他政府办公厅（室）及相关机构事务支出"},
    {"20111", "纪检监察事务"}, {"2011102", "一般行政管理事务"}, {"205", "教育支出"}, {"20508", "进修及培训"},
    {"2050803", "培训支出"}, {"206", "科学技术支出"}, {"20604", "技术与开发"}, {"2060404", "科技成果转化与扩散"},
    {"20699", "其他科学技术支出"}, {"2069999", "其他科学技术支出"}, {"208", "社会保障和就业支出"},
    {"20805", "行政事业单位养老支出"}, {"2080505", "机关事业单位基本养老保险缴费支出"},
    {"2080599", "其他行政事业单位养老支出"}, {"20807", "就业补助"}, {"2080711", "就业见习补贴"},
    {"210", "卫生健康支出"}, {"21011", "行政事业单位医疗"}, {"2101101", "行政单位医疗"},
    {"2101102", "事业单位医疗"}, {"2101103", "公务员医疗补助"}, {"212", "城乡社区支出"},
    {"21201", "城乡社区管理事务"}, {"2120101", "行政运行"},
};

inline const char* const kClasses[] = {
    "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出",
    "文化旅游体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出",
    "农林水支出", "交通运输支出", "资源勘探工业信息等支出", "商业服务业等支出", "金融支出",
    "援助其他地区支出", "自然资源海洋气象等支出", "住房保障支出", "粮油物资储备支出",
    "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出", "债务还本支出", "债务付息支出",
    "抗疫特别国债安排的支出"};
inline const char* const kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                        "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八",
                                        "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六"};

inline d::Table table01(Amounts& a) {
  d::Table t = table_frame("t01", "公开01表", "收入支出决算总表");
  t.head = {{th("收入", 3), th("支出", 3)},
            {th("项目"), th("行次"), th("决算数"), th("项目"), th("行次"), th("决算数")},
            {th("栏次"), th(""), th("1"), th("栏次"), th(""), th("2")}};
  const char* income[] = {"一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入",
                          "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入"};
  for (int i = 0; i < 26; ++i) {
    d::Row r;
    r.push_back(td(i < 8 ? income[i] : ""));
    r.push_back(td(std::to_string(i + 1), d::Align::Center));
    r.push_back(i < 8 ? amount(a.next(300000)) : td(""));
    r.push_back(td(std::string(kNumerals[i]) + "、" + kClasses[i]));
    r.push_back(td(std::to_string(i + 32), d::Align::Center));
    r.push_back(amount(i % 3 ? 0 : a.next(150000)));
    t.body.push_back(std::move(r));
  }
  const char* tail_l[] = {"本年收入合计", "使用非财政拨款结余", "年初结转和结余", "", "收入总计"};
  const char* tail_r[] = {"本年支出合计", "结余分配", "年末结转与结余", "", "支出总计"};
  for (int i = 0; i < 5; ++i) {
    d::Row r{td(tail_l[i]), td(std::to_string(27 + i), d::Align::Center), tail_l[i][0] ? amount(a.next(500000)) : td(""),
             td(tail_r[i]), td(std::to_string(58 + i), d::Align::Center), tail_r[i][0] ? amount(a.next(500000)) : td("")};
    if (i == 0 || i == 4)
      for (auto& c : r) c.emphasis = true;
    t.body.push_back(std::move(r));
  }
  t.widths = {3.2, 0.8, 1.4, 3.2, 0.8, 1.4};
  t.notes = {"注：本表反映部门本年度的总收支和年末结转结余情况。本表金额转换为万元时，因四舍五入可能存在尾差。"};
  return t;
}

// 60 功能分类 rows: the subject list, twice with other amounts.
inline d::Table subject_table(Amounts& a, std::string id, std::string number, std::string title,
                              std::vector<std::string> columns, int rows, std::string note) {
  d::Table t = table_frame(std::move(id), std::move(number), std::move(title));
  d::Row h0{th("项目", 2)}, h1{th("功能分类科目编码"), th("科目名称")};
  for (auto& c : columns) h0.push_back(th(c, 1, 2));
  t.head = {h0, h1};
  d::Row lanci{td(""), td("栏次", d::Align::Center)};
  d::Row total{td(""), td("合计", d::Align::Center)};
  total[1].emphasis = true;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    lanci.push_back(td(std::to_string(i + 1), d::Align::Center));
    total.push_back(amount(a.next(500000)));
    total.back().emphasis = true;
  }
  t.body = {lanci, total};
  const int n = static_cast<int>(std::size(kSubjects));
  for (int i = 0; i < rows; ++i) {
    const Subject& s = kSubjects[i % n];
    d::Row r{td(s.code), td(s.name)};
    for (std::size_t c = 0; c < columns.size(); ++c) r.push_back(amount(c % 3 == 2 ? 0 : a.next(150000)));
    t.body.push_back(std::move(r));
  }
  t.widths.assign(columns.size() + 2, 1.2);
  t.widths[0] = 1.5;
  t.widths[1] = 3.6;
  t.notes = {std::move(note)};
  return t;
}

inline d::Table table06(Amounts& a) {
  d::Table t = table_frame("t06", "公开06表", "一般公共预算财政拨款基本支出决算明细表");
  t.landscape = true;
  d::Row h;
  for (int i = 0; i < 3; ++i) {
    h.push_back(th("经济分类科目编码"));
    h.push_back(th("科目名称"));
    h.push_back(th("决算数"));
  }
  t.head = {h};
  const char* names[] = {"基本工资", "津贴补贴", "奖金", "伙食补助费", "绩效工资", "机关事业单位基本养老保险缴费",
                         "职业年金缴费", "职工基本医疗保险缴费", "公务员医疗补助缴费", "其他社会保障缴费",
                         "住房公积金", "医疗费", "其他工资福利支出", "办公费", "印刷费", "咨询费", "手续费",
                         "水费", "电费", "邮电费", "取暖费", "物业管理费", "差旅费", "因公出国（境）费用",
                         "维修（护）费", "租赁费", "会议费", "培训费", "公务接待费", "专用材料费",
                         "对民间非营利组织和群众性自治组织补贴"};
  for (int i = 0; i < 27; ++i) {
    d::Row r;
    for (int k = 0; k < 3; ++k) {
      r.push_back(td(std::to_string(30101 + 100 * k + i)));
      r.push_back(td(names[(i + 9 * k) % std::size(names)]));
      r.push_back(amount(a.next(30000)));
    }
    t.body.push_back(std::move(r));
  }
  d::Row sum{td(""), td("人员经费合计"), amount(85502000), td(""), td(""), td(""), td(""), td("公用经费合计"),
             amount(6810000)};
  for (auto& c : sum) c.emphasis = true;
  t.body.push_back(sum);
  t.widths = {1, 2.6, 1, 1, 2.6, 1, 1, 2.6, 1};
  t.notes = {"注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。本表金额转换为万元时，因四舍五入可能存在尾差。"};
  return t;
}

inline d::Table table09(Amounts& a) {
  d::Table t = table_frame("t09", "公开09表", "财政拨款“三公”经费支出决算表");
  d::Row h0{th("预算数", 6), th("决算数", 6)};
  d::Row h1, h2, lanci, values;
  for (int k = 0; k < 2; ++k) {
    h1.push_back(th("合计", 1, 2));
    h1.push_back(th("因公出国（境）费", 1, 2));
    h1.push_back(th("公务用车购置及运行维护费", 3));
    h1.push_back(th("公务接待费", 1, 2));
    h2.push_back(th("小计"));
    h2.push_back(th("公务用车购置费"));
    h2.push_back(th("公务用车运行维护费"));
  }
  for (int i = 1; i <= 12; ++i) {
    lanci.push_back(td(std::to_string(i), d::Align::Center));
    values.push_back(amount(a.next(1000)));
  }
  t.head = {h0, h1, h2};
  t.body = {lanci, values};
  t.notes = {"注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。本表金额转换为万元时，因四舍五入可能存在尾差。"};
  return t;
}

inline d::Table empty_table(std::string id, std::string number, std::string title, std::vector<std::string> notes) {
  d::Table t = table_frame(std::move(id), std::move(number), std::move(title));
  t.head = {{th("项目", 2), th("本年支出", 3)},
            {th("功能分类科目编码"), th("科目名称"), th("小计"), th("基本支出"), th("项目支出")}};
  t.body = {{td(""), td("栏次", d::Align::Center), td("1", d::Align::Center), td("2", d::Align::Center),
             td("3", d::Align::Center)},
            {td(""), td("合计", d::Align::Center), amount(0), amount(0), amount(0)}};
  t.widths = {1.5, 3.6, 1.2, 1.2, 1.2};
  t.notes = std::move(notes);
  return t;
}

// Not marked landscape, but 14 columns of large amounts do not fit portrait.
inline d::Table wide_table(Amounts& a) {
  d::Table t = table_frame("t10", "附表", "部门整体支出分月执行情况表");
  t.unit = "单位：元";
  d::Row h{th("项目")};
  for (int m = 1; m <= 12; ++m) h.push_back(th(std::to_string(m) + "月"));
  h.push_back(th("全年合计"));
  t.head = {h};
  const char* items[] = {"基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出", "合计"};
  for (const char* it : items) {
    d::Row r{td(it)};
    for (int m = 0; m < 13; ++m) r.push_back(amount(1000000000 + a.next(900000000)));
    t.body.push_back(std::move(r));
  }
  t.notes = {"注：本表为测试用的宽表，列数多、金额位数长。"};
  return t;
}

inline d::Document sample_document() {
  Amounts a;
  d::Document doc;
  doc.title = "焦作市政务服务和大数据管理局2022年度部门决算";
  doc.author = "焦作市政务服务和大数据管理局";
  auto para = [&](std::string text) {
    d::Paragraph p;
    p.text = std::move(text);
    doc.blocks.push_back(p);
  };
  auto heading = [&](int level, std::string text, std::string id, bool new_page = false) {
    d::Heading h;
    h.level = level;
    h.text = std::move(text);
    h.id = std::move(id);
    h.new_page = new_page;
    doc.blocks.push_back(h);
  };

  // Cover.
  for (const char* line : {"2022年度", "焦作市政务服务和大数据管理局部门决算"}) {
    d::Paragraph p;
    p.text = line;
    p.role = d::Role::CoverTitle;
    p.align = d::Align::Center;
    p.indent = false;
    doc.blocks.push_back(p);
  }
  {
    d::Paragraph p;
    p.text = "二〇二三年九月";
    p.role = d::Role::CoverLine;
    p.align = d::Align::Center;
    p.indent = false;
    doc.blocks.push_back(p);
  }
  doc.blocks.push_back(d::PageBreak{});

  d::Toc toc;
  toc.title = "目  录";
  const std::size_t toc_index = doc.blocks.size();
  doc.blocks.push_back(toc);

  // 第一部分
  heading(0, "第一部分 焦作市政务服务和大数据管理局概况", "p1", true);
  heading(1, "一、部门职责", "p1s1");
  for (const char* s : kDuties) para(s);
  heading(1, "二、机构设置", "p1s2");
  para("焦作市政务服务和大数据管理局内设机构7个，包括：办公室、发展规划科、电子政务科、政务服务环境科、审批改革协调科、数据资源科、党的建设领导小组办公室七个科室。");
  para("从决算单位构成看，焦作市政务服务和大数据管理局部门决算包括：本级决算、所属事业单位决算。");
  para("2022年度，纳入本部门决算编制范围的单位共3个，其中二级预算单位包括：");
  doc.blocks.push_back(d::List{{{"1. ", "焦作市政务服务和大数据管理局本级。"},
                                {"2. ", "焦作市人民政府电子政务管理中心（云计算服务中心）。"},
                                {"3. ", "焦作市外来投资服务中心。"}}});

  // 第二部分: tables.
  heading(0, "第二部分 2022年度部门决算表", "p2", true);
  doc.blocks.push_back(table01(a));
  doc.blocks.push_back(subject_table(a, "t02", "公开02表", "收入决算表",
                                     {"本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
                                      "附属单位上缴收入", "其他收入"},
                                     60, "注：本表反映部门本年度取得的各项收入情况。本表金额转换为万元时，因四舍五入可能存在尾差。"));
  doc.blocks.push_back(subject_table(a, "t03", "公开03表", "支出决算表",
                                     {"本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
                                      "对附属单位补助支出"},
                                     30, "注：本表反映部门本年度各项支出情况。本表金额转换为万元时，因四舍五入可能存在尾差。"));
  doc.blocks.push_back(subject_table(a, "t05", "公开05表", "一般公共预算财政拨款支出决算表",
                                     {"小计", "基本支出", "项目支出"}, 30,
                                     "注：本表反映部门本年度一般公共预算财政拨款支出情况。本表金额转换为万元时，因四舍五入可能存在尾差。"));
  doc.blocks.push_back(table06(a));
  doc.blocks.push_back(empty_table("t07", "公开07表", "政府性基金预算财政拨款收入支出决算表",
                                   {"注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。",
                                    "说明：我部门没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。"}));
  doc.blocks.push_back(empty_table("t08", "公开08表", "国有资本经营预算财政拨款支出决算表",
                                   {"注：本表反映部门本年度国有资本经营预算财政拨款支出情况。",
                                    "说明：我部门没有使用国有资本经营预算安排的支出，故本表无数据。"}));
  doc.blocks.push_back(table09(a));

  // 第三部分
  heading(0, "第三部分 2022年度部门决算情况说明", "p3", true);
  static const std::regex level1("^[一二三四五六七八九十]+、.*");
  static const std::regex level2("^(（[一二三四五六七八九十]+）|\\([一二三四五六七八九十]+\\)).*");
  static const std::regex item("^(\\d+\\. ?)(.*)");
  int sec = 0;
  d::List* list = nullptr;
  for (const char* line : kPart3) {
    std::string s = line;
    std::smatch m;
    const bool short_line = s.size() <= 32 * 3;
    if (short_line && std::regex_match(s, level1)) {
      heading(1, s, "p3s" + std::to_string(++sec));
      list = nullptr;
    } else if (short_line && std::regex_match(s, level2)) {
      heading(2, s, "");
      list = nullptr;
    } else if (std::regex_match(s, m, item)) {
      if (!list) {
        doc.blocks.push_back(d::List{});
        list = &std::get<d::List>(doc.blocks.back());
      }
      list->items.push_back({m[1].str(), m[2].str()});
    } else {
      para(s);
      list = nullptr;
    }
  }

  // 第四部分
  heading(0, "第四部分 名词解释", "p4", true);
  for (const char* s : kGlossary) para(s);

  // 第五部分
  heading(0, "第五部分 附件", "p5", true);
  para("财政评价未选取我部门项目开展重点绩效评价。");
  doc.blocks.push_back(wide_table(a));

  // The 目录: parts, their sections, the tables.
  d::Toc& t = std::get<d::Toc>(doc.blocks[toc_index]);
  for (const auto& b : doc.blocks) {
    if (auto* h = std::get_if<d::Heading>(&b); h && h->level <= 1 && !h->id.empty())
      t.entries.push_back({h->level, h->text, h->id});
    if (auto* tb = std::get_if<d::Table>(&b); tb && tb->number.rfind("公开", 0) == 0)
      t.entries.push_back({1, tb->title, tb->id});
  }
  return doc;
}

}  // namespace juesuan::pdf::sample
