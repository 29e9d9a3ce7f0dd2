// Fonts loaded once per process: each font file of the manifest is opened
// by HarfBuzz once, and the face is shared read-only by every document (and
// thread) that uses it; what a face needs beyond that is made on first use.
// Internal to the PDF writer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

// HarfBuzz types, declared so that this header does not need hb.h.
extern "C" {
struct hb_blob_t;
struct hb_face_t;
struct hb_font_t;
}

namespace juesuan::pdf::detail {

// One font (a .ttf/.otf, or one face of a .ttc), shared read-only by every
// document and thread. Opening it maps the file and checks that it has
// TrueType (glyf) or CFF outlines; everything else (the font object,
// metrics, name, a CFF's charset) is made on first use, so a face no
// document uses costs next to nothing.
class Face {
 public:
  Face(const std::filesystem::path& file, unsigned index);
  ~Face();
  Face(const Face&) = delete;
  Face& operator=(const Face&) = delete;

  // The glyph for a character, or 0 when the font has none.
  std::uint32_t glyph(char32_t cp) const;
  // Horizontal advance of a glyph in thousandths of an em.
  double advance(std::uint32_t gid) const;

  const std::filesystem::path& file() const { return file_; }
  unsigned index() const { return index_; }
  const std::string& postscript_name() const { return ready().ps_name; }
  unsigned glyph_count() const { return glyph_count_; }
  // Font descriptor metrics, thousandths of an em.
  double ascent() const { return ready().ascent; }
  double descent() const { return ready().descent; }
  double cap_height() const { return ready().cap_height; }
  const int* bbox() const { return ready().bbox; }
  // CFF outlines (OpenType 'CFF ', e.g. Noto CJK): embedded as CIDFontType0C,
  // where the PDF selects a glyph by the CID its charset gives it.
  bool cff() const { return cff_; }
  // The CID of a glyph of a CFF face (its charset; the glyph id for a font
  // that is not CID-keyed).
  std::uint16_t cff_cid(std::uint32_t gid) const {
    const auto& c = ready().cff_cids;
    return gid < c.size() ? c[gid] : static_cast<std::uint16_t>(gid);
  }
  bool cff_cid_keyed() const { return ready().cff_cid_keyed; }

  // The face subsets are cut from. Not prepared with hb_subset_preprocess:
  // asked by characters, a subset of the plain face costs ~2-3 M
  // instructions, against ~400 M to prepare a CJK face once (and tens of
  // MiB), which even a city of 1,000 documents would not win back.
  hb_face_t* subset_source() const { return face_; }

 private:
  struct Loaded {
    hb_font_t* font = nullptr;
    std::string ps_name;
    double ascent = 880, descent = -120, cap_height = 700;
    int bbox[4] = {0, -120, 1000, 880};
    std::vector<std::uint16_t> cff_cids;  // CFF faces: CID by glyph id
    bool cff_cid_keyed = false;
  };
  const Loaded& ready() const {
    std::call_once(loaded_once_, [this] { load(); });
    return loaded_;
  }
  void load() const;

  std::filesystem::path file_;
  unsigned index_;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  unsigned upem_ = 1000, glyph_count_ = 0;
  bool cff_ = false;
  mutable std::once_flag loaded_once_;
  mutable Loaded loaded_;
};

struct FontEntry {
  std::string name;      // the manifest's name for it
  std::string package;   // the Debian package that provides the file
  std::filesystem::path licence;
  std::shared_ptr<const Face> face;
  // The characters a chain takes from this font (the manifest's `ranges:`,
  // inclusive); none given: every character it has.
  std::vector<std::pair<char32_t, char32_t>> ranges;
  bool serves(char32_t cp) const {
    if (ranges.empty()) return true;
    for (const auto& [lo, hi] : ranges)
      if (cp >= lo && cp <= hi) return true;
    return false;
  }
};

// The manifest, loaded: fonts in manifest order, and per role the indices of
// its fallback chain.
struct FontSet {
  std::vector<FontEntry> fonts;
  std::map<std::string, std::vector<int>> roles;

  const std::vector<int>& chain(const std::string& role) const;
};

// The process-wide cache: the same (file, index) is parsed only once.
std::shared_ptr<const Face> load_face(const std::filesystem::path& file, unsigned index);

}  // namespace juesuan::pdf::detail
