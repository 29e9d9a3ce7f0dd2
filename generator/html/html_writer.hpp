// The HTML writer: one self-contained, deterministic UTF-8 page from a
// finished Document. It decides layout only (markup and CSS); every piece of
// text comes from the Document and is HTML-escaped on the way out.
#pragma once

#include <string>
#include <string_view>

#include "document/document.hpp"

namespace juesuan::html {

struct HtmlOptions {
  std::string lang;            // <html lang>; "" = Document::language
  bool standalone = true;      // false: only the <main> element, no head/CSS
  std::string pdf_link;        // URL of the PDF edition: <link rel="alternate">
  std::string pdf_link_text;   // if set with pdf_link, a visible link too
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
