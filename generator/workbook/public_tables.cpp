// `juesuan import` of the nine 公开表 as the 决算 software exports them.
#include "core/messages.hpp"
#include "workbook/workbook.hpp"

namespace juesuan::book {

Imported import_public_tables(const xlsx::Workbook&, const Catalog&) {
  Imported out;
  out.problems.push_back({"", -1, -1, msg::not_a_known_workbook()});
  return out;
}

}  // namespace juesuan::book
