// FontLibrary: from the manifest as data (build/font_manifest.cpp reads it), opens each font file once per
// process (a cache keyed by file and face index) and answers chain lookups.
#include "core/messages.hpp"
#include "pdf/font_library.hpp"

#include <hb.h>
#include <hb-ot.h>

#include <mutex>

#include "pdf/cff.hpp"
#include "pdf/pdf.hpp"

namespace juesuan::pdf {
namespace detail {

namespace {

int be16(const char* p) { return static_cast<std::int16_t>((static_cast<unsigned char>(p[0]) << 8) | static_cast<unsigned char>(p[1])); }

std::string pdf_safe_name(const std::string& s) {
  std::string out;
  for (char c : s)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
      out += c;
  return out;
}

}  // namespace

Face::Face(const std::filesystem::path& file, unsigned index) : file_(file), index_(index) {
  // Maps the file (nothing is read until a table is used) and checks the
  // table directory: errors show when the manifest is loaded.
  blob_ = hb_blob_create_from_file_or_fail(file.c_str());
  if (!blob_) throw Error(Failure::Setup, msg::font_file_unreadable(file.string()));
  unsigned faces = hb_face_count(blob_);
  if (index >= faces) {
    hb_blob_destroy(blob_);
    throw Error(Failure::Setup, msg::font_face_index(file.string(), faces, index));
  }
  face_ = hb_face_create(blob_, index);
  hb_face_make_immutable(face_);
  glyph_count_ = hb_face_get_glyph_count(face_);
  hb_blob_t* glyf = hb_face_reference_table(face_, HB_TAG('g', 'l', 'y', 'f'));
  bool has_glyf = hb_blob_get_length(glyf) > 0;
  hb_blob_destroy(glyf);
  if (!has_glyf) {
    hb_blob_t* cff = hb_face_reference_table(face_, HB_TAG('C', 'F', 'F', ' '));
    cff_ = hb_blob_get_length(cff) > 0;
    hb_blob_destroy(cff);
  }
  if ((!has_glyf && !cff_) || glyph_count_ == 0) {
    hb_face_destroy(face_);
    hb_blob_destroy(blob_);
    throw Error(Failure::Setup, msg::font_not_truetype(file.string()));
  }
  upem_ = hb_face_get_upem(face_);
}

void Face::load() const {
  Loaded& l = loaded_;
  l.font = hb_font_create(face_);
  hb_font_set_scale(l.font, static_cast<int>(upem_), static_cast<int>(upem_));
  hb_font_make_immutable(l.font);

  const double k = 1000.0 / upem_;
  hb_position_t v;
  if (hb_ot_metrics_get_position(l.font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v)) l.ascent = v * k;
  if (hb_ot_metrics_get_position(l.font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v)) l.descent = v * k;
  if (hb_ot_metrics_get_position(l.font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v) && v > 0) l.cap_height = v * k;
  else l.cap_height = l.ascent * 0.8;
  hb_blob_t* head = hb_face_reference_table(face_, HB_TAG('h', 'e', 'a', 'd'));
  unsigned len = 0;
  const char* d = hb_blob_get_data(head, &len);
  if (len >= 44)
    for (int i = 0; i < 4; ++i) l.bbox[i] = static_cast<int>(be16(d + 36 + 2 * i) * k);
  hb_blob_destroy(head);

  char name[128];
  unsigned name_len = sizeof name;
  hb_ot_name_get_utf8(face_, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &name_len, name);
  l.ps_name = pdf_safe_name(std::string(name, name_len));
  if (l.ps_name.empty()) l.ps_name = pdf_safe_name(file_.stem().string());
  if (l.ps_name.empty()) l.ps_name = "Font";

  if (cff_) {
    hb_blob_t* cff = hb_face_reference_table(face_, HB_TAG('C', 'F', 'F', ' '));
    unsigned cff_len = 0;
    const char* cff_data = hb_blob_get_data(cff, &cff_len);
    CffInfo info = read_cff({cff_data, cff_len});
    hb_blob_destroy(cff);
    if (!info.valid) throw Error(Failure::Setup, msg::font_not_truetype(file_.string()));
    l.cff_cids = std::move(info.cid_of_glyph);
    l.cff_cid_keyed = info.cid_keyed;
  }
}

Face::~Face() {
  hb_font_destroy(loaded_.font);
  hb_face_destroy(face_);
  hb_blob_destroy(blob_);
}

std::uint32_t Face::glyph(char32_t cp) const {
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(ready().font, cp, &g) ? g : 0;
}

double Face::advance(std::uint32_t gid) const {
  return hb_font_get_glyph_h_advance(ready().font, gid) * 1000.0 / upem_;
}

std::shared_ptr<const Face> load_face(const std::filesystem::path& file, unsigned index) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, unsigned>, std::weak_ptr<const Face>> cache;
  std::lock_guard lock(mutex);
  auto key = std::make_pair(std::filesystem::absolute(file).lexically_normal().string(), index);
  if (auto f = cache[key].lock()) return f;
  auto f = std::make_shared<const Face>(file, index);
  cache[key] = f;
  return f;
}

const std::vector<int>& FontSet::chain(const std::string& role) const {
  auto it = roles.find(role);
  // A manifest written before the level-2 heading had a role of its own
  // sets those headings in the body's faces.
  if (it == roles.end() && role == "heading2") it = roles.find("body");
  if (it == roles.end()) throw Error(Failure::Setup, msg::font_no_role(role));
  return it->second;
}

}  // namespace detail

FontLibrary FontLibrary::load(const FontManifest& manifest) {
  auto set = std::make_shared<detail::FontSet>();
  std::map<std::string, int> by_name;
  for (const FontFaceSpec& f : manifest.faces) {
    by_name[f.name] = static_cast<int>(set->fonts.size());
    set->fonts.push_back(detail::FontEntry{f.name, f.package, f.licence, detail::load_face(f.file, f.index), f.ranges});
  }
  for (const auto& [role, names] : manifest.roles) {
    std::vector<int> chain;
    for (const auto& n : names) {
      auto it = by_name.find(n);
      if (it == by_name.end()) throw Error(Failure::Setup, msg::font_role_unknown_font(role, n));
      chain.push_back(it->second);
    }
    set->roles[role] = std::move(chain);
  }
  return FontLibrary(std::move(set));
}

std::vector<std::string> FontLibrary::roles() const {
  std::vector<std::string> out;
  for (const auto& [name, chain] : set_->roles) out.push_back(name);
  return out;
}

std::vector<std::string> FontLibrary::chain(const std::string& role) const {
  std::vector<std::string> out;
  for (int i : set_->chain(role)) out.push_back(set_->fonts[i].name);
  return out;
}

}  // namespace juesuan::pdf
