// The little of a CFF font program (OpenType 'CFF ' table) the PDF writer
// needs to embed it as CIDFontType0C: whether it is CID-keyed, and which CID
// each glyph has (its charset). Internal to the PDF writer.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace juesuan::pdf::detail {

struct CffInfo {
  bool valid = false;      // a CFF program with a Top DICT and a charset that could be read
  bool cid_keyed = false;  // the Top DICT has ROS: glyphs are selected by CID through the charset
  // CID of each glyph (glyph id → CID), from the charset; for a font that is
  // not CID-keyed, CID = glyph id (a PDF viewer then takes the CID as the glyph).
  std::vector<std::uint16_t> cid_of_glyph;
};

// Reads the header, the Top DICT and the charset of `cff` (the table's bytes).
CffInfo read_cff(std::string_view cff);

}  // namespace juesuan::pdf::detail
