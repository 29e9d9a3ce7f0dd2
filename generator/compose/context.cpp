#include "compose/context.hpp"

#include <algorithm>
#include <set>

#include "compose/cn_number.hpp"
#include "core/diag.hpp"

namespace juesuan {

namespace {

// A map of the context. The names it may hold are not listed by hand:
// context_names() collects them from build_context itself (below).
class Ctx {
 public:
  Ctx& set(const std::string& key, mstch::node value) {
    map_[key] = std::move(value);
    return *this;
  }
  mstch::map& map() { return map_; }

 private:
  mstch::map map_;
};

// "911.70" -> "911.7", "0.00" -> "0".
std::string trim_zeros(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// Numbers in sentences, in the format's style.
struct Fmt {
  NumberStyle style;
  // A reason the officer wrote as a list starts so (labels.yaml
  // names.listed_reason, "一是"): formats print "主要原因：一是…" then.
  std::string listed_reason;
  std::string money(Money m) const { return cents(m.printed_wan_cents()); }
  std::string cents(std::int64_t c) const {
    std::string s = format_wan(c, style.grouping);
    return style.trim_zeros ? trim_zeros(s) : s;
  }
  // A rate or share at the format's precision; "" when its base is 0.
  std::string rate(const Percent& r, bool truncate = false) const {
    if (!r) return std::string();
    std::string s = format_scaled(r.scaled(style.rate_decimals, truncate), style.rate_decimals);
    return style.percent_trim_zeros ? trim_zeros(s) : s;
  }
  // The same, 0 when its base is 0.
  std::string rate_or_zero(const Percent& r) const { return r ? rate(r) : rate(Percent(0, 1)); }
};

// A text the templates put inside a sentence (a reason, a use): without
// surrounding spaces and without the full stop or comma the officer may
// have typed at its end, since the template supplies the punctuation.
std::string clause(const std::string& text) {
  static const std::string kTails[] = {"。", "；", "，", ";", ",", " ", "\t", "\n", "\r"};
  std::string t = text;
  for (bool cut = true; cut;) {
    cut = false;
    for (const auto& tail : kTails)
      if (t.size() >= tail.size() && t.compare(t.size() - tail.size(), tail.size(), tail) == 0) {
        t.erase(t.size() - tail.size());
        cut = true;
      }
  }
  std::size_t b = t.find_first_not_of(" \t\n\r");
  return b == std::string::npos ? std::string() : t.substr(b);
}

std::string str(const Text& t) { return clause(t.value); }

// Sets a dotted name ("dept.grand_income") as nested maps.
void set_dotted(mstch::map& root, const std::string& dotted, mstch::node value) {
  auto dot = dotted.find('.');
  if (dot == std::string::npos) {
    root[dotted] = std::move(value);
    return;
  }
  std::string head = dotted.substr(0, dot);
  auto it = root.find(head);
  if (it == root.end()) it = root.emplace(head, mstch::map{}).first;
  set_dotted(boost::get<mstch::map>(it->second), dotted.substr(dot + 1), std::move(value));
}

mstch::node free_tree(const FreeNode& n) {
  switch (n.kind) {
    case FreeNode::Kind::Null: return std::string();
    case FreeNode::Kind::Scalar:
      // So that {{#…}} can test them: a number written 0 is false (and
      // still prints 0), true/false are booleans; everything else is text.
      if (n.text == "0") return 0;
      if (n.text == "true") return true;
      if (n.text == "false") return false;
      return n.text;
    case FreeNode::Kind::Sequence: {
      mstch::array a;
      std::size_t i = 0;
      for (const auto& item : n.items) {
        mstch::node child = free_tree(item);
        if (auto* m = boost::get<mstch::map>(&child)) {
          (*m)["n"] = std::to_string(i + 1);
          (*m)["cn"] = cn_number(static_cast<std::int64_t>(i + 1));
          (*m)["first"] = i == 0;
          (*m)["last"] = i + 1 == n.items.size();
        }
        a.push_back(std::move(child));
        ++i;
      }
      return a;
    }
    case FreeNode::Kind::Map: {
      mstch::map m;
      for (const auto& [k, v] : n.entries) m[k] = free_tree(v);
      return m;
    }
  }
  return std::string();
}

mstch::map change_map(const Change& c, const Text& reason, const Fmt& f) {
  Ctx x;
  x.set("current", f.cents(c.current));
  x.set("last_year", f.cents(c.last));
  x.set("diff", f.cents(c.diff < 0 ? -c.diff : c.diff));
  x.set("rate", f.rate(c.rate, f.style.truncate_change_rates));
  x.set("has_rate", c.rate.has_value());
  x.set("up", c.known && c.diff > 0);
  x.set("down", c.known && c.diff < 0);
  x.set("same", c.known && c.diff == 0);
  x.set("known", c.known);
  x.set("reason", str(reason));
  x.set("has_reason", !str(reason).empty());
  x.set("reason_listed", !f.listed_reason.empty() && str(reason).rfind(f.listed_reason, 0) == 0);
  return x.map();
}

mstch::map completion_map(const Completion& c, const Fmt& f) {
  Ctx x;
  x.set("budget", f.cents(c.budget));
  x.set("actual", f.cents(c.actual));
  x.set("rate", f.rate(c.rate));
  x.set("has_rate", c.rate.has_value());
  x.set("equal", c.budget == c.actual);
  x.set("over", c.actual > c.budget);
  x.set("under", c.actual < c.budget);
  x.set("diff", f.cents(c.actual > c.budget ? c.actual - c.budget : c.budget - c.actual));
  x.set("budget_zero", c.budget == 0);
  x.set("actual_zero", c.actual == 0);
  return x.map();
}

mstch::array share_list(const std::vector<Share>& shares, const TemplateSet& t, const std::string& group,
                        const Fmt& f) {
  mstch::array a;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    const Share& s = shares[i];
    Ctx x;
    x.set("key", s.key);
    x.set("name", s.name.empty() ? t.label(group, s.key) : s.name);
    // A 类 name without its trailing word (一般公共服务支出 -> 一般公共服务),
    // for sentences like 「一般公共服务（类）支出」; the word is in labels.yaml.
    std::string short_name = s.name;
    const std::string suffix = t.label("names", "class_suffix");
    if (suffix != "class_suffix" && short_name.size() > suffix.size() &&
        short_name.compare(short_name.size() - suffix.size(), suffix.size(), suffix) == 0)
      short_name.erase(short_name.size() - suffix.size());
    x.set("short_name", short_name);
    x.set("amount", f.cents(s.amount));
    x.set("share", f.rate(s.share));
    x.set("has_share", s.share.has_value());
    x.set("zero", s.amount == 0);
    // What the part is, where the format explains each (labels.yaml
    // <group>_notes, e.g. income_sources_notes).
    const std::string note = group.empty() ? std::string() : t.label(group + "_notes", s.key);
    const bool has_note = !group.empty() && t.label_group(group + "_notes") && note != s.key;
    x.set("note", has_note ? note : std::string());
    x.set("has_note", has_note);
    static const Text kNone;
    x.set("change", change_map(s.change, s.reason ? *s.reason : kNone, f));
    x.set("use", s.use ? str(*s.use) : std::string());
    x.set("has_use", s.use && !str(*s.use).empty());
    x.set("n", std::to_string(i + 1));
    x.set("cn", cn_number(static_cast<std::int64_t>(i + 1)));
    x.set("first", i == 0);
    x.set("last", i + 1 == shares.size());
    a.push_back(x.map());
  }
  return a;
}

// Names in the order a profile lists their codes (list_order), the others
// after them in code order.
std::vector<std::string> ordered(const std::vector<std::string>& codes, const std::vector<std::string>& names,
                                 const std::vector<std::string>& order) {
  if (order.empty()) return names;
  std::vector<std::size_t> idx(codes.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  auto rank = [&](std::size_t i) {
    auto p = std::find(order.begin(), order.end(), codes[i]);
    return static_cast<std::size_t>(p - order.begin());
  };
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
  std::vector<std::string> out;
  for (std::size_t i : idx) out.push_back(names[i]);
  return out;
}

mstch::array name_list(const std::vector<std::string>& names) {
  mstch::array a;
  for (std::size_t i = 0; i < names.size(); ++i) {
    Ctx x;
    x.set("name", names[i]);
    x.set("first", i == 0);
    x.set("last", i + 1 == names.size());
    a.push_back(x.map());
  }
  return a;
}

mstch::array text_list(const std::vector<Text>& texts) {
  mstch::array a;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Ctx x;
    x.set("n", std::to_string(i + 1));
    x.set("cn", cn_number(static_cast<std::int64_t>(i + 1)));
    x.set("text", texts[i].value);
    x.set("name", texts[i].value);
    x.set("first", i == 0);
    x.set("last", i + 1 == texts.size());
    a.push_back(x.map());
  }
  return a;
}

// The values of the performance keys ending in "_table": titles of
// attachments that the 第三部分 template prints in place (the 2021 format
// prints the 部门整体绩效自评表 in 十三（二）), so 第五部分 leaves them out.
void placed_titles(const FreeNode& n, const std::string& key, std::vector<std::string>& out) {
  const std::string suffix = "_table";
  if (n.kind == FreeNode::Kind::Scalar && key.size() > suffix.size() &&
      key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0)
    out.push_back(n.text);
  for (const auto& item : n.items) placed_titles(item, key, out);
  for (const auto& [k, v] : n.entries) placed_titles(v, k, out);
}

// Splits a free text into paragraphs at line breaks.
mstch::array paragraphs(const std::string& text) {
  mstch::array a;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t e = text.find('\n', start);
    std::string line = text.substr(start, e == std::string::npos ? std::string::npos : e - start);
    if (!line.empty()) {
      Ctx x;
      x.set("text", line);
      a.push_back(x.map());
    }
    if (e == std::string::npos) break;
    start = e + 1;
  }
  return a;
}

// --- the parts of the context, one function each -------------------------

// The cover and every part: the department, its level, staff, year and the
// publication date.
void set_header(Ctx& root, const Model& m, const TemplateSet& t) {
  const Written& s = m.written;
  root.set("department", s.department.value);
  root.set("level", s.level.present && !s.level.value.empty() ? s.level.value : t.settings.level);
  root.set("has_staff", s.staff.in_service.present || s.staff.retired.present || s.staff.retired_off.present);
  {
    Ctx st;
    st.set("posts", std::to_string(s.staff.posts.value));
    st.set("in_service", std::to_string(s.staff.in_service.value));
    st.set("retired_off", std::to_string(s.staff.retired_off.value));
    st.set("retired", std::to_string(s.staff.retired.value));
    st.set("total", std::to_string(m.staff_total));
    root.set("staff", st.map());
  }
  root.set("short_name", s.short_name.present ? s.short_name.value : s.department.value);
  root.set("year", std::to_string(s.year));
  root.set("prev_year", std::to_string(s.year - 1));
  // The publication date as Chinese numerals; the template adds 年 and 月.
  root.set("has_publish_date", s.publish_date.present);
  if (s.publish_date.present) {
    const std::string& d = s.publish_date.value;
    root.set("publish_year", cn_year_digits(std::stoll(d.substr(0, 4))));
    root.set("publish_month", cn_number(std::stoi(d.substr(5, 2))));
  } else {
    root.set("publish_year", std::string());
    root.set("publish_month", std::string());
  }
}

// 第一部分 部门概况.
void set_overview(Ctx& root, const Overview& o) {
  root.set("has_duties_intro", !o.duties_intro.value.empty());
  root.set("duties_intro", o.duties_intro.value);
  root.set("duties", text_list(o.duties));
  root.set("organisation", paragraphs(o.organisation.value));
  root.set("units", text_list(o.units));
  root.set("unit_count", std::to_string(o.units.size()));
  root.set("multi_unit", o.units.size() > 1);
  root.set("composition", o.composition.value);
  root.set("has_composition", !o.composition.value.empty());
}

// Every figure by its name (dept.*, fiscal.*, econ.*, three.*, and the
// 功能分类 totals as total.<figure>), and the 尾差 put on a balancing total.
void set_figures(Ctx& root, const Model& m, const Fmt& f) {
  mstch::map& r = root.map();
  for (const auto& name : scalar_names()) set_dotted(r, name, f.money(*m.scalar(name)));
  for (const auto& name : fig_names()) set_dotted(r, "total." + name, f.money(m.total[*fig_by_name(name)]));
  Ctx x;
  x.set("spending", f.money(m.spending_tail));
  x.set("has_spending", !m.spending_tail.is_zero());
  x.set("public", f.money(m.public_tail));
  x.set("has_public", !m.public_tail.is_zero());
  root.set("tail", x.map());
}

// 一 收入支出决算总体情况 and 四 财政拨款收入支出决算总体情况: the totals
// against last year, and the parts of 收入总计.
void set_totals(Ctx& root, const Model& m, const TemplateSet& t, const Fmt& f) {
  const Written& ly = m.written;
  root.set("grand_change", change_map(m.grand_change, ly.total_reason, f));
  root.set("fiscal_change", change_map(m.fiscal_change, ly.fiscal_reason, f));
  root.set("income_change", change_map(m.income_change, ly.total_reason, f));
  root.set("spending_change", change_map(m.spending_change, ly.total_reason, f));
  root.set("grand_income_parts", share_list(m.grand_income_parts, t, "income_sources", f));
}

// 二 收入决算情况 and 三 支出决算情况: each source and kind with its share,
// and the spending by 类.
void set_income_and_spending(Ctx& root, const Model& m, const TemplateSet& t, const Fmt& f) {
  root.set("income_shares", share_list(m.income_shares, t, "income_sources", f));
  root.set("income_all", share_list(m.income_all, t, "income_sources", f));
  root.set("income_detail", share_list(m.income_detail, t, "income_sources", f));
  root.set("spending_shares", share_list(m.spending_shares, t, "spending_kinds", f));
  root.set("spending_all", share_list(m.spending_all, t, "spending_kinds", f));
  root.set("spending_by_class", share_list(m.spending_by_class, t, "", f));
}

// 五 一般公共预算财政拨款支出决算情况: the whole, by 类, against the
// year-start budget, and the numbered 项 of 五（三）.
void set_general(Ctx& root, const Model& m, const TemplateSet& t, const Fmt& f) {
  root.set("general_change", change_map(m.general_change, m.written.general_reason, f));
  {
    Ctx g;
    g.set("amount", f.money(m.total[Fig::GeneralTotal]));
    g.set("share_of_spending", f.rate(m.general_share_of_spending));
    g.set("by_class", share_list(m.general_by_class, t, "", f));
    g.set("budget", f.cents(m.general_completion.budget));
    g.set("actual", f.cents(m.general_completion.actual));
    g.set("rate", f.rate(m.general_completion.rate));
    g.set("has_rate", m.general_completion.rate.has_value());
    g.set("over", m.general_completion.actual > m.general_completion.budget);
    g.set("under", m.general_completion.actual < m.general_completion.budget);
    g.set("equal", m.general_completion.actual == m.general_completion.budget);
    root.set("general", g.map());
  }
  mstch::array items;
  std::vector<const ItemLine*> lines;
  for (const auto& l : m.item_lines)
    if (!l.budget_only || t.settings.list_budget_only_items) lines.push_back(&l);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const ItemLine& l = *lines[i];
    mstch::map x = completion_map(l.completion, f);
    Ctx c;
    c.map() = std::move(x);
    c.set("n", std::to_string(i + 1));
    c.set("cn", cn_number(static_cast<std::int64_t>(i + 1)));
    c.set("budget_only", l.budget_only);
    c.set("class_name", l.class_name);
    c.set("kuan_name", l.kuan_name);
    c.set("name", l.row->name);
    c.set("reason", str(l.reason));
    c.set("has_reason", !str(l.reason).empty());
    c.set("first", i == 0);
    c.set("last", i + 1 == lines.size());
    items.push_back(c.map());
  }
  root.set("items", items);
}

// 六 一般公共预算财政拨款基本支出决算情况: 人员经费 and 公用经费 with their 款.
void set_basic(Ctx& root, const Model& m, const TemplateSet& t, const Fmt& f) {
  Ctx b;
  b.set("total", f.money(m.total[Fig::GeneralBasic]));
  b.set("personnel", f.money(m.personnel_total));
  b.set("public", f.money(m.public_total));
  b.set("personnel_items", name_list(ordered(m.personnel_codes, m.personnel_items, t.settings.list_order)));
  b.set("public_items", name_list(ordered(m.public_codes, m.public_items, t.settings.list_order)));
  b.set("has_personnel_items", !m.personnel_items.empty());
  b.set("has_public_items", !m.public_items.empty());
  root.set("basic", b.map());
}

// 七 政府性基金 and 八 国有资本经营预算财政拨款: whether the department has
// any, and their year-start budget against actual.
void set_funds(Ctx& root, const Model& m, const Fmt& f) {
  mstch::map& r = root.map();
  auto any = [&](std::initializer_list<Money> v) {
    return std::any_of(v.begin(), v.end(), [](Money x) { return x.printed_wan_cents() != 0; });
  };
  set_dotted(r, "fund.has", any({m.total[Fig::IncomeFund], m.total[Fig::FundTotal], m.opening_fund, m.closing_fund}));
  set_dotted(r, "capital.has",
             any({m.total[Fig::IncomeCapital], m.total[Fig::CapitalTotal], m.opening_capital, m.closing_capital}));
  // 年初预算 of the two funds (七、八): budget, actual, rate, over/under.
  auto budget = [&](const char* prefix, const Completion& c) {
    for (auto& [k, v] : completion_map(c, f)) set_dotted(r, std::string(prefix) + ".budget_" + k, v);
    set_dotted(r, std::string(prefix) + ".has_budget", c.budget != 0);
  };
  budget("fund", m.fund_completion);
  budget("capital", m.capital_completion);
}

// 九 "三公"经费: the total and its three parts against budget and last year,
// with the counts and uses the department wrote.
void set_three_public(Ctx& root, const Model& m, const Fmt& f) {
  const Written::ThreePublicTexts& tp = m.written.three_public;
  const auto& fig = m.three_public;
  auto part = [&](const Completion& c, const Percent& share, const Text& reason) {
    Ctx x;
    x.map() = completion_map(c, f);
    x.set("share", f.rate(share));
    x.set("has_share", share.has_value());
    x.set("reason", str(reason));
    x.set("has_reason", !str(reason).empty());
    return x;
  };
  Ctx abroad = part(fig.abroad, fig.share_abroad, tp.abroad_reason);
  abroad.set("groups", std::to_string(tp.abroad_groups.value));
  abroad.set("persons", std::to_string(tp.abroad_persons.value));
  Ctx vehicle = part(fig.vehicle, fig.share_vehicle, tp.vehicle_reason);
  vehicle.set("bought", std::to_string(tp.vehicles_bought.value));
  vehicle.set("bought_note", tp.vehicles_bought_note.value);
  vehicle.set("has_bought_note", !tp.vehicles_bought_note.value.empty());
  vehicle.set("held", std::to_string(tp.vehicles_held.value));
  vehicle.set("operation_use", str(tp.vehicle_operation_use));
  vehicle.set("has_operation_use", !str(tp.vehicle_operation_use).empty());
  Ctx reception = part(fig.reception, fig.share_reception, tp.reception_reason);
  reception.set("foreign", f.money(fig.actual_reception_foreign));
  reception.set("domestic", f.money(fig.actual_reception_domestic));
  reception.set("foreign_groups", std::to_string(tp.foreign_groups.value));
  reception.set("foreign_persons", std::to_string(tp.foreign_persons.value));
  reception.set("foreign_use", str(tp.foreign_use));
  reception.set("has_foreign_use", !str(tp.foreign_use).empty());
  reception.set("domestic_groups", std::to_string(tp.domestic_groups.value));
  reception.set("domestic_persons", std::to_string(tp.domestic_persons.value));
  reception.set("domestic_use", str(tp.domestic_use));
  reception.set("has_domestic_use", !str(tp.domestic_use).empty());
  Ctx x;
  x.set("has", fig.budget_total.printed_wan_cents() != 0 || fig.actual_total.printed_wan_cents() != 0);
  x.set("budget", f.money(fig.budget_total));
  x.set("actual", f.money(fig.actual_total));
  x.set("rate", f.rate(fig.total.rate));
  x.set("has_rate", fig.total.rate.has_value());
  x.set("equal", fig.total.budget == fig.total.actual);
  x.set("reason", str(tp.reason));
  x.set("has_reason", !str(tp.reason).empty());
  x.set("abroad", abroad.map());
  x.set("vehicle", vehicle.map());
  x.set("vehicle_purchase", completion_map(fig.vehicle_purchase, f));
  x.set("vehicle_operation", completion_map(fig.vehicle_operation, f));
  x.set("reception", reception.map());
  // A part's change carries its own reason (last_year_reasons) or else the overall one.
  auto why = [&tp](const char* part) -> const Text& {
    auto r = tp.last_year_reasons.find(part);
    return r != tp.last_year_reasons.end() ? r->second : tp.last_year_reason;
  };
  x.set("change", change_map(fig.change_total, tp.last_year_reason, f));
  x.set("abroad_change", change_map(fig.change_abroad, why("abroad"), f));
  x.set("vehicle_change", change_map(fig.change_vehicle, tp.last_year_reason, f));
  x.set("reception_change", change_map(fig.change_reception, why("reception"), f));
  x.set("vehicle_purchase_change", change_map(fig.change_vehicle_purchase, why("vehicle_purchase"), f));
  x.set("vehicle_operation_change", change_map(fig.change_vehicle_operation, why("vehicle_operation"), f));
  x.set("diff", f.cents(fig.total.actual > fig.total.budget ? fig.total.actual - fig.total.budget
                                                            : fig.total.budget - fig.total.actual));
  x.set("over", fig.total.actual > fig.total.budget);
  x.set("under", fig.total.actual < fig.total.budget);
  root.set("tp", x.map());
}

// 十 机关运行经费: against its budget and last year.
void set_operating(Ctx& root, const Model& m, const Fmt& f) {
  const Written& w = m.written;
  root.set("operating_change", change_map(m.operating_change, w.operating_reason, f));
  Ctx x;
  x.set("amount", f.cents(m.operating_completion.actual));
  x.set("budget", f.cents(m.operating_completion.budget));
  x.set("rate", f.rate(m.operating_completion.rate));
  x.set("has_rate", m.operating_completion.rate.has_value());
  x.set("has_budget", w.operating_has_budget);
  x.set("has_last_year", w.operating_has_last_year);
  x.set("over", m.operating_completion.actual > m.operating_completion.budget);
  x.set("under", m.operating_completion.actual < m.operating_completion.budget);
  x.set("equal", m.operating_completion.budget == m.operating_completion.actual);
  x.set("reason", str(w.operating_reason));
  x.set("has_reason", !str(w.operating_reason).empty());
  root.set("operating", x.map());
}

// 十一 政府采购支出情况.
void set_procurement(Ctx& root, const Model& m, const Fmt& f) {
  const Text& use = m.written.procurement_use;
  auto rate = [&f](const Percent& v) { return f.rate_or_zero(v); };
  Ctx x;
  x.set("total", f.money(m.procurement_total));
  x.set("goods", f.money(m.procurement_goods));
  x.set("works", f.money(m.procurement_works));
  x.set("services", f.money(m.procurement_services));
  x.set("sme", f.money(m.procurement_sme));
  x.set("sme_share", rate(m.sme_share));
  x.set("small_micro", f.money(m.procurement_small_micro));
  x.set("small_micro_share_of_sme", rate(m.small_micro_share_of_sme));
  x.set("small_micro_share_of_total", rate(m.small_micro_share_of_total));
  x.set("use", str(use));
  x.set("has_use", !str(use).empty());
  root.set("procurement", x.map());
}

// 十二 国有资产占用情况: vehicle uses in the order labels.yaml lists them.
void set_assets(Ctx& root, const Model& m, const TemplateSet& t) {
  const Assets& a = m.written.assets;
  Ctx x;
  x.set("vehicles_total", std::to_string(m.vehicles_total));
  mstch::array uses;
  const auto* order = t.label_group("vehicle_uses");
  for (std::size_t i = 0; order && i < order->size(); ++i) {
    const auto& [key, name] = (*order)[i];
    auto c = a.vehicles.find(key);
    Ctx u;
    u.set("key", key);
    u.set("name", name);
    u.set("count", std::to_string(c == a.vehicles.end() ? 0 : c->second.value));
    u.set("first", i == 0);
    u.set("last", i + 1 == order->size());
    uses.push_back(u.map());
  }
  x.set("vehicles", uses);
  x.set("other_use", str(a.other_vehicles_use));
  x.set("has_other_use", !str(a.other_vehicles_use).empty());
  x.set("equipment_over_1m", std::to_string(a.equipment_over_1m.value));
  x.set("general_equipment_over_500k", std::to_string(a.general_equipment_over_500k.value));
  x.set("special_equipment_over_1m", std::to_string(a.special_equipment_over_1m.value));
  root.set("assets", x.map());
}

// 十三 预算绩效管理情况: the department's free tree (performance), and the
// whole-department and project evaluations (performance.overall, .projects).
void set_performance(Ctx& root, const Model& m, const Fmt& f) {
  const Written& s = m.written;
  root.set("performance", free_tree(s.performance));
  const auto& pf = m.performance;
  const Written::OverallTexts& o = s.overall;
  Ctx p;
  p.set("has_overall", o.present);
  Ctx ov;
  ov.map() = completion_map(pf.overall, f);
  ov.set("score", o.score.value);
  ov.set("year_budget", f.money(pf.year_budget));
  ov.set("has_year_budget", o.has_budget);
  ov.set("targets", str(o.targets));
  ov.set("has_targets", !str(o.targets).empty());
  ov.set("problems", str(o.problems));
  ov.set("has_problems", !str(o.problems).empty());
  ov.set("measures", str(o.measures));
  ov.set("has_measures", !str(o.measures).empty());
  p.set("overall", ov.map());
  p.set("has_projects", !s.projects.empty());
  p.set("project_count", std::to_string(s.projects.size()));
  p.set("grade_excellent", std::to_string(pf.excellent));
  p.set("grade_good", std::to_string(pf.good));
  p.set("grade_fair", std::to_string(pf.fair));
  p.set("grade_poor", std::to_string(pf.poor));
  p.set("has_excellent", pf.excellent != 0);
  p.set("has_good", pf.good != 0);
  p.set("has_fair", pf.fair != 0);
  p.set("has_poor", pf.poor != 0);
  p.set("projects_budget", f.money(pf.projects_budget));
  p.set("projects_actual", f.money(pf.projects_actual));
  mstch::array list;
  for (std::size_t i = 0; i < s.projects.size(); ++i) {
    const Written::ProjectTexts& e = s.projects[i];
    Ctx x;
    x.map() = completion_map(pf.projects[i], f);
    x.set("n", std::to_string(i + 1));
    x.set("cn", cn_number(static_cast<std::int64_t>(i + 1)));
    x.set("name", e.name.value);
    x.set("score", e.score.value);
    x.set("has_score", e.score.present);
    x.set("grade", e.grade.value);
    x.set("analysis", str(e.analysis));
    x.set("has_analysis", !str(e.analysis).empty());
    x.set("problems", str(e.problems));
    x.set("has_problems", !str(e.problems).empty());
    x.set("measures", str(e.measures));
    x.set("has_measures", !str(e.measures).empty());
    x.set("first", i == 0);
    x.set("last", i + 1 == s.projects.size());
    list.push_back(x.map());
  }
  p.set("projects", list);
  // Whether 十三 has anything to say: a heading prints only with content.
  const bool results = o.present || !s.projects.empty();
  p.set("has_results", results);
  p.set("any", results || (s.performance.kind == FreeNode::Kind::Map && !s.performance.entries.empty()));
  root.set("perf", p.map());
}

// 第二部分: the tables, for its 目录.
void set_tables(Ctx& root, const TemplateSet& t) {
  mstch::array a;
  for (std::size_t i = 0; i < t.tables.size(); ++i) {
    Ctx x;
    x.set("id", t.tables[i].id);
    x.set("n", std::to_string(i + 1));
    x.set("cn", cn_number(static_cast<std::int64_t>(i + 1)));
    x.set("title", t.tables[i].title);
    x.set("toc", t.tables[i].toc);
    a.push_back(x.map());
  }
  root.set("tables", a);
}

// 第四部分 名词解释: the standard entries, then (optionally) one per 项 used.
void set_glossary(Ctx& root, const Model& m, const TemplateSet& t) {
  mstch::array g;
  std::int64_t n = 0;
  // A standard entry has a term; an entry for a 项 has its 类, 款 and 项
  // names, which the template joins into the term.
  auto add = [&](const std::string& term, const ClassRow* row, const std::string& text) {
    Ctx x;
    ++n;
    x.set("n", std::to_string(n));
    x.set("cn", cn_number(n));
    x.set("term", term);
    x.set("is_item", row != nullptr);
    x.set("class_name", row ? m.find(row->code.substr(0, 3))->name : std::string());
    x.set("kuan_name", row ? m.find(row->code.substr(0, 5))->name : std::string());
    x.set("name", row ? row->name : std::string());
    x.set("text", text);
    g.push_back(x.map());
  };
  for (const auto& e : t.glossary) add(e.term, nullptr, e.text);
  if (m.written.item_glossary)
    for (const auto& row : m.rows) {
      if (row.level != 3) continue;
      auto d = m.catalog->item_descriptions.find(row.code);
      if (d == m.catalog->item_descriptions.end()) continue;
      add("", &row, d->second);
    }
  root.set("glossary", g);
}

// 第五部分 附件: each attachment, and whether 第三部分 prints it in place.
void set_attachments(Ctx& root, const Written& s) {
  std::vector<std::string> placed;
  placed_titles(s.performance, "", placed);
  mstch::array a;
  for (std::size_t i = 0; i < s.attachments.size(); ++i) {
    Ctx x;
    x.set("index", std::to_string(i));
    x.set("n", std::to_string(i + 1));
    x.set("cn", cn_number(static_cast<std::int64_t>(i + 1)));
    x.set("title", s.attachments[i].title.value);
    x.set("in_part3", std::find(placed.begin(), placed.end(), s.attachments[i].title.value) != placed.end());
    a.push_back(x.map());
  }
  root.set("has_attachments", !s.attachments.empty());
  root.set("attachments", a);
}

// Numbers in sentences in the format's style, and the words a reason the
// officer wrote as a list starts with (labels.yaml names.listed_reason).
Fmt sentence_format(const TemplateSet& t) {
  const auto* name_labels = t.label_group("names");
  std::string listed;
  for (std::size_t i = 0; name_labels && i < name_labels->size(); ++i)
    if ((*name_labels)[i].first == "listed_reason") listed = (*name_labels)[i].second;
  return Fmt{t.settings.text, listed};
}

// The names of a context: every key of every map, by its dotted path from
// the root ("tp.abroad.budget") and, in a nested map, bare as well
// ("budget", as a template writes it inside {{#tp.abroad}}); the keys of a
// list's elements bare ("name" inside {{#items}}). The department's own
// tree under "performance" is not walked: its keys are the file's.
void collect_names(const mstch::map& map, const std::string& path, std::set<std::string>& out) {
  for (const auto& [key, value] : map) {
    const std::string full = path.empty() ? key : path + "." + key;
    out.insert(full);
    if (!path.empty()) out.insert(key);
    if (full == "performance") continue;
    if (const auto* m = boost::get<mstch::map>(&value)) collect_names(*m, full, out);
    if (const auto* a = boost::get<mstch::array>(&value))
      for (const auto& element : *a)
        if (const auto* e = boost::get<mstch::map>(&element)) collect_names(*e, "", out);
  }
}

}  // namespace

const std::vector<std::string>& context_names() {
  static const std::vector<std::string> all = [] {
    // A model and a template set with one element in every list the
    // context is built from, so that build_context sets every name it can
    // set (a name set under a condition is set either way).
    Model m;
    m.rows = {ClassRow{"201", "", 1, {}, {}}, ClassRow{"20101", "", 2, {}, {}}, ClassRow{"2010101", "", 3, {}, {}}};
    for (std::size_t i = 0; i < m.rows.size(); ++i) m.index.emplace(m.rows[i].code, i);
    ItemLine line;
    line.row = &m.rows[2];
    m.item_lines.push_back(line);
    for (auto* list : {&m.income_detail, &m.income_shares, &m.spending_shares, &m.income_all, &m.spending_all,
                       &m.general_by_class, &m.spending_by_class, &m.grand_income_parts})
      list->emplace_back();
    m.personnel_items = m.public_items = {"x"};
    m.personnel_codes = m.public_codes = {"30101"};
    m.performance.projects.emplace_back();
    Written& w = m.written;
    w.projects.emplace_back();
    w.attachments.emplace_back();
    w.overview.duties.emplace_back();
    w.overview.units.emplace_back();
    w.overview.organisation.value.push_back('x');
    TemplateSet t;
    t.tables.emplace_back();
    t.glossary.emplace_back();
    t.labels["vehicle_uses"] = {{"x", "x"}};
    std::set<std::string> names;
    collect_names(build_context(m, t), "", names);
    return std::vector<std::string>(names.begin(), names.end());
  }();
  return all;
}

mstch::map build_context(const Model& m, const TemplateSet& t) {
  const Fmt f = sentence_format(t);
  Ctx root;
  set_header(root, m, t);
  set_overview(root, m.written.overview);               // 第一部分
  set_tables(root, t);                                  // 第二部分
  set_figures(root, m, f);                              // every figure by name
  set_totals(root, m, t, f);                            // 一、四
  set_income_and_spending(root, m, t, f);               // 二、三
  set_general(root, m, t, f);                           // 五
  set_basic(root, m, t, f);                             // 六
  set_funds(root, m, f);                                // 七、八
  set_three_public(root, m, f);                         // 九
  set_operating(root, m, f);                            // 十
  set_procurement(root, m, f);                          // 十一
  set_assets(root, m, t);                               // 十二
  set_performance(root, m, f);                          // 十三
  set_glossary(root, m, t);                             // 第四部分
  set_attachments(root, m.written);                     // 第五部分
  return root.map();
}

}  // namespace juesuan
