// The display list of a Layout as text (layout.hpp: display_list), for tests
// that read what a page holds the way PoDoFo's tests read a content stream.
#include <cstdio>
#include <string>

#include "core/text.hpp"
#include "pdf/layout.hpp"

namespace juesuan::pdf::detail {

namespace {

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", v);
  return std::string(b) == "-0.00" ? "0.00" : b;
}

std::string point(double x, double y) { return num(x) + "," + num(y); }

std::string rgb(std::uint32_t c) {
  char b[8];
  std::snprintf(b, sizeof b, "%06X", static_cast<unsigned>(c & 0xFFFFFF));
  return b;
}

}  // namespace

std::string display_list(const Layout& layout) {
  std::string out;
  for (std::size_t i = 0; i < layout.pages.size(); ++i) {
    const Page& p = layout.pages[i];
    out += "page " + std::to_string(i + 1) + " " + num(p.width) + "x" + num(p.height) +
           (p.landscape ? " landscape" : " portrait");
    out += p.numbered ? " number=" + std::to_string(p.number) : std::string(" unnumbered");
    out += "\n";
    for (const auto& r : p.runs) {
      std::string text;
      for (const auto& g : r.glyphs) text += utf8_encode(g.cp);
      out += "text font=" + std::to_string(r.font) + " size=" + num(r.size) + " at=" + point(r.x, r.y) +
             " spacing=" + num(r.char_spacing) + (r.bold ? " bold" : "") + " \"" + text + "\"\n";
    }
    for (const auto& r : p.rules)
      out += "rule " + point(r.x1, r.y1) + " -> " + point(r.x2, r.y2) + " width=" + num(r.width) +
             (r.dotted ? " dotted" : "") + "\n";
    for (const auto& b : p.boxes)
      out += "box " + point(b.x, b.y) + " size=" + num(b.w) + "x" + num(b.h) + " width=" + num(b.width) + "\n";
    for (const auto& s : p.shapes) {
      if (s.kind == Shape::Kind::Rect)
        out += "shape rect " + point(s.x, s.y) + " size=" + num(s.w) + "x" + num(s.h);
      else
        out += "shape sector " + point(s.x, s.y) + " r=" + num(s.r) + " from=" + num(s.a0) + " to=" + num(s.a1);
      out += " rgb=" + rgb(s.rgb) + "\n";
    }
    for (const auto& l : p.links)
      out += "link " + point(l.x1, l.y1) + " -> " + point(l.x2, l.y2) + " target=" + l.target + "\n";
  }
  return out;
}

}  // namespace juesuan::pdf::detail
