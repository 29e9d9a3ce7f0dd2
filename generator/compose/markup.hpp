// The markup Mustache templates render to, one block per line:
//
//   @part id=p1 newpage | 第一部分 …      a heading of level 0 (in 目录)
//   @section id=s1 | 一、部门职责          level 1 (in 目录)
//   @subsection | （一）总体情况。          level 2 (not in 目录)
//   @subsection number=（{}） | 标题       level 2, numbered by what is printed in its section
//   @item 1. | text                        a list item; consecutive items form one list
//   @table t01                             a table of tables.yaml
//   @chart pie income_detail | 图2：…     a chart (compose/chart.hpp)
//   @attachment 0                          the blocks of the department's first attachment
//   @toc | 目 录                            the table of contents
//   @cover-title | text   @cover-line | text
//   @note | text   @center | text   @plain | text (no indent)
//   @pagebreak
//   any other non-empty line               a body paragraph
//
// A line ending in a single "\" continues on the next line. Values inserted
// by the templates are escaped (escape_value) so that text from a YAML file
// can never start a directive or break a line.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag.hpp"
#include "document/document.hpp"

namespace juesuan::markup {

std::string escape_value(std::string_view value);

struct Directive {
  std::string kind;     // "" for a plain paragraph
  std::vector<std::string> args;  // words before "|"
  std::string text;     // after "|", unescaped
  int line = 0;
};

// Splits rendered markup into directives. Throws Error(Failure::Setup) on
// an unknown directive (`origin` names the template for the message).
std::vector<Directive> parse(std::string_view rendered, const std::string& origin);

}  // namespace juesuan::markup
