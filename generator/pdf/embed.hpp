// Font embedding, per document: the glyphs the layout uses are given CIDs
// (one per distinct glyph-and-character pair, so ToUnicode is exact even
// for replacement glyphs), each font is cut to those glyphs with HarfBuzz,
// and Type0 / CIDFontType2 dictionaries with a CIDToGIDMap, widths and a
// valid (bfchar/bfrange) ToUnicode CMap are built with libharu's object API.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "pdf/font_library.hpp"
#include "pdf/hpdf.hpp"
#include "pdf/layout.hpp"

namespace juesuan::pdf::detail {

class EmbeddedFonts {
 public:
  // `level`: zlib compression level of the font streams.
  EmbeddedFonts(const FontSet& fonts, const Layout& layout, int level);

  // Subsets every used font and adds its objects to the document; what each
  // font program is made of (font, glyphs) is fed to `hash` (document ID).
  void embed(Hpdf& pdf, HPDF_MD5_CTX* hash);

  HPDF_Dict dict(int font) const { return used_[font].dict; }
  std::uint16_t cid(int font, std::uint32_t gid, char32_t cp) const {
    return used_[font].cids.at(key(gid, cp));
  }

 private:
  static std::uint64_t key(std::uint32_t gid, char32_t cp) { return (std::uint64_t(gid) << 21) | cp; }
  struct Use {
    std::vector<std::pair<char32_t, std::uint32_t>> chars;  // (cp, gid), sorted; CID = index + 1
    std::unordered_map<std::uint64_t, std::uint16_t> cids;
    HPDF_Dict dict = nullptr;
  };
  void embed_one(Hpdf& pdf, int font, Use& use, HPDF_MD5_CTX* hash);
  const FontSet& fonts_;
  std::vector<Use> used_;
  int level_;
};

}  // namespace juesuan::pdf::detail
