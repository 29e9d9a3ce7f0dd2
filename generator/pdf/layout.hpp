// Layout: the Document flowed into pages of positioned glyph runs, rules and
// link areas (a display list in PDF points, origin at the page's bottom-left),
// plus the anchors, outline and 目录 slots that the writer fills in once all
// page numbers are known. Internal to the PDF writer.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "pdf/font_library.hpp"
#include "pdf/pdf.hpp"
#include "pdf/text.hpp"

namespace juesuan::pdf::detail {

struct GlyphRef {
  std::uint32_t gid;
  char32_t cp;
};

// Glyphs of one font at one size on one baseline, starting at (x, y).
struct TextRun {
  int font = 0;
  double size = 0;
  double x = 0, y = 0;
  double char_spacing = 0;  // Tc: added after every glyph (justification)
  bool bold = false;
  std::vector<GlyphRef> glyphs;
};

struct Rule {
  double x1, y1, x2, y2, width;
  bool dotted = false;  // a 目录 leader
};
struct Box {  // a stroked rectangle (table cell)
  double x, y, w, h, width;
};
// A filled area of a chart: a rectangle (x, y its bottom-left corner), or a
// pie sector from angle a0 clockwise to a1 (radians, 0 = twelve o'clock)
// around (x, y) with radius r. `outline` > 0 strokes it in white, to part
// it from its neighbours.
struct Shape {
  enum class Kind { Rect, Sector };
  Kind kind = Kind::Rect;
  double x = 0, y = 0, w = 0, h = 0;
  double r = 0, a0 = 0, a1 = 0;
  std::uint32_t rgb = 0;
  double outline = 0;
};
struct LinkArea {
  double x1, y1, x2, y2;
  std::string target;
};
// A 目录 entry waiting for its page number: dot leader from `leader_from`
// to the number, which ends at `right`, on baseline `y`.
struct TocSlot {
  std::string target;
  TextStyle style;
  double leader_from, right, y;
};

// Runs [first, last] that show one piece of text over several lines (a
// wrapped table cell): marked as a /Span with /ActualText so that text
// extraction returns the piece whole instead of interleaving it with the
// neighbouring cells' lines.
struct ActualText {
  std::size_t first, last;
  std::string text;
};

struct Page {
  bool landscape = false;
  double width = 0, height = 0;
  unsigned kind = 0;     // what is on it: kCover | kToc | kOther
  bool numbered = true;  // false for the cover and 目录 pages
  int number = 0;        // printed page number (numbered pages only)
  std::vector<TextRun> runs;
  std::vector<Rule> rules;
  std::vector<Box> boxes;
  std::vector<Shape> shapes;
  std::vector<LinkArea> links;
  std::vector<TocSlot> toc_slots;
  std::vector<ActualText> actual_texts;
};

enum PageKind : unsigned { kCover = 1, kToc = 2, kOther = 4 };

struct Anchor {
  int page = 0;
  double y = 0;  // top of the element, PDF coordinates
};

struct OutlineItem {
  int depth = 0;
  std::string title;
  std::string target;
};

struct Layout {
  std::vector<Page> pages;
  std::map<std::string, Anchor> anchors;
  std::vector<OutlineItem> outline;
};

// How pages are numbered. A document alone: its numbered pages from 1. In
// a volume (a city's compilation): from `first`, its cover and 目录 pages
// counted too (numbered false, no number printed: continuous numbering
// across the volume), and 目录 entries whose target lies outside the
// document take their printed number from `external`.
struct Numbering {
  int first = 1;
  bool count_unnumbered = false;
  const std::map<std::string, int>* external = nullptr;
};

// Flows the document into pages, then numbers the pages, draws the page
// numbers and fills the 目录 (second pass: numbers are right-aligned in
// space reserved by the first, so the layout does not move).
Layout lay_out(const doc::Document& document, const FontSet& fonts, const PdfOptions& options,
               Shaper& shaper, std::vector<doc::Warning>* warnings, const Numbering& numbering = {});

// ---- shared by layout.cpp and table.cpp -------------------------------------

// The page cursor: where the next block goes, and when a new page starts.
class Flow {
 public:
  Flow(const PdfOptions& options, Layout& layout) : opt_(options), layout_(layout) {}

  void new_page(bool landscape);
  Page& page() { return layout_.pages.back(); }
  int page_index() const { return static_cast<int>(layout_.pages.size()) - 1; }
  bool empty() const { return layout_.pages.empty(); }
  bool landscape() const { return !empty() && layout_.pages.back().landscape; }

  const Margins& margins() const { return landscape() ? opt_.landscape : opt_.portrait; }
  double left() const { return margins().left; }
  double right() const { return layout_.pages.back().width - margins().right; }
  double width() const { return right() - left(); }
  double top() const { return margins().top; }
  double bottom() const { return layout_.pages.back().height - margins().bottom; }

  double y = 0;               // distance from the top of the page to the cursor
  bool fresh = true;          // nothing placed on this page yet
  bool only_headings = true;  // only headings placed on this page so far

  bool fits(double h) const { return y + h <= bottom() + 0.01; }
  // Starts a new page (same orientation) unless h fits or the page is fresh.
  void ensure(double h) {
    if (!fits(h) && !fresh) new_page(landscape());
  }
  double pdf_y(double from_top) const { return layout_.pages.back().height - from_top; }

  // Draws glyphs [b, e) starting at x with the baseline `baseline` below the
  // page top; splits into runs at font changes.
  // `char_spacing` is added at each justifiable gap (times its weight);
  // `shrink` is taken after each compressible punctuation mark but the last.
  void draw(const std::vector<GlyphUse>& g, std::size_t b, std::size_t e, double x, double baseline,
            const TextStyle& style, double char_spacing = 0, double shrink = 0);
  void anchor(const std::string& id, double from_top);

  const PdfOptions& options() const { return opt_; }
  Layout& layout() { return layout_; }

 private:
  const PdfOptions& opt_;
  Layout& layout_;
};

// Baseline of a line of `style` text whose line box starts `top` below the page top.
inline double baseline_in(double top, const TextStyle& s) {
  return top + (s.leading - s.size) / 2 + 0.88 * s.size;
}

// Sets text as lines of one style between x0 and x0 + width, starting at the
// cursor (first-line indent, alignment, justification, no lone first line at
// a page's foot nor lone last line at its head); returns the number of lines.
std::size_t place_text(Flow& flow, Shaper& shaper, const std::u32string& text, const TextStyle& style,
                       doc::Align align, double indent, double x0, double width, unsigned kind);

// A title style shrunk (down to `min_scale`) so that the text fits on one
// line of `width`, when that is enough; otherwise the style unchanged.
TextStyle fit_on_one_line(Shaper& shaper, const std::u32string& text, const TextStyle& style, double width,
                          double min_scale = 0.85);

// Tables: title block, head rows repeated on every page, notes kept with rows.
void lay_out_table(const doc::Table& table, const std::string& anchor, Flow& flow, Shaper& shaper,
                   std::vector<doc::Warning>* warnings);
// Charts: kept whole on one page, the title below the drawing.
void lay_out_chart(const doc::Chart& chart, const std::string& anchor, Flow& flow, Shaper& shaper);
double chart_height(const doc::Chart& chart, const PdfOptions& options, Shaper& shaper);

// The height a table needs at least on the page where it starts.
double table_start_height(const doc::Table& table, const PdfOptions& options, Shaper& shaper);
// Whether the table goes on landscape pages (asked for, or too wide for portrait).
bool table_landscape(const doc::Table& table, const PdfOptions& options, Shaper& shaper);

// The display list as text, one line an item, lengths in points with two
// decimals (pdf/display_list.cpp): what a page holds, readable and
// comparable without PDF bytes. Glyphs are shown as the characters they draw.
//   page 1 595.28x841.89 portrait number=1
//   text font=0 size=16.00 at=111.40,709.99 spacing=0.00 "……"
//   rule 79.40,700.00 -> 515.58,700.00 width=0.50 [dotted]
//   box 79.40,600.00 size=100.00x20.00 width=0.50
//   shape rect|sector … rgb=RRGGBB
//   link 79.40,690.00 -> 300.00,710.00 target=…
std::string display_list(const Layout& layout);

}  // namespace juesuan::pdf::detail
