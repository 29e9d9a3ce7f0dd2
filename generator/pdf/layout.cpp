// Layout of the block flow: cover, 目录, headings (kept with what follows),
// paragraphs and lists (first-line indent, justification, no single line
// left at a page's foot or head), page breaks; then page numbering, page
// number lines and the 目录's page numbers and leaders.
#include "pdf/layout.hpp"

#include <algorithm>
#include <cmath>

namespace juesuan::pdf::detail {

void Flow::new_page(bool landscape) {
  Page p;
  p.landscape = landscape;
  p.width = landscape ? opt_.page_height : opt_.page_width;
  p.height = landscape ? opt_.page_width : opt_.page_height;
  layout_.pages.push_back(std::move(p));
  y = top();
  fresh = true;
  only_headings = true;
}

void Flow::draw(const std::vector<GlyphUse>& g, std::size_t b, std::size_t e, double x, double baseline,
                const TextStyle& style, double char_spacing, double shrink) {
  Page& p = page();
  const double py = pdf_y(baseline);
  // The space after glyph i: none inside a word or number, nor after the
  // last; twice as much beside a figure or Latin word (justify_weight).
  auto extra = [&](std::size_t i) {
    if (shrink != 0) return i + 1 < e && compressible(g[i].cp) ? -shrink : 0.0;
    return char_spacing != 0 && i + 1 < e ? char_spacing * justify_weight(g[i].cp, g[i + 1].cp) : 0.0;
  };
  for (std::size_t i = b; i < e;) {
    TextRun run;
    run.font = g[i].font;
    run.size = style.size;
    run.x = x;
    run.y = py;
    run.char_spacing = extra(i);
    run.bold = style.bold;
    for (; i < e && g[i].font == run.font && extra(i) == run.char_spacing; ++i) {
      run.glyphs.push_back({g[i].gid, g[i].cp});
      x += g[i].advance + run.char_spacing;
    }
    p.runs.push_back(std::move(run));
  }
}

void Flow::anchor(const std::string& id, double from_top) {
  if (!id.empty()) layout_.anchors.emplace(id, Anchor{page_index(), pdf_y(from_top)});
}

namespace {

bool is_trailing_space(char32_t c) { return c == U' ' || c == 0x3000; }

struct Ctx {
  const doc::Document& document;
  const PdfOptions& opt;
  Shaper& shaper;
  std::vector<doc::Warning>* warnings;
  Flow& flow;
  int synthetic = 0;
  std::string anchor_for(const std::string& id) {
    return id.empty() ? "\x01" + std::to_string(synthetic++) : id;
  }
};

std::size_t place_lines(Flow& f, const std::u32string& text, const std::vector<GlyphUse>& g,
                        const std::vector<Line>& lines, const TextStyle& style, doc::Align align, double indent,
                        double x0, double width, unsigned kind, std::size_t following) {
  const std::size_t n = lines.size();
  for (std::size_t i = 0; i < n; ++i) {
    // A page break within this text leaves neither its first line alone at
    // the foot of the page (an orphan) nor its last line alone at the top of
    // the next (a widow); and when exactly one line of the block follows
    // this text (`following`: the rest of a list), that line does not start
    // a page alone either.
    if (!f.fresh) {
      const std::size_t rest = n - i;
      const double room = f.bottom() + 0.01 - f.y;
      const std::size_t fit = room < 0 ? 0 : static_cast<std::size_t>(room / style.leading);
      if (fit < rest + following) {
        std::size_t here = std::min(fit, rest);
        if (here == rest && fit == rest && following == 1) --here;
        if (here < rest && rest - here == 1 && here > 0) --here;
        if (here == 0 || (i == 0 && n >= 2 && here == 1)) f.new_page(f.landscape());
      }
    }
    const Line& ln = lines[i];
    const double lead = i == 0 ? indent : 0;
    const double avail = width - lead;
    std::size_t e = ln.end;
    while (e > ln.begin && is_trailing_space(text[e - 1]) && text[e - 1] != 0x3000) --e;
    double x = x0 + lead, cs = 0, shrink = 0;
    if (align == doc::Align::Justify && ln.width > avail + 0.01) {
      // A line the breaker set by compressing its punctuation (标点挤压).
      std::size_t marks = 0;
      // The last glyph's share is its blank half, left past the margin.
      for (std::size_t k = ln.begin; k < e; ++k) marks += compressible(g[k].cp) ? 1 : 0;
      if (marks > 0) shrink = (ln.width - avail) / static_cast<double>(marks);
    }
    switch (align) {
      case doc::Align::Center: x += (avail - ln.width) / 2; break;
      case doc::Align::Right: x += avail - ln.width; break;
      case doc::Align::Justify:
        // The line is filled by space between Chinese characters (never
        // inside a word or number), at most `max_justify_spacing` em each
        // and twice that beside a figure (justify_weight); a line that
        // would need more is set ragged instead of letter-spaced.
        if (shrink == 0 && i + 1 < n && e - ln.begin > 1) {
          std::size_t gaps = 0;
          for (std::size_t k = ln.begin; k + 1 < e; ++k) gaps += static_cast<std::size_t>(justify_weight(g[k].cp, g[k + 1].cp));
          if (gaps > 0) cs = std::max(0.0, avail - ln.width) / static_cast<double>(gaps);
          if (cs > style.size * f.options().max_justify_spacing + 1e-6) cs = 0;
        }
        break;
      case doc::Align::Left: break;
    }
    f.draw(g, ln.begin, e, x, baseline_in(f.y, style), style, cs, shrink);
    f.page().kind |= kind;
    f.y += style.leading;
    f.fresh = false;
  }
  return n;
}

std::vector<Line> set_lines(const std::u32string& text, const std::vector<GlyphUse>& g, doc::Align align,
                            double indent, double width, double max_gap) {
  if (align == doc::Align::Center && indent == 0) return balanced_lines(text, g, width);
  if (align == doc::Align::Justify) return justified_lines(text, g, width - indent, width, max_gap);
  return break_lines(text, g, width - indent, width);
}

}  // namespace

std::size_t place_text(Flow& f, Shaper& shaper, const std::u32string& text, const TextStyle& style, doc::Align align,
                       double indent, double x0, double width, unsigned kind) {
  auto g = shaper.shape(text, style);
  return place_lines(f, text, g, set_lines(text, g, align, indent, width, style.size * f.options().max_justify_spacing),
                     style, align, indent, x0, width, kind, 0);
}

TextStyle fit_on_one_line(Shaper& shaper, const std::u32string& text, const TextStyle& style, double width,
                          double min_scale) {
  const double w = shaper.width(text, style);
  if (w <= width || w * min_scale > width) return style;
  TextStyle s = style;
  s.size = style.size * width / w * 0.999;
  return s;
}

namespace {

std::size_t place_text(Ctx& c, const std::u32string& text, const TextStyle& style, doc::Align align, double indent,
                       double x0, double width, unsigned kind) {
  return detail::place_text(c.flow, c.shaper, text, style, align, indent, x0, width, kind);
}

const TextStyle& heading_style(const PdfOptions& o, int level) {
  return level <= 0 ? o.part : level == 1 ? o.section : o.subsection;
}

// The least height the block needs at the top of where it goes, so that a
// heading before it is not left alone.
double min_height(Ctx& c, const doc::Block* b) {
  if (!b) return 0;
  const PdfOptions& o = c.opt;
  if (auto* p = std::get_if<doc::Paragraph>(b)) return 2 * (p->role == doc::Role::Note ? o.note : o.body).leading;
  if (std::get_if<doc::List>(b)) return 2 * o.body.leading;
  // A heading that starts a new page (the next part) asks nothing of this
  // page: a heading before it (an empty section) stays where it falls
  // rather than go alone on a page of its own.
  if (auto* h = std::get_if<doc::Heading>(b)) return h->new_page ? 0 : heading_style(o, h->level).leading + 2 * o.body.leading;
  if (auto* t = std::get_if<doc::Table>(b)) return table_start_height(*t, o, c.shaper);
  if (auto* ch = std::get_if<doc::Chart>(b)) return chart_height(*ch, o, c.shaper);
  return 0;
}

// A table's lead: the blocks just before it that go where it goes — its
// headings, and one-line paragraphs between them and the table (a title
// such as 「部门整体绩效自评表」, a year, a date, the one sentence of an
// 附件) — so that none ends a page the table does not start on, and
// all go on the table's landscape page.
struct Lead {
  const doc::Table* table = nullptr;  // the table the block leads to
  double after = 0;                   // what must fit below the block: the rest of the lead and the table's start
};

double one_line_height(Ctx& c, const doc::Block& b) {
  const PdfOptions& o = c.opt;
  const double width = o.page_width - o.portrait.left - o.portrait.right;
  if (auto* p = std::get_if<doc::Paragraph>(&b)) {
    if (p->role != doc::Role::Body && p->role != doc::Role::Note) return -1;
    const TextStyle& s = p->role == doc::Role::Note ? o.note : o.body;
    const double indent = p->indent ? o.first_level_indent_chars * s.size : 0;
    return c.shaper.width(utf8_to_u32(p->text), s) + indent <= width ? s.leading : -1;
  }
  return -1;
}

std::vector<Lead> leads(Ctx& c, const doc::Document& d) {
  std::vector<Lead> out(d.blocks.size());
  for (std::size_t t = 0; t < d.blocks.size(); ++t) {
    const auto* table = std::get_if<doc::Table>(&d.blocks[t]);
    if (!table) continue;
    double after = table_start_height(*table, c.opt, c.shaper);
    bool heading_seen = false;
    for (std::size_t j = t, count = 0; j-- > 0 && count < 4; ++count) {
      const doc::Block& b = d.blocks[j];
      double h = -1;
      if (auto* hd = std::get_if<doc::Heading>(&b)) {
        heading_seen = true;
        h = heading_style(c.opt, hd->level).leading;
      } else if (!heading_seen) {
        h = one_line_height(c, b);
      }
      if (h < 0) break;
      out[j] = Lead{table, after};
      after += h;
      if (auto* hd = std::get_if<doc::Heading>(&b); hd && hd->new_page) break;
    }
  }
  return out;
}

void place_heading(Ctx& c, const doc::Heading& h, const doc::Block* next, const Lead& lead) {
  Flow& f = c.flow;
  const auto text = utf8_to_u32(h.text);
  const TextStyle s = h.level <= 0 ? fit_on_one_line(c.shaper, text, heading_style(c.opt, h.level), f.width())
                                   : heading_style(c.opt, h.level);
  // A heading goes where what follows it goes: before a landscape table, on
  // the table's landscape page.
  bool want_landscape = false;
  if (lead.table) want_landscape = table_landscape(*lead.table, c.opt, c.shaper);
  if (f.landscape() != want_landscape || (h.new_page && !f.fresh) ||
      (lead.table && c.opt.table_starts_page && !f.only_headings))
    f.new_page(want_landscape);
  const double before = (h.level <= 0 && !f.fresh) ? s.leading / 2 : 0;
  const double lines = std::max(1.0, std::ceil(c.shaper.width(text, s) / f.width()));
  f.ensure(before + lines * s.leading + (lead.table ? lead.after : min_height(c, next)));
  if (!f.fresh) f.y += before;
  std::string id = c.anchor_for(h.id);
  f.anchor(id, f.y);
  if (h.in_toc) c.flow.layout().outline.push_back({std::max(0, h.level), h.text, id});
  const bool centred = h.level <= 0;
  const double indent = centred ? 0 : c.opt.first_level_indent_chars * c.opt.body.size;
  bool only = f.only_headings;
  if (centred) {
    place_text(c, text, s, doc::Align::Center, indent, f.left(), f.width(), kOther);
  } else {
    // A heading of two lines or more has lines of even length, never a
    // character or two left alone on its last line.
    const auto g = c.shaper.shape(text, s);
    auto lines = break_lines(text, g, f.width() - indent, f.width());
    if (lines.size() > 1) lines = balanced_lines(text, g, f.width() - indent);
    place_lines(f, text, g, lines, s, doc::Align::Left, indent, f.left(), f.width(), kOther, 0);
  }
  f.only_headings = only;
  if (h.level <= 0) f.y += s.leading / 4;
}

void place_paragraph(Ctx& c, const doc::Paragraph& p, bool after_cover_title, const Lead& lead) {
  Flow& f = c.flow;
  if (lead.table) {
    // A line that leads to a table goes on the table's page, with room
    // below it for the table's start.
    const bool want_landscape = table_landscape(*lead.table, c.opt, c.shaper);
    if (f.landscape() != want_landscape || (c.opt.table_starts_page && !f.only_headings))
      f.new_page(want_landscape);
    const TextStyle& s = p.role == doc::Role::Note ? c.opt.note : c.opt.body;
    f.ensure(s.leading + lead.after);
    const bool only = f.only_headings;
    const double indent = p.indent ? c.opt.first_level_indent_chars * s.size : 0;
    place_text(c, utf8_to_u32(p.text), s, p.align, indent, f.left(), f.width(), kOther);
    f.only_headings = only;
    return;
  }
  if (f.landscape()) f.new_page(false);
  const PdfOptions& o = c.opt;
  unsigned kind = kOther;
  const TextStyle* s = &o.body;
  switch (p.role) {
    case doc::Role::CoverTitle:
      s = &o.cover_title;
      kind = kCover;
      if (f.fresh) f.y = f.page().height * 0.28;
      break;
    case doc::Role::CoverLine:
      s = &o.cover_line;
      kind = kCover;
      if (after_cover_title) f.y = std::max(f.y + s->leading, f.page().height * 0.62);
      break;
    case doc::Role::Note: s = &o.note; break;
    case doc::Role::Body: break;
  }
  const double indent = p.indent ? o.first_level_indent_chars * s->size : 0;
  const auto text = utf8_to_u32(p.text);
  TextStyle fitted = kind == kCover ? fit_on_one_line(c.shaper, text, *s, f.width() - indent) : *s;
  place_text(c, text, fitted, p.align, indent, f.left(), f.width(), kind);
  f.only_headings = false;
}

void place_list(Ctx& c, const doc::List& l) {
  Flow& f = c.flow;
  if (f.landscape()) f.new_page(false);
  const TextStyle& s = c.opt.body;
  const double indent = c.opt.first_level_indent_chars * s.size;
  // All items set first: the list is one block for the widow rule (its last
  // line never alone at the top of a page).
  struct Item {
    std::u32string text;
    std::vector<GlyphUse> glyphs;
    std::vector<Line> lines;
  };
  std::vector<Item> items;
  items.reserve(l.items.size());
  std::size_t total = 0;
  for (const auto& item : l.items) {
    Item it;
    it.text = utf8_to_u32(item.label);
    it.text += utf8_to_u32(item.text);
    it.glyphs = c.shaper.shape(it.text, s);
    it.lines = set_lines(it.text, it.glyphs, doc::Align::Justify, indent, f.width(), s.size * c.opt.max_justify_spacing);
    total += it.lines.size();
    items.push_back(std::move(it));
  }
  for (const auto& it : items) {
    total -= it.lines.size();
    place_lines(f, it.text, it.glyphs, it.lines, s, doc::Align::Justify, indent, f.left(), f.width(), kOther, total);
  }
  f.only_headings = false;
}

void place_toc(Ctx& c, const doc::Toc& toc) {
  Flow& f = c.flow;
  if (!f.fresh || f.landscape()) f.new_page(false);
  const PdfOptions& o = c.opt;
  if (!toc.title.empty())
    place_text(c, utf8_to_u32(toc.title), o.toc_title, doc::Align::Center, 0, f.left(), f.width(), kToc);
  f.y += o.toc_entry.leading / 2;
  for (const auto& e : toc.entries) {
    const TextStyle& s = e.level <= 0 ? o.toc_part : o.toc_entry;
    const double indent = std::max(0, e.level) * 2 * s.size;
    const double number_room = 3.5 * s.size;  // "999" and a gap, reserved in both passes
    const double x0 = f.left() + indent;
    const double width = f.width() - indent - number_room;
    const auto text = utf8_to_u32(e.text);
    auto g = c.shaper.shape(text, s);
    auto lines = break_lines(text, g, width, width);
    f.ensure(static_cast<double>(lines.size()) * s.leading);
    const double top = f.y;
    double end_x = x0;
    for (const auto& ln : lines) {
      f.ensure(s.leading);
      f.draw(g, ln.begin, ln.end, x0, baseline_in(f.y, s), s);
      end_x = x0 + ln.width;
      f.y += s.leading;
    }
    Page& p = f.page();
    p.kind |= kToc;
    f.fresh = false;
    const double base = f.pdf_y(baseline_in(f.y - s.leading, s));
    p.toc_slots.push_back({e.target, s, end_x + s.size * 0.3, f.right(), base});
    p.links.push_back({x0, f.pdf_y(f.y), f.right(), f.pdf_y(top), e.target});
  }
}

// Second pass: numbers, page number lines, 目录 numbers and leaders.
void finish(Layout& L, const doc::Document& d, const PdfOptions& o, Shaper& shaper,
            std::vector<doc::Warning>* warnings, const Numbering& numbering) {
  int n = numbering.first - 1;
  for (auto& p : L.pages) {
    p.numbered = !(p.kind & kToc) && p.kind != kCover;
    if (p.numbered || numbering.count_unnumbered) p.number = ++n;
  }
  auto place_number_text = [&](Page& p, const std::string& s, const TextStyle& st, double right_or_centre,
                               bool centre, double baseline_pdf) {
    auto text = utf8_to_u32(s);
    auto g = shaper.shape(text, st);
    double w = 0;
    for (auto& x : g) w += x.advance;
    double x = centre ? right_or_centre - w / 2 : right_or_centre - w;
    TextRun run;
    for (std::size_t i = 0; i < g.size();) {
      TextRun r;
      r.font = g[i].font;
      r.size = st.size;
      r.x = x;
      r.y = baseline_pdf;
      r.bold = st.bold;
      for (; i < g.size() && g[i].font == r.font; ++i) {
        r.glyphs.push_back({g[i].gid, g[i].cp});
        x += g[i].advance;
      }
      p.runs.push_back(std::move(r));
    }
    return centre ? right_or_centre - w / 2 : right_or_centre - w;
  };
  const std::string& fmt = d.page_number_format;
  for (auto& p : L.pages) {
    if (!p.numbered) continue;
    std::string label = fmt;
    if (auto pos = label.find("{}"); pos != std::string::npos) label.replace(pos, 2, std::to_string(p.number));
    else label = std::to_string(p.number);
    const Margins& m = p.landscape ? o.landscape : o.portrait;
    const double top = p.height - m.bottom + o.page_number_gap;
    const double base = p.height - (top + 0.88 * o.page_number.size);
    const double centre = m.left + (p.width - m.left - m.right) / 2;
    const std::size_t first = p.runs.size();
    if (o.page_number_outside) {
      // GB/T 9704: odd pages at the right, even pages at the left, one
      // character in from the edge of the text block.
      const double em = o.page_number.size;
      const double right = p.number % 2 == 1 ? p.width - m.right - em
                                             : m.left + em + shaper.width(utf8_to_u32(label), o.page_number);
      place_number_text(p, label, o.page_number, right, false, base);
    } else {
      place_number_text(p, label, o.page_number, centre, true, base);
    }
    // Text extraction would drop evenly spaced spaces ("- 7 -" → "-7-").
    if (p.runs.size() > first) p.actual_texts.push_back({first, p.runs.size() - 1, label});
  }
  for (auto& p : L.pages) {
    for (const auto& slot : p.toc_slots) {
      auto it = L.anchors.find(slot.target);
      int number = 0;
      if (it == L.anchors.end() && numbering.external) {
        if (auto e = numbering.external->find(slot.target); e != numbering.external->end()) number = e->second;
      }
      if (it == L.anchors.end() && !number) {
        if (warnings) warnings->push_back(doc::Warning{doc::Warning::Kind::MissingTarget, 0, {}, slot.target, 0});
        continue;
      }
      if (!number) {
        const Page& target = L.pages[it->second.page];
        if (!target.numbered) continue;
        number = target.number;
      }
      double x = place_number_text(p, std::to_string(number), slot.style, slot.right, false, slot.y);
      const double gap = slot.style.size * 0.3;
      if (x - gap > slot.leader_from)
        p.rules.push_back({slot.leader_from, slot.y, x - gap, slot.y, slot.style.size * 0.08, true});
    }
  }
}

}  // namespace

Layout lay_out(const doc::Document& d, const FontSet& fonts, const PdfOptions& o, Shaper& shaper,
               std::vector<doc::Warning>* warnings, const Numbering& numbering) {
  (void)fonts;
  Layout L;
  Flow flow(o, L);
  Ctx c{d, o, shaper, warnings, flow};
  flow.new_page(false);
  const std::vector<Lead> lead = leads(c, d);
  bool after_toc = false, prev_cover_title = false;
  for (std::size_t i = 0; i < d.blocks.size(); ++i) {
    const doc::Block& b = d.blocks[i];
    const doc::Block* next = i + 1 < d.blocks.size() ? &d.blocks[i + 1] : nullptr;
    if (after_toc && !std::holds_alternative<doc::PageBreak>(b)) {
      if (!flow.fresh) flow.new_page(false);
      after_toc = false;
    }
    bool cover_title = false;
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, doc::Heading>) {
            place_heading(c, x, next, lead[i]);
          } else if constexpr (std::is_same_v<T, doc::Paragraph>) {
            place_paragraph(c, x, prev_cover_title, lead[i]);
            cover_title = x.role == doc::Role::CoverTitle;
          } else if constexpr (std::is_same_v<T, doc::List>) {
            place_list(c, x);
          } else if constexpr (std::is_same_v<T, doc::Table>) {
            std::string id = c.anchor_for(x.id);
            if (x.in_toc) {
              bool has_part = false;
              for (const auto& it : L.outline) has_part |= it.depth == 0;
              L.outline.push_back({has_part ? 1 : 0, x.title, id});
            }
            lay_out_table(x, id, flow, shaper, warnings);
          } else if constexpr (std::is_same_v<T, doc::Toc>) {
            place_toc(c, x);
            after_toc = true;
          } else if constexpr (std::is_same_v<T, doc::Chart>) {
            lay_out_chart(x, c.anchor_for(x.id), flow, shaper);
          } else if constexpr (std::is_same_v<T, doc::PageBreak>) {
            if (!flow.fresh || flow.landscape()) flow.new_page(false);
          }
        },
        b);
    prev_cover_title = cover_title || (prev_cover_title && std::holds_alternative<doc::Paragraph>(b) &&
                                       std::get<doc::Paragraph>(b).role == doc::Role::CoverTitle);
  }
  // A trailing empty page (e.g. after a final PageBreak) is dropped.
  if (L.pages.size() > 1 && flow.fresh) L.pages.pop_back();
  finish(L, d, o, shaper, warnings, numbering);
  return L;
}

}  // namespace juesuan::pdf::detail
