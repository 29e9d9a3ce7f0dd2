#include "source/load.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include "core/messages.hpp"
#include "yaml/yaml_tree.hpp"

namespace juesuan {

namespace {

using yaml::Node;

// Edit distance, to suggest the key a typo meant.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Field {
  const char* key;
  const char* what;   // what it is, in the officer's words (for messages)
  bool required = false;
};

class Reader {
 public:
  Reader(Source& src, const LoadContext& ctx) : src_(src), ctx_(ctx) {}

  // Every mistake of the file is reported, not only the first: a mistake
  // in a value is recorded and the value read as absent; a mistake that
  // leaves the rest of a block unreadable (a list where a map belongs)
  // ends that block, item or entry only (guard).
  std::vector<Error> errors;
  void fail(Error e) { errors.push_back(std::move(e)); }
  template <class F>
  void guard(F&& f) {
    try {
      f();
    } catch (const Error& e) {
      if (e.kind() != Failure::Input) throw;
      fail(e);
    }
  }

  // Checks that `n` is a map whose keys are all among `fields`, and that the
  // required ones are there (false when one is missing). An unknown key
  // right after a key with an empty value is most likely a key of that
  // value indented too little: said so, on its line.
  bool map(const Node& n, std::string_view where, std::initializer_list<Field> fields) {
    if (!n.is_map()) throw Error(Failure::Input, n.loc, msg::expected_map(where));
    std::vector<std::string> allowed;
    for (const auto& f : fields) allowed.push_back(f.key);
    for (std::size_t i = 0; i < n.entries.size(); ++i) {
      const Node& k = n.entries[i].first;
      if (std::find(allowed.begin(), allowed.end(), k.text) != allowed.end()) continue;
      std::string best;
      std::size_t best_d = 3;
      for (const auto& a : allowed) {
        std::size_t d = distance(k.text, a);
        if (d < best_d) { best_d = d; best = a; }
      }
      if (best.empty() && i > 0 && n.entries[i - 1].second.is_null() && n.entries[i - 1].first.loc.line < k.loc.line &&
          n.entries[i - 1].first.loc.col == k.loc.col) {
        fail(Error(Failure::Input, k.loc, msg::too_little_indent(k.loc.col - 1, n.entries[i - 1].first.loc.col + 1)));
        continue;
      }
      fail(Error(Failure::Input, k.loc, msg::unknown_key(k.text, where, allowed, best)));
    }
    bool complete = true;
    for (const auto& f : fields)
      if (f.required && !n.find(f.key)) {
        fail(Error(Failure::Input, n.loc, msg::missing_key(f.key, f.what)));
        complete = false;
      }
    return complete;
  }

  Text text(const Node* n, std::string_view what) {
    Text t;
    if (!n || n->is_null()) return t;
    if (!n->is_scalar()) {
      fail(Error(Failure::Input, n->loc, msg::expected_text(what)));
      return t;
    }
    t.value = n->text;
    t.loc = n->loc;
    t.present = true;
    return t;
  }

  Amount amount(const Node* n, std::string_view what, bool may_be_negative = false) {
    Amount a;
    if (!n) return a;
    if (n->is_null()) return fail(Error(Failure::Input, n->loc, msg::bad_amount("", AmountError::Empty, src_.unit))), a;
    if (!n->is_scalar()) return fail(Error(Failure::Input, n->loc, msg::expected_amount(what))), a;
    ParsedAmount p = parse_amount(n->text, src_.unit);
    if (!p.value) return fail(Error(Failure::Input, n->loc, msg::bad_amount(n->text, p.error, src_.unit))), a;
    if (!may_be_negative && p.value->fen() < 0) return fail(Error(Failure::Input, n->loc, msg::negative_amount(what))), a;
    a.value = *p.value;
    a.loc = n->loc;
    a.present = true;
    return a;
  }

  Count count(const Node* n, std::string_view what) {
    Count c;
    if (!n) return c;
    if (!n->is_scalar() || !all_digits(n->text) || n->text.size() > 9)
      return fail(Error(Failure::Input, n->loc, msg::bad_count(n->is_scalar() ? n->text : "", what))), c;
    c.value = std::stoll(n->text);
    c.loc = n->loc;
    c.present = true;
    return c;
  }

  const Node* seq(const Node* n, std::string_view what) {
    if (!n || n->is_null()) return nullptr;
    if (!n->is_seq()) throw Error(Failure::Input, n->loc, msg::expected_list(what));
    return n;
  }

  Source& src_;
  const LoadContext& ctx_;
};

void load_header(Reader& r, const Node& root) {
  Source& s = r.src_;
  bool complete = r.map(root, "", {
      {"department", "部门名称", true}, {"short_name", "部门简称"}, {"year", "决算年度", true}, {"format", "表样", true},
      {"amount_unit", "金额单位：元 或 万元", true}, {"publish_date", "公开日期，如 2023-09"},
      {"item_glossary", "名词解释是否逐项列出功能分类科目"}, {"overview", "第一部分 概况"},
      {"items", "功能分类项级科目", true}, {"basic_economic", "基本支出经济分类"},
      {"balances", "结转和结余"}, {"last_year", "上年度决算数"}, {"three_public", "“三公”经费"},
      {"operating_costs", "机关运行经费"}, {"procurement", "政府采购"}, {"assets", "国有资产占用"},
      {"performance", "预算绩效"}, {"attachments", "附件"}, {"supplied", "部门自行填报的合计数（仅供审核）"},
      {"level", "部门所属层级：市级、区级、县级、乡镇级"}, {"profile", "本财政局的表样变体（templates/ 下的文件夹）"},
      {"names", "本部门对科目名称的写法（目录中没有的科目，或本部门的叫法）"},
      {"year_start_budget", "年初预算总数"}, {"staff", "人员情况"},
      {"class_uses", "各类支出的主要用途（按功能分类类编码）"},
      {"kind", "决算的种类：部门（主管部门的部门决算）或 单位（单位决算）"}, {"supervisor", "单位决算所属的主管部门名称"}});
  for (const auto& [k, v] : root.entries) s.blocks.emplace(k.text, k.loc);
  if (!complete) return;  // (reported; the blocks are read all the same)
  // The unit first: every amount depends on it.
  const Node* unit = root.find("amount_unit");
  if (!unit->is_scalar() || (unit->text != "元" && unit->text != "万元"))
    r.fail(Error(Failure::Input, unit->loc, msg::bad_unit(unit->is_scalar() ? unit->text : "")));
  s.unit = unit->text == "元" ? Unit::Yuan : Unit::WanYuan;

  s.department = r.text(root.find("department"), "department");
  s.level = r.text(root.find("level"), "level");
  s.profile = r.text(root.find("profile"), "profile");
  s.short_name = r.text(root.find("short_name"), "short_name");
  s.kind = r.text(root.find("kind"), "kind");
  if (s.kind.present && s.kind.value != kKindDepartment && s.kind.value != kKindUnit)
    r.fail(Error(Failure::Input, s.kind.loc, msg::bad_kind(s.kind.value)));
  s.supervisor = r.text(root.find("supervisor"), "supervisor");
  if (s.department.value.empty() && !root.find("department")->is_map() && !root.find("department")->is_seq())
    r.fail(Error(Failure::Input, root.find("department")->loc, msg::missing_key("department", "部门名称")));
  const Node* year = root.find("year");
  if (!year->is_scalar() || year->text.size() != 4 || !all_digits(year->text))
    r.fail(Error(Failure::Input, year->loc, msg::bad_year(year->is_scalar() ? year->text : "")));
  else
    s.year = r.count(year, "year");

  const Node* format = root.find("format");
  const auto& known = r.ctx_.formats;
  if (!format->is_scalar()) return r.fail(Error(Failure::Input, format->loc, msg::expected_text("format")));
  if (std::find(known.begin(), known.end(), format->text) == known.end())
    return r.fail(Error(Failure::Input, format->loc, msg::unknown_format(format->text, known)));
  s.format = r.text(format, "format");
  if (!s.profile.present && !r.ctx_.default_profile.empty()) {
    auto p = r.ctx_.profiles.find(r.ctx_.default_profile);
    if (p != r.ctx_.profiles.end() && p->second == s.format.value) s.profile = Text{p->first, format->loc, true};
  }
  if (s.profile.present) {
    const auto& profiles = r.ctx_.profiles;
    auto p = profiles.find(s.profile.value);
    if (p == profiles.end()) {
      std::vector<std::string> names;
      for (const auto& [name, base] : profiles)
        if (base == s.format.value) names.push_back(name);
      r.fail(Error(Failure::Input, s.profile.loc, msg::unknown_profile(s.profile.value, s.format.value, names)));
    } else if (p->second != s.format.value) {
      r.fail(Error(Failure::Input, s.profile.loc, msg::profile_of_other_format(s.profile.value, p->second, s.format.value)));
    }
  }

  if (const Node* d = root.find("publish_date")) {
    s.publish_date = r.text(d, "publish_date");
    const std::string& v = s.publish_date.value;
    bool ok = v.size() == 7 && all_digits(v.substr(0, 4)) && v[4] == '-' && all_digits(v.substr(5, 2)) &&
              std::stoi(v.substr(5, 2)) >= 1 && std::stoi(v.substr(5, 2)) <= 12;
    if (!ok) r.fail(Error(Failure::Input, d->loc, msg::bad_date(v)));
  }
  if (const Node* g = root.find("item_glossary")) {
    if (!g->is_scalar() || (g->text != "true" && g->text != "false"))
      r.fail(Error(Failure::Input, g->loc, msg::bad_bool(g->is_scalar() ? g->text : "")));
    else
      s.item_glossary = In<bool>{g->text == "true", g->loc, true};
  }
}

void load_overview(Reader& r, const Node* n) {
  if (!n) return;
  Overview& o = r.src_.overview;
  r.map(*n, "overview", {{"composition", "决算单位构成"}, {"duties_intro", "部门职责引言"}, {"duties", "主要职责"},
                         {"organisation", "机构设置"}, {"units", "决算单位构成"}});
  o.composition = r.text(n->find("composition"), "composition");
  o.duties_intro = r.text(n->find("duties_intro"), "duties_intro");
  if (const Node* d = r.seq(n->find("duties"), "duties"))
    for (const auto& i : d->items) o.duties.push_back(r.text(&i, "duties"));
  o.organisation = r.text(n->find("organisation"), "organisation");
  if (const Node* u = r.seq(n->find("units"), "units"))
    for (const auto& i : u->items) o.units.push_back(r.text(&i, "units"));
}

void load_by_fund(Reader& r, const Node* n, const char* where, ByFund& out) {
  if (!n) return;
  r.map(*n, where, {{"general", "一般公共预算财政拨款"}, {"fund", "政府性基金预算财政拨款"},
                    {"capital", "国有资本经营预算财政拨款"}, {"other", "非财政拨款资金"}});
  std::string w(where);
  out.general = r.amount(n->find("general"), w + ".general");
  out.fund = r.amount(n->find("fund"), w + ".fund");
  out.capital = r.amount(n->find("capital"), w + ".capital");
  out.other = r.amount(n->find("other"), w + ".other");
}

void load_balance(Reader& r, const Node* n, const char* where, Balance& out) {
  if (!n) return;
  r.map(*n, where, {{"opening", "年初结转和结余"}, {"closing", "年末结转和结余"}});
  out.opening = r.amount(n->find("opening"), std::string(where) + ".opening");
  out.closing = r.amount(n->find("closing"), std::string(where) + ".closing");
}

// names: { "2299999": 其他支出, "30311": 代缴社会保险费 }
void load_names(Reader& r, const Node* n) {
  if (!n) return;
  if (!n->is_map()) throw Error(Failure::Input, n->loc, msg::expected_map("names"));
  for (const auto& [k, v] : n->entries) r.guard([&, &k = k, &v = v] {
    const std::string& c = k.text;
    if (!all_digits(c) || (c.size() != 3 && c.size() != 5 && c.size() != 7))
      throw Error(Failure::Input, k.loc, msg::bad_named_code(c));
    Text t = r.text(&v, "names");
    if (t.value.empty()) throw Error(Failure::Input, v.loc, msg::expected_text("names"));
    r.src_.names[c] = std::move(t);
  });
}

// class_uses: { "208": 本单位在社会保障和就业方面的支出 }
void load_class_uses(Reader& r, const Node* n) {
  if (!n) return;
  if (!n->is_map()) throw Error(Failure::Input, n->loc, msg::expected_map("class_uses"));
  for (const auto& [k, v] : n->entries) {
    if (!all_digits(k.text) || k.text.size() != 3) throw Error(Failure::Input, k.loc, msg::bad_class_code(k.text));
    r.src_.class_uses[k.text] = r.text(&v, "class_uses");
  }
}

void load_items(Reader& r, const Node* n) {
  if (!n) return;
  const Catalog& cat = *r.ctx_.catalog;
  auto known = [&](const std::string& code) { return cat.functional_name(code) || r.src_.names.count(code); };
  if (!n->is_seq()) throw Error(Failure::Input, n->loc, msg::expected_list("items"));
  std::map<std::string, int> seen;
  for (const Node& in : n->items) r.guard([&] {
    Item it;
    it.loc = in.loc;
    if (!r.map(in, "items", {{"code", "项级科目编码", true}, {"name", "科目名称"}, {"income", "本年收入"},
                        {"basic", "基本支出"}, {"project", "项目支出"}, {"to_superior", "上缴上级支出"},
                        {"business", "经营支出"}, {"to_affiliated", "对附属单位补助支出"},
                        {"fund_balance", "政府性基金结转和结余"}, {"capital_balance", "国有资本经营结转和结余"},
                        {"budget", "年初预算"}, {"reason", "决算数与年初预算数差异原因"}}))
      return;
    const Node* code = in.find("code");
    it.code = r.text(code, "code");
    const std::string& c = it.code.value;
    if (c.size() != 7 || !all_digits(c)) throw Error(Failure::Input, code->loc, msg::bad_functional_code(c));
    it.name = r.text(in.find("name"), "name");
    if (!known(c.substr(0, 3)))
      throw Error(Failure::Input, code->loc, msg::unknown_parent(c, c.substr(0, 3), "类"));
    if (!known(c.substr(0, 5)))
      throw Error(Failure::Input, code->loc, msg::unknown_parent(c, c.substr(0, 5), "款"));
    if (!known(c) && !it.name.present)
      throw Error(Failure::Input, code->loc, msg::unknown_functional_code(c));
    auto [pos, fresh] = seen.emplace(c, code->loc.line);
    if (!fresh) throw Error(Failure::Input, code->loc, msg::duplicate_code(c, pos->second));

    if (const Node* inc = in.find("income")) {
      r.map(*inc, "income", {{"general", "一般公共预算财政拨款收入"}, {"fund", "政府性基金预算财政拨款收入"},
                             {"capital", "国有资本经营预算财政拨款收入"}, {"superior", "上级补助收入"},
                             {"service", "事业收入"}, {"business", "经营收入"},
                             {"affiliated", "附属单位上缴收入"}, {"other", "其他收入"}});
      it.income.general = r.amount(inc->find("general"), "income.general");
      it.income.fund = r.amount(inc->find("fund"), "income.fund");
      it.income.capital = r.amount(inc->find("capital"), "income.capital");
      it.income.superior = r.amount(inc->find("superior"), "income.superior");
      it.income.service = r.amount(inc->find("service"), "income.service");
      it.income.business = r.amount(inc->find("business"), "income.business");
      it.income.affiliated = r.amount(inc->find("affiliated"), "income.affiliated");
      it.income.other = r.amount(inc->find("other"), "income.other");
    }
    load_by_fund(r, in.find("basic"), "basic", it.basic);
    load_by_fund(r, in.find("project"), "project", it.project);
    it.to_superior = r.amount(in.find("to_superior"), "to_superior");
    it.business = r.amount(in.find("business"), "business");
    it.to_affiliated = r.amount(in.find("to_affiliated"), "to_affiliated");
    load_balance(r, in.find("fund_balance"), "fund_balance", it.fund_balance);
    load_balance(r, in.find("capital_balance"), "capital_balance", it.capital_balance);
    // 年初预算: one amount (一般公共预算财政拨款), or one per fund.
    if (const Node* b = in.find("budget"); b && b->is_map()) {
      r.map(*b, "budget", {{"general", "一般公共预算财政拨款年初预算"}, {"fund", "政府性基金预算财政拨款年初预算"},
                           {"capital", "国有资本经营预算财政拨款年初预算"}});
      it.budget = r.amount(b->find("general"), "budget.general");
      it.fund_budget = r.amount(b->find("fund"), "budget.fund");
      it.capital_budget = r.amount(b->find("capital"), "budget.capital");
    } else {
      it.budget = r.amount(b, "budget");
    }
    it.reason = r.text(in.find("reason"), "reason");
    r.src_.items.push_back(std::move(it));
  });
}

void load_economic(Reader& r, const Node* n) {
  if (!n) return;
  const Catalog& cat = *r.ctx_.catalog;
  if (!n->is_map()) throw Error(Failure::Input, n->loc, msg::expected_map("basic_economic"));
  for (const auto& [k, v] : n->entries) r.guard([&, &k = k, &v = v] {
    if (k.text.size() != 5 || !all_digits(k.text)) throw Error(Failure::Input, k.loc, msg::bad_economic_code(k.text));
    auto known = [&](const std::string& code) { return cat.economic_name(code) || r.src_.names.count(code); };
    if (!known(k.text)) throw Error(Failure::Input, k.loc, msg::unknown_economic_code(k.text));
    if (!known(k.text.substr(0, 3)))
      throw Error(Failure::Input, k.loc, msg::unknown_parent(k.text, k.text.substr(0, 3), "类"));
    r.src_.basic_economic[k.text] = r.amount(&v, "basic_economic");
  });
}

void load_balances(Reader& r, const Node* n) {
  if (!n) return;
  Balances& b = r.src_.balances;
  r.map(*n, "balances", {{"opening", "年初结转和结余"}, {"closing", "年末结转和结余"},
                         {"use_of_nonfiscal_surplus", "使用非财政拨款结余"},
                         {"surplus_distribution", "结余分配"}});
  auto pair = [&](const char* key, Amount& general, Amount& other) {
    const Node* m = n->find(key);
    if (!m) return;
    r.map(*m, key, {{"general", "一般公共预算财政拨款"}, {"other", "非财政拨款"}});
    general = r.amount(m->find("general"), std::string("balances.") + key + ".general");
    other = r.amount(m->find("other"), std::string("balances.") + key + ".other");
  };
  pair("opening", b.opening_general, b.opening_other);
  pair("closing", b.closing_general, b.closing_other);
  b.use_of_nonfiscal_surplus = r.amount(n->find("use_of_nonfiscal_surplus"), "use_of_nonfiscal_surplus");
  b.surplus_distribution = r.amount(n->find("surplus_distribution"), "surplus_distribution");
}

void load_last_year(Reader& r, const Node* n) {
  if (!n) return;
  LastYear& l = r.src_.last_year;
  r.map(*n, "last_year", {{"total", "上年度收、支总计"}, {"total_reason", "收、支总计增减原因"},
                          {"fiscal_total", "上年度财政拨款收、支总计"}, {"fiscal_reason", "财政拨款增减原因"},
                          {"general_spending", "上年度一般公共预算财政拨款支出"},
                          {"general_reason", "一般公共预算财政拨款支出增减原因"},
                          {"income_total", "上年度本年收入合计"}, {"spending_total", "上年度本年支出合计"},
                          {"income", "上年度各项收入"}, {"income_reasons", "各项收入增减原因"},
                          {"classes", "上年度各类支出"}, {"class_reasons", "各类支出增减原因"}});
  // income: { general: 540.03, superior: 25.78, opening: 198.52 }; income_reasons: the same keys.
  // The keys: the parts of 收入总计.
  auto sources = [&r](const Node& m, std::string_view where) {
    r.map(m, where, {{"fiscal", "财政拨款收入"}, {"general", "一般公共预算财政拨款收入"},
                     {"fund", "政府性基金预算财政拨款收入"}, {"capital", "国有资本经营预算财政拨款收入"},
                     {"superior", "上级补助收入"}, {"service", "事业收入"}, {"business", "经营收入"},
                     {"affiliated", "附属单位上缴收入"}, {"other", "其他收入"},
                     {"nonfiscal_surplus", "使用非财政拨款结余"}, {"opening", "年初结转和结余"}});
  };
  if (const Node* m = n->find("income")) {
    sources(*m, "last_year.income");
    for (const auto& [k, v] : m->entries) l.income[k.text] = r.amount(&v, "last_year.income." + k.text);
  }
  if (const Node* m = n->find("income_reasons")) {
    sources(*m, "last_year.income_reasons");
    for (const auto& [k, v] : m->entries) l.income_reasons[k.text] = r.text(&v, "income_reasons");
  }
  // classes: { "208": 559.90 }: 类 codes, as in names:.
  auto class_code = [](const Node& k) {
    if (!all_digits(k.text) || k.text.size() != 3) throw Error(Failure::Input, k.loc, msg::bad_class_code(k.text));
  };
  if (const Node* m = n->find("classes")) {
    if (!m->is_map()) throw Error(Failure::Input, m->loc, msg::expected_map("last_year.classes"));
    for (const auto& [k, v] : m->entries) {
      class_code(k);
      l.classes[k.text] = r.amount(&v, "last_year.classes");
    }
  }
  if (const Node* m = n->find("class_reasons")) {
    if (!m->is_map()) throw Error(Failure::Input, m->loc, msg::expected_map("last_year.class_reasons"));
    for (const auto& [k, v] : m->entries) {
      class_code(k);
      l.class_reasons[k.text] = r.text(&v, "class_reasons");
    }
  }
  l.income_total = r.amount(n->find("income_total"), "last_year.income_total");
  l.spending_total = r.amount(n->find("spending_total"), "last_year.spending_total");
  l.total = r.amount(n->find("total"), "last_year.total");
  l.fiscal_total = r.amount(n->find("fiscal_total"), "last_year.fiscal_total");
  l.general_spending = r.amount(n->find("general_spending"), "last_year.general_spending");
  l.total_reason = r.text(n->find("total_reason"), "total_reason");
  l.fiscal_reason = r.text(n->find("fiscal_reason"), "fiscal_reason");
  l.general_reason = r.text(n->find("general_reason"), "general_reason");
}

void load_year_start_budget(Reader& r, const Node* n) {
  if (!n) return;
  YearStartBudget& y = r.src_.year_start_budget;
  r.map(*n, "year_start_budget", {{"general", "一般公共预算财政拨款年初预算总数"},
                                  {"fund", "政府性基金预算财政拨款年初预算总数"},
                                  {"capital", "国有资本经营预算财政拨款年初预算总数"}});
  y.general = r.amount(n->find("general"), "year_start_budget.general");
  y.fund = r.amount(n->find("fund"), "year_start_budget.fund");
  y.capital = r.amount(n->find("capital"), "year_start_budget.capital");
}

void load_staff(Reader& r, const Node* n) {
  if (!n) return;
  Staff& st = r.src_.staff;
  r.map(*n, "staff", {{"posts", "编制数"}, {"in_service", "在职人员"}, {"retired_off", "离休人员"}, {"retired", "退休人员"}});
  st.posts = r.count(n->find("posts"), "posts");
  st.in_service = r.count(n->find("in_service"), "in_service");
  st.retired_off = r.count(n->find("retired_off"), "retired_off");
  st.retired = r.count(n->find("retired"), "retired");
}

void load_three_public(Reader& r, const Node* n) {
  if (!n) return;
  ThreePublic& t = r.src_.three_public;
  r.map(*n, "three_public", {
      {"budget", "全年预算数"}, {"actual", "决算数"}, {"reason", "总体差异原因"},
      {"abroad_reason", "因公出国（境）费差异原因"}, {"vehicle_reason", "公务用车购置及运行费差异原因"},
      {"reception_reason", "公务接待费差异原因"}, {"abroad_groups", "因公出国（境）团组数"},
      {"abroad_persons", "因公出国（境）人次"}, {"vehicles_bought", "购置车辆数"},
      {"vehicles_bought_note", "购置车辆说明"}, {"vehicles_held", "公务用车保有量"},
      {"vehicle_operation_use", "公务用车运行维护费主要用途"}, {"foreign_groups", "外宾团组数"},
      {"foreign_persons", "外宾人次"}, {"foreign_use", "外宾接待主要用途"},
      {"domestic_groups", "国内来访团组数"}, {"domestic_persons", "国内来宾人次"},
      {"domestic_use", "国内公务接待主要用途"}, {"last_year", "上年度决算数"},
      {"last_year_reason", "与上年度相比增减的主要原因"},
      {"last_year_reasons", "各部分与上年度相比增减的原因"}});
  if (const Node* l = n->find("last_year_reasons")) {
    r.map(*l, "last_year_reasons", {{"abroad", "因公出国（境）费"}, {"vehicle_purchase", "公务用车购置费"},
                                    {"vehicle_operation", "公务用车运行维护费"}, {"reception", "公务接待费"}});
    for (const auto& [k, v] : l->entries) t.last_year_reasons[k.text] = r.text(&v, "last_year_reasons");
  }
  if (const Node* l = n->find("last_year")) {
    r.map(*l, "last_year", {{"abroad", "因公出国（境）费"}, {"vehicle_purchase", "公务用车购置费"},
                            {"vehicle_operation", "公务用车运行维护费"}, {"reception", "公务接待费"}});
    t.last_abroad = r.amount(l->find("abroad"), "last_year.abroad");
    t.last_vehicle_purchase = r.amount(l->find("vehicle_purchase"), "last_year.vehicle_purchase");
    t.last_vehicle_operation = r.amount(l->find("vehicle_operation"), "last_year.vehicle_operation");
    t.last_reception = r.amount(l->find("reception"), "last_year.reception");
  }
  t.last_year_reason = r.text(n->find("last_year_reason"), "last_year_reason");
  if (const Node* b = n->find("budget")) {
    r.map(*b, "budget", {{"abroad", "因公出国（境）费"}, {"vehicle_purchase", "公务用车购置费"},
                         {"vehicle_operation", "公务用车运行维护费"}, {"reception", "公务接待费"}});
    t.budget_abroad = r.amount(b->find("abroad"), "budget.abroad");
    t.budget_vehicle_purchase = r.amount(b->find("vehicle_purchase"), "budget.vehicle_purchase");
    t.budget_vehicle_operation = r.amount(b->find("vehicle_operation"), "budget.vehicle_operation");
    t.budget_reception = r.amount(b->find("reception"), "budget.reception");
  }
  if (const Node* a = n->find("actual")) {
    r.map(*a, "actual", {{"abroad", "因公出国（境）费"}, {"vehicle_purchase", "公务用车购置费"},
                         {"vehicle_operation", "公务用车运行维护费"}, {"reception_foreign", "外宾接待支出"},
                         {"reception_domestic", "国内公务接待支出"}});
    t.abroad = r.amount(a->find("abroad"), "actual.abroad");
    t.vehicle_purchase = r.amount(a->find("vehicle_purchase"), "actual.vehicle_purchase");
    t.vehicle_operation = r.amount(a->find("vehicle_operation"), "actual.vehicle_operation");
    t.reception_foreign = r.amount(a->find("reception_foreign"), "actual.reception_foreign");
    t.reception_domestic = r.amount(a->find("reception_domestic"), "actual.reception_domestic");
  }
  t.reason = r.text(n->find("reason"), "reason");
  t.abroad_reason = r.text(n->find("abroad_reason"), "abroad_reason");
  t.vehicle_reason = r.text(n->find("vehicle_reason"), "vehicle_reason");
  t.reception_reason = r.text(n->find("reception_reason"), "reception_reason");
  t.abroad_groups = r.count(n->find("abroad_groups"), "abroad_groups");
  t.abroad_persons = r.count(n->find("abroad_persons"), "abroad_persons");
  t.vehicles_bought = r.count(n->find("vehicles_bought"), "vehicles_bought");
  t.vehicles_bought_note = r.text(n->find("vehicles_bought_note"), "vehicles_bought_note");
  t.vehicles_held = r.count(n->find("vehicles_held"), "vehicles_held");
  t.vehicle_operation_use = r.text(n->find("vehicle_operation_use"), "vehicle_operation_use");
  t.foreign_groups = r.count(n->find("foreign_groups"), "foreign_groups");
  t.foreign_persons = r.count(n->find("foreign_persons"), "foreign_persons");
  t.foreign_use = r.text(n->find("foreign_use"), "foreign_use");
  t.domestic_groups = r.count(n->find("domestic_groups"), "domestic_groups");
  t.domestic_persons = r.count(n->find("domestic_persons"), "domestic_persons");
  t.domestic_use = r.text(n->find("domestic_use"), "domestic_use");
}

void load_operating(Reader& r, const Node* n) {
  if (!n) return;
  OperatingCosts& o = r.src_.operating_costs;
  r.map(*n, "operating_costs", {{"amount", "机关运行经费支出决算"}, {"budget", "年初预算"},
                                {"last_year", "上年度决算"}, {"reason", "差异原因"}});
  o.amount = r.amount(n->find("amount"), "operating_costs.amount");
  o.budget = r.amount(n->find("budget"), "operating_costs.budget");
  o.last_year = r.amount(n->find("last_year"), "operating_costs.last_year");
  o.reason = r.text(n->find("reason"), "reason");
}

void load_procurement(Reader& r, const Node* n) {
  if (!n) return;
  Procurement& p = r.src_.procurement;
  r.map(*n, "procurement", {{"goods", "货物"}, {"works", "工程"}, {"services", "服务"},
                            {"sme", "授予中小企业合同金额"}, {"small_micro", "授予小微企业合同金额"},
                            {"use", "政府采购主要用于"}});
  p.use = r.text(n->find("use"), "use");
  p.goods = r.amount(n->find("goods"), "procurement.goods");
  p.works = r.amount(n->find("works"), "procurement.works");
  p.services = r.amount(n->find("services"), "procurement.services");
  p.sme = r.amount(n->find("sme"), "procurement.sme");
  p.small_micro = r.amount(n->find("small_micro"), "procurement.small_micro");
}

const std::vector<std::string> kVehicleUses = {
    "provincial_leaders", "principal_leaders", "leaders", "confidential", "emergency",
    "law_enforcement", "special_technical", "retired_cadres", "other"};

void load_assets(Reader& r, const Node* n) {
  if (!n) return;
  Assets& a = r.src_.assets;
  r.map(*n, "assets", {{"vehicles", "车辆数"}, {"other_vehicles_use", "其他用车主要用途"},
                       {"equipment_over_1m", "单价100万元（含）以上设备"},
                       {"general_equipment_over_500k", "单位价值50万元以上通用设备"},
                       {"special_equipment_over_1m", "单位价值100万元以上专用设备"}});
  if (const Node* v = n->find("vehicles")) {
    if (!v->is_map()) throw Error(Failure::Input, v->loc, msg::expected_map("vehicles"));
    for (const auto& [k, c] : v->entries) {
      if (std::find(kVehicleUses.begin(), kVehicleUses.end(), k.text) == kVehicleUses.end())
        r.fail(Error(Failure::Input, k.loc, msg::unknown_vehicle_use(k.text, kVehicleUses)));
      else
        a.vehicles[k.text] = r.count(&c, k.text);
    }
  }
  a.other_vehicles_use = r.text(n->find("other_vehicles_use"), "other_vehicles_use");
  a.equipment_over_1m = r.count(n->find("equipment_over_1m"), "equipment_over_1m");
  a.general_equipment_over_500k = r.count(n->find("general_equipment_over_500k"), "general_equipment_over_500k");
  a.special_equipment_over_1m = r.count(n->find("special_equipment_over_1m"), "special_equipment_over_1m");
}

// A score: a number from 0 to 100, at most two decimals ("91.88").
Text score(Reader& r, const Node* n, std::string_view what) {
  Text t = r.text(n, what);
  if (!t.present) return t;
  const std::string& v = t.value;
  auto dot = v.find('.');
  bool ok = !v.empty() && all_digits(v.substr(0, dot)) &&
            (dot == std::string::npos || (v.size() - dot - 1 >= 1 && v.size() - dot - 1 <= 2 && all_digits(v.substr(dot + 1))));
  if (ok) ok = std::stod(v) <= 100.0;
  if (!ok) r.fail(Error(Failure::Input, t.loc, msg::bad_score(v)));
  return t;
}

// performance.overall and performance.projects, typed; the block's other
// keys stay free text for the templates.
void load_performance(Reader& r, const Node& p) {
  if (!p.is_map()) return;
  if (const Node* o = p.find("overall")) {
    r.map(*o, "overall", {{"score", "部门整体支出绩效自评得分"}, {"budget", "年初预算数"},
                          {"full_year_budget", "全年预算数"}, {"actual", "全年执行数"},
                          {"targets", "年度目标完成情况"}, {"problems", "存在的问题"}, {"measures", "改进措施"}});
    OverallEval& e = r.src_.overall_eval;
    e.present = true;
    e.score = score(r, o->find("score"), "score");
    e.budget = r.amount(o->find("budget"), "overall.budget");
    e.full_year_budget = r.amount(o->find("full_year_budget"), "overall.full_year_budget");
    e.actual = r.amount(o->find("actual"), "overall.actual");
    e.targets = r.text(o->find("targets"), "targets");
    e.problems = r.text(o->find("problems"), "problems");
    e.measures = r.text(o->find("measures"), "measures");
  }
  if (const Node* ps = r.seq(p.find("projects"), "projects")) {
    for (const Node& n : ps->items) r.guard([&] {
      if (!r.map(n, "projects", {{"name", "项目名称", true}, {"score", "自评得分"}, {"grade", "自评等级：优、良、中、差", true},
                            {"budget", "全年预算数"}, {"actual", "全年执行数"}, {"analysis", "绩效分析"},
                            {"problems", "存在的问题"}, {"measures", "改进措施"}}))
        return;
      ProjectEval e;
      e.loc = n.loc;
      e.name = r.text(n.find("name"), "name");
      e.score = score(r, n.find("score"), "score");
      e.grade = r.text(n.find("grade"), "grade");
      static const std::vector<std::string> kGrades = {"优", "良", "中", "差"};
      auto g = std::find(kGrades.begin(), kGrades.end(), e.grade.value);
      if (g == kGrades.end()) throw Error(Failure::Input, e.grade.present ? e.grade.loc : n.loc, msg::bad_grade(e.grade.value));
      e.grade_rank = static_cast<int>(g - kGrades.begin());
      e.budget = r.amount(n.find("budget"), "projects.budget");
      e.actual = r.amount(n.find("actual"), "projects.actual");
      e.analysis = r.text(n.find("analysis"), "analysis");
      e.problems = r.text(n.find("problems"), "problems");
      e.measures = r.text(n.find("measures"), "measures");
      r.src_.project_evals.push_back(std::move(e));
    });
  }
}

FreeNode free_node(const Node& n) {
  FreeNode f;
  f.loc = n.loc;
  switch (n.kind) {
    case Node::Kind::Null: break;
    case Node::Kind::Scalar: f.kind = FreeNode::Kind::Scalar; f.text = n.text; break;
    case Node::Kind::Sequence:
      f.kind = FreeNode::Kind::Sequence;
      for (const auto& i : n.items) f.items.push_back(free_node(i));
      break;
    case Node::Kind::Map:
      f.kind = FreeNode::Kind::Map;
      for (const auto& [k, v] : n.entries) f.entries.emplace_back(k.text, free_node(v));
      break;
  }
  return f;
}

AttachmentCell cell(Reader& r, const Node& n) {
  AttachmentCell c;
  if (n.is_map()) {
    r.map(n, "table", {{"text", "单元格文字"}, {"colspan", "横跨列数"}, {"rowspan", "纵跨行数"}});
    c.text = r.text(n.find("text"), "text").value;
    if (const Node* s = n.find("colspan")) c.colspan = std::max<int>(1, std::min<std::int64_t>(r.count(s, "colspan").value, 64));
    if (const Node* s = n.find("rowspan")) c.rowspan = std::max<int>(1, std::min<std::int64_t>(r.count(s, "rowspan").value, 10000));
  } else {
    c.text = r.text(&n, "table").value;
  }
  return c;
}

void load_attachments(Reader& r, const Node* n) {
  if (!r.seq(n, "attachments")) return;
  for (const Node& a : n->items) r.guard([&] {
    r.map(a, "attachments", {{"title", "附件标题", true}, {"blocks", "附件内容"}});
    Attachment att;
    att.title = r.text(a.find("title"), "title");
    if (const Node* bs = r.seq(a.find("blocks"), "blocks")) {
      for (const Node& b : bs->items) {
        r.map(b, "blocks", {{"heading", "标题"}, {"paragraph", "段落"}, {"table", "表格"}});
        AttachmentBlock blk;
        blk.loc = b.loc;
        if (const Node* h = b.find("heading")) {
          blk.kind = AttachmentBlock::Kind::Heading;
          blk.text = r.text(h, "heading").value;
        } else if (const Node* p = b.find("paragraph")) {
          blk.kind = AttachmentBlock::Kind::Paragraph;
          blk.text = r.text(p, "paragraph").value;
        } else if (const Node* t = b.find("table")) {
          blk.kind = AttachmentBlock::Kind::Table;
          r.map(*t, "table", {{"rows", "表格各行", true}, {"header_rows", "表头行数"}});
          if (const Node* h = t->find("header_rows"))
            blk.header_rows = static_cast<int>(std::min<std::int64_t>(r.count(h, "header_rows").value, 1000));
          const Node* rows = r.seq(t->find("rows"), "rows");
          if (rows)
            for (const Node& row : rows->items) {
              if (!row.is_seq()) throw Error(Failure::Input, row.loc, msg::expected_list("rows"));
              std::vector<AttachmentCell> cells;
              for (const Node& c : row.items) cells.push_back(cell(r, c));
              blk.rows.push_back(std::move(cells));
            }
        } else {
          throw Error(Failure::Input, b.loc, msg::missing_key("paragraph", "heading、paragraph 或 table"));
        }
        att.blocks.push_back(std::move(blk));
      }
    }
    r.src_.attachments.push_back(std::move(att));
  });
}

// supplied: { "spend.total@201": 1013.01, "dept.grand_income": 2337.23 }
void load_supplied(Reader& r, const Node* n) {
  if (!n) return;
  if (!n->is_map()) throw Error(Failure::Input, n->loc, msg::expected_map("supplied"));
  for (const auto& [k, v] : n->entries) {
    Supplied s;
    std::string key = k.text;
    auto at = key.find('@');
    s.figure = key.substr(0, at);
    if (at != std::string::npos) s.code = key.substr(at + 1);
    s.amount = r.amount(&v, key, true);
    s.loc = k.loc;
    r.src_.supplied.push_back(std::move(s));
  }
}

}  // namespace

Source load_source(std::shared_ptr<const SourceFile> file, const LoadContext& ctx) {
  Source src;
  src.file = file;
  Reader r(src, ctx);
  Node root = yaml::parse(file, {}, &r.errors);
  if (!root.is_map()) {
    r.fail(Error(Failure::Input, root.loc, msg::top_level_not_map()));
    throw Error::several(std::move(r.errors));
  }
  r.guard([&] { load_header(r, root); });
  r.guard([&] { load_overview(r, root.find("overview")); });
  const Node* items = root.find("items");
  if (items && !items->is_null() && !items->is_seq()) r.fail(Error(Failure::Input, items->loc, msg::expected_list("items")));
  r.guard([&] { load_names(r, root.find("names")); });
  r.guard([&] { load_class_uses(r, root.find("class_uses")); });
  if (!items || items->is_null() || items->is_seq()) r.guard([&] { load_items(r, items); });
  r.guard([&] { load_year_start_budget(r, root.find("year_start_budget")); });
  r.guard([&] { load_staff(r, root.find("staff")); });
  r.guard([&] { load_economic(r, root.find("basic_economic")); });
  r.guard([&] { load_balances(r, root.find("balances")); });
  r.guard([&] { load_last_year(r, root.find("last_year")); });
  r.guard([&] { load_three_public(r, root.find("three_public")); });
  r.guard([&] { load_operating(r, root.find("operating_costs")); });
  r.guard([&] { load_procurement(r, root.find("procurement")); });
  r.guard([&] { load_assets(r, root.find("assets")); });
  if (const Node* p = root.find("performance")) {
    src.performance = free_node(*p);
    r.guard([&] { load_performance(r, *p); });
  }
  r.guard([&] { load_attachments(r, root.find("attachments")); });
  r.guard([&] { load_supplied(r, root.find("supplied")); });
  if (!r.errors.empty()) throw Error::several(std::move(r.errors));
  return src;
}

}  // namespace juesuan
