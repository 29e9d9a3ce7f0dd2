// Fonts loaded once per process: each font file of the manifest is read and
// parsed by HarfBuzz once, and the parsed face is shared read-only by every
// document (and thread) that uses it. Internal to the PDF writer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

// HarfBuzz types, declared so that this header does not need hb.h.
extern "C" {
struct hb_blob_t;
struct hb_face_t;
struct hb_font_t;
}

namespace juesuan::pdf::detail {

// One parsed TrueType font (a .ttf, or one face of a .ttc). Immutable.
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
  const std::string& postscript_name() const { return ps_name_; }
  unsigned glyph_count() const { return glyph_count_; }
  // Font descriptor metrics, thousandths of an em.
  double ascent() const { return ascent_; }
  double descent() const { return descent_; }
  double cap_height() const { return cap_height_; }
  const int* bbox() const { return bbox_; }
  // The face prepared for repeated subsetting (hb_subset_preprocess).
  hb_face_t* subset_source() const { return subset_source_; }

 private:
  std::filesystem::path file_;
  unsigned index_;
  std::string ps_name_;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  hb_face_t* subset_source_ = nullptr;
  hb_font_t* font_ = nullptr;
  unsigned upem_ = 1000, glyph_count_ = 0;
  double ascent_ = 880, descent_ = -120, cap_height_ = 700;
  int bbox_[4] = {0, -120, 1000, 880};
};

struct FontEntry {
  std::string name;      // the manifest's name for it
  std::string package;   // the Debian package that provides the file
  std::filesystem::path licence;
  std::shared_ptr<const Face> face;
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
