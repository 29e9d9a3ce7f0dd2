// The city's two pages, filled from Mustache templates with the department
// pages' own style sheet: index.html (templates/common/site/index.mustache),
// the public index by 主管部门, and review.html (review.mustache), the
// reviewer's report. Every word is in the templates; this file gives them
// values only, each HTML-escaped here (the templates use {{{…}}}: mstch's
// own escaping is set for the document markup by compose).
#include <map>
#include <set>

#include <mstch/mstch.hpp>

#include "batch/index.hpp"
#include "build/writers.hpp"
#include "core/diag.hpp"
#include "core/file.hpp"
#include "core/messages.hpp"
#include "core/url.hpp"
#include "core/ui.hpp"
#include "html/html_writer.hpp"

namespace juesuan::batch {

namespace fs = std::filesystem;

namespace {

using html::escape;

// The city pages run a few lines of their own script (the search box, the
// filters); nothing is loaded from anywhere.
constexpr const char* kSiteSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'";

std::string read_template(const fs::path& templates, const std::string& name) {
  const fs::path file = templates / "common" / "site" / (name + ".mustache");
  auto text = read_source_file_if_exists(file);
  if (!text) throw Error(Failure::Setup, msg::template_file_missing(file.string()));
  return *text;
}

std::string render(const fs::path& templates, const std::string& name, const mstch::map& context) {
  std::map<std::string, std::string> partials = {{"stylesheet", std::string(html::stylesheet())},
                                                 {"site_css", read_template(templates, "site_css")}};
  return mstch::render(read_template(templates, name), context, partials);
}

std::string amount(Money m) { return format_wan(m.printed_wan_cents(), true); }

void put_figures(mstch::map& m, const KeyFigures& k) {
  for (const auto& f : kFigureFields) m[f.key] = amount(k.*f.member);
}

void put_totals(mstch::map& m, const Totals& t) {
  m["departments"] = std::to_string(t.departments);
  m["units"] = std::to_string(t.units);
  m["covered"] = std::to_string(t.covered);
  m["has_units"] = t.units > 0;
  m["has_covered"] = t.covered > 0;
}

mstch::array links(const Department& d) {
  mstch::array out;
  for (const Output& o : d.outputs) {
    const Writer* w = find_writer(o.kind);
    out.push_back(mstch::map{{"href", escape(url_encode_path(o.href))},
                             {"label", escape(w ? std::string(w->label) : o.kind)}});
  }
  return out;
}

}  // namespace

std::string index_html(const Index& index, const fs::path& templates) {
  const Summary s = summarise(index);
  const std::vector<Place> where = places(index.departments);
  // Groups in the order their first department is listed; the 部门决算
  // before its units. Only departments that built are public.
  std::vector<std::string> order;
  std::map<std::string, std::pair<mstch::array, mstch::array>> groups;   // name -> (部门, 单位)
  std::set<int> years;
  for (std::size_t i = 0; i < index.departments.size(); ++i) {
    const Department& d = index.departments[i];
    if (d.status == Status::Failed || !d.figures) continue;
    const Place& p = where[i];
    if (!groups.count(p.supervisor)) order.push_back(p.supervisor);
    mstch::map e{{"name", escape(d.name)}, {"year", std::to_string(d.year)}, {"unit", p.unit}, {"links", links(d)}};
    put_figures(e, *d.figures);
    auto& g = groups[p.supervisor];
    (p.unit ? g.second : g.first).push_back(std::move(e));
    years.insert(d.year);
  }
  mstch::array group_list;
  for (const auto& name : order) {
    auto& [heads, units] = groups[name];
    mstch::array entries = heads;
    entries.insert(entries.end(), units.begin(), units.end());
    group_list.push_back(mstch::map{{"name", escape(name)}, {"entries", entries}});
  }
  mstch::map ctx{{"csp", std::string(kSiteSecurityPolicy)}, {"groups", group_list}, {"one_year", years.size() == 1}};
  if (years.size() == 1) ctx["year"] = std::to_string(*years.begin());
  if (const auto& c = index.compilation)
    ctx["compilation"] = mstch::map{{"href", escape(url_encode_path(c->href))},
                                    {"title", escape(c->title)},
                                    {"departments", std::to_string(c->departments)},
                                    {"pages", std::to_string(c->pages)}};
  put_figures(ctx, s.totals.figures);
  put_totals(ctx, s.totals);
  return render(templates, "index", ctx);
}

std::string review_html(const Index& index, const fs::path& templates) {
  const Summary s = summarise(index);
  const std::vector<Place> where = places(index.departments);
  mstch::array failed, rows, findings;
  std::map<std::string, int> by_severity;
  std::set<std::string> rules;
  for (std::size_t i = 0; i < index.departments.size(); ++i) {
    const Department& d = index.departments[i];
    std::map<std::string, int> n;
    for (const auto& f : d.findings) {
      ++n[f.severity];
      ++by_severity[f.severity];
      rules.insert(f.rule);
      findings.push_back(mstch::map{{"name", escape(d.name)},
                                    {"severity_key", escape(f.severity)},
                                    {"severity", escape(ui::severity_label(f.severity))},
                                    {"rule", escape(f.rule)},
                                    {"location", escape(printable_name(f.location))},
                                    {"message", escape(f.message)}});
    }
    rows.push_back(mstch::map{{"supervisor", escape(where[i].supervisor)},
                              {"name", escape(d.name)},
                              {"unit", where[i].unit},
                              {"path", escape(printable_name(d.path))},
                              {"status_key", std::string(status_key(d.status))},
                              {"status", escape(status_label(d.status))},
                              {"errors", std::to_string(n["error"])},
                              {"warnings", std::to_string(n["warning"])},
                              {"notes", std::to_string(n["note"])},
                              {"counted", where[i].counted}});
    if (d.status == Status::Failed)
      failed.push_back(mstch::map{{"name", escape(d.name)},
                                  {"path", escape(printable_name(d.path))},
                                  {"error", escape(d.error)},
                                  {"has_detail", d.detail.find('\n') + 1 < d.detail.size()},
                                  {"detail", escape(d.detail)}});
  }
  mstch::array severities;
  for (const char* key : {"error", "warning", "note"})
    if (by_severity.count(key))
      severities.push_back(mstch::map{{"key", std::string(key)}, {"label", escape(ui::severity_label(key))}});
  mstch::array rule_list;
  for (const auto& r : rules) rule_list.push_back(mstch::map{{"rule", escape(r)}});
  mstch::map ctx{{"csp", std::string(kSiteSecurityPolicy)},
                 {"count", std::to_string(s.city.departments)},
                 {"built", std::to_string(s.city.built)},
                 {"unchanged", std::to_string(s.city.unchanged)},
                 {"failed", std::to_string(s.city.failed)},
                 {"errors", std::to_string(by_severity["error"])},
                 {"warnings", std::to_string(by_severity["warning"])},
                 {"notes", std::to_string(by_severity["note"])},
                 {"has_failed", !failed.empty()},
                 {"failed_departments", failed},
                 {"departments_rows", rows},
                 {"severities", severities},
                 {"rules", rule_list},
                 {"findings", findings}};
  put_totals(ctx, s.totals);
  return render(templates, "review", ctx);
}

}  // namespace juesuan::batch
