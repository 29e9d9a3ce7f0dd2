// Text: UTF-8 to code points, glyph selection through a role's fallback
// chain (with a visible replacement glyph when no font has a character), and
// line breaking with ICU's line BreakIterator plus Chinese punctuation rules.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/font_library.hpp"
#include "pdf/pdf.hpp"

namespace juesuan::pdf::detail {

std::u32string utf8_to_u32(std::string_view s);

// One character set in one glyph. `cp` is the character the reader should
// get back (also when a replacement glyph is drawn for it).
struct GlyphUse {
  int font = 0;            // index into FontSet::fonts
  std::uint32_t gid = 0;   // glyph id in that font
  char32_t cp = 0;
  double advance = 0;      // points, at the style's size
};

class Shaper {
 public:
  Shaper(const FontSet& fonts, std::vector<doc::Warning>* warnings) : fonts_(fonts), warnings_(warnings) {}
  // One glyph per character, each from the first font of the chain that has it.
  std::vector<GlyphUse> shape(std::u32string_view text, const TextStyle& style);
  double width(std::u32string_view text, const TextStyle& style);

 private:
  // A character's glyph in a chain, with its advance (thousandths of an em).
  struct Pick { int font; std::uint32_t gid; double advance; };
  using Picks = std::unordered_map<char32_t, Pick>;
  Pick pick(Picks& cache, const std::vector<int>& chain, char32_t cp, const std::string& role);
  const FontSet& fonts_;
  std::vector<doc::Warning>* warnings_;
  std::unordered_map<const std::vector<int>*, Picks> cache_;
};

// A letter, digit or sign of Western text (Latin, figures, ASCII punctuation):
// a run of them is a word or a number, never letter-spaced.
inline bool is_western(char32_t c) { return c > 0x20 && c < 0x2000; }

// Whether a justified line may take extra space between these two
// characters: anywhere but inside a run of Western letters and figures.
inline bool justify_gap(char32_t a, char32_t b) { return !(is_western(a) && is_western(b)); }

// How much of a justified line's added space a gap takes, relative to a gap
// between two Chinese characters: none inside a word or number; twice as
// much between a figure or Latin word and the Chinese beside it, where
// Chinese typesetting puts its widest adjustable space (CLREQ: a quarter em
// there), so that a line with an amount is filled there rather than spread
// over every character or left ragged.
inline int justify_weight(char32_t a, char32_t b) {
  if (!justify_gap(a, b)) return 0;
  if (a == U' ' || b == U' ') return 1;
  return is_western(a) != is_western(b) ? 2 : 1;
}

// Full-width punctuation whose glyph fills half its em (，、；：。): where a
// line is a little too long, each may give up to half its advance (标点挤压,
// the way Chinese typesetting shrinks a line) instead of moving a piece on.
inline bool compressible(char32_t c) {
  return c == U'，' || c == U'、' || c == U'；' || c == U'：' || c == U'。';
}
inline constexpr double kPunctuationShrink = 0.5;  // of the glyph's advance, at most

// A line: glyphs [begin, end) of the shaped text; `width` excludes trailing spaces.
struct Line {
  std::size_t begin = 0, end = 0;
  double width = 0;
};

// Breaks shaped text into lines no wider than `first_width` (the first line)
// and `width` (the others). Break opportunities come from ICU; a line never
// starts with closing punctuation (，。、；：？！）》」』” …) nor ends with
// opening punctuation (（《「『“ …). A piece wider than a line is cut between
// characters.
std::vector<Line> break_lines(std::u32string_view text, const std::vector<GlyphUse>& glyphs,
                              double first_width, double width);

// Lines of a justified paragraph: as few as break_lines gives, with the
// breaks chosen over the whole paragraph so that each line but the last
// needs as little added space per unit of gap (justify_weight) as possible,
// and more than `max_gap` (points) — a line set ragged — only where no
// choice avoids it; a ragged line costs more the more it falls short.
std::vector<Line> justified_lines(std::u32string_view text, const std::vector<GlyphUse>& glyphs, double first_width,
                                  double width, double max_gap);

// Like break_lines with one width, but with lines of even length: as many
// lines as the greedy break, none much shorter than the others (no single
// character left on a last line of a heading or a table cell).
std::vector<Line> balanced_lines(std::u32string_view text, const std::vector<GlyphUse>& glyphs, double width);

// The widest piece of the text that can never be broken (points).
double widest_unbreakable(std::u32string_view text, const std::vector<GlyphUse>& glyphs);

}  // namespace juesuan::pdf::detail
