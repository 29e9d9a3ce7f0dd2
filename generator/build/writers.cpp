#include "build/writers.hpp"

#include <array>
#include <cstdlib>

#include "core/messages.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "html/html_writer.hpp"
#include "pdf/pdf.hpp"
#include "xlsx/xlsx_writer.hpp"

namespace juesuan {

namespace {

// Where the department's file first writes a character, outside a comment
// ("# …"); the file alone when it does not.
Loc where_written(const std::shared_ptr<const SourceFile>& file, char32_t cp) {
  Loc loc{file, 0, 0};
  const std::string utf8 = utf8_encode(cp);
  if (cp == 0 || utf8.empty()) return loc;
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
  if (at != std::string::npos) std::tie(loc.line, loc.col) = file->locate(at);
  return loc;
}

std::string write_pdf(const WriterInput& in, std::vector<doc::Warning>& warnings) {
  if (!in.resources.fonts) throw Error(Failure::Internal, "fonts were not loaded for a PDF build");
  try {
    return pdf::write_pdf(in.document, *in.resources.fonts, pdf::PdfOptions{}, &warnings);
  } catch (const Error& e) {
    throw Error(Failure::Internal, in.source.file->path + ": the PDF could not be written: " + e.message());
  }
}

std::string write_html(const WriterInput& in, std::vector<doc::Warning>&) {
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

std::string write_xlsx(const WriterInput& in, std::vector<doc::Warning>&) { return xlsx::write_xlsx(in.document); }

const std::array<Writer, 3> kWriters = {{
    {"html", ".html", "HTML", false, write_html, "text/html"},
    {"pdf", ".pdf", "PDF", true, write_pdf, "application/pdf"},
    {"xlsx", ".xlsx", "XLSX", false, write_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
}};

}  // namespace

std::span<const Writer> writers() { return kWriters; }

OutputWarning output_warning(const std::shared_ptr<const SourceFile>& file, const doc::Warning& w) {
  switch (w.kind) {
    case doc::Warning::Kind::MissingCharacter:
      return {where_written(file, w.code_point), msg::missing_character(w.role, w.code_point)};
    case doc::Warning::Kind::TableTooWide:
      return {Loc{file, 0, 0}, msg::table_too_wide(w.where, w.size)};
    case doc::Warning::Kind::MissingTarget:
      break;
  }
  return {Loc{file, 0, 0}, msg::missing_target(w.where)};
}

std::string render(const OutputWarning& w) {
  std::string r = render_diagnostic(Severity::Warning, w.loc, w.message);
  return r.substr(0, r.find('\n'));
}

const Writer* find_writer(std::string_view name) {
  for (const auto& w : kWriters)
    if (w.name == name) return &w;
  return nullptr;
}

}  // namespace juesuan
