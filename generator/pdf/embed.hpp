// Font embedding, per document: the glyphs the layout uses are given CIDs
// (one per distinct glyph-and-character pair, so ToUnicode is exact even
// for replacement glyphs), each font is cut to those glyphs with HarfBuzz,
// and Type0 / CIDFontType2 dictionaries with a CIDToGIDMap, widths and a
// valid (bfchar/bfrange) ToUnicode CMap are built with libharu's object API.
// A CFF font (Noto CJK) is embedded as CIDFontType0 with its subset's 'CFF '
// table (FontFile3 /CIDFontType0C): there the PDF selects a glyph by the CID
// the CFF charset gives it, which HarfBuzz's subset keeps, so a glyph's CID
// is its CID in the whole font (one per glyph).
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <future>
#include <string>
#include <unordered_map>
#include <vector>

#include "pdf/font_library.hpp"
#include "pdf/hpdf.hpp"
#include "pdf/layout.hpp"

namespace juesuan::pdf::detail {

class EmbeddedFonts {
 public:
  // `level`: deflate level (libdeflate, 1-12) of the font streams.
  EmbeddedFonts(const FontSet& fonts, const Layout& layout, int level);
  // A volume's fonts, embedded once for all its documents: each add() gives
  // the glyphs of one more layout their CIDs, in order of first use (not in
  // glyph order, so the CIDToGIDMap is a stream), before its pages are
  // written; CIDs given earlier never change.
  EmbeddedFonts(const FontSet& fonts, int level);
  void add(const Layout& layout);

  // Subsets and deflates every used font on a second thread (HarfBuzz and
  // libdeflate only), while the caller goes on writing pages.
  void start();
  // Waits for that (starts it when not started), then adds each font's
  // objects to the document; what each font program is made of (font,
  // glyphs) is fed to `hash` (document ID).
  void embed(Hpdf& pdf, HPDF_MD5_CTX* hash);

  HPDF_Dict dict(int font) const { return used_[font].dict; }  // null for a font the document does not use
  std::uint16_t cid(int font, std::uint32_t gid, char32_t cp) const {
    return used_[font].cids.at(key(gid, cp));
  }

 private:
  static std::uint64_t key(std::uint32_t gid, char32_t cp) { return (std::uint64_t(gid) << 21) | cp; }
  struct Use {
    std::vector<std::pair<char32_t, std::uint32_t>> chars;  // (cp, gid), in glyph order; CID = index + 1 (TrueType)
    std::unordered_map<std::uint64_t, std::uint16_t> cids;
    HPDF_Dict dict = nullptr;
    // Made by prepare(): the deflated font program, CIDToGIDMap (empty for
    // /Identity) and ToUnicode, and the widths by CID.
    std::string program, cid_to_gid, to_unicode;
    unsigned program_length = 0;
    std::vector<std::pair<unsigned, int>> widths;  // (CID, width), by CID, one per CID
  };
  // The CID of chars[i] of a font.
  unsigned cid_at(int font, const Use& use, std::size_t i) const;
  void prepare(int font, Use& use) const;
  void embed_one(Hpdf& pdf, int font, Use& use, HPDF_MD5_CTX* hash);
  const FontSet& fonts_;
  std::vector<Use> used_;
  int level_;
  std::future<void> pending_;
};

}  // namespace juesuan::pdf::detail
