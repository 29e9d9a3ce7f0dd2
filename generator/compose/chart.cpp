#include "compose/chart.hpp"

#include <boost/variant/get.hpp>

#include "core/messages.hpp"

namespace juesuan {

namespace {

// The pie lists: the context list, and how its keys name the model's
// figures ("income." + key, "spend.total@" + 类 code).
struct PieList {
  const char* list;
  const char* prefix;
};
constexpr PieList kPieLists[] = {
    {"income_detail", "income."},   {"income_shares", "income."},        {"income_all", "income."},
    {"grand_income_parts", "income."}, {"spending_shares", "spend."},   {"spending_all", "spend."},
    {"spending_by_class", "spend.total@"}, {"general.by_class", "general.total@"},
};

// A node of the context by its dotted name ("general.by_class"); null if absent.
const mstch::node* lookup(const mstch::map& ctx, const std::string& name) {
  const mstch::map* m = &ctx;
  std::size_t p = 0;
  while (true) {
    const std::size_t dot = name.find('.', p);
    auto it = m->find(name.substr(p, dot == std::string::npos ? std::string::npos : dot - p));
    if (it == m->end()) return nullptr;
    if (dot == std::string::npos) return &it->second;
    m = boost::get<mstch::map>(&it->second);
    if (!m) return nullptr;
    p = dot + 1;
  }
}

std::string text_of(const mstch::map& m, const std::string& name) {
  auto it = m.find(name);
  if (it == m.end()) return {};
  if (const auto* s = boost::get<std::string>(&it->second)) return *s;
  return {};
}

bool bool_of(const mstch::map& m, const std::string& name) {
  auto it = m.find(name);
  if (it == m.end()) return false;
  const auto* b = boost::get<bool>(&it->second);
  return b && *b;
}

const mstch::map& map_of(const mstch::map& ctx, const std::string& name, const std::string& where) {
  const mstch::node* n = lookup(ctx, name);
  const auto* m = n ? boost::get<mstch::map>(n) : nullptr;
  if (!m) throw Error(Failure::Internal, where + ": the context has no " + name);
  return *m;
}

// The exact figure a key names: "income.general" (合计 row), "spend.total@201"
// (a 类 row), "dept.opening_total" (a department total).
Money figure(const Model& m, const std::string& key) {
  const std::size_t at = key.find('@');
  const std::string name = key.substr(0, at);
  if (auto f = fig_by_name(name)) {
    if (at == std::string::npos) return m.total[*f];
    const ClassRow* r = m.find(key.substr(at + 1));
    return r ? r->f[*f] : Money();
  }
  if (auto v = m.scalar(name)) return *v;
  throw Error(Failure::Internal, "chart: no figure " + key);
}

// The parts of 收入总计 that are not income sources.
std::string pie_key(const PieList& l, const std::string& key) {
  if (key == "nonfiscal_surplus") return "dept.use_of_nonfiscal_surplus";
  if (key == "opening") return "dept.opening_total";
  return l.prefix + key;
}

void pie(doc::Chart& c, const std::string& list, const Model& m, const mstch::map& ctx, const std::string& where) {
  const PieList* l = nullptr;
  for (const auto& x : kPieLists)
    if (list == x.list) l = &x;
  const mstch::node* n = l ? lookup(ctx, list) : nullptr;
  const auto* items = n ? boost::get<mstch::array>(n) : nullptr;
  if (!items) throw Error(Failure::Setup, msg::template_pie_list(where, list, pie_chart_lists()));
  doc::ChartGroup g;
  for (const auto& node : *items) {
    const auto& item = boost::get<mstch::map>(node);
    doc::ChartValue v;
    v.key = pie_key(*l, text_of(item, "key"));
    v.amount = figure(m, v.key);
    if (v.amount.printed_wan_cents() == 0) continue;  // a zero part has no slice
    v.label = text_of(item, "name");
    v.text = text_of(item, "amount");
    v.share = bool_of(item, "has_share") ? text_of(item, "share") : std::string();
    g.values.push_back(std::move(v));
  }
  c.groups.push_back(std::move(g));
}

// One group of a bar chart: a total this year and last year.
struct BarGroup {
  const char* label;          // labels.yaml charts: key
  const char* change;         // the context's comparison
  const char* key, * last_key;
  Money Model::*amount;
  Money Model::LastYearFigures::*last;
};
constexpr BarGroup kTotals[] = {
    {"income", "income_change", "dept.income_total", "last_year.income_total", &Model::income_total,
     &Model::LastYearFigures::income_total},
    {"spending", "spending_change", "dept.spending_total", "last_year.spending_total", &Model::spending_total,
     &Model::LastYearFigures::spending_total},
};
constexpr BarGroup kGrand[] = {
    {"grand", "grand_change", "dept.grand_income", "last_year.total", &Model::grand_income, &Model::LastYearFigures::total},
};

std::string year_label(const TemplateSet& t, const std::string& year) {
  std::string s = t.label("charts", "year");
  const std::size_t at = s.find("{}");
  if (at == std::string::npos) return year;
  return s.replace(at, 2, year);
}

template <std::size_t N>
void bar(doc::Chart& c, const BarGroup (&groups)[N], const Model& m, const TemplateSet& t, const mstch::map& ctx,
         const std::string& where) {
  // Last year's bars only where every group has last year's figure: a bar
  // of an unknown figure would show a zero.
  bool known = true;
  for (const auto& g : groups) known = known && bool_of(map_of(ctx, g.change, where), "known");
  if (known) c.series.push_back(year_label(t, text_of(ctx, "prev_year")));
  c.series.push_back(year_label(t, text_of(ctx, "year")));
  for (const auto& g : groups) {
    const mstch::map& change = map_of(ctx, g.change, where);
    doc::ChartGroup out;
    out.label = t.label("charts", g.label);
    if (known)
      out.values.push_back(doc::ChartValue{c.series.front(), m.last_year.*g.last, g.last_key,
                                           text_of(change, "last_year"), ""});
    out.values.push_back(doc::ChartValue{c.series.back(), m.*g.amount, g.key, text_of(change, "current"), ""});
    c.groups.push_back(std::move(out));
  }
}

}  // namespace

const std::vector<std::string>& pie_chart_lists() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& l : kPieLists) v.push_back(l.list);
    return v;
  }();
  return names;
}

const std::vector<std::string>& bar_chart_pairs() {
  static const std::vector<std::string> names = {"totals", "grand"};
  return names;
}

doc::Chart build_chart(const markup::Directive& dir, const Model& m, const TemplateSet& t, const mstch::map& ctx,
                       const std::string& origin) {
  const std::string where = msg::template_rendered_line(origin, dir.line);
  if (dir.args.size() != 2 || (dir.args[0] != "pie" && dir.args[0] != "bar"))
    throw Error(Failure::Setup, msg::template_chart_usage(where));
  doc::Chart c;
  c.title = dir.text;
  c.unit = t.settings.unit_line;
  c.id = "chart-" + dir.args[1];
  if (dir.args[0] == "pie") {
    c.kind = doc::Chart::Kind::Pie;
    pie(c, dir.args[1], m, ctx, where);
  } else {
    c.kind = doc::Chart::Kind::Bar;
    if (dir.args[1] == "totals") bar(c, kTotals, m, t, ctx, where);
    else if (dir.args[1] == "grand") bar(c, kGrand, m, t, ctx, where);
    else throw Error(Failure::Setup, msg::template_bar_kind(where, dir.args[1]));
  }
  return c;
}

}  // namespace juesuan
