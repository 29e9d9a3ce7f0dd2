// write_pdf: lays the Document out, embeds the fonts it uses, writes each
// page's content stream itself (table grids as merged lines, leaders, text
// with our own fonts) and has libharu write the file around it: pages,
// links, the outline, page labels, document info and a content-derived
// document ID.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "pdf/deflate.hpp"
#include "pdf/embed.hpp"
#include "pdf/hpdf.hpp"
#include "pdf/layout.hpp"
#include "pdf/page_writer.hpp"
#include "pdf/pdf.hpp"
#include "pdf/text.hpp"

namespace juesuan::pdf {

namespace {

using namespace detail;

void num(std::string& out, double v) {
  char buf[32];
  v = std::round(v * 100) / 100;
  if (v == 0) v = 0;  // no "-0"
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
  while (p > buf && p[-1] == '0') --p;
  if (p > buf && p[-1] == '.') --p;
  out.append(buf, p);
  out += ' ';
}

}  // namespace

namespace detail {

// A UTF-16BE PDF text string with its byte order mark (for outline and info).
HPDF_Binary text_string(Hpdf& pdf, const std::string& utf8) {
  std::string b = "\xFE\xFF";
  for (char32_t cp : utf8_to_u32(utf8)) {
    auto put = [&](unsigned u) { b += static_cast<char>(u >> 8); b += static_cast<char>(u & 0xFF); };
    if (cp < 0x10000) put(cp);
    else { cp -= 0x10000; put(0xD800 + (cp >> 10)); put(0xDC00 + (cp & 0x3FF)); }
  }
  return pdf.check(HPDF_Binary_New(pdf.mmgr(), reinterpret_cast<HPDF_BYTE*>(b.data()), static_cast<HPDF_UINT>(b.size())),
                   "HPDF_Binary_New");
}

}  // namespace detail

namespace {

// Coordinates in hundredths of a point: what the content streams carry.
long long hundredths(double v) { return std::llround(v * 100); }

void put_hundredths(std::string& out, long long v) {
  if (v < 0) { out += '-'; v = -v; }
  out += std::to_string(v / 100);
  if (const int frac = static_cast<int>(v % 100)) {
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    if (frac % 10) out += static_cast<char>('0' + frac % 10);
  }
  out += ' ';
}

// Table grids: the cells' rectangles become horizontal and vertical lines,
// each shared edge drawn once and collinear edges that touch joined into one
// segment. Projecting caps close the corners as the rectangles' joins did.
void draw_grid(std::string& s, const std::vector<Box>& boxes) {
  struct Seg { long long pos, a, b; };
  std::map<long long, std::pair<std::vector<Seg>, std::vector<Seg>>> by_width;  // width -> (horizontal, vertical)
  for (const auto& b : boxes) {
    auto& [hs, vs] = by_width[hundredths(b.width)];
    const long long x0 = hundredths(b.x), x1 = hundredths(b.x + b.w), y0 = hundredths(b.y), y1 = hundredths(b.y + b.h);
    hs.push_back({y0, x0, x1});
    hs.push_back({y1, x0, x1});
    vs.push_back({x0, y0, y1});
    vs.push_back({x1, y0, y1});
  }
  auto merged = [](std::vector<Seg>& v) {
    std::sort(v.begin(), v.end(), [](const Seg& l, const Seg& r) { return l.pos != r.pos ? l.pos < r.pos : l.a < r.a; });
    std::vector<Seg> out;
    for (const auto& g : v) {
      if (!out.empty() && out.back().pos == g.pos && g.a <= out.back().b + 1) out.back().b = std::max(out.back().b, g.b);
      else out.push_back(g);
    }
    return out;
  };
  for (auto& [width, hv] : by_width) {
    put_hundredths(s, width);
    s += "w 2 J\n";
    for (const auto& g : merged(hv.first)) {
      put_hundredths(s, g.a); put_hundredths(s, g.pos); s += "m ";
      put_hundredths(s, g.b); put_hundredths(s, g.pos); s += "l\n";
    }
    for (const auto& g : merged(hv.second)) {
      put_hundredths(s, g.pos); put_hundredths(s, g.a); s += "m ";
      put_hundredths(s, g.pos); put_hundredths(s, g.b); s += "l\n";
    }
    s += "S\n";
  }
}

// Rules (目录 leaders, dotted): one path per width and dash.
void draw_rules(std::string& s, const std::vector<Rule>& rules) {
  std::map<std::pair<long long, bool>, std::vector<const Rule*>> groups;
  for (const auto& r : rules) groups[{hundredths(r.width), r.dotted}].push_back(&r);
  for (const auto& [key, list] : groups) {
    put_hundredths(s, key.first);
    s += key.second ? "w 0 J [1 3] 0 d\n" : "w 0 J [] 0 d\n";
    for (const Rule* r : list) {
      put_hundredths(s, hundredths(r->x1)); put_hundredths(s, hundredths(r->y1)); s += "m ";
      put_hundredths(s, hundredths(r->x2)); put_hundredths(s, hundredths(r->y2)); s += "l\n";
    }
    s += "S\n";
  }
}

// Chart shapes: each filled in its colour; a sector is a path from the
// centre along its arc (cubic Béziers of at most a quarter turn each), an
// outline white.
void draw_shapes(std::string& s, const std::vector<Shape>& shapes) {
  auto pt = [&](double x, double y) {
    put_hundredths(s, hundredths(x));
    put_hundredths(s, hundredths(y));
  };
  auto colour = [&](std::uint32_t rgb) {
    for (int shift : {16, 8, 0}) num(s, static_cast<double>((rgb >> shift) & 0xFF) / 255.0);
  };
  for (const auto& sh : shapes) {
    colour(sh.rgb);
    s += "rg\n";
    if (sh.kind == Shape::Kind::Rect) {
      pt(sh.x, sh.y);
      pt(sh.w, sh.h);
      s += "re f\n";
      continue;
    }
    // Angles clockwise from twelve o'clock.
    auto at = [&](double a) { return std::pair{sh.x + sh.r * std::sin(a), sh.y + sh.r * std::cos(a)}; };
    const double full = sh.a1 - sh.a0;
    const int pieces = std::max(1, static_cast<int>(std::ceil(full / (3.14159265358979323846 / 2) - 1e-9)));
    const double step = full / pieces;
    const double k = 4.0 / 3.0 * std::tan(step / 4) * sh.r;
    const bool whole = full >= 2 * 3.14159265358979323846 - 1e-9;
    auto [sx, sy] = at(sh.a0);
    if (whole) {
      pt(sx, sy);
      s += "m\n";
    } else {
      pt(sh.x, sh.y);
      s += "m ";
      pt(sx, sy);
      s += "l\n";
    }
    for (int i = 0; i < pieces; ++i) {
      const double a = sh.a0 + step * i, b = a + step;
      auto [ax, ay] = at(a);
      auto [bx, by] = at(b);
      pt(ax + k * std::cos(a), ay - k * std::sin(a));
      pt(bx - k * std::cos(b), by + k * std::sin(b));
      pt(bx, by);
      s += "c\n";
    }
    if (sh.outline > 0) {
      num(s, sh.outline);
      s += "w 1 J 1 j 1 1 1 RG h B\n";
    } else {
      s += "h f\n";
    }
  }
}

// Two bytes of a literal string (a CID, or a UTF-16 unit), escaped.
void put_unit(std::string& s, unsigned u) {
  for (const char c : {static_cast<char>(u >> 8), static_cast<char>(u & 0xFF)}) {
    switch (c) {
      case '(': case ')': case '\\': s += '\\'; s += c; break;
      case '\r': s += "\\r"; break;
      default: s += c;
    }
  }
}

}  // namespace

namespace detail {

// The page's content: graphics first (in their own graphics state), then
// all text as one text object. Each run is placed with Td relative to the
// previous one (in hundredths of a point, so rounding never drifts) and its
// two-byte codes are written as a literal string.
std::string page_content(const Page& p, const EmbeddedFonts& fonts) {
  std::string s;
  if (!p.boxes.empty() || !p.rules.empty() || !p.shapes.empty()) {
    s += "q\n";
    draw_shapes(s, p.shapes);
    if (!p.shapes.empty()) s += "0 g 0 G\n";
    draw_grid(s, p.boxes);
    draw_rules(s, p.rules);
    s += "Q\n";
  }
  if (p.runs.empty()) return s;
  s += "BT\n";
  int font = -1;
  double size = -1, cs = 0;
  bool bold = false;
  long long at_x = 0, at_y = 0;
  auto span = p.actual_texts.begin();
  for (std::size_t i = 0; i < p.runs.size(); ++i) {
    const TextRun& r = p.runs[i];
    if (span != p.actual_texts.end() && span->first == i) {
      s += "/Span <</ActualText (";
      for (char32_t cp : utf8_to_u32("\uFEFF" + span->text)) {
        if (cp < 0x10000) put_unit(s, cp);
        else { put_unit(s, 0xD800 + ((cp - 0x10000) >> 10)); put_unit(s, 0xDC00 + ((cp - 0x10000) & 0x3FF)); }
      }
      s += ")>> BDC\n";
    }
    if (r.font != font || r.size != size) {
      s += "/F" + std::to_string(r.font + 1) + ' ';
      num(s, r.size);
      s += "Tf\n";
      font = r.font;
      size = r.size;
    }
    if (r.char_spacing != cs) { num(s, r.char_spacing); s += "Tc\n"; cs = r.char_spacing; }
    if (r.bold != bold) {
      if (r.bold) { s += "2 Tr "; num(s, r.size * 0.03); s += "w\n"; }
      else s += "0 Tr\n";
      bold = r.bold;
    }
    const long long x = hundredths(r.x), y = hundredths(r.y);
    put_hundredths(s, x - at_x);
    put_hundredths(s, y - at_y);
    s += "Td (";
    at_x = x;
    at_y = y;
    for (const auto& g : r.glyphs) put_unit(s, fonts.cid(r.font, g.gid, g.cp));
    s += ") Tj\n";
    if (span != p.actual_texts.end() && span->last == i) {
      s += "EMC\n";
      ++span;
    }
  }
  s += "ET\n";
  return s;
}

void write_content(Hpdf& pdf, HPDF_Page page, const std::string& s, int level, HPDF_MD5_CTX* hash) {
  HPDF_MD5Update(hash, reinterpret_cast<const HPDF_BYTE*>(s.data()), static_cast<HPDF_UINT32>(s.size()));
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  pdf.write_deflated(attr->contents, deflate(s.data(), s.size(), level), "writing page content");
}

// One destination object per anchor, shared by the 目录 link and the outline.
HPDF_Destination destination(Hpdf& pdf, const std::vector<HPDF_Page>& pages, const std::string& target, const Anchor& a,
                             std::map<std::string, HPDF_Destination>& made) {
  HPDF_Destination& d = made[target];
  if (d) return d;
  d = pdf.check(HPDF_Page_CreateDestination(pages[a.page]), "HPDF_Page_CreateDestination");
  pdf.check(HPDF_Destination_SetFitH(d, static_cast<HPDF_REAL>(a.y)), "HPDF_Destination_SetFitH");
  return d;
}

HPDF_Page add_page(Hpdf& pdf, const Page& p, const PdfOptions& options, HPDF_Dict resources,
                   const EmbeddedFonts& embedded, HPDF_MD5_CTX* hash, HPDF_Page before) {
  HPDF_Page page = before ? pdf.check(HPDF_InsertPage(pdf.get(), before), "HPDF_InsertPage")
                          : pdf.check(HPDF_AddPage(pdf.get()), "HPDF_AddPage");
  if (p.width == options.page_width && p.height == options.page_height) {
    pdf.check(HPDF_Dict_RemoveElement(page, "MediaBox"), "media box");
  } else {
    pdf.check(HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(p.width)), "HPDF_Page_SetWidth");
    pdf.check(HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(p.height)), "HPDF_Page_SetHeight");
  }
  pdf.check(HPDF_Dict_Add(page, "Resources", resources), "page resources");
  write_content(pdf, page, page_content(p, embedded), options.content_compression, hash);
  return page;
}

}  // namespace detail

namespace {

using Destinations = std::map<std::string, HPDF_Destination>;

// One resource dictionary for all pages (its fonts /F1, /F2 … are filled in
// once they are embedded), and the portrait page size given once, on the
// page tree.
HPDF_Dict shared_resources(Hpdf& pdf, const PdfOptions& options) {
  HPDF_Doc doc = pdf.get();
  HPDF_Dict resources = pdf.check(HPDF_Dict_New(pdf.mmgr()), "page resources");
  pdf.check(HPDF_Xref_Add(pdf.xref(), resources), "page resources");
  HPDF_Array media_box = pdf.check(HPDF_Array_New(pdf.mmgr()), "media box");
  pdf.check(HPDF_Dict_Add(doc->root_pages, "MediaBox", media_box), "media box");
  for (double v : {0.0, 0.0, options.page_width, options.page_height})
    pdf.check(HPDF_Array_AddReal(media_box, static_cast<HPDF_REAL>(v)), "media box");
  return resources;
}

// Every page with its content; a page of another size (landscape) says so.
std::vector<HPDF_Page> add_pages(Hpdf& pdf, const Layout& layout, const PdfOptions& options, HPDF_Dict resources,
                                 const EmbeddedFonts& embedded, HPDF_MD5_CTX* hash) {
  std::vector<HPDF_Page> pages;
  pages.reserve(layout.pages.size());
  for (const auto& p : layout.pages) pages.push_back(add_page(pdf, p, options, resources, embedded, hash));
  return pages;
}

// The embedded fonts, by manifest order, in the shared resources.
void add_font_resources(Hpdf& pdf, HPDF_Dict resources, const FontSet& fonts, const EmbeddedFonts& embedded) {
  HPDF_Dict font_resources = pdf.check(HPDF_Dict_New(pdf.mmgr()), "page resources");
  pdf.check(HPDF_Dict_Add(resources, "Font", font_resources), "page resources");
  for (std::size_t f = 0; f < fonts.fonts.size(); ++f)
    if (HPDF_Dict d = embedded.dict(static_cast<int>(f)))
      pdf.check(HPDF_Dict_Add(font_resources, ("F" + std::to_string(f + 1)).c_str(), d), "page resources");
}

// Links of the 目录.
void add_links(Hpdf& pdf, const Layout& layout, const std::vector<HPDF_Page>& pages, Destinations& destinations) {
  for (std::size_t i = 0; i < layout.pages.size(); ++i)
    for (const auto& l : layout.pages[i].links) {
      auto it = layout.anchors.find(l.target);
      if (it == layout.anchors.end()) continue;
      HPDF_Rect rect{static_cast<HPDF_REAL>(l.x1), static_cast<HPDF_REAL>(l.y1), static_cast<HPDF_REAL>(l.x2),
                     static_cast<HPDF_REAL>(l.y2)};
      HPDF_Annotation a =
          pdf.check(HPDF_Page_CreateLinkAnnot(pages[i], rect, destination(pdf, pages, l.target, it->second, destinations)),
                    "HPDF_Page_CreateLinkAnnot");
      pdf.check(HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0), "HPDF_LinkAnnot_SetBorderStyle");
      pdf.check(HPDF_Dict_RemoveElement(a, "P"), "link annotation");  // optional; the page's /Annots says it
    }
}

// Outline: parts, their sections and tables.
void add_outline(Hpdf& pdf, const Layout& layout, const std::vector<HPDF_Page>& pages, Destinations& destinations) {
  HPDF_Doc doc = pdf.get();
  std::vector<HPDF_Outline> parents;
  for (const auto& item : layout.outline) {
    auto it = layout.anchors.find(item.target);
    if (it == layout.anchors.end()) continue;
    const std::size_t depth = std::min<std::size_t>(static_cast<std::size_t>(item.depth), parents.size());
    parents.resize(depth);
    HPDF_Outline parent = depth ? parents.back() : nullptr;
    HPDF_Outline o = pdf.check(HPDF_CreateOutline(doc, parent, "", nullptr), "HPDF_CreateOutline");
    pdf.check(HPDF_Dict_Add(o, "Title", text_string(pdf, item.title)), "outline title");
    pdf.check(HPDF_Outline_SetDestination(o, destination(pdf, pages, item.target, it->second, destinations)),
              "HPDF_Outline_SetDestination");
    pdf.check(HPDF_Outline_SetOpened(o, depth == 0 ? HPDF_TRUE : HPDF_FALSE), "HPDF_Outline_SetOpened");
    parents.push_back(o);
  }
  if (!layout.outline.empty()) pdf.check(HPDF_SetPageMode(doc, HPDF_PAGE_MODE_USE_OUTLINE), "HPDF_SetPageMode");
}

// Page labels: front matter in roman numerals, then the printed numbers.
void add_page_labels(Hpdf& pdf, const Layout& layout) {
  for (std::size_t i = 0, roman = 0; i < layout.pages.size(); ++i) {
    const Page& p = layout.pages[i];
    const bool start = i == 0 || p.numbered != layout.pages[i - 1].numbered ||
                       (p.numbered && p.number != layout.pages[i - 1].number + 1);
    if (!p.numbered) ++roman;
    if (!start) continue;
    pdf.check(p.numbered ? HPDF_AddPageLabel(pdf.get(), static_cast<HPDF_UINT>(i), HPDF_PAGE_NUM_STYLE_DECIMAL, p.number, "")
                         : HPDF_AddPageLabel(pdf.get(), static_cast<HPDF_UINT>(i), HPDF_PAGE_NUM_STYLE_LOWER_ROMAN,
                                             static_cast<HPDF_UINT>(roman), ""),
              "HPDF_AddPageLabel");
  }
}

// Document info (Chinese, as UTF-16BE), language, creation date; what of
// them the document ID depends on goes into the hash.
void add_info(Hpdf& pdf, const doc::Document& document, const PdfOptions& options, HPDF_MD5_CTX* hash) {
  HPDF_Doc doc = pdf.get();
  pdf.check(HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, ""), "HPDF_SetInfoAttr");
  pdf.check(HPDF_Dict_Add(doc->info, "Title", text_string(pdf, document.title)), "info title");
  if (!document.author.empty())
    pdf.check(HPDF_Dict_Add(doc->info, "Author", text_string(pdf, document.author)), "info author");
  if (!document.language.empty())
    pdf.check(HPDF_Dict_Add(doc->catalog, "Lang", HPDF_String_New(pdf.mmgr(), document.language.c_str(), nullptr)),
              "catalog language");
  if (options.creation_date) {
    const PdfDate& d = *options.creation_date;
    HPDF_Date date{d.year, d.month, d.day, d.hour, d.minute, d.second, 'Z', 0, 0};
    pdf.check(HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date), "HPDF_SetInfoDateAttr");
    HPDF_MD5Update(hash, reinterpret_cast<const HPDF_BYTE*>(&date), sizeof date);
  }
  HPDF_MD5Update(hash, reinterpret_cast<const HPDF_BYTE*>(document.title.data()), static_cast<HPDF_UINT32>(document.title.size()));
  HPDF_MD5Update(hash, reinterpret_cast<const HPDF_BYTE*>(document.author.data()), static_cast<HPDF_UINT32>(document.author.size()));
}

// A stable document ID: the digest of what the pages and fonts contain.
void add_document_id(Hpdf& pdf, HPDF_MD5_CTX* hash) {
  HPDF_BYTE id[16];
  HPDF_MD5Final(id, hash);
  HPDF_Array ids = pdf.check(HPDF_Array_New(pdf.mmgr()), "document ID");
  pdf.check(HPDF_Dict_Add(pdf.get()->trailer, "ID", ids), "document ID");
  pdf.check(HPDF_Array_Add(ids, HPDF_Binary_New(pdf.mmgr(), id, 16)), "document ID");
  pdf.check(HPDF_Array_Add(ids, HPDF_Binary_New(pdf.mmgr(), id, 16)), "document ID");
}

}  // namespace

std::string write_pdf(const doc::Document& document, const FontLibrary& library, const PdfOptions& options,
                      std::vector<doc::Warning>* warnings) {
  const FontSet& fonts = library.set();
  Shaper shaper(fonts, warnings);
  Layout layout = lay_out(document, fonts, options, shaper, warnings);

  Hpdf pdf;
  HPDF_MD5_CTX hash;
  HPDF_MD5Init(&hash);

  // The fonts are subset and deflated on a second thread while the pages
  // are written (their content needs only the CIDs, known already).
  EmbeddedFonts embedded(fonts, layout, options.font_compression);
  embedded.start();

  HPDF_Dict resources = shared_resources(pdf, options);
  const std::vector<HPDF_Page> pages = add_pages(pdf, layout, options, resources, embedded, &hash);
  embedded.embed(pdf, &hash);
  add_font_resources(pdf, resources, fonts, embedded);

  Destinations destinations;  // one per anchor, shared by the 目录 links and the outline
  add_links(pdf, layout, pages, destinations);
  add_outline(pdf, layout, pages, destinations);
  add_page_labels(pdf, layout);
  add_info(pdf, document, options, &hash);
  add_document_id(pdf, &hash);
  return pdf.save();
}

}  // namespace juesuan::pdf
