// The PDF layout read as a display list in text (pdf::detail::display_list),
// without PDF bytes, as PoDoFo's tests read a content stream: the expected
// lines are worked out from the options (GB/T 9704 margins, the body style),
// not taken from a run.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "build/font_manifest.hpp"
#include "pdf/layout.hpp"
#include "pdf/pdf.hpp"
#include "pdf/text.hpp"
#include "support.hpp"

using namespace juesuan;

namespace {

const pdf::FontLibrary& fonts() {
  static const pdf::FontLibrary lib = juesuan::load_fonts(test::kSourceDir / "fonts/manifest.yaml");
  return lib;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

}  // namespace

TEST_CASE("pdf: two paragraphs as a display list in text", "[pdf][layout]") {
  doc::Document d;
  d.blocks.push_back(doc::Paragraph{"甲乙丙", doc::Role::Body, doc::Align::Left, true});
  d.blocks.push_back(doc::Paragraph{"丁戊", doc::Role::Body, doc::Align::Left, true});
  const pdf::PdfOptions o;
  pdf::detail::Shaper shaper(fonts().set(), nullptr);
  const auto layout = pdf::detail::lay_out(d, fonts().set(), o, shaper, nullptr);
  const std::string text = pdf::detail::display_list(layout);
  INFO(text);
  const auto lines = lines_of(text);

  // A4 is 210 × 297 mm = 595.28 × 841.89 pt; the page is the first numbered one.
  REQUIRE(!lines.empty());
  CHECK(lines[0] == "page 1 595.28x841.89 portrait number=1");
  // The body style is 16 pt on a 28 pt pitch, in the first font of the role
  // "body" that serves Chinese (fonts/manifest.yaml: liberation-serif, font
  // 0, serves only Latin; lxgw-wenkai is the manifest's fourth font, 3).
  // x: the inner margin 28 mm (79.40 pt) and a first-line indent of two
  // characters (32 pt) = 111.40. y: the top margin 37 mm (104.90 pt), the
  // line's half-leading (28 − 16) / 2 = 6 and the ascent 0.88 × 16 = 14.08
  // put the baseline 124.98 pt below the top: 841.89 − 124.98 = 716.91; the
  // next paragraph one pitch lower, 688.91.
  const std::vector<std::string> body = {
      "text font=3 size=16.00 at=111.40,716.91 spacing=0.00 \"甲乙丙\"",
      "text font=3 size=16.00 at=111.40,688.91 spacing=0.00 \"丁戊\"",
  };
  for (const auto& l : body) CHECK(std::find(lines.begin(), lines.end(), l) != lines.end());
  // Nothing else on the page but its number, in 14 pt, as the Document's
  // default page_number_format "- {} -" writes it.
  int texts = 0;
  for (const auto& l : lines) texts += l.rfind("text ", 0) == 0;
  CHECK(texts == 3);
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
          return l.rfind("text ", 0) == 0 && l.find(" size=14.00 ") != std::string::npos &&
                 l.find("\"- 1 -\"") != std::string::npos;
        }) == 1);
  CHECK(lines.size() == 4);
}
