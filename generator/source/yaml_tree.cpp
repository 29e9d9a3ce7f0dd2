#include "source/yaml_tree.hpp"

#include <unicode/utf8.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <set>
#include <sstream>

#include "core/messages.hpp"

namespace juesuan::yaml {

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k.text == key) return &v;
  return nullptr;
}

namespace {

struct Builder : YAML::EventHandler {
  std::shared_ptr<const SourceFile> file;
  Limits limits;
  std::vector<Node> stack;   // open collections
  std::vector<std::set<std::string>> keys;  // keys seen in each open map
  std::vector<bool> expecting_key;          // for each open map
  Node root;
  bool have_root = false;

  Loc at(const YAML::Mark& m) const { return Loc{file, m.line + 1, m.column + 1}; }

  void add(Node n) {
    if (stack.empty()) {
      root = std::move(n);
      have_root = true;
      return;
    }
    Node& top = stack.back();
    if (top.is_seq()) {
      top.items.push_back(std::move(n));
      return;
    }
    if (expecting_key.back()) {
      if (!n.is_scalar() && !n.is_null())
        throw Error(Failure::Input, n.loc, msg::complex_key());
      if (!keys.back().insert(n.text).second)
        throw Error(Failure::Input, n.loc, msg::duplicate_key(n.text));
      top.entries.emplace_back(std::move(n), Node{});
      expecting_key.back() = false;
    } else {
      top.entries.back().second = std::move(n);
      expecting_key.back() = true;
    }
  }

  void open(Node n) {
    if (static_cast<int>(stack.size()) >= limits.max_depth)
      throw Error(Failure::Input, n.loc, msg::too_deep(limits.max_depth));
    bool is_map = n.is_map();
    stack.push_back(std::move(n));
    if (is_map) {
      keys.emplace_back();
      expecting_key.push_back(true);
    }
  }

  void close() {
    Node n = std::move(stack.back());
    stack.pop_back();
    if (n.is_map()) {
      keys.pop_back();
      expecting_key.pop_back();
    }
    add(std::move(n));
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override {
    Node n;
    n.loc = at(m);
    add(std::move(n));
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
    throw Error(Failure::Input, at(m), msg::alias_not_allowed());
  }
  void OnAnchor(const YAML::Mark& m, const std::string&) override {
    throw Error(Failure::Input, at(m), msg::alias_not_allowed());
  }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t, const std::string& value) override {
    Node n;
    n.kind = Node::Kind::Scalar;
    n.loc = at(m);
    n.text = value;
    n.quoted = tag == "!";
    add(std::move(n));
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    Node n;
    n.kind = Node::Kind::Sequence;
    n.loc = at(m);
    open(std::move(n));
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    Node n;
    n.kind = Node::Kind::Map;
    n.loc = at(m);
    open(std::move(n));
  }
  void OnMapEnd() override { close(); }
};

// Checks the raw bytes before yaml-cpp sees them: binary files and text in
// another encoding get a precise position and a plain explanation.
void check_text(const std::shared_ptr<const SourceFile>& file) {
  const std::string& t = file->text;
  int line = 1, col = 1;
  int32_t i = 0, n = static_cast<int32_t>(t.size());
  if (n >= 3 && t.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;  // a BOM is fine
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(t.data()), i, n, c);
    if (c < 0) throw Error(Failure::Input, Loc{file, line, col}, msg::not_utf8());
    if (c == 0) throw Error(Failure::Input, Loc{file, line, col}, msg::binary_file());
    if (c == '\n') { ++line; col = 1; }
    else ++col;
  }
}

// yaml-cpp's messages are for programmers: say the same in plain words.
std::string plain_message(const std::string& m) {
  if (m.find("illegal map value") != std::string::npos) return msg::yaml_illegal_map_value();
  if (m.find("end of map not found") != std::string::npos) return msg::yaml_unclosed("}");
  if (m.find("end of sequence not found") != std::string::npos) return msg::yaml_unclosed("]");
  if (m.find("end of map flow not found") != std::string::npos) return msg::yaml_unclosed("}");
  if (m.find("end of sequence flow not found") != std::string::npos) return msg::yaml_unclosed("]");
  if (m.find("unknown escape character") != std::string::npos) return msg::yaml_bad_escape();
  if (m.find("end of map") != std::string::npos || m.find("block") != std::string::npos) return msg::yaml_bad_indentation();
  if (m.find("deep") != std::string::npos || m.find("bad file") != std::string::npos) return msg::too_deep(64);
  return msg::yaml_syntax(m);
}

}  // namespace

Node parse(std::shared_ptr<const SourceFile> file, const Limits& limits) {
  if (file->text.size() > limits.max_bytes)
    throw Error(Failure::Input, Loc{file, 0, 0}, msg::file_too_large(file->text.size(), limits.max_bytes));
  check_text(file);
  std::string_view body = file->text;
  if (body.size() >= 3 && body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  std::istringstream in{std::string(body)};
  Builder b;
  b.file = file;
  b.limits = limits;
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(b);
    if (!b.have_root || b.root.is_null())
      throw Error(Failure::Input, Loc{file, 0, 0}, msg::empty_file());
    Builder extra;
    extra.file = file;
    extra.limits = limits;
    if (parser.HandleNextDocument(extra) && extra.have_root)
      throw Error(Failure::Input, extra.root.loc, msg::second_document());
  } catch (const YAML::Exception& e) {
    Loc loc{file, e.mark.line + 1, e.mark.column + 1};
    if (e.mark.is_null()) loc = Loc{file, 0, 0};
    throw Error(Failure::Input, loc, plain_message(e.msg));
  }
  return std::move(b.root);
}

}  // namespace juesuan::yaml
