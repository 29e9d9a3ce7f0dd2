// libFuzzer target: one whole build in memory, as `juesuan build` does it:
// YAML text -> Source -> Model -> audit -> Document -> HTML, and PDF bytes
// when the audit finds no error (the program writes no PDF otherwise).
// The HTML is written even when the audit finds errors, to exercise the
// composer and the writer with every model the loader lets through.
#include <cstddef>
#include <cstdint>

#include "check/check.hpp"
#include "compose/compose.hpp"
#include "fuzz/common.hpp"
#include "html/html_writer.hpp"
#include "pdf/pdf.hpp"

using namespace juesuan;

namespace {
const Resources* g_res = nullptr;
bool g_pdf = true;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // JUESUAN_FUZZ_PDF=0 leaves the PDF out (for a quick HTML-only run).
  if (const char* env = std::getenv("JUESUAN_FUZZ_PDF"); env && std::string(env) == "0") g_pdf = false;
  g_res = new Resources(Resources::load(fuzz::root(), /*with_fonts=*/g_pdf));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    Source source = load_source(fuzz::in_memory(data, size), g_res->load_context());
    const TemplateSet* t = g_res->templates.find(source.format.value);
    if (!t) {
      std::fprintf(stderr, "the loader accepted format \"%s\" that has no templates\n", source.format.value.c_str());
      std::abort();
    }
    Model model = compute(source, g_res->catalog);
    std::vector<Finding> findings = check(source, model);
    for (const auto& f : findings) (void)render_finding(f);
    doc::Document document = compose(model, *t);
    html::HtmlOptions options;
    options.pdf_link = "fuzz.pdf";
    std::string html = html::write_html(document, options);
    if (html.empty()) std::abort();
    if (g_pdf && !has_errors(findings)) {
      std::vector<juesuan::doc::Warning> warnings;
      std::string pdf = pdf::write_pdf(document, *g_res->fonts, pdf::PdfOptions{}, &warnings);
      if (pdf.compare(0, 5, "%PDF-") != 0) std::abort();
    }
  } catch (const Error& e) {
    fuzz::expect_not_internal(e);
  }
  return 0;
}
