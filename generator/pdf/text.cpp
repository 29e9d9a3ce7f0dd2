// Glyph selection with fallback chains, and line breaking: ICU's line
// BreakIterator (one per thread, reused) filtered by Chinese punctuation
// rules (禁则).
#include "pdf/text.hpp"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <memory>

#include "core/text.hpp"

namespace juesuan::pdf::detail {

std::u32string utf8_to_u32(std::string_view s) { return utf8_decode(s); }

namespace {

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000; }

// 行首禁则: may not begin a line.
bool no_line_start(char32_t c) {
  switch (c) {
    case U'，': case U'。': case U'、': case U'；': case U'：': case U'？': case U'！': case U'）': case U'》':
    case U'」': case U'』': case U'”': case U'’': case U'】': case U'〕': case U'〉': case U'〗': case U'｝':
    case U'．': case U'…': case U'—': case U'·': case U'％': case U'‰': case U',': case U'.': case U';':
    case U':': case U'?': case U'!': case U')': case U']': case U'}': case U'%':
      return true;
    default:
      return false;
  }
}
// 行尾禁则: may not end a line.
bool no_line_end(char32_t c) {
  switch (c) {
    case U'（': case U'《': case U'「': case U'『': case U'“': case U'‘': case U'【': case U'〔': case U'〈':
    case U'〖': case U'｛': case U'(': case U'[': case U'{':
      return true;
    default:
      return false;
  }
}

std::vector<std::size_t> icu_break_positions(std::u32string_view text);

bool is_han(char32_t c) { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000; }

// Allowed break positions p (0 < p < n): a line may start at glyph p.
std::vector<std::size_t> break_positions(std::u32string_view text) {
  if (text.size() < 2) return {};
  // An amount (digits, separators, a percent sign): never broken (UAX #14,
  // LB25), and most table cells are one; ICU is not asked.
  if (std::all_of(text.begin(), text.end(), [](char32_t c) {
        return (c >= U'0' && c <= U'9') || c == U',' || c == U'.' || c == U'%';
      }))
    return {};
  // A table cell's text is measured, sized and drawn, and row labels recur
  // from table to table: the answers for short texts are kept (per thread,
  // at most 2,048 of them; paragraphs are broken once or twice and would
  // only take memory).
  if (text.size() > 48) return icu_break_positions(text);
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::u32string_view s) const { return std::hash<std::u32string_view>()(s); }
  };
  thread_local std::unordered_map<std::u32string, std::vector<std::size_t>, Hash, std::equal_to<>> known;
  if (auto it = known.find(text); it != known.end()) return it->second;
  if (known.size() >= 2048) known.clear();
  return known.emplace(text, icu_break_positions(text)).first->second;
}

std::vector<std::size_t> icu_break_positions(std::u32string_view text) {
  std::vector<std::size_t> out;
  thread_local std::unique_ptr<icu::BreakIterator> iter = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createLineInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  icu::UnicodeString u = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()),
                                                        static_cast<int32_t>(text.size()));
  if (!iter) {  // no ICU data: break between any two characters
    for (std::size_t p = 1; p < text.size(); ++p) out.push_back(p);
  } else {
    iter->setText(u);
    // UTF-16 offsets -> code point indices
    std::size_t cpi = 0;
    int32_t u16 = 0;
    for (int32_t b = iter->next(); b != icu::BreakIterator::DONE; b = iter->next()) {
      while (u16 < b && cpi < text.size()) { u16 += text[cpi] > 0xFFFF ? 2 : 1; ++cpi; }
      if (cpi > 0 && cpi < text.size()) out.push_back(cpi);
    }
  }
  // Where Chinese typesetting allows a break that UAX #14 may not give:
  // between a figure and the Chinese that follows or precedes it
  // ("2,334.61|万元", "为|923.12"), and after a full-width comma, enumeration
  // comma or semicolon ("万元，|占39.54%").
  for (std::size_t p = 1; p < text.size(); ++p)
    if ((is_western(text[p - 1]) && is_han(text[p])) || (is_han(text[p - 1]) && is_western(text[p])) ||
        text[p - 1] == U'，' || text[p - 1] == U'、' || text[p - 1] == U'；')
      out.push_back(p);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  std::erase_if(out, [&](std::size_t p) { return no_line_start(text[p]) || no_line_end(text[p - 1]); });
  return out;
}

}  // namespace

Shaper::Pick Shaper::pick(Picks& cache, const std::vector<int>& chain, char32_t cp, const std::string& role) {
  if (auto it = cache.find(cp); it != cache.end()) return it->second;
  Pick p{-1, 0, 0};
  for (int f : chain)
    if (fonts_.fonts[f].serves(cp))
      if (auto g = fonts_.fonts[f].face->glyph(cp)) { p = {f, g, 0}; break; }
  if (p.font < 0) {
    // Nothing has it: draw a visible replacement, never a blank.
    for (char32_t r : {char32_t(0x25A1), char32_t(0xFFFD)}) {
      for (int f : chain)
        if (auto g = fonts_.fonts[f].face->glyph(r)) { p = {f, g, 0}; break; }
      if (p.font >= 0) break;
    }
    if (p.font < 0) p = {chain.front(), 0, 0};  // .notdef: a box in these fonts
    if (warnings_) warnings_->push_back(doc::Warning{doc::Warning::Kind::MissingCharacter, cp, role, {}, 0});
  }
  p.advance = fonts_.fonts[p.font].face->advance(p.gid);
  cache[cp] = p;
  return p;
}

std::vector<GlyphUse> Shaper::shape(std::u32string_view text, const TextStyle& style) {
  const auto& chain = fonts_.chain(style.role);
  Picks& cache = cache_[&chain];
  std::vector<GlyphUse> out;
  out.reserve(text.size());
  for (char32_t cp : text) {
    char32_t shown = cp;
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) shown = U' ';
    Pick p = pick(cache, chain, shown, style.role);
    double adv = p.advance * style.size / 1000.0;
    out.push_back({p.font, p.gid, shown == cp ? cp : U' ', adv});
  }
  return out;
}

double Shaper::width(std::u32string_view text, const TextStyle& style) {
  double w = 0;
  for (const auto& g : shape(text, style)) w += g.advance;
  return w;
}

namespace {

std::vector<Line> break_at(std::u32string_view text, const std::vector<GlyphUse>& glyphs,
                           const std::vector<std::size_t>& breaks, double first_width, double width) {
  std::vector<Line> lines;
  const std::size_t n = glyphs.size();
  if (n == 0) return lines;
  std::vector<double> prefix(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) prefix[i + 1] = prefix[i] + glyphs[i].advance;
  auto span_width = [&](std::size_t b, std::size_t e) {
    while (e > b && is_space(text[e - 1])) --e;
    return prefix[e] - prefix[b];
  };
  const double eps = 0.01;
  std::size_t pos = 0;
  auto bi = breaks.begin();
  while (pos < n) {
    while (pos < n && lines.size() > 0 && is_space(text[pos]) && text[pos] != 0x3000) ++pos;  // no leading space
    if (pos >= n) break;
    const double avail = lines.empty() ? first_width : width;
    while (bi != breaks.end() && *bi <= pos) ++bi;
    std::size_t best = 0;
    for (auto it = bi; it != breaks.end(); ++it) {
      if (span_width(pos, *it) <= avail + eps) best = *it;
      else break;
    }
    if (best == 0) {
      // Nothing fits: cut between characters, keeping closing punctuation
      // off the next line's start where possible.
      std::size_t e = pos + 1;
      while (e < n && prefix[e + 1] - prefix[pos] <= avail + eps) ++e;
      if (e < n && e > pos + 1 && no_line_start(text[e])) --e;
      best = e;
    }
    lines.push_back({pos, best, span_width(pos, best)});
    pos = best;
  }
  return lines;
}

}  // namespace

std::vector<Line> break_lines(std::u32string_view text, const std::vector<GlyphUse>& glyphs, double first_width,
                              double width) {
  auto breaks = break_positions(text);
  breaks.push_back(glyphs.size());
  return break_at(text, glyphs, breaks, first_width, width);
}

std::vector<Line> justified_lines(std::u32string_view text, const std::vector<GlyphUse>& glyphs, double first_width,
                                  double width, double max_gap) {
  const std::size_t n = glyphs.size();
  if (n == 0) return {};
  std::vector<std::size_t> pos{0};
  for (std::size_t b : break_positions(text)) pos.push_back(b);
  pos.push_back(n);
  std::vector<double> prefix(n + 1, 0);
  std::vector<std::size_t> gaps(n + 1, 0);  // gaps[k]: weights of the justifiable gaps between glyphs before k
  std::vector<double> shrink(n + 1, 0);      // shrink[k]: what compressible punctuation before k can give up
  for (std::size_t i = 0; i < n; ++i) {
    prefix[i + 1] = prefix[i] + glyphs[i].advance;
    shrink[i + 1] = shrink[i] + (compressible(text[i]) ? kPunctuationShrink * glyphs[i].advance : 0);
    gaps[i + 1] = gaps[i] + (i + 1 < n ? static_cast<std::size_t>(justify_weight(glyphs[i].cp, glyphs[i + 1].cp)) : 0);
  }
  const double eps = 0.01;
  // best[k]: the fewest lines, then the least badness, setting text up to pos[k].
  struct Best {
    std::size_t lines = SIZE_MAX;
    double cost = 0;
    std::size_t from = 0;
  };
  std::vector<Best> best(pos.size());
  best[0].lines = 0;
  for (std::size_t i = 0; i + 1 < pos.size(); ++i) {
    if (best[i].lines == SIZE_MAX) continue;
    std::size_t a = pos[i];
    while (i > 0 && a < n && is_space(text[a]) && text[a] != 0x3000) ++a;
    const double avail = i == 0 ? first_width : width;
    for (std::size_t j = i + 1; j < pos.size(); ++j) {
      std::size_t e = pos[j];
      while (e > a && is_space(text[e - 1])) --e;
      const double w = prefix[e] - prefix[a];
      // Punctuation inside the line may be compressed, and a point ending
      // it (。，) may hang its blank half past the margin.
      const double can_shrink = e > a + 1 ? shrink[e] - shrink[a] : 0;
      if (w - can_shrink > avail + eps) break;
      double cost = 0;
      if (w > avail + eps) {
        const double k = (w - avail) / can_shrink;
        cost = 0.5 + k * k;
      } else if (pos[j] < n) {
        const std::size_t g = e > a ? gaps[e - 1] - gaps[a] : 0;
        const double need = g ? std::max(0.0, avail - w) / static_cast<double>(g) : avail - w;
        // A ragged line: a fixed price (one line spread to its limit
        // costs 1), and more the shorter it falls, so that no early line
        // (one ending after 「其中：」) is left short to spare a later one.
        const double short_by = (avail - w) / avail;
        cost = g && need <= max_gap ? (need / max_gap) * (need / max_gap) : 10 + 40 * short_by * short_by;
      }
      const Best cand{best[i].lines + 1, best[i].cost + cost, i};
      Best& b = best[j];
      if (cand.lines < b.lines || (cand.lines == b.lines && cand.cost < b.cost - 1e-9)) b = cand;
    }
  }
  // A piece wider than a line: the greedy breaker cuts it between characters.
  if (best.back().lines == SIZE_MAX) return break_lines(text, glyphs, first_width, width);
  std::vector<Line> lines(best.back().lines);
  for (std::size_t k = pos.size() - 1, l = lines.size(); k > 0; k = best[k].from) {
    std::size_t a = pos[best[k].from];
    if (best[k].from > 0)
      while (a < n && is_space(text[a]) && text[a] != 0x3000) ++a;
    std::size_t e = pos[k];
    while (e > a && is_space(text[e - 1])) --e;
    lines[--l] = {a, pos[k], prefix[e] - prefix[a]};
  }
  return lines;
}

std::vector<Line> balanced_lines(std::u32string_view text, const std::vector<GlyphUse>& glyphs, double width) {
  auto breaks = break_positions(text);
  breaks.push_back(glyphs.size());
  auto lines = break_at(text, glyphs, breaks, width, width);
  if (lines.size() < 2) return lines;
  double total = 0, em = 0;
  for (const auto& g : glyphs) { total += g.advance; em = std::max(em, g.advance); }
  const std::size_t n = lines.size();
  for (double w = total / static_cast<double>(n); w < width; w += em / 2) {
    auto try_lines = break_at(text, glyphs, breaks, w, w);
    if (try_lines.size() <= n) return try_lines;
  }
  return lines;
}

double widest_unbreakable(std::u32string_view text, const std::vector<GlyphUse>& glyphs) {
  auto breaks = break_positions(text);
  breaks.push_back(glyphs.size());
  double best = 0;
  std::size_t b = 0;
  for (std::size_t e : breaks) {
    double w = 0;
    for (std::size_t i = b; i < e; ++i)
      if (!is_space(text[i])) w += glyphs[i].advance;
    best = std::max(best, w);
    b = e;
  }
  return best;
}

}  // namespace juesuan::pdf::detail
