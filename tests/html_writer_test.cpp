// HTML writer: escaping of every field, the page skeleton, each block's
// markup, table structure (thead/tbody, spans, scopes, column widths) and
// determinism. Expected markup is written out by hand.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "html/html_writer.hpp"
#include "support.hpp"

using namespace juesuan;
namespace fs = std::filesystem;
using html::write_html;

namespace {

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// A hostile string naming its field, and the same string as it must appear.
std::string evil(const std::string& field) { return "<i>" + field + "</i> & \"'{{x}}<script>"; }
std::string evil_escaped(const std::string& field) {
  return "&lt;i&gt;" + field + "&lt;/i&gt; &amp; &quot;&#39;{{x}}&lt;script&gt;";
}

doc::Cell th(std::string text, int colspan = 1, int rowspan = 1) {
  return doc::text_cell(std::move(text), colspan, rowspan, doc::Align::Center, true);
}

doc::Cell amount(std::string text, bool emphasis = false) {
  return doc::text_cell(std::move(text), 1, 1, doc::Align::Right, false, emphasis);
}

// A small 02表-like table: two header rows with a colspan and rowspans, a
// 合计 row and one 类 row.
doc::Table income_table() {
  doc::Table t;
  t.id = "t02";
  t.number = "公开02表";
  t.title = "收入决算表";
  t.department = "部门：某局";
  t.year = "2022年度";
  t.unit = "单位：万元";
  t.head = {{th("项目", 2), th("本年收入合计", 1, 2), th("其他收入", 1, 2)},
            {th("功能分类科目编码"), th("科目名称")}};
  t.body = {{doc::text_cell("合计", 2, 1, doc::Align::Center, true, true), amount("2,334.99", true), amount("0.38", true)},
            {doc::text_cell("201", 1, 1, doc::Align::Left, true), doc::text_cell("一般公共服务支出", 1, 1, doc::Align::Left, true),
             amount("1,013.39"), amount("0.38")}};
  t.widths = {1, 3, 2, 2};
  t.notes = {"注：本表反映部门本年度取得的各项收入情况。"};
  return t;
}

}  // namespace

TEST_CASE("escape replaces the five HTML-significant characters") {
  CHECK(html::escape("") == "");
  CHECK(html::escape("a & b") == "a &amp; b");
  CHECK(html::escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(html::escape("\"double\" 'single'") == "&quot;double&quot; &#39;single&#39;");
  CHECK(html::escape("&amp;") == "&amp;amp;");
  CHECK(html::escape("{{x}} 2,334.61万元（类）") == "{{x}} 2,334.61万元（类）");
}

TEST_CASE("every piece of text from the Document is escaped") {
  doc::Document d;
  d.title = evil("title");
  d.author = evil("author");
  doc::Toc toc{evil("toc-title"), {doc::TocEntry{0, evil("toc-entry"), "p1"},
                                   doc::TocEntry{1, "表", evil("toc-target")}}};
  d.blocks.push_back(toc);
  d.blocks.push_back(doc::Heading{0, evil("heading"), evil("heading-id"), true, false});
  d.blocks.push_back(doc::Paragraph{evil("paragraph"), doc::Role::Body, doc::Align::Justify, true});
  d.blocks.push_back(doc::List{{doc::ListItem{evil("label"), evil("item")}}});
  doc::Table t;
  t.id = evil("table-id");
  t.number = evil("number");
  t.title = evil("table-title");
  t.department = evil("department");
  t.year = evil("year");
  t.unit = evil("unit");
  t.head = {{th(evil("head-cell"))}};
  t.body = {{doc::text_cell(evil("row-header"), 1, 1, doc::Align::Left, true), amount(evil("body-cell"))}};
  t.notes = {evil("note")};
  d.blocks.push_back(t);

  const std::string out = write_html(d);
  // Nothing the user wrote becomes markup.
  CHECK_FALSE(has(out, "<i>"));
  CHECK_FALSE(has(out, "<script"));
  CHECK_FALSE(has(out, "'{{"));
  CHECK(count(out, "{{x}}") == 23);

  CHECK(has(out, "<title>" + evil_escaped("title") + "</title>"));
  CHECK(has(out, "<meta name=\"author\" content=\"" + evil_escaped("author") + "\">"));
  CHECK(has(out, "<h1 class=\"toc-title\" id=\"toc-title\">" + evil_escaped("toc-title") + "</h1>"));
  CHECK(has(out, "<li class=\"level-0\"><a href=\"#p1\">" + evil_escaped("toc-entry") + "</a></li>"));
  CHECK(has(out, "<li class=\"level-1\"><a href=\"#" + evil_escaped("toc-target") + "\">表</a></li>"));
  CHECK(has(out, "<h1 id=\"" + evil_escaped("heading-id") + "\">" + evil_escaped("heading") + "</h1>"));
  CHECK(has(out, "<p class=\"body justify indent\">" + evil_escaped("paragraph") + "</p>"));
  CHECK(has(out, "<li><span class=\"label\">" + evil_escaped("label") + "</span>" + evil_escaped("item") + "</li>"));
  CHECK(has(out, "<section class=\"table own-page\" id=\"" + evil_escaped("table-id") + "\" aria-labelledby=\"" +
                     evil_escaped("table-id") + "-title\">"));
  CHECK(has(out, "<h2 class=\"table-title\" id=\"" + evil_escaped("table-id") + "-title\">" +
                     evil_escaped("table-title") + "</h2>"));
  CHECK(has(out, "<p class=\"table-number\">" + evil_escaped("number") + "</p>"));
  CHECK(has(out, "<span class=\"department\">" + evil_escaped("department") + "</span>"));
  CHECK(has(out, "<span class=\"year\">" + evil_escaped("year") + "</span>"));
  CHECK(has(out, "<span class=\"unit\">" + evil_escaped("unit") + "</span>"));
  CHECK(has(out, "<th scope=\"col\" class=\"center\">" + evil_escaped("head-cell") + "</th>"));
  CHECK(has(out, "<th scope=\"row\" class=\"left\">" + evil_escaped("row-header") + "</th>"));
  CHECK(has(out, "<td class=\"right\">" + evil_escaped("body-cell") + "</td>"));
  CHECK(has(out, "<p class=\"note justify\">" + evil_escaped("note") + "</p>"));
}

TEST_CASE("options and the page number format are escaped too") {
  doc::Document d;
  d.page_number_format = "</style><b>{}\"\\";
  html::HtmlOptions o;
  o.lang = "zh\"><b>";
  o.pdf_link = "a.pdf?x=1&y=\"2\"";
  o.pdf_link_text = "<b>PDF</b>";
  const std::string out = write_html(d, o);
  CHECK_FALSE(has(out, "<b>"));
  CHECK(count(out, "</style>") == 1);
  CHECK(has(out, "<html lang=\"zh&quot;&gt;&lt;b&gt;\">"));
  CHECK(has(out, "<link rel=\"alternate\" type=\"application/pdf\" href=\"a.pdf?x=1&amp;y=&quot;2&quot;\">"));
  CHECK(has(out, "<a href=\"a.pdf?x=1&amp;y=&quot;2&quot;\" type=\"application/pdf\">&lt;b&gt;PDF&lt;/b&gt;</a>"));
  // In CSS, < > " \ become hex escapes: the string cannot end early.
  CHECK(has(out, "content:\"\\3c /style\\3e \\3c b\\3e \" counter(page) \"\\22 \\5c \";"));
}

TEST_CASE("the page is one self-contained document") {
  doc::Document d;
  d.title = "2022年度某局部门决算";
  const std::string out = write_html(d);
  CHECK(out.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
  CHECK(has(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
  CHECK(has(out, "<title>2022年度某局部门决算</title>"));
  CHECK(has(out, "<style>\n"));
  CHECK(has(out, "@page{size:A4;"));
  CHECK(has(out, "@media print{"));
  CHECK(has(out, ".table-scroll{overflow-x:auto;"));
  CHECK(has(out, "\"FangSong\",\"仿宋\""));
  CHECK(has(out, "content:\"- \" counter(page) \" -\";"));  // the default "- {} -"
  // Page numbers outside (GB/T 9704), and the faces named by the PDF's roles:
  // 一、 headings 黑体, （一） headings 楷体, body 仿宋, neither heading bold.
  CHECK(has(out, "@page:right{@bottom-right{"));
  CHECK(has(out, "@page:left{@bottom-left{"));
  CHECK(has(out, "h2{font-family:var(--heading1);"));
  CHECK(has(out, "h3{font-family:var(--heading2);"));
  // The same faces per role as the PDF (fonts/manifest.yaml): figures and
  // Latin in Liberation Serif / Times New Roman, limited to the manifest's
  // ranges so that CJK punctuation and “” stay in the CJK face; then 楷.
  CHECK(has(out, "@font-face{font-family:\"juesuan-figures\";src:local(\"Liberation Serif\")"));
  CHECK(has(out, "unicode-range:U+0020-007E,U+00A0-017F,U+2030}"));
  CHECK(has(out, "@font-face{font-family:\"juesuan-title\";src:local(\"Noto Serif CJK SC Bold\")"));
  CHECK(has(out, "@font-face{font-family:\"juesuan-heading\";src:local(\"Noto Sans CJK SC Bold\")"));
  CHECK(has(out, "--heading2:\"juesuan-figures\",\"LXGW WenKai\""));
  CHECK(has(out, "--body:\"juesuan-figures\",\"LXGW WenKai\""));
  CHECK(has(out, "--table:\"juesuan-figures\",\"LXGW WenKai\""));
  CHECK(has(out, "h1,h2,h3{font-weight:normal;"));
  CHECK(out.size() >= 16);
  CHECK(out.substr(out.size() - 16) == "</body>\n</html>\n");
  // No scripts and nothing fetched from elsewhere.
  CHECK_FALSE(has(out, "<script"));
  CHECK_FALSE(has(out, "src="));
  CHECK_FALSE(has(out, "url("));
  CHECK_FALSE(has(out, "@import"));
  CHECK_FALSE(has(out, "<link"));
  CHECK_FALSE(has(out, "<meta name=\"author\""));  // no author given
}

TEST_CASE("language comes from the options, else from the Document") {
  doc::Document d;
  d.language = "zh-Hans";
  CHECK(has(write_html(d), "<html lang=\"zh-Hans\">"));
  html::HtmlOptions o;
  o.lang = "en";
  CHECK(has(write_html(d, o), "<html lang=\"en\">"));
}

TEST_CASE("a fragment is only the <main> element") {
  doc::Document d;
  d.title = "标题";
  d.blocks.push_back(doc::Paragraph{"正文。", doc::Role::Body, doc::Align::Justify, true});
  html::HtmlOptions o;
  o.standalone = false;
  CHECK(write_html(d, o) == "<main>\n<p class=\"body justify indent\">正文。</p>\n</main>\n");
  CHECK(html::stylesheet().substr(0, 11) == "@font-face{");
}

TEST_CASE("headings, paragraphs, lists, page breaks") {
  doc::Document d;
  d.blocks.push_back(doc::Heading{0, "第一部分 概况", "p1", true, true});
  d.blocks.push_back(doc::Heading{1, "一、部门职责", "s1", true, false});
  d.blocks.push_back(doc::Heading{2, "（一）小节", "", false, false});
  d.blocks.push_back(doc::Paragraph{"2022年度", doc::Role::CoverTitle, doc::Align::Center, false});
  d.blocks.push_back(doc::Paragraph{"二〇二三年九月", doc::Role::CoverLine, doc::Align::Center, false});
  d.blocks.push_back(doc::Paragraph{"注：说明。", doc::Role::Note, doc::Align::Left, false});
  d.blocks.push_back(doc::Paragraph{"右", doc::Role::Body, doc::Align::Right, false});
  d.blocks.push_back(doc::List{{doc::ListItem{"1.", "本级。"}, doc::ListItem{"", "无标号。"}}});
  d.blocks.push_back(doc::PageBreak{});
  html::HtmlOptions o;
  o.standalone = false;
  CHECK(write_html(d, o) ==
        "<main>\n"
        "<h1 id=\"p1\" class=\"new-page\">第一部分 概况</h1>\n"
        "<h2 id=\"s1\">一、部门职责</h2>\n"
        "<h3>（一）小节</h3>\n"
        "<p class=\"cover-title center\">2022年度</p>\n"
        "<p class=\"cover-line center\">二〇二三年九月</p>\n"
        "<p class=\"note left\">注：说明。</p>\n"
        "<p class=\"body right\">右</p>\n"
        "<ol class=\"list\">\n"
        "<li><span class=\"label\">1.</span>本级。</li>\n"
        "<li>无标号。</li>\n"
        "</ol>\n"
        "<hr class=\"page-break\">\n"
        "</main>\n");
  // List numbering comes from the labels, not from the browser.
  CHECK(has(std::string(html::stylesheet()), "ol.list{list-style:none;"));
}

TEST_CASE("the table of contents links to its targets") {
  doc::Document d;
  d.blocks.push_back(doc::Toc{"目 录", {doc::TocEntry{0, "第二部分 决算表", "p2"},
                                        doc::TocEntry{1, "一、收入支出决算总表", "t01"},
                                        doc::TocEntry{2, "无链接", ""}}});
  html::HtmlOptions o;
  o.standalone = false;
  CHECK(write_html(d, o) ==
        "<main>\n"
        "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n"
        "<details>\n"
        "<summary><h1 class=\"toc-title\" id=\"toc-title\">目 录</h1></summary>\n"
        "<ol>\n"
        "<li class=\"level-0\"><a href=\"#p2\">第二部分 决算表</a></li>\n"
        "<li class=\"level-1\"><a href=\"#t01\">一、收入支出决算总表</a></li>\n"
        "<li class=\"level-2\">无链接</li>\n"
        "</ol>\n"
        "</details>\n"
        "</nav>\n"
        "</main>\n");
}

TEST_CASE("a table: captions, colgroups, thead with spans and scopes, tbody, notes") {
  doc::Document d;
  d.blocks.push_back(income_table());
  html::HtmlOptions o;
  o.standalone = false;
  CHECK(write_html(d, o) ==
        "<main>\n"
        "<section class=\"table own-page\" id=\"t02\" aria-labelledby=\"t02-title\">\n"
        "<h2 class=\"table-title\" id=\"t02-title\">收入决算表</h2>\n"
        "<p class=\"table-number\">公开02表</p>\n"
        "<div class=\"table-meta\"><span class=\"department\">部门：某局</span>"
        "<span class=\"year\">2022年度</span><span class=\"unit\">单位：万元</span></div>\n"
        "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"t02-title\">\n"
        "<table class=\"narrow\">\n"
        "<colgroup><col style=\"width:12.5%\"><col style=\"width:37.5%\"></colgroup>\n"
        "<colgroup><col style=\"width:25%\"></colgroup>\n"
        "<colgroup><col style=\"width:25%\"></colgroup>\n"
        "<thead>\n"
        "<tr><th scope=\"colgroup\" colspan=\"2\" class=\"center\">项目</th>"
        "<th scope=\"col\" rowspan=\"2\" class=\"center\">本年收入合计</th>"
        "<th scope=\"col\" rowspan=\"2\" class=\"center\">其他收入</th></tr>\n"
        "<tr><th scope=\"col\" class=\"center\">功能分类科目编码</th><th scope=\"col\" class=\"center\">科目名称</th></tr>\n"
        "</thead>\n"
        "<tbody>\n"
        "<tr><th scope=\"row\" colspan=\"2\" class=\"center em\">合计</th>"
        "<td class=\"right em\">2,334.99</td><td class=\"right em\">0.38</td></tr>\n"
        "<tr><th scope=\"row\" class=\"left\">201</th><th scope=\"row\" class=\"left\">一般公共服务支出</th>"
        "<td class=\"right\">1,013.39</td><td class=\"right\">0.38</td></tr>\n"
        "</tbody>\n"
        "</table>\n"
        "</div>\n"
        "<p class=\"note justify\">注：本表反映部门本年度取得的各项收入情况。</p>\n"
        "</section>\n"
        "</main>\n");
}

TEST_CASE("two-panel header (01表): one colgroup per panel, scope=colgroup on the panel titles") {
  doc::Table t;
  t.id = "t01";
  t.landscape = true;
  t.head = {{th("收入", 3), th("支出", 3)},
            {th("项目"), th("行次"), th("决算数"), th("项目"), th("行次"), th("决算数")},
            {th("栏次"), th(""), th("1"), th("栏次"), th(""), th("2")}};
  t.body = {{doc::text_cell("一、一般公共预算财政拨款收入"), doc::text_cell("1", 1, 1, doc::Align::Center), amount("2,334.61"),
             doc::text_cell("一、一般公共服务支出"), doc::text_cell("32", 1, 1, doc::Align::Center), amount("1,013.01")}};
  t.widths = {30, 6, 14, 30, 6, 14};
  doc::Document d;
  d.blocks.push_back(t);
  const std::string out = write_html(d);
  CHECK(has(out, "<section class=\"table landscape own-page\" id=\"t01\">\n"));
  CHECK(has(out, "<colgroup><col style=\"width:30%\"><col style=\"width:6%\"><col style=\"width:14%\"></colgroup>\n"
                 "<colgroup><col style=\"width:30%\"><col style=\"width:6%\"><col style=\"width:14%\"></colgroup>\n"));
  CHECK(has(out, "<tr><th scope=\"colgroup\" colspan=\"3\" class=\"center\">收入</th>"
                 "<th scope=\"colgroup\" colspan=\"3\" class=\"center\">支出</th></tr>"));
  // An empty header cell is a plain cell, not a header.
  CHECK(has(out, "<tr><th scope=\"col\" class=\"center\">栏次</th><td class=\"center\"></td>"
                 "<th scope=\"col\" class=\"center\">1</th>"));
  // Body cells not marked header stay <td>.
  CHECK(has(out, "<tr><td class=\"left\">一、一般公共预算财政拨款收入</td><td class=\"center\">1</td>"
                 "<td class=\"right\">2,334.61</td>"));
  CHECK(count(out, "<thead>") == 1);
  CHECK(count(out, "<tbody>") == 1);
  CHECK(count(out, "<tr>") == 4);
  // No title: no heading and no label to point at.
  CHECK_FALSE(has(out, "class=\"table-title\""));
  CHECK_FALSE(has(out, "aria-labelledby"));
}

TEST_CASE("column widths: normalised to percentages, ignored when they do not fit") {
  doc::Table t;
  t.in_toc = false;
  t.body = {{doc::text_cell("a"), doc::text_cell("b"), doc::text_cell("c")}};
  doc::Document d;

  t.widths = {1, 1, 1};
  d.blocks = {t};
  CHECK(has(write_html(d), "<colgroup><col style=\"width:33.33%\"><col style=\"width:33.33%\">"
                           "<col style=\"width:33.33%\"></colgroup>\n<tbody>"));

  t.widths = {2, 1};  // two widths for three columns
  d.blocks = {t};
  CHECK(has(write_html(d), "<table class=\"narrow\">\n<colgroup span=\"3\"></colgroup>\n<tbody>"));

  t.widths = {};
  d.blocks = {t};
  const std::string out = write_html(d);
  CHECK(has(out, "<section class=\"table\">\n<div class=\"table-scroll\" tabindex=\"0\">\n"
                 "<table class=\"narrow\">\n<colgroup span=\"3\"></colgroup>\n<tbody>\n"
                 "<tr><td class=\"left\">a</td><td class=\"left\">b</td><td class=\"left\">c</td></tr>\n"
                 "</tbody>\n</table>\n</div>\n</section>\n"));
  CHECK_FALSE(has(out, "<thead>"));
}

TEST_CASE("a cell carried down by rowspan counts as a column") {
  doc::Table t;
  t.in_toc = false;
  // A spans two rows, so the second row's two cells are columns 2 and 3.
  t.body = {{doc::text_cell("A", 1, 2), doc::text_cell("B"), doc::text_cell("C")}, {doc::text_cell("D"), doc::text_cell("E")}};
  t.widths = {50, 25, 25};
  doc::Document d;
  d.blocks.push_back(t);
  const std::string out = write_html(d);
  CHECK(has(out, "<colgroup><col style=\"width:50%\"><col style=\"width:25%\"><col style=\"width:25%\"></colgroup>"));
  CHECK(has(out, "<tr><td rowspan=\"2\" class=\"left\">A</td><td class=\"left\">B</td><td class=\"left\">C</td></tr>\n"
                 "<tr><td class=\"left\">D</td><td class=\"left\">E</td></tr>\n"));
}

TEST_CASE("the same Document gives the same bytes") {
  doc::Document d;
  d.title = "2022年度某局部门决算";
  d.author = "某局";
  d.blocks.push_back(doc::Toc{"目 录", {doc::TocEntry{1, "二、收入决算表", "t02"}}});
  d.blocks.push_back(doc::Heading{0, "第二部分", "p2", true, true});
  d.blocks.push_back(income_table());
  d.blocks.push_back(doc::PageBreak{});
  const std::string first = write_html(d);
  const doc::Document copy = d;
  CHECK(write_html(d) == first);
  CHECK(write_html(copy) == first);
  html::HtmlOptions o;
  o.standalone = false;
  CHECK(write_html(d, o) == write_html(copy, o));
}

TEST_CASE("a page links its other editions and the index at the top, with the caller's words") {
  doc::Document d;
  d.blocks.push_back(doc::Paragraph{"正文"});
  html::HtmlOptions o;
  o.links = {{"a%20b.pdf", "PDF", "application/pdf"}, {"../index.html", "<索引>", ""}};
  const std::string out = write_html(d, o);
  CHECK(has(out, "<main>\n<nav class=\"editions\"><a href=\"a%20b.pdf\" type=\"application/pdf\">PDF</a>"
                 "<a href=\"../index.html\">&lt;索引&gt;</a></nav>\n"));
  CHECK(out.find("<nav class=\"editions\">") < out.find("正文"));
}

TEST_CASE("a table of panels side by side becomes one table a panel, and a wide table gets the hint") {
  // 06表's shape: code, name, amount, three times over; a footer across panels' bounds.
  doc::Table t;
  t.id = "t06";
  t.title = "基本支出";
  for (int p = 0; p < 3; ++p)
    for (const char* h : {"编码", "科目名称", "决算数"}) t.head.resize(1), t.head[0].push_back(doc::text_cell(h));
  auto row = [](std::initializer_list<const char*> texts) {
    doc::Row r;
    for (const char* x : texts) r.push_back(doc::text_cell(x));
    return r;
  };
  t.body.push_back(row({"301", "工资福利支出", "1.00", "302", "商品和服务支出", "2.00", "310", "资本性支出", "3.00"}));
  t.body.push_back(row({"30101", "基本工资", "1.00", "30201", "办公费", "2.00", "", "", ""}));
  doc::Cell total = doc::text_cell("人员经费合计");
  total.colspan = 2;
  doc::Cell gap = doc::text_cell("");
  gap.colspan = 3;
  doc::Cell total2 = doc::text_cell("公用经费合计");
  total2.colspan = 2;
  t.body.push_back({total, doc::text_cell("1.00"), gap, total2, doc::text_cell("5.00")});
  doc::Document d;
  d.blocks.push_back(t);
  html::HtmlOptions o;
  o.standalone = false;
  o.scroll_hint = "左右滑动";
  std::string out = write_html(d, o);
  CHECK(has(out, "<div class=\"panels\">"));
  // Three tables of three columns, none with a hint; the third without the empty row.
  std::size_t tables = 0;
  for (auto at = out.find("<table class=\"narrow\">"); at != std::string::npos; at = out.find("<table class=\"narrow\">", at + 1))
    ++tables;
  CHECK(tables == 3);
  CHECK(!has(out, "左右滑动"));
  CHECK(has(out, "<td colspan=\"2\" class=\"left\">公用经费合计</td><td class=\"left\">5.00</td></tr>\n</tbody>"));
  const auto third = out.rfind("<table class=\"narrow\">");
  CHECK(out.find("基本工资", third) == std::string::npos);
  CHECK(out.find("资本性支出", third) != std::string::npos);

  // A cell across two panels: one table, wide, with the hint.
  d.blocks.clear();
  t.body.back() = {total,  doc::text_cell("1.00"), doc::text_cell(""), doc::text_cell(""),
                   total2, doc::text_cell("5.00"), doc::text_cell("")};   // 公用经费合计 over columns 6 and 7
  d.blocks.push_back(t);
  out = write_html(d, o);
  CHECK(!has(out, "<div class=\"panels\">"));
  CHECK(has(out, "<p class=\"scroll-hint wide\" aria-hidden=\"true\">左右滑动</p>\n<div class=\"table-scroll\""));
}

TEST_CASE("html: attachment tables keep labels on one line and texts readable, at 1280 and 390 px", "[html][browser]") {
  // tests/browser/check_cells.py opens the pages in headless Chromium and
  // measures every cell of the 绩效自评表: a label of up to eight
  // characters on one line, a longer text at four characters a line or
  // more (the table scrolls on a phone rather than stacking them).
  test::TempDir tmp("html-cells");
  const std::string root = JUESUAN_SOURCE_DIR;
  const auto built = test::shell(test::shell_quote(test::binary()) + " build " + root +
                                 "/data/examples/2021-jiaozuo-gongxinju.yaml " + root +
                                 "/data/examples/2022-jiaozuo-zhengwu-dashuju.yaml -o " +
                                 test::shell_quote((tmp.dir / "out").string()));
  REQUIRE(built.status == 0);
  const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const auto run = test::shell(python + " " + root + "/tests/browser/check_cells.py " +
                               test::shell_quote((tmp.dir / "out/2021-jiaozuo-gongxinju.html").string()) + " " +
                               test::shell_quote((tmp.dir / "out/2022-jiaozuo-zhengwu-dashuju.html").string()));
  if (run.status == 77) {
    WARN("skipped: " << run.out);
    return;
  }
  INFO(run.out << run.err);
  CHECK(run.status == 0);
  CHECK(run.out.find("2021-jiaozuo-gongxinju.html at 390 px: 0 cells stack") != std::string::npos);
}
