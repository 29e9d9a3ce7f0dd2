// What a writer could not do as the Document asks, as data: its kind and
// what it concerns. The words an officer reads are made from it at the
// build edge (core/messages: msg::writer_warning_*), where the character
// is also found in the department's file.
#pragma once

#include <string>

namespace juesuan::doc {

struct Warning {
  enum class Kind {
    MissingCharacter,   // no font of `role` has `code_point`; a replacement glyph is drawn
    TableTooWide,       // table `where` overflows a landscape page even at `size` pt
    MissingTarget,      // a 目录 entry points at `where`, which is not in the document
  } kind = Kind::MissingCharacter;
  char32_t code_point = 0;
  std::string role;     // the font role (fonts/manifest.yaml roles) of a missing character
  std::string where;    // the table's title, or the missing target's id
  double size = 0;      // the table's smallest cell font, in pt
};

}  // namespace juesuan::doc
