#include "build/writers.hpp"

#include <array>
#include <cstdlib>

#include "core/text.hpp"
#include "core/url.hpp"
#include "html/html_writer.hpp"
#include "pdf/pdf.hpp"
#include "xlsx/xlsx_writer.hpp"

namespace juesuan {

namespace {

// A writer's warning about a character ("… U+1F600 …") names the place in
// the department's file where that character first appears:
// "file:line:col: warning: …". Other warnings name the file alone.
std::string locate_warning(const std::shared_ptr<const SourceFile>& file, const std::string& w) {
  Loc loc{file, 0, 0};
  auto u = w.find("U+");
  if (u != std::string::npos) {
    unsigned long cp = std::strtoul(w.c_str() + u + 2, nullptr, 16);
    std::string utf8 = utf8_encode(static_cast<char32_t>(cp));
    // The first occurrence outside a comment ("# …").
    const std::string& text = file->text;
    auto in_comment = [&](std::size_t at) {
      std::size_t start = text.rfind('\n', at);
      start = start == std::string::npos ? 0 : start + 1;
      std::string_view prefix(text.data() + start, at - start);
      auto hash = prefix.find('#');
      return hash != std::string_view::npos && (hash == 0 || prefix[hash - 1] == ' ');
    };
    auto at = text.find(utf8);
    while (at != std::string::npos && in_comment(at)) at = text.find(utf8, at + 1);
    if (cp != 0 && !utf8.empty() && at != std::string::npos) std::tie(loc.line, loc.col) = file->locate(at);
  }
  std::string r = render_diagnostic(Severity::Warning, loc, w);
  return r.substr(0, r.find('\n'));
}

std::string write_pdf(const WriterInput& in, std::vector<std::string>& warnings) {
  if (!in.resources.fonts) throw Error(Failure::Internal, "fonts were not loaded for a PDF build");
  try {
    std::vector<std::string> raw;
    std::string bytes = pdf::write_pdf(in.document, *in.resources.fonts, pdf::PdfOptions{}, &raw);
    for (const auto& w : raw) warnings.push_back(locate_warning(in.source.file, w));
    return bytes;
  } catch (const Error& e) {
    throw Error(Failure::Internal, in.source.file->path + ": the PDF could not be written: " + e.message());
  }
}

std::string write_html(const WriterInput& in, std::vector<std::string>&) {
  html::HtmlOptions options;
  if (auto pdf = in.files.find("pdf"); pdf != in.files.end()) options.pdf_link = url_encode_path(pdf->second);
  // The page's words come from the format's labels (group "page").
  const TemplateSet* t =
      in.resources.templates.find(in.source.profile.present ? in.source.profile.value : in.source.format.value);
  auto label = [&](std::string_view key) {
    if (const auto* group = t ? t->label_group("page") : nullptr)
      for (const auto& [k, v] : *group)
        if (k == key) return v;
    return std::string();
  };
  // Every other output of this build, in the table's order, then the index.
  for (const Writer& w : writers()) {
    auto f = in.files.find(std::string(w.name));
    if (w.name == "html" || f == in.files.end()) continue;
    options.links.push_back(html::PageLink{url_encode_path(f->second), std::string(w.label), std::string(w.mime)});
  }
  if (!in.index_link.empty() && !label("index").empty())
    options.links.push_back(html::PageLink{url_encode_path(in.index_link), label("index"), ""});
  options.scroll_hint = label("scroll_hint");
  return html::write_html(in.document, options);
}

std::string write_xlsx(const WriterInput& in, std::vector<std::string>&) { return xlsx::write_xlsx(in.document); }

const std::array<Writer, 3> kWriters = {{
    {"html", ".html", "HTML", false, write_html, "text/html"},
    {"pdf", ".pdf", "PDF", true, write_pdf, "application/pdf"},
    {"xlsx", ".xlsx", "XLSX", false, write_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
}};

}  // namespace

std::span<const Writer> writers() { return kWriters; }

const Writer* find_writer(std::string_view name) {
  for (const auto& w : kWriters)
    if (w.name == name) return &w;
  return nullptr;
}

}  // namespace juesuan
