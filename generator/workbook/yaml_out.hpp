// Writing a department's YAML from imported cells: an ordered tree of
// scalars, maps and lists, each with its Chinese comment and the cell it
// came from; the emitter quotes what needs quoting and remembers, for each
// line it writes, the cell, so that a message of the loader about a line
// can name the cell.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace juesuan::book {

struct YNode {
  enum class Kind { Null, Scalar, Map, Seq } kind = Kind::Map;
  enum class Style { Auto, Quoted, Plain } style = Style::Auto;
  std::string value;
  bool flow = false;        // a list written on one line: [a, {text: b, colspan: 2}]
  std::vector<std::pair<std::string, YNode>> entries;
  std::vector<YNode> items;
  std::string comment;
  std::string origin;       // "收支明细!D12"

  static YNode scalar(std::string v, Style s = Style::Auto, std::string origin = "") {
    YNode n;
    n.kind = Kind::Scalar;
    n.value = std::move(v);
    n.style = s;
    n.origin = std::move(origin);
    return n;
  }
  // The entry under key, made (as an empty map) when missing.
  YNode& at(const std::string& key);
  const YNode* find(const std::string& key) const;
  // The node at a dotted path ("three_public.budget.abroad"), maps made on the way.
  YNode& path(const std::string& dotted);
  bool empty() const { return kind == Kind::Map ? entries.empty() : kind == Kind::Seq ? items.empty() : false; }
};

struct Emitted {
  std::string text;
  std::map<int, std::string> origins;   // 1-based line -> cell
};

// The YAML text of a top-level map, after the header comment lines.
Emitted emit_yaml(const YNode& root, const std::vector<std::string>& header);

}  // namespace juesuan::book
