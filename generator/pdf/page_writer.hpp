// The parts of the PDF writer that write laid-out pages into a libharu
// document: shared by write_pdf (one document) and the volume (a city's
// compilation). Internal to the PDF writer.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pdf/embed.hpp"
#include "pdf/hpdf.hpp"
#include "pdf/layout.hpp"

namespace juesuan::pdf::detail {

// A UTF-16BE PDF text string with its byte order mark (for outline and info).
HPDF_Binary text_string(Hpdf& pdf, const std::string& utf8);

// The page's content stream (not yet deflated); its glyphs' CIDs from `fonts`.
std::string page_content(const Page& p, const EmbeddedFonts& fonts);

// Deflates the content into the page's stream and feeds it to `hash`.
void write_content(Hpdf& pdf, HPDF_Page page, const std::string& s, int level, HPDF_MD5_CTX* hash);

// Adds a laid-out page with its content, before `before` or else at the
// end: its own size where it is not the document's (landscape), the shared
// resources, the content deflated and fed to `hash`.
HPDF_Page add_page(Hpdf& pdf, const Page& p, const PdfOptions& options, HPDF_Dict resources,
                   const EmbeddedFonts& embedded, HPDF_MD5_CTX* hash, HPDF_Page before = nullptr);

// One destination object per anchor, shared by the 目录 link and the outline.
HPDF_Destination destination(Hpdf& pdf, const std::vector<HPDF_Page>& pages, const std::string& target, const Anchor& a,
                             std::map<std::string, HPDF_Destination>& made);

}  // namespace juesuan::pdf::detail
