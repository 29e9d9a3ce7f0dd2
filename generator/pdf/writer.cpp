// write_pdf: lays the Document out, embeds the fonts it uses, and has
// libharu write the pages (grid and leader lines through its page API, text
// objects with our own fonts into the page's content stream), links, the
// outline, page labels, document info and a content-derived document ID.
#include <charconv>
#include <cmath>

#include "pdf/embed.hpp"
#include "pdf/hpdf.hpp"
#include "pdf/layout.hpp"
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

void draw_graphics(Hpdf& pdf, HPDF_Page page, const Page& p) {
  if (!p.boxes.empty()) {
    double width = -1;
    for (const auto& b : p.boxes) {
      if (b.width != width) {
        if (width >= 0) pdf.check(HPDF_Page_Stroke(page), "HPDF_Page_Stroke");
        width = b.width;
        pdf.check(HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(width)), "HPDF_Page_SetLineWidth");
      }
      pdf.check(HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(b.x), static_cast<HPDF_REAL>(b.y),
                                    static_cast<HPDF_REAL>(b.w), static_cast<HPDF_REAL>(b.h)),
                "HPDF_Page_Rectangle");
    }
    pdf.check(HPDF_Page_Stroke(page), "HPDF_Page_Stroke");
  }
  for (const auto& r : p.rules) {
    pdf.check(HPDF_Page_GSave(page), "HPDF_Page_GSave");
    pdf.check(HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(r.width)), "HPDF_Page_SetLineWidth");
    if (r.dotted) {
      const HPDF_UINT16 dash[] = {1, 3};
      pdf.check(HPDF_Page_SetDash(page, dash, 2, 0), "HPDF_Page_SetDash");
    }
    pdf.check(HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(r.x1), static_cast<HPDF_REAL>(r.y1)), "HPDF_Page_MoveTo");
    pdf.check(HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(r.x2), static_cast<HPDF_REAL>(r.y2)), "HPDF_Page_LineTo");
    pdf.check(HPDF_Page_Stroke(page), "HPDF_Page_Stroke");
    pdf.check(HPDF_Page_GRestore(page), "HPDF_Page_GRestore");
  }
}

// The page's text as one text object, written into libharu's content stream.
void draw_text(Hpdf& pdf, HPDF_Page page, const Page& p, const EmbeddedFonts& fonts, HPDF_MD5_CTX* hash) {
  if (p.runs.empty()) return;
  std::string s = "q\nBT\n";
  int font = -1;
  double size = -1, cs = 0;
  bool bold = false;
  static const char* hex = "0123456789ABCDEF";
  auto span = p.actual_texts.begin();
  for (std::size_t i = 0; i < p.runs.size(); ++i) {
    const TextRun& r = p.runs[i];
    if (span != p.actual_texts.end() && span->first == i) {
      s += "/Span <</ActualText <";
      for (char32_t cp : utf8_to_u32("\uFEFF" + span->text)) {
        auto put = [&](unsigned u) { s += hex[u >> 12]; s += hex[(u >> 8) & 15]; s += hex[(u >> 4) & 15]; s += hex[u & 15]; };
        if (cp < 0x10000) put(cp);
        else { put(0xD800 + ((cp - 0x10000) >> 10)); put(0xDC00 + ((cp - 0x10000) & 0x3FF)); }
      }
      s += ">>> BDC\n";
    }
    if (r.font != font || r.size != size) {
      const char* name = HPDF_Page_GetLocalFontName(page, fonts.dict(r.font));
      pdf.check(name, "HPDF_Page_GetLocalFontName");
      s += '/'; s += name; s += ' ';
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
    s += "1 0 0 1 ";
    num(s, r.x);
    num(s, r.y);
    s += "Tm\n<";
    for (const auto& g : r.glyphs) {
      unsigned cid = fonts.cid(r.font, g.gid, g.cp);
      s += hex[cid >> 12]; s += hex[(cid >> 8) & 15]; s += hex[(cid >> 4) & 15]; s += hex[cid & 15];
    }
    s += "> Tj\n";
    if (span != p.actual_texts.end() && span->last == i) {
      s += "EMC\n";
      ++span;
    }
  }
  s += "ET\nQ\n";
  HPDF_MD5Update(hash, reinterpret_cast<const HPDF_BYTE*>(s.data()), static_cast<HPDF_UINT32>(s.size()));
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  pdf.check(HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(s.data()), static_cast<HPDF_UINT>(s.size())),
            "writing page text");
}

HPDF_Destination destination(Hpdf& pdf, const std::vector<HPDF_Page>& pages, const Anchor& a) {
  HPDF_Destination d = pdf.check(HPDF_Page_CreateDestination(pages[a.page]), "HPDF_Page_CreateDestination");
  pdf.check(HPDF_Destination_SetFitH(d, static_cast<HPDF_REAL>(a.y)), "HPDF_Destination_SetFitH");
  return d;
}

}  // namespace

std::string write_pdf(const doc::Document& document, const FontLibrary& library, const PdfOptions& options,
                      std::vector<std::string>* warnings) {
  const FontSet& fonts = library.set();
  Shaper shaper(fonts, warnings);
  Layout layout = lay_out(document, fonts, options, shaper, warnings);

  Hpdf pdf;
  HPDF_Doc doc = pdf.get();
  pdf.check(HPDF_SetCompressionMode(doc, HPDF_COMP_ALL), "HPDF_SetCompressionMode");
  HPDF_MD5_CTX hash;
  HPDF_MD5Init(&hash);

  EmbeddedFonts embedded(fonts, layout, options.font_compression);
  embedded.embed(pdf, &hash);

  std::vector<HPDF_Page> pages;
  pages.reserve(layout.pages.size());
  for (const auto& p : layout.pages) {
    HPDF_Page page = pdf.check(HPDF_AddPage(doc), "HPDF_AddPage");
    pdf.check(HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(p.width)), "HPDF_Page_SetWidth");
    pdf.check(HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(p.height)), "HPDF_Page_SetHeight");
    draw_graphics(pdf, page, p);
    draw_text(pdf, page, p, embedded, &hash);
    pages.push_back(page);
  }

  // Links of the 目录.
  for (std::size_t i = 0; i < layout.pages.size(); ++i)
    for (const auto& l : layout.pages[i].links) {
      auto it = layout.anchors.find(l.target);
      if (it == layout.anchors.end()) continue;
      HPDF_Rect rect{static_cast<HPDF_REAL>(l.x1), static_cast<HPDF_REAL>(l.y1), static_cast<HPDF_REAL>(l.x2),
                     static_cast<HPDF_REAL>(l.y2)};
      HPDF_Annotation a =
          pdf.check(HPDF_Page_CreateLinkAnnot(pages[i], rect, destination(pdf, pages, it->second)), "HPDF_Page_CreateLinkAnnot");
      pdf.check(HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0), "HPDF_LinkAnnot_SetBorderStyle");
    }

  // Outline: parts, their sections and tables.
  std::vector<HPDF_Outline> parents;
  for (const auto& item : layout.outline) {
    auto it = layout.anchors.find(item.target);
    if (it == layout.anchors.end()) continue;
    const std::size_t depth = std::min<std::size_t>(static_cast<std::size_t>(item.depth), parents.size());
    parents.resize(depth);
    HPDF_Outline parent = depth ? parents.back() : nullptr;
    HPDF_Outline o = pdf.check(HPDF_CreateOutline(doc, parent, "", nullptr), "HPDF_CreateOutline");
    pdf.check(HPDF_Dict_Add(o, "Title", text_string(pdf, item.title)), "outline title");
    pdf.check(HPDF_Outline_SetDestination(o, destination(pdf, pages, it->second)), "HPDF_Outline_SetDestination");
    pdf.check(HPDF_Outline_SetOpened(o, depth == 0 ? HPDF_TRUE : HPDF_FALSE), "HPDF_Outline_SetOpened");
    parents.push_back(o);
  }
  if (!layout.outline.empty()) pdf.check(HPDF_SetPageMode(doc, HPDF_PAGE_MODE_USE_OUTLINE), "HPDF_SetPageMode");

  // Page labels: front matter in roman numerals, then the printed numbers.
  for (std::size_t i = 0, roman = 0; i < layout.pages.size(); ++i) {
    const Page& p = layout.pages[i];
    const bool start = i == 0 || p.numbered != layout.pages[i - 1].numbered ||
                       (p.numbered && p.number != layout.pages[i - 1].number + 1);
    if (!p.numbered) ++roman;
    if (!start) continue;
    pdf.check(p.numbered ? HPDF_AddPageLabel(doc, static_cast<HPDF_UINT>(i), HPDF_PAGE_NUM_STYLE_DECIMAL, p.number, "")
                         : HPDF_AddPageLabel(doc, static_cast<HPDF_UINT>(i), HPDF_PAGE_NUM_STYLE_LOWER_ROMAN,
                                             static_cast<HPDF_UINT>(roman), ""),
              "HPDF_AddPageLabel");
  }

  // Document info (Chinese, as UTF-16BE), language, creation date.
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
    HPDF_MD5Update(&hash, reinterpret_cast<const HPDF_BYTE*>(&date), sizeof date);
  }
  HPDF_MD5Update(&hash, reinterpret_cast<const HPDF_BYTE*>(document.title.data()), static_cast<HPDF_UINT32>(document.title.size()));
  HPDF_MD5Update(&hash, reinterpret_cast<const HPDF_BYTE*>(document.author.data()), static_cast<HPDF_UINT32>(document.author.size()));

  // A stable document ID: the digest of what the pages and fonts contain.
  HPDF_BYTE id[16];
  HPDF_MD5Final(id, &hash);
  HPDF_Array ids = pdf.check(HPDF_Array_New(pdf.mmgr()), "document ID");
  pdf.check(HPDF_Dict_Add(doc->trailer, "ID", ids), "document ID");
  pdf.check(HPDF_Array_Add(ids, HPDF_Binary_New(pdf.mmgr(), id, 16)), "document ID");
  pdf.check(HPDF_Array_Add(ids, HPDF_Binary_New(pdf.mmgr(), id, 16)), "document ID");

  return pdf.save();
}

}  // namespace juesuan::pdf
