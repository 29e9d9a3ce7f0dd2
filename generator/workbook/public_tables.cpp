// `juesuan import` of the nine 公开表 (2022 format) as the 决算 software
// exports them: each table found by its title (sheet name or first rows);
// rows read by their 科目编码 (类/款/项 in one column, or split in three
// columns 类|款|项) or by their label (01表, 04表); figures by position.
// The 项 rows (and the 06表 款, the 09表 parts) become inputs; every 合计,
// 总计 and 类/款 row — and each 项 row's 合计 columns — becomes a
// `supplied:` figure, so that `check` verifies the department's totals.
#include <algorithm>
#include <array>
#include <optional>

#include "core/messages.hpp"
#include "workbook/cells.hpp"
#include "workbook/layout.hpp"
#include "workbook/workbook.hpp"
#include "workbook/yaml_out.hpp"

namespace juesuan::book {

namespace {

enum class Table { Summary, Income, Spending, FiscalSummary, General, Economic, Fund, Capital, ThreePublic };

// Most specific title first.
std::optional<Table> table_of(const std::string& s) {
  if (s.find("三公") != std::string::npos) return Table::ThreePublic;
  if (s.find("基本支出决算明细表") != std::string::npos || s.find("基本支出决算表") != std::string::npos)
    return Table::Economic;
  if (s.find("政府性基金预算财政拨款") != std::string::npos) return Table::Fund;
  if (s.find("国有资本经营预算财政拨款") != std::string::npos) return Table::Capital;
  if (s.find("一般公共预算财政拨款支出决算表") != std::string::npos) return Table::General;
  if (s.find("财政拨款收入支出决算总表") != std::string::npos) return Table::FiscalSummary;
  if (s.find("收入支出决算总表") != std::string::npos) return Table::Summary;
  if (s.find("收入决算表") != std::string::npos) return Table::Income;
  if (s.find("支出决算表") != std::string::npos) return Table::Spending;
  return std::nullopt;
}

bool digits(const std::string& s, std::size_t n) {
  return s.size() == n && s.find_first_not_of("0123456789") == std::string::npos;
}

std::string trim(const std::string& s) {
  std::size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

struct Row {
  std::string code;              // "" for a 合计 / 总计 row
  std::vector<std::optional<Money>> figures;
  int row = 0, first_col = 0;
};

class Reader {
 public:
  Reader(const xlsx::Workbook& book, const Catalog& cat) : book_(book), cat_(cat) {}

  Imported run() {
    for (const auto& name : book_.sheet_names()) {
      std::string head = name;
      for (const auto& [rc, c] : book_.cells(name)) {
        if (rc.first > 5) break;
        head += " " + c.text;
        if (c.text.rfind("部门：", 0) == 0 && department_.empty()) department_ = trim(c.text.substr(std::string("部门：").size()));
        if (c.text.find("年度") != std::string::npos && year_.empty() && c.text.size() >= 4 && digits(c.text.substr(0, 4), 4))
          year_ = c.text.substr(0, 4);
        if (c.text.find("单位：元") != std::string::npos) unit_ = Unit::Yuan;
      }
      if (auto t = table_of(head); t && !sheets_.count(*t)) sheets_[*t] = name;
    }
    Imported out;
    if (sheets_.size() < 2) {
      out.problems.push_back({"", -1, -1, msg::not_a_known_workbook()});
      return out;
    }
    static const std::vector<std::pair<Table, const char*>> kNeeded = {
        {Table::Summary, "公开01表 收入支出决算总表"}, {Table::Income, "公开02表 收入决算表"},
        {Table::Spending, "公开03表 支出决算表"}, {Table::General, "公开05表 一般公共预算财政拨款支出决算表"}};
    for (const auto& [t, what] : kNeeded)
      if (!sheets_.count(t)) out.problems.push_back({"", -1, -1, msg::public_table_missing(what)});
    if (!out.problems.empty()) return out;

    code_table(Table::Income, {"income.total", "income.fiscal", "income.superior", "income.service", "income.business",
                               "income.affiliated", "income.other"}, 2);
    code_table(Table::Spending, {"spend.total", "spend.basic", "spend.project", "spend.to_superior", "spend.business",
                                 "spend.to_affiliated"}, 1);
    code_table(Table::General, {"general.total", "general.basic", "general.project"}, 1);
    code_table(Table::Fund, {"fund.opening", "", "fund.total", "fund.basic", "fund.project", "fund.closing"}, 0);
    code_table(Table::Capital, {"capital.total", "capital.basic", "capital.project"}, 1);
    economic();
    three_public();
    summaries();
    items();

    root_.at("department") = YNode::scalar(department_);
    root_.at("year") = YNode::scalar(year_, YNode::Style::Plain);
    root_.at("format") = YNode::scalar("2022", YNode::Style::Quoted);
    root_.at("amount_unit") = YNode::scalar(unit_ == Unit::Yuan ? "元" : "万元");
    std::vector<std::pair<std::string, YNode>> ordered;
    for (const char* k : {"department", "year", "format", "amount_unit", "names", "overview", "items", "basic_economic",
                          "balances", "last_year", "three_public", "operating_costs", "procurement", "assets",
                          "supplied"}) {
      YNode n = root_.find(k) ? *root_.find(k) : YNode{};
      ordered.emplace_back(k, std::move(n));
    }
    root_.entries = std::move(ordered);
    root_.at("items").kind = YNode::Kind::Seq;
    root_.at("items").items = std::move(items_);
    root_.at("supplied").comment = "公开表中的合计、总计和类、款行：check 逐一与按明细计算的数核对";
    root_.at("items").comment = "公开02、03、05、07、08表的项级科目";
    Emitted e = emit_yaml(root_, {department_ + " 部门决算源数据", "由 juesuan import 从公开01–09表读入。",
                                  "概况、上年数、机关运行经费、政府采购、国有资产和年初预算不在公开表中，请补填。"});
    out.yaml = std::move(e.text);
    out.origins = std::move(e.origins);
    out.problems = std::move(problems_);
    return out;
  }

 private:
  const xlsx::Cell* cell(const std::string& sheet, int r, int c) const {
    const auto& cells = book_.cells(sheet);
    auto it = cells.find({r, c});
    return it == cells.end() ? nullptr : &it->second;
  }
  std::string text(const std::string& sheet, int r, int c) const {
    const xlsx::Cell* x = cell(sheet, r, c);
    return x ? trim(x->text) : std::string();
  }
  // A figure: a number, or text such as "1,013.39"; empty and "-" are absent.
  std::optional<Money> figure(const std::string& sheet, int r, int c, bool report = true) {
    const xlsx::Cell* x = cell(sheet, r, c);
    if (!x) return std::nullopt;
    std::string t = trim(x->text);
    if (!x->is_number()) {
      std::string plain;
      for (char ch : t)
        if (ch != ',') plain += ch;
      t = plain;
      if (t.empty() || t == "-" || t == "—") return std::nullopt;
    }
    xlsx::Cell y{x->is_number() ? xlsx::Cell::Type::Number : xlsx::Cell::Type::Text, t};
    ParsedAmount p = cell_amount(y, unit_);
    if (!p.value) {
      if (report) problems_.push_back({sheet, r, c, msg::bad_amount(t, p.error, unit_)});
      return std::nullopt;
    }
    return p.value;
  }
  int last_row(const std::string& sheet) const {
    const auto& cells = book_.cells(sheet);
    return cells.empty() ? -1 : cells.rbegin()->first.first;
  }
  int last_col(const std::string& sheet) const {
    int m = 0;
    for (const auto& [rc, c] : book_.cells(sheet)) m = std::max(m, rc.second);
    return m;
  }

  std::string origin(const std::string& sheet, int r, int c) const { return sheet + "!" + xlsx::cell_name(r, c); }

  void supply(const std::string& figure, const std::string& code, Money m, const std::string& where) {
    if (figure.empty()) return;
    YNode v = YNode::scalar(money_text(m, unit_), YNode::Style::Plain, where);
    v.comment = where;
    root_.at("supplied").entries.emplace_back("\"" + figure + (code.empty() ? "" : "@" + code) + "\"", std::move(v));
  }

  // Rows with a 科目编码 (or 合计), figures by position. `item_totals`: how
  // many leading columns of a 项 row are totals (supplied, not inputs).
  void code_table(Table t, const std::vector<std::string>& names, std::size_t item_totals) {
    auto s = sheets_.find(t);
    if (s == sheets_.end()) return;
    const std::string& sheet = s->second;
    std::string cls, kuan;
    int end_col = last_col(sheet);
    for (int r = 0; r <= last_row(sheet); ++r) {
      std::string a = text(sheet, r, 0), b = text(sheet, r, 1), c = text(sheet, r, 2);
      Row row;
      row.row = r;
      int name_col;
      if (digits(a, 3) && (b.empty() || digits(b, 2)) && (c.empty() || digits(c, 2)) && text(sheet, r, 3) != "") {
        // Split columns 类|款|项.
        cls = a;
        row.code = a + b + (b.empty() ? "" : c);
        name_col = 3;
      } else if (a.empty() && digits(b, 2) && (c.empty() || digits(c, 2)) && !cls.empty()) {
        row.code = cls + b + c;
        name_col = 3;
      } else if (digits(a, 3) || digits(a, 5) || digits(a, 7)) {
        row.code = a;
        name_col = 1;
      } else {
        name_col = -1;
        for (int k = 0; k <= 3; ++k) {
          std::string l;
          for (char ch : text(sheet, r, k))
            if (ch != ' ') l += ch;
          if (l == "合计" || l == "总计") name_col = k;
        }
        if (name_col < 0) continue;
      }
      (void)kuan;
      for (std::size_t i = 0; i < names.size() && name_col + 1 + static_cast<int>(i) <= end_col; ++i)
        row.figures.push_back(figure(sheet, r, name_col + 1 + static_cast<int>(i)));
      row.first_col = name_col + 1;
      bool is_item = row.code.size() == 7;
      for (std::size_t i = 0; i < row.figures.size(); ++i) {
        if (!row.figures[i]) continue;
        if (!is_item || i < item_totals)
          supply(names[i], row.code, *row.figures[i], origin(sheet, r, row.first_col + static_cast<int>(i)));
      }
      if (is_item) {
        auto& acc = rows_[t][row.code];
        acc = row;
        if (std::find(order_.begin(), order_.end(), row.code) == order_.end()) order_.push_back(row.code);
      }
    }
  }

  Money fig(Table t, const std::string& code, std::size_t i) {
    auto& rows = rows_[t];
    auto it = rows.find(code);
    if (it == rows.end() || i >= it->second.figures.size() || !it->second.figures[i]) return Money{};
    return *it->second.figures[i];
  }
  std::string where(Table t, const std::string& code, std::size_t i) {
    auto it = rows_[t].find(code);
    if (it == rows_[t].end()) return "";
    return origin(sheets_[t], it->second.row, it->second.first_col + static_cast<int>(i));
  }

  void items() {
    for (const std::string& code : order_) {
      YNode item;
      item.kind = YNode::Kind::Map;
      YNode& c = item.at("code");
      c = YNode::scalar(code, YNode::Style::Quoted);
      if (const std::string* n = cat_.functional_name(code)) c.comment = *n;
      else if (auto row = rows_[Table::Income].find(code); row != rows_[Table::Income].end())
        item.at("name") = YNode::scalar(text(sheets_[Table::Income], row->second.row, row->second.first_col - 1));
      auto put = [&](const std::string& path, Money m, std::string origin, const char* comment) {
        if (m.is_zero()) return;
        YNode v = YNode::scalar(money_text(m, unit_), YNode::Style::Plain, std::move(origin));
        v.comment = comment;
        item.path(path) = std::move(v);
      };
      Money fund_income = fig(Table::Fund, code, 1);
      put("income.general", fig(Table::Income, code, 1) - fund_income, where(Table::Income, code, 1),
          "02表 财政拨款收入 减 07表 本年收入");
      put("income.fund", fund_income, where(Table::Fund, code, 1), "07表 本年收入");
      static const char* kIncome[] = {"superior", "service", "business", "affiliated", "other"};
      for (std::size_t i = 0; i < 5; ++i)
        put(std::string("income.") + kIncome[i], fig(Table::Income, code, 2 + i), where(Table::Income, code, 2 + i), "02表");
      for (std::size_t k = 0; k < 2; ++k) {   // 基本支出, 项目支出
        std::string kind = k == 0 ? "basic" : "project";
        Money general = fig(Table::General, code, 1 + k), fund = fig(Table::Fund, code, 3 + k),
              capital = fig(Table::Capital, code, 1 + k);
        put(kind + ".general", general, where(Table::General, code, 1 + k), "05表");
        put(kind + ".fund", fund, where(Table::Fund, code, 3 + k), "07表");
        put(kind + ".capital", capital, where(Table::Capital, code, 1 + k), "08表");
        Money other = fig(Table::Spending, code, 1 + k) - general - fund - capital;
        if (other.fen() < 0)
          problems_.push_back({sheets_[Table::Spending], rows_[Table::Spending][code].row,
                               rows_[Table::Spending][code].first_col + static_cast<int>(1 + k),
                               msg::negative_amount(kind == "basic" ? "03表 基本支出 减 05、07、08表" : "03表 项目支出 减 05、07、08表")});
        put(kind + ".other", other, where(Table::Spending, code, 1 + k), "03表 减 05、07、08表：非财政拨款");
      }
      put("to_superior", fig(Table::Spending, code, 3), where(Table::Spending, code, 3), "03表 上缴上级支出");
      put("business", fig(Table::Spending, code, 4), where(Table::Spending, code, 4), "03表 经营支出");
      put("to_affiliated", fig(Table::Spending, code, 5), where(Table::Spending, code, 5), "03表 对附属单位补助支出");
      put("fund_balance.opening", fig(Table::Fund, code, 0), where(Table::Fund, code, 0), "07表 年初结转和结余");
      put("fund_balance.closing", fig(Table::Fund, code, 5), where(Table::Fund, code, 5), "07表 年末结转和结余");
      items_.push_back(std::move(item));
    }
  }

  // 06表: (编码, 名称, 决算数) triples side by side; 人员经费合计, 公用经费合计.
  void economic() {
    auto s = sheets_.find(Table::Economic);
    if (s == sheets_.end()) return;
    const std::string& sheet = s->second;
    YNode& map = root_.at("basic_economic");
    for (const auto& [rc, c] : book_.cells(sheet)) {
      std::string t = trim(c.text);
      auto [r, col] = rc;
      if ((digits(t, 3) || digits(t, 5)) && t[0] == '3') {
        auto m = figure(sheet, r, col + 2);
        if (!m) continue;
        if (t.size() == 5) {
          if (m->is_zero()) continue;   // the table's standard rows print 0.00
          YNode v = YNode::scalar(money_text(*m, unit_), YNode::Style::Plain, origin(sheet, r, col + 2));
          if (const std::string* n = cat_.economic_name(t)) v.comment = *n;
          else root_.at("names").entries.emplace_back("\"" + t + "\"", YNode::scalar(text(sheet, r, col + 1)));
          map.entries.emplace_back("\"" + t + "\"", std::move(v));
        } else {
          supply("econ." + t, "", *m, origin(sheet, r, col + 2));
        }
      } else if (t == "人员经费合计" || t == "公用经费合计") {
        for (int k = col + 1; k <= col + 2; ++k)
          if (auto m = figure(sheet, r, k, false)) {
            supply(t == "人员经费合计" ? "econ.personnel_total" : "econ.public_total", "", *m, origin(sheet, r, k));
            break;
          }
      }
    }
  }

  // 09表: the row of twelve figures (预算数 and 决算数: 合计, 因公出国（境）,
  // 公务用车 小计, 购置, 运行维护, 公务接待).
  void three_public() {
    YNode& tp = root_.at("three_public");
    auto s = sheets_.find(Table::ThreePublic);
    if (s == sheets_.end()) return;
    const std::string& sheet = s->second;
    for (int r = last_row(sheet); r >= 0; --r) {
      std::vector<std::pair<Money, int>> f;
      for (int c = 0; c <= last_col(sheet); ++c) {
        const xlsx::Cell* x = cell(sheet, r, c);
        if (!x || trim(x->text).empty()) continue;
        auto m = figure(sheet, r, c, false);
        if (!m) { f.clear(); break; }
        f.emplace_back(*m, c);
      }
      if (f.size() != 12) continue;
      // A head row of column numbers 1…12 is not the figures.
      bool numbering = true;
      for (int i = 0; i < 12; ++i) numbering = numbering && f[i].first.fen() == (i + 1) * (unit_ == Unit::Yuan ? 100 : 1000000);
      if (numbering) continue;
      auto put = [&](const char* path, int i) {
        if (f[i].first.is_zero()) return;
        tp.path(path) = YNode::scalar(money_text(f[i].first, unit_), YNode::Style::Plain, origin(sheet, r, f[i].second));
      };
      put("budget.abroad", 1), put("budget.vehicle_purchase", 3), put("budget.vehicle_operation", 4), put("budget.reception", 5);
      put("actual.abroad", 7), put("actual.vehicle_purchase", 9), put("actual.vehicle_operation", 10);
      put("actual.reception_domestic", 11);
      supply("three.budget_total", "", f[0].first, origin(sheet, r, f[0].second));
      supply("three.budget_vehicle", "", f[2].first, origin(sheet, r, f[2].second));
      supply("three.actual_total", "", f[6].first, origin(sheet, r, f[6].second));
      supply("three.actual_vehicle", "", f[8].first, origin(sheet, r, f[8].second));
      supply("three.actual_reception", "", f[11].first, origin(sheet, r, f[11].second));
      return;
    }
  }

  // The figure right of a label (a 行次 column skipped): the nth one.
  struct Found {
    Money value;
    std::string where;
    int row = -1;
  };
  std::optional<Found> labelled(const std::string& sheet, const std::string& label, int nth = 0, int from_row = 0,
                                bool prefix = false) {
    for (const auto& [rc, c] : book_.cells(sheet)) {
      if (rc.first < from_row) continue;
      std::string t = trim(c.text);
      if (prefix ? t.rfind(label, 0) != 0 : t != label) continue;
      int col = rc.second + 1;
      // 行次: a small whole number followed by another figure.
      if (const xlsx::Cell* x = cell(sheet, rc.first, col); x && x->is_number() && x->text.find('.') == std::string::npos &&
                                                              std::atoi(x->text.c_str()) < 200 && cell(sheet, rc.first, col + 1))
        ++col;
      else if (x && !x->is_number() && digits(trim(x->text), 1) + digits(trim(x->text), 2))
        ++col;
      auto m = figure(sheet, rc.first, col + nth, false);
      if (!m) continue;
      return Found{*m, origin(sheet, rc.first, col + nth), rc.first};
    }
    return std::nullopt;
  }

  void summaries() {
    const std::string& s01 = sheets_[Table::Summary];
    YNode& b = root_.at("balances");
    auto dept = [&](const char* label, const char* figure, bool prefix = false) -> std::optional<Found> {
      auto f = labelled(s01, label, 0, 0, prefix);
      if (f && figure) supply(figure, "", f->value, f->where);
      return f;
    };
    dept("本年收入合计", "dept.income_total");
    dept("本年支出合计", "dept.spending_total");
    dept("收入总计", "dept.grand_income");
    dept("支出总计", "dept.grand_spending");
    auto use = dept("使用非财政拨款结余", nullptr);
    auto dist = dept("结余分配", nullptr);
    auto opening = dept("年初结转和结余", "dept.opening_total");
    auto closing = dept("年末结转", "dept.closing_total", true);
    if (use && !use->value.is_zero()) b.path("use_of_nonfiscal_surplus") = YNode::scalar(money_text(use->value, unit_), YNode::Style::Plain, use->where);
    if (dist && !dist->value.is_zero()) b.path("surplus_distribution") = YNode::scalar(money_text(dist->value, unit_), YNode::Style::Plain, dist->where);
    // 04表: 年初 / 年末 财政拨款结转和结余, the 一般公共预算 part.
    Money fiscal_open, fiscal_close, general_open, general_close;
    std::string open_where, close_where;
    auto s04 = sheets_.find(Table::FiscalSummary);
    if (s04 != sheets_.end()) {
      const std::string& s = s04->second;
      if (auto f = labelled(s, "本年收入合计")) supply("fiscal.income", "", f->value, f->where);
      if (auto f = labelled(s, "年初财政拨款结转和结余")) {
        fiscal_open = f->value;
        if (auto g = labelled(s, "一般公共预算财政拨款", 0, f->row + 1)) general_open = g->value, open_where = g->where;
      }
      if (auto f = labelled(s, "年末财政拨款结转和结余")) fiscal_close = f->value;
      if (auto g = labelled(s, "年末财政拨款结转和结余", 1)) general_close = g->value, close_where = g->where;
    }
    auto put = [&](const char* path, Money m, const std::string& where) {
      if (!m.is_zero()) b.path(path) = YNode::scalar(money_text(m, unit_), YNode::Style::Plain, where);
    };
    put("opening.general", general_open, open_where);
    if (opening) put("opening.other", opening->value - fiscal_open, opening->where);
    put("closing.general", general_close, close_where);
    if (closing) put("closing.other", closing->value - fiscal_close, closing->where);
  }

  const xlsx::Workbook& book_;
  const Catalog& cat_;
  std::map<Table, std::string> sheets_;
  std::map<Table, std::map<std::string, Row>> rows_;
  std::vector<std::string> order_;
  std::vector<YNode> items_;
  std::vector<Problem> problems_;
  YNode root_;
  std::string department_, year_;
  Unit unit_ = Unit::WanYuan;
};

}  // namespace

Imported import_public_tables(const xlsx::Workbook& book, const Catalog& catalog) {
  return Reader(book, catalog).run();
}

}  // namespace juesuan::book
