// A plain-text view of a Document: one line per heading, paragraph, list
// item and table row (cells separated by tabs). Used by `juesuan dump`, by
// `diff` to compare two builds sentence by sentence, and by tests.
#pragma once

#include <string>

#include "document/document.hpp"

namespace juesuan::doc {

std::string plain_text(const Document& d);
std::string plain_text(const Table& t);

}  // namespace juesuan::doc
