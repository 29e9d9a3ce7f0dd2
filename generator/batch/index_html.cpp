// index.html: one self-contained page listing every department by folder
// with its status, key figures and links, and the 汇总 with city totals.
// Wide tables scroll inside their own box on a phone.
#include <cctype>

#include "batch/index.hpp"
#include "batch/labels.hpp"
#include "build/writers.hpp"
#include "core/url.hpp"
#include "html/html_writer.hpp"

namespace juesuan::batch {

namespace {

using html::escape;

const char* kStyle = R"(
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Droid Sans Fallback", sans-serif; margin: 0; color: #1a1a1a; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; margin-top: 2rem; } h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.table-scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; max-width: 100%; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid #999; padding: .3rem .5rem; vertical-align: top; }
thead th { background: #eef1f5; white-space: nowrap; }
tbody th { text-align: left; font-weight: normal; min-width: 7em; }
table.departments tbody th { min-width: 11em; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: bold; background: #f6f6f6; }
tr.failed { background: #fff1f0; }
td.status { white-space: nowrap; }
tr.failed td.status { color: #a8071a; font-weight: bold; }
td.error code { white-space: pre-wrap; word-break: break-all; font-size: .85rem; }
td.error pre { font-size: .8rem; margin: .3rem 0 0; overflow-x: auto; }
td.files { white-space: nowrap; }
td.files a { margin-right: .5rem; }
.path { color: #666; font-size: .8rem; font-weight: normal; }
.unit, .note { font-size: .85rem; color: #444; }
)";

std::string folder_label(const std::string& folder) { return folder.empty() ? labels::kTopFolder : folder; }

std::string figure_cells(const KeyFigures& k) {
  std::string s;
  for (const auto& f : kFigureFields)
    s += "<td class=\"num\">" + format_wan((k.*f.member).printed_wan_cents(), true) + "</td>";
  return s;
}

std::string figure_headers() {
  std::string s;
  for (const char* f : labels::kFigures) s += "<th scope=\"col\">" + escape(f) + "</th>";
  return s;
}

std::string counts(const Group& g) {
  return "<td class=\"num\">" + std::to_string(g.departments) + "</td><td class=\"num\">" + std::to_string(g.built) +
         "</td><td class=\"num\">" + std::to_string(g.unchanged) + "</td><td class=\"num\">" +
         std::to_string(g.failed) + "</td>";
}

std::string summary_table(const Summary& s) {
  std::string out = "<div class=\"table-scroll\"><table class=\"summary\"><thead><tr>";
  out += "<th scope=\"col\">" + escape(labels::kFolder) + "</th>";
  for (const char* h : {labels::kCount, labels::kBuilt, labels::kUnchanged, labels::kFailed})
    out += "<th scope=\"col\">" + escape(h) + "</th>";
  out += figure_headers() + "</tr></thead>\n<tbody>\n";
  for (const Group& g : s.folders)
    out += "<tr><th scope=\"row\">" + escape(folder_label(g.folder)) + "</th>" + counts(g) + figure_cells(g.totals) +
           "</tr>\n";
  out += "<tr class=\"total\"><th scope=\"row\">" + escape(labels::kCityTotal) + "</th>" + counts(s.city) +
         figure_cells(s.city.totals) + "</tr>\n";
  return out + "</tbody></table></div>\n";
}

std::string department_row(const Department& d) {
  std::string out = "<tr class=\"" + std::string(status_key(d.status)) + "\"><th scope=\"row\">" + escape(d.name) +
                    "<br><span class=\"path\">" + escape(printable_name(d.path)) + "</span></th>";
  out += "<td class=\"status\">" + escape(status_label(d.status)) + "</td>";
  if (d.figures) {
    out += figure_cells(*d.figures);
  } else {
    out += "<td class=\"error\" colspan=\"" + std::to_string(kFigureFields.size()) + "\"><code>" + escape(d.error) +
           "</code>";
    if (d.detail.find('\n') + 1 < d.detail.size())  // more than the one line
      out += "<details><summary>" + escape(labels::kErrorLines) + "</summary><pre>" + escape(d.detail) + "</pre></details>";
    out += "</td>";
  }
  out += "<td class=\"files\">";
  for (const Output& o : d.outputs) {
    const Writer* w = find_writer(o.kind);
    std::string label = w ? std::string(w->label) : o.kind;
    out += "<a href=\"" + escape(url_encode_path(o.href)) + "\">" + escape(label) + "</a>";
  }
  return out + "</td></tr>\n";
}

}  // namespace

std::string index_html(const Index& index) {
  Summary s = summarise(index);
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + std::string(html::kContentSecurityPolicy) + "\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + escape(labels::kTitle) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<main>\n";
  out += "<h1>" + escape(labels::kTitle) + "</h1>\n";
  out += "<p class=\"counts\">" + escape(labels::kCountsTotal) + " " + std::to_string(s.city.departments) + " " +
         labels::kUnitCount + "：" + labels::kBuilt + " " + std::to_string(s.city.built) + " " + labels::kUnitCount +
         "，" + labels::kUnchanged + " " + std::to_string(s.city.unchanged) + " " + labels::kUnitCount + "，" +
         labels::kFailed + " " + std::to_string(s.city.failed) + " " + labels::kUnitCount + "。</p>\n";
  out += "<h2 id=\"summary\">" + escape(labels::kSummary) + "</h2>\n<p class=\"unit\">" + escape(labels::kUnit) + "</p>\n";
  out += summary_table(s);
  out += "<p class=\"note\">" + escape(labels::kTotalsNote) + "</p>\n";
  out += "<h2 id=\"departments\">" + escape(labels::kDepartments) + "</h2>\n";
  for (std::size_t i = 0; i < index.departments.size();) {
    const std::string& folder = index.departments[i].folder;
    out += "<section class=\"folder\">\n<h3>" + escape(folder_label(folder)) + "</h3>\n";
    out += "<div class=\"table-scroll\"><table class=\"departments\"><thead><tr><th scope=\"col\">" +
           escape(labels::kDepartment) + "</th><th scope=\"col\">" + escape(labels::kStatus) + "</th>" +
           figure_headers() + "<th scope=\"col\">" + escape(labels::kFiles) + "</th></tr></thead>\n<tbody>\n";
    for (; i < index.departments.size() && index.departments[i].folder == folder; ++i)
      out += department_row(index.departments[i]);
    out += "</tbody></table></div>\n</section>\n";
  }
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace juesuan::batch
