// A YAML document as a small tree in which every node keeps its position.
// Built from libyaml's events (yaml-cpp's where libyaml refuses the text)
// so that the loader can refuse what a YAML parser lets through: duplicate keys, aliases (which make
// "billion laughs" files), absurd nesting, non-UTF-8 text.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/diag.hpp"

namespace juesuan::yaml {

struct Node {
  enum class Kind { Null, Scalar, Sequence, Map };
  Kind kind = Kind::Null;
  Loc loc;
  std::string text;        // scalars
  bool quoted = false;     // scalar was written in quotes
  std::vector<Node> items;                          // sequences
  std::vector<std::pair<Node, Node>> entries;       // maps, in file order

  bool is_map() const { return kind == Kind::Map; }
  bool is_seq() const { return kind == Kind::Sequence; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_null() const { return kind == Kind::Null; }
  const Node* find(std::string_view key) const;
};

struct Limits {
  std::size_t max_bytes = 16 * 1024 * 1024;  // a department file is a few dozen KB
  int max_depth = 64;
  // The longest text value, in characters: the longest paragraph of a real
  // department is well under a thousand; a page-long name would break the
  // document's layout.
  std::size_t max_text_chars = 5000;
};

// Parses one YAML document. Throws Error(Failure::Input) with a located,
// plain-language message for every problem — among them a control
// character in a value (tab and line end aside: ESC, BEL, C1 controls … would
// reach terminals, pages and PDF metadata) and a value over
// Limits::max_text_chars.
//
// Every key written with a full-width colon and every line indented with a
// Tab is reported, not only the first. With `errors`, the mistakes a parse
// can go on after (a full-width colon, a duplicate key, a control
// character, an over-long text) are appended there and the tree is
// returned, so that the loader can report them with its own; what stops
// the parse is thrown with them (Error::several).
//
// libyaml parses; a text it refuses (or one the parse stops at) is parsed
// again by yaml-cpp, whose errors the messages are written for.
Node parse(std::shared_ptr<const SourceFile> file, const Limits& limits = {}, std::vector<Error>* errors = nullptr);

// The same, with yaml-cpp alone: the reference the tests hold parse() to.
Node parse_reference(std::shared_ptr<const SourceFile> file, const Limits& limits = {},
                     std::vector<Error>* errors = nullptr);

}  // namespace juesuan::yaml
