// The HTML writer: one self-contained, deterministic UTF-8 page from a
// finished Document. It decides layout only (markup and CSS); every piece of
// text comes from the Document and is HTML-escaped on the way out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"

namespace juesuan::html {

// A link at the top of the page: another edition of the document (its PDF,
// its spreadsheet) or the index it belongs to. The text is the caller's.
struct PageLink {
  std::string href;   // a URL, already encoded
  std::string text;
  std::string type;   // a MIME type, or ""
};

struct HtmlOptions {
  std::string lang;            // <html lang>; "" = Document::language
  bool standalone = true;      // false: only the <main> element, no head/CSS
  std::string pdf_link;        // URL of the PDF edition: <link rel="alternate">
  std::string pdf_link_text;   // if set with pdf_link, a visible link too
  std::vector<PageLink> links; // shown together at the top of the page, in order
  std::string scroll_hint;     // above a table that scrolls sideways on a narrow screen
};

// The page's Content-Security-Policy (a <meta> of every page): no script,
// nothing loaded from anywhere, styles only from the page itself.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

// The whole page (or the <main> fragment when !standalone).
std::string write_html(const doc::Document& d, const HtmlOptions& options = {});

// The page's style sheet, for callers that embed the fragment themselves.
std::string_view stylesheet();

// Text and attribute values: & < > " ' become character references.
std::string escape(std::string_view s);

}  // namespace juesuan::html
