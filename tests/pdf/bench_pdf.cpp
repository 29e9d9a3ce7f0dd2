// Benchmark driver for scripts/bench_pdf.sh: loads the fonts once, renders the
// sample document N times and prints the median and minimum wall time of
// write_pdf, the PDF size and the page count. Optionally writes the PDF.
// JUESUAN_PDF_MANIFEST names another font manifest; JUESUAN_PDF_FONT_COMPRESSION and
// JUESUAN_PDF_CONTENT_COMPRESSION set
// PdfOptions::font_compression and content_compression (libdeflate levels).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "build/font_manifest.hpp"
#include "pdf/pdf.hpp"
#include "pdf/sample_document.hpp"

int main(int argc, char** argv) {
  int runs = argc > 1 ? std::atoi(argv[1]) : 30;
  const char* out = argc > 2 ? argv[2] : nullptr;
  using clock = std::chrono::steady_clock;
  auto t0 = clock::now();
  const char* manifest = std::getenv("JUESUAN_PDF_MANIFEST");
  auto fonts = juesuan::load_fonts(manifest ? std::string(manifest)
                                                        : std::string(JUESUAN_SOURCE_DIR) + "/fonts/manifest.yaml");
  double load_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
  auto doc = juesuan::pdf::sample::sample_document();
  juesuan::pdf::PdfOptions options;
  if (const char* level = std::getenv("JUESUAN_PDF_FONT_COMPRESSION")) options.font_compression = std::atoi(level);
  if (const char* level = std::getenv("JUESUAN_PDF_CONTENT_COMPRESSION")) options.content_compression = std::atoi(level);
  std::string pdf;
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto t = clock::now();
    pdf = juesuan::pdf::write_pdf(doc, fonts, options);
    ms.push_back(std::chrono::duration<double, std::milli>(clock::now() - t).count());
  }
  std::sort(ms.begin(), ms.end());
  std::size_t pages = 0;
  for (std::size_t p = pdf.find("/Type /Page\n"); p != std::string::npos; p = pdf.find("/Type /Page\n", p + 1)) ++pages;
  std::printf("font library load: %.1f ms (once per process)\n", load_ms);
  std::printf("write_pdf: median %.2f ms, min %.2f ms over %d runs\n", ms[ms.size() / 2], ms.front(), runs);
  std::printf("pdf size: %zu bytes (%.1f KB), pages: %zu\n", pdf.size(), pdf.size() / 1024.0, pages);
  if (out) std::ofstream(out, std::ios::binary) << pdf;
}
