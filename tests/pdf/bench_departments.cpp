// Benchmark driver for scripts/bench_pdf.sh: the real example departments
// through the real pipeline. Loads the Resources once (catalog, templates,
// fonts), builds each department's Document once, then renders it N times
// to PDF and HTML (what `juesuan build` does per department after loading)
// and prints per department the median and minimum wall time of
// write_pdf + write_html, of each alone, the sizes and the page count.
//   juesuan_departments_bench RUNS [OUT_DIR] department.yaml...
// OUT_DIR, when not "-", receives NAME.pdf of the last run.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "build/build.hpp"
#include "html/html_writer.hpp"
#include "pdf/pdf.hpp"

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double minimum(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s RUNS OUT_DIR|- department.yaml...\n", argv[0]);
    return 2;
  }
  const int runs = std::max(1, std::atoi(argv[1]));
  const std::string out = argv[2];
  using clock = std::chrono::steady_clock;
  auto ms_since = [](clock::time_point t) { return std::chrono::duration<double, std::milli>(clock::now() - t).count(); };
  try {
    auto t0 = clock::now();
    const juesuan::Resources res = juesuan::Resources::load(JUESUAN_SOURCE_DIR, true);
    std::printf("resources load (catalog, templates, fonts): %.1f ms, once per process\n", ms_since(t0));
    for (int a = 3; a < argc; ++a) {
      const std::filesystem::path yaml = argv[a];
      t0 = clock::now();
      auto built = juesuan::build_document(res, yaml);
      const double build_ms = ms_since(t0);
      juesuan::html::HtmlOptions html_options;
      html_options.pdf_link = yaml.stem().string() + ".pdf";
      std::vector<double> pdf_ms, html_ms, both_ms;
      std::string pdf, html;
      std::vector<juesuan::doc::Warning> warnings;
      for (int i = 0; i < runs; ++i) {
        warnings.clear();
        auto t = clock::now();
        pdf = juesuan::pdf::write_pdf(built->document, *res.fonts, juesuan::pdf::PdfOptions{}, &warnings);
        const double p = ms_since(t);
        t = clock::now();
        html = juesuan::html::write_html(built->document, html_options);
        const double h = ms_since(t);
        pdf_ms.push_back(p);
        html_ms.push_back(h);
        both_ms.push_back(p + h);
      }
      std::size_t pages = 0;
      for (auto p = pdf.find("/Type /Page\n"); p != std::string::npos; p = pdf.find("/Type /Page\n", p + 1)) ++pages;
      std::printf("%s: %zu pages, pdf %zu bytes (%.1f KB), html %zu bytes, %zu warnings\n", yaml.stem().c_str(), pages,
                  pdf.size(), pdf.size() / 1024.0, html.size(), warnings.size());
      std::printf("  pdf+html: median %.2f ms, min %.2f ms over %d runs (pdf %.2f ms, html %.2f ms; build_document %.1f ms once)\n",
                  median(both_ms), minimum(both_ms), runs, median(pdf_ms), median(html_ms), build_ms);
      if (out != "-") std::ofstream(std::filesystem::path(out) / (yaml.stem().string() + ".pdf"), std::ios::binary) << pdf;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}
