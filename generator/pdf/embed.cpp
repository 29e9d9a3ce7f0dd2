// Subsetting (hb-subset plan API, so old glyph ids map to new ones) and the
// PDF font objects: Type0 → CIDFontType2 → FontDescriptor → FontFile2, with
// CIDToGIDMap and ToUnicode streams; for a CFF font Type0 → CIDFontType0 →
// FontDescriptor → FontFile3 (/CIDFontType0C), with ToUnicode.
#include "pdf/embed.hpp"

#include "pdf/cff.hpp"

#include "pdf/deflate.hpp"

#include <hb-subset.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

namespace juesuan::pdf::detail {

namespace {

template <class T, void (*F)(T*)>
struct HbDeleter {
  void operator()(T* p) const { F(p); }
};
using SubsetInput = std::unique_ptr<hb_subset_input_t, HbDeleter<hb_subset_input_t, hb_subset_input_destroy>>;
using SubsetPlan = std::unique_ptr<hb_subset_plan_t, HbDeleter<hb_subset_plan_t, hb_subset_plan_destroy>>;
using HbFace = std::unique_ptr<hb_face_t, HbDeleter<hb_face_t, hb_face_destroy>>;
using HbBlob = std::unique_ptr<hb_blob_t, HbDeleter<hb_blob_t, hb_blob_destroy>>;

void hex4(std::string& out, unsigned v) {
  static const char* d = "0123456789ABCDEF";
  out += d[(v >> 12) & 15];
  out += d[(v >> 8) & 15];
  out += d[(v >> 4) & 15];
  out += d[v & 15];
}

void utf16_hex(std::string& out, char32_t cp) {
  if (cp < 0x10000) {
    hex4(out, cp);
  } else {
    cp -= 0x10000;
    hex4(out, 0xD800 + (cp >> 10));
    hex4(out, 0xDC00 + (cp & 0x3FF));
  }
}

// A valid ToUnicode CMap from (CID, character) pairs in CID order, one per
// CID: bfrange for runs of CIDs whose characters are consecutive too
// (within one last byte on both sides), bfchar for the rest.
std::string to_unicode_cmap(const std::vector<std::pair<unsigned, char32_t>>& chars) {
  struct Range { unsigned cid; char32_t cp; unsigned n; };
  std::vector<Range> ranges;
  for (unsigned i = 0; i < chars.size(); ++i) {
    const unsigned cid = chars[i].first;
    const char32_t cp = chars[i].second;
    if (!ranges.empty()) {
      Range& r = ranges.back();
      if (cp < 0x10000 && r.cp < 0x10000 && cid == r.cid + r.n && cp == r.cp + r.n && (cid >> 8) == (r.cid >> 8) &&
          (cp >> 8) == (r.cp >> 8)) {
        ++r.n;
        continue;
      }
    }
    ranges.push_back({cid, cp, 1});
  }
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<Range> singles, multi;
  for (const auto& r : ranges) (r.n == 1 ? singles : multi).push_back(r);
  for (std::size_t i = 0; i < singles.size(); i += 100) {
    std::size_t n = std::min<std::size_t>(100, singles.size() - i);
    s += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      s += '<'; hex4(s, singles[k].cid); s += "> <"; utf16_hex(s, singles[k].cp); s += ">\n";
    }
    s += "endbfchar\n";
  }
  for (std::size_t i = 0; i < multi.size(); i += 100) {
    std::size_t n = std::min<std::size_t>(100, multi.size() - i);
    s += std::to_string(n) + " beginbfrange\n";
    for (std::size_t k = i; k < i + n; ++k) {
      const Range& r = multi[k];
      s += '<'; hex4(s, r.cid); s += "> <"; hex4(s, r.cid + r.n - 1); s += "> <"; hex4(s, r.cp); s += ">\n";
    }
    s += "endbfrange\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

// Six capital letters naming the subset, from what it contains.
std::string subset_tag(const std::string& name, const std::vector<std::pair<char32_t, std::uint32_t>>& chars) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::uint64_t v) { h = (h ^ v) * 1099511628211ull; };
  for (char c : name) mix(static_cast<unsigned char>(c));
  for (const auto& [cp, gid] : chars) { mix(cp); mix(gid); }
  std::string tag;
  for (int i = 0; i < 6; ++i) { tag += static_cast<char>('A' + h % 26); h /= 26; }
  return tag;
}

// A stream object holding already deflated bytes.
HPDF_Dict stream_dict(Hpdf& pdf, const std::string& deflated, const char* what) {
  HPDF_Dict d = pdf.check(HPDF_DictStream_New(pdf.mmgr(), pdf.xref()), what);
  pdf.write_deflated(d, deflated, what);
  return d;
}

HPDF_Dict indirect_dict(Hpdf& pdf, const char* what) {
  HPDF_Dict d = pdf.check(HPDF_Dict_New(pdf.mmgr()), what);
  pdf.check(HPDF_Xref_Add(pdf.xref(), d), what);
  return d;
}

}  // namespace

EmbeddedFonts::EmbeddedFonts(const FontSet& fonts, const Layout& layout, int level)
    : fonts_(fonts), used_(fonts.fonts.size()), level_(std::clamp(level, 1, 12)) {
  for (const auto& page : layout.pages)
    for (const auto& run : page.runs) {
      Use& u = used_[run.font];
      for (const auto& g : run.glyphs)
        if (u.cids.try_emplace(key(g.gid, g.cp), 0).second) u.chars.emplace_back(g.cp, g.gid);
    }
  for (std::size_t f = 0; f < used_.size(); ++f) {
    Use& u = used_[f];
    // CIDs in glyph order: the subset numbers its glyphs in that order too,
    // so CID = new glyph id (CIDToGIDMap /Identity) unless a glyph serves
    // two characters.
    std::sort(u.chars.begin(), u.chars.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second < b.second : a.first < b.first; });
    if (u.chars.size() > 65534) throw Error(Failure::Internal, "a document uses more than 65534 glyphs of one font");
    for (std::size_t i = 0; i < u.chars.size(); ++i)
      u.cids[key(u.chars[i].second, u.chars[i].first)] = static_cast<std::uint16_t>(cid_at(static_cast<int>(f), u, i));
  }
}

unsigned EmbeddedFonts::cid_at(int font, const Use& use, std::size_t i) const {
  const Face& face = *fonts_.fonts[font].face;
  return face.cff() ? face.cff_cid(use.chars[i].second) : static_cast<unsigned>(i + 1);
}

EmbeddedFonts::EmbeddedFonts(const FontSet& fonts, int level)
    : fonts_(fonts), used_(fonts.fonts.size()), level_(std::clamp(level, 1, 12)) {}

void EmbeddedFonts::add(const Layout& layout) {
  for (const auto& page : layout.pages)
    for (const auto& run : page.runs) {
      Use& u = used_[run.font];
      for (const auto& g : run.glyphs) {
        auto [it, fresh] = u.cids.try_emplace(key(g.gid, g.cp), 0);
        if (!fresh) continue;
        if (u.chars.size() >= 65534) throw Error(Failure::Internal, "a volume uses more than 65534 glyphs of one font");
        u.chars.emplace_back(g.cp, g.gid);
        it->second = static_cast<std::uint16_t>(cid_at(run.font, u, u.chars.size() - 1));
      }
    }
}

void EmbeddedFonts::start() {
  // HarfBuzz and libdeflate only (no libharu): safe beside the caller's thread.
  pending_ = std::async(std::launch::async, [this] {
    for (std::size_t f = 0; f < used_.size(); ++f)
      if (!used_[f].chars.empty()) prepare(static_cast<int>(f), used_[f]);
  });
}

void EmbeddedFonts::embed(Hpdf& pdf, HPDF_MD5_CTX* hash) {
  if (!pending_.valid()) start();
  pending_.get();
  for (std::size_t f = 0; f < used_.size(); ++f)
    if (!used_[f].chars.empty()) embed_one(pdf, static_cast<int>(f), used_[f], hash);
}

void EmbeddedFonts::prepare(int font, Use& use) const {
  const FontEntry& entry = fonts_.fonts[font];
  const Face& face = *entry.face;
  const std::string what = "embedding font " + entry.name;

  // 1. Subset to the glyphs used (plus .notdef), keeping the old→new map.
  // Asked by characters when each glyph is the font's own glyph for a
  // character (or for a replacement character): HarfBuzz then looks up just
  // those, where asked by glyphs it first maps the font's whole cmap (~10
  // times the work on an unprepared face). Either way the same glyphs.
  SubsetInput input(hb_subset_input_create_or_fail());
  if (!input) throw Error(Failure::Internal, what + ": out of memory");
  std::vector<hb_codepoint_t> unicodes;
  unicodes.reserve(use.chars.size());
  for (const auto& [cp, gid] : use.chars) {
    if (gid == 0) continue;  // .notdef is always kept
    hb_codepoint_t by = 0;
    for (char32_t c : {cp, char32_t(0x25A1), char32_t(0xFFFD)})
      if (face.glyph(c) == gid) { by = c; break; }
    if (!by) { unicodes.clear(); break; }
    unicodes.push_back(by);
  }
  if (!unicodes.empty()) {
    hb_set_t* set = hb_subset_input_unicode_set(input.get());
    for (hb_codepoint_t u : unicodes) hb_set_add(set, u);
  } else {
    hb_set_t* glyphs = hb_subset_input_glyph_set(input.get());
    hb_set_add(glyphs, 0);
    for (const auto& c : use.chars) hb_set_add(glyphs, c.second);
  }
  // A CFF that is not CID-keyed is shown by glyph id: keep the ids.
  const bool keep_gids = face.cff() && !face.cff_cid_keyed();
  hb_subset_input_set_flags(input.get(),
                            HB_SUBSET_FLAGS_NO_HINTING | (keep_gids ? unsigned{HB_SUBSET_FLAGS_RETAIN_GIDS} : 0u));
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  // A CIDFontType2 program needs no cmap (CIDs select glyphs), and nothing
  // for layout, bitmaps or vertical metrics.
  for (const char* t : {"cmap", "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "kern", "morx", "EBDT", "EBLC", "EBSC", "bdat",
                        "bloc", "gasp", "hdmx", "VDMX", "LTSH", "DSIG", "vhea", "vmtx", "PCLT"})
    hb_set_add(drop, HB_TAG(t[0], t[1], t[2], t[3]));
  SubsetPlan plan(hb_subset_plan_create_or_fail(face.subset_source(), input.get()));
  if (!plan) throw Error(Failure::Internal, what + ": HarfBuzz could not plan the subset");
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  HbFace sub(hb_subset_plan_execute_or_fail(plan.get()));
  if (!sub) throw Error(Failure::Internal, what + ": HarfBuzz could not subset the font");
  // The whole subset font for TrueType (FontFile2); for CFF only its 'CFF '
  // table (FontFile3 /CIDFontType0C).
  HbBlob blob(face.cff() ? hb_face_reference_table(sub.get(), HB_TAG('C', 'F', 'F', ' '))
                         : hb_face_reference_blob(sub.get()));
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob.get(), &len);
  if (!data || len == 0) throw Error(Failure::Internal, what + ": the subset font is empty");
  use.program = deflate(data, len, level_);
  use.program_length = len;
  CffInfo sub_cff;
  if (face.cff()) {
    sub_cff = read_cff({data, len});
    if (!sub_cff.valid) throw Error(Failure::Internal, what + ": the subset CFF could not be read");
  }

  // 2. CIDToGIDMap (none when CID = glyph id) and widths, CID by CID. For
  // CFF the subset's charset must give each glyph the CID the pages use.
  std::string cid_to_gid(2 * (use.chars.size() + 1), '\0');
  bool identity_map = true;
  use.widths.clear();
  std::vector<std::pair<unsigned, char32_t>> by_cid;
  for (std::size_t i = 0; i < use.chars.size(); ++i) {
    hb_codepoint_t ng = hb_map_get(old_to_new, use.chars[i].second);
    if (ng == HB_MAP_VALUE_INVALID) throw Error(Failure::Internal, what + ": a glyph was lost in subsetting");
    const unsigned cid = cid_at(font, use, i);
    if (face.cff()) {
      if (ng >= sub_cff.cid_of_glyph.size() || sub_cff.cid_of_glyph[ng] != cid)
        throw Error(Failure::Internal, what + ": the subset CFF gives a glyph another CID");
    } else {
      identity_map = identity_map && ng == i + 1;
      cid_to_gid[2 * (i + 1)] = static_cast<char>(ng >> 8);
      cid_to_gid[2 * (i + 1) + 1] = static_cast<char>(ng & 0xFF);
    }
    use.widths.emplace_back(cid, static_cast<int>(std::lround(face.advance(use.chars[i].second))));
    by_cid.emplace_back(cid, use.chars[i].first);
  }
  // One entry per CID (a CFF glyph serving two characters has one CID: the
  // first character is the one extracted).
  auto by_first = [](const auto& a, const auto& b) { return a.first < b.first; };
  std::stable_sort(use.widths.begin(), use.widths.end(), by_first);
  std::stable_sort(by_cid.begin(), by_cid.end(), by_first);
  auto same_cid = [](const auto& a, const auto& b) { return a.first == b.first; };
  use.widths.erase(std::unique(use.widths.begin(), use.widths.end(), same_cid), use.widths.end());
  by_cid.erase(std::unique(by_cid.begin(), by_cid.end(), same_cid), by_cid.end());
  use.cid_to_gid = identity_map || face.cff() ? std::string() : deflate(cid_to_gid.data(), cid_to_gid.size(), level_);
  const std::string cmap = to_unicode_cmap(by_cid);
  use.to_unicode = deflate(cmap.data(), cmap.size(), level_);
}

void EmbeddedFonts::embed_one(Hpdf& pdf, int font, Use& use, HPDF_MD5_CTX* hash) {
  const FontEntry& entry = fonts_.fonts[font];
  const Face& face = *entry.face;
  const std::string what = "embedding font " + entry.name;
  // The font program follows from the font file and the glyphs: hash those.
  const std::string identity = face.postscript_name() + "/" + std::to_string(use.program_length);
  HPDF_MD5Update(hash, reinterpret_cast<const HPDF_BYTE*>(identity.data()), static_cast<HPDF_UINT32>(identity.size()));
  HPDF_MD5Update(hash, reinterpret_cast<const HPDF_BYTE*>(use.chars.data()),
                 static_cast<HPDF_UINT32>(use.chars.size() * sizeof use.chars[0]));
  const auto& widths = use.widths;

  const std::string base = subset_tag(face.postscript_name(), use.chars) + "+" + face.postscript_name();
  const char* w = what.c_str();

  HPDF_Dict file = stream_dict(pdf, use.program, w);
  if (face.cff())
    pdf.check(HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C"), w);
  else
    pdf.check(HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(use.program_length)), w);

  HPDF_Dict desc = indirect_dict(pdf, w);
  pdf.check(HPDF_Dict_AddName(desc, "Type", "FontDescriptor"), w);
  pdf.check(HPDF_Dict_AddName(desc, "FontName", base.c_str()), w);
  pdf.check(HPDF_Dict_AddNumber(desc, "Flags", 4), w);
  HPDF_Array bbox = pdf.check(HPDF_Array_New(pdf.mmgr()), w);
  pdf.check(HPDF_Dict_Add(desc, "FontBBox", bbox), w);
  for (int i = 0; i < 4; ++i) pdf.check(HPDF_Array_AddNumber(bbox, face.bbox()[i]), w);
  pdf.check(HPDF_Dict_AddNumber(desc, "ItalicAngle", 0), w);
  pdf.check(HPDF_Dict_AddNumber(desc, "Ascent", static_cast<HPDF_INT32>(std::lround(face.ascent()))), w);
  pdf.check(HPDF_Dict_AddNumber(desc, "Descent", static_cast<HPDF_INT32>(std::lround(face.descent()))), w);
  pdf.check(HPDF_Dict_AddNumber(desc, "CapHeight", static_cast<HPDF_INT32>(std::lround(face.cap_height()))), w);
  pdf.check(HPDF_Dict_AddNumber(desc, "StemV", 80), w);
  pdf.check(HPDF_Dict_Add(desc, face.cff() ? "FontFile3" : "FontFile2", file), w);

  HPDF_Dict cidfont = indirect_dict(pdf, w);
  pdf.check(HPDF_Dict_AddName(cidfont, "Type", "Font"), w);
  pdf.check(HPDF_Dict_AddName(cidfont, "Subtype", face.cff() ? "CIDFontType0" : "CIDFontType2"), w);
  pdf.check(HPDF_Dict_AddName(cidfont, "BaseFont", base.c_str()), w);
  HPDF_Dict info = pdf.check(HPDF_Dict_New(pdf.mmgr()), w);
  pdf.check(HPDF_Dict_Add(cidfont, "CIDSystemInfo", info), w);
  pdf.check(HPDF_Dict_Add(info, "Registry", HPDF_String_New(pdf.mmgr(), "Adobe", nullptr)), w);
  pdf.check(HPDF_Dict_Add(info, "Ordering", HPDF_String_New(pdf.mmgr(), "Identity", nullptr)), w);
  pdf.check(HPDF_Dict_AddNumber(info, "Supplement", 0), w);
  pdf.check(HPDF_Dict_Add(cidfont, "FontDescriptor", desc), w);
  pdf.check(HPDF_Dict_AddNumber(cidfont, "DW", 1000), w);
  // W: runs of consecutive CIDs whose width is not the default.
  HPDF_Array warr = pdf.check(HPDF_Array_New(pdf.mmgr()), w);
  pdf.check(HPDF_Dict_Add(cidfont, "W", warr), w);
  for (std::size_t c = 0; c < widths.size();) {
    if (widths[c].second == 1000) { ++c; continue; }
    pdf.check(HPDF_Array_AddNumber(warr, static_cast<HPDF_INT32>(widths[c].first)), w);
    HPDF_Array run = pdf.check(HPDF_Array_New(pdf.mmgr()), w);
    pdf.check(HPDF_Array_Add(warr, run), w);
    unsigned next = widths[c].first;
    for (; c < widths.size() && widths[c].second != 1000 && widths[c].first == next; ++c, ++next)
      pdf.check(HPDF_Array_AddNumber(run, widths[c].second), w);
  }
  if (face.cff()) {
    // CIDFontType0: the CFF charset maps CIDs to glyphs.
  } else if (use.cid_to_gid.empty())
    pdf.check(HPDF_Dict_AddName(cidfont, "CIDToGIDMap", "Identity"), w);
  else
    pdf.check(HPDF_Dict_Add(cidfont, "CIDToGIDMap", stream_dict(pdf, use.cid_to_gid, w)), w);

  HPDF_Dict type0 = indirect_dict(pdf, w);
  pdf.check(HPDF_Dict_AddName(type0, "Type", "Font"), w);
  pdf.check(HPDF_Dict_AddName(type0, "Subtype", "Type0"), w);
  pdf.check(HPDF_Dict_AddName(type0, "BaseFont", base.c_str()), w);
  pdf.check(HPDF_Dict_AddName(type0, "Encoding", "Identity-H"), w);
  HPDF_Array desc_fonts = pdf.check(HPDF_Array_New(pdf.mmgr()), w);
  pdf.check(HPDF_Dict_Add(type0, "DescendantFonts", desc_fonts), w);
  pdf.check(HPDF_Array_Add(desc_fonts, cidfont), w);
  pdf.check(HPDF_Dict_Add(type0, "ToUnicode", stream_dict(pdf, use.to_unicode, w)), w);
  use.dict = type0;
}

}  // namespace juesuan::pdf::detail
