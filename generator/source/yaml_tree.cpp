#include "source/yaml_tree.hpp"

#include <unicode/utf8.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <optional>
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

// yaml-cpp counts columns in bytes; people count characters.
Loc mark_loc(const std::shared_ptr<const SourceFile>& file, const YAML::Mark& m, std::string_view line) {
  int col = 1;
  for (int i = 0; i < m.column && i < static_cast<int>(line.size()); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  if (m.column > static_cast<int>(line.size())) col += m.column - static_cast<int>(line.size());
  return Loc{file, m.line + 1, col};
}

Loc mark_loc(const std::shared_ptr<const SourceFile>& file, const YAML::Mark& m) {
  return mark_loc(file, m, file->line(m.line + 1));
}

// Where a scalar's text is refused: a control character (other than tab and
// line end), or more characters than the limit. The location is the
// character itself when it is written raw in the file on the scalar's first
// line, else the scalar's start (an escape such as "\e" in quotes).
void check_scalar(const std::shared_ptr<const SourceFile>& file, const Loc& at, const std::string& value,
                  const Limits& limits) {
  std::size_t chars = 0;
  int32_t i = 0, n = static_cast<int32_t>(value.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(value.data()), i, n, c);
    ++chars;
    bool control = c >= 0 && ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0));
    if (!control) continue;
    Loc loc = at;
    std::string_view line = file->line(at.line);
    char32_t cu = static_cast<char32_t>(c);
    std::string raw;
    if (c < 0x80) raw = std::string(1, static_cast<char>(c));
    else raw = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    if (auto pos = line.find(raw); pos != std::string_view::npos) {
      int col = 1;
      for (std::size_t k = 0; k < pos; ++k)
        if ((static_cast<unsigned char>(line[k]) & 0xC0) != 0x80) ++col;
      loc.col = col;
    }
    throw Error(Failure::Input, loc, msg::control_character(cu));
  }
  if (chars > limits.max_text_chars) throw Error(Failure::Input, at, msg::text_too_long(chars, limits.max_text_chars));
}

struct Builder : YAML::EventHandler {
  std::shared_ptr<const SourceFile> file;
  Limits limits;
  std::vector<Node> stack;   // open collections
  std::vector<std::set<std::string>> keys;  // keys seen in each open map
  std::vector<bool> expecting_key;          // for each open map
  Node root;
  bool have_root = false;

  // Where each line starts (in the text after a BOM, as SourceFile::line
  // counts): a node's line is found without scanning the file from its start.
  mutable std::vector<std::size_t> line_starts;
  Loc at(const YAML::Mark& m) const {
    std::string_view t = file->text;
    if (t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
    if (line_starts.empty()) {
      line_starts.push_back(0);
      for (std::size_t i = 0; i < t.size(); ++i)
        if (t[i] == '\n') line_starts.push_back(i + 1);
    }
    std::string_view line;
    if (m.line >= 0 && static_cast<std::size_t>(m.line) < line_starts.size()) {
      line = t.substr(line_starts[m.line]);
      line = line.substr(0, line.find('\n'));
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    }
    return mark_loc(file, m, line);
  }

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
      // An empty value has no position of its own: point at its key.
      if (n.is_null()) n.loc = top.entries.back().first.loc;
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
    check_scalar(file, n.loc, n.text, limits);
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
  bool in_indent = true;
  int32_t i = 0, n = static_cast<int32_t>(t.size());
  if (n >= 3 && t.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;  // a BOM is fine
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(t.data()), i, n, c);
    if (c < 0) throw Error(Failure::Input, Loc{file, line, col}, msg::not_utf8());
    if (c == 0) throw Error(Failure::Input, Loc{file, line, col}, msg::binary_file());
    if (c == '\t' && in_indent) throw Error(Failure::Input, Loc{file, line, col}, msg::tab_indent());
    if (c != ' ' && c != '\t' && c != '-') in_indent = false;
    if (c == '\n') { ++line; col = 1; in_indent = true; }
    else ++col;
  }
}

// The line/column (1-based, in characters) of a byte offset into `text`,
// the file's text after its BOM.
Loc loc_at(const std::shared_ptr<const SourceFile>& file, std::string_view text, std::size_t off) {
  auto [line, col] = file->locate(off + static_cast<std::size_t>(text.data() - file->text.data()));
  return Loc{file, line, col};
}

// Where a quoted scalar opened on a line is never closed on that line: the
// usual cause of yaml-cpp's confusing errors further down. Quotes count only
// where a value starts (after ": ", "- ", "[", "{" or ",").
std::optional<std::size_t> unclosed_quote(std::string_view text, std::size_t until) {
  std::size_t pos = 0;
  while (pos < text.size() && pos <= until) {
    std::size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(pos, e - pos);
    bool value_start = true;
    for (std::size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (c == '#' && (i == 0 || line[i - 1] == ' ')) break;
      if ((c == '"' || c == '\'') && value_start) {
        std::size_t j = i + 1;
        bool closed = false;
        for (; j < line.size(); ++j) {
          if (c == '"' && line[j] == '\\') { ++j; continue; }
          if (line[j] == c) {
            if (c == '\'' && j + 1 < line.size() && line[j + 1] == '\'') { ++j; continue; }
            closed = true;
            break;
          }
        }
        if (!closed) return pos + i;
        i = j;
        value_start = false;
        continue;
      }
      if (c == ' ' || c == '[' || c == '{' || c == ',') {
        if (c != ' ' || (i > 0 && (line[i - 1] == ':' || line[i - 1] == '-' || line[i - 1] == ',' ||
                                   line[i - 1] == '[' || line[i - 1] == '{')))
          value_start = true;
        continue;
      }
      if (c == '-' && i + 1 < line.size() && line[i + 1] == ' ') continue;
      value_start = false;
    }
    pos = e + 1;
  }
  return std::nullopt;
}

// The last flow bracket opened before `until` and not closed.
std::optional<std::size_t> unclosed_bracket(std::string_view text, std::size_t until) {
  std::vector<std::size_t> open;
  char quote = 0;
  bool comment = false;
  for (std::size_t i = 0; i < text.size() && i <= until; ++i) {
    char c = text[i];
    if (c == '\n') { comment = false; if (quote) quote = 0; continue; }
    if (comment) continue;
    if (quote) { if (c == quote) quote = 0; continue; }
    if (c == '"' || c == '\'') { quote = c; continue; }
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n')) { comment = true; continue; }
    if (c == '[' || c == '{') open.push_back(i);
    if ((c == ']' || c == '}') && !open.empty()) open.pop_back();
  }
  if (open.empty()) return std::nullopt;
  return open.back();
}

// yaml-cpp's messages are for programmers, and its positions are often
// where it gave up rather than where the mistake is: find the mistake and
// say it in plain words.
Error diagnose(const std::shared_ptr<const SourceFile>& file, std::string_view body, const YAML::Exception& e) {
  const std::string& m = e.msg;
  Loc at = mark_loc(file, e.mark);
  std::size_t off = e.mark.pos < 0 ? body.size() : static_cast<std::size_t>(e.mark.pos);
  if (auto q = unclosed_quote(body, off)) return Error(Failure::Input, loc_at(file, body, *q), msg::unclosed_quote());
  if (m.find("flow") != std::string::npos) {
    if (auto b = unclosed_bracket(body, off)) {
      bool curly = body[*b] == '{';
      return Error(Failure::Input, loc_at(file, body, *b), msg::yaml_unclosed(curly ? "}" : "]"));
    }
  }
  if (m.find("illegal map value") != std::string::npos) return Error(Failure::Input, at, msg::yaml_illegal_map_value());
  if (m.find("unknown escape character") != std::string::npos) return Error(Failure::Input, at, msg::yaml_bad_escape());
  if (m.find("end of map") != std::string::npos || m.find("end of sequence") != std::string::npos ||
      m.find("block") != std::string::npos)
    return Error(Failure::Input, at, msg::yaml_bad_indentation());
  if (m.find("bad file") != std::string::npos || m.find("deep") != std::string::npos)
    return Error(Failure::Input, at, msg::too_deep(64));
  return Error(Failure::Input, at, msg::yaml_syntax(m));
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
    // yaml-cpp accepts a quote left open, swallowing the following lines
    // into one string: refuse a quoted value that does not end on its line.
    if (auto q = unclosed_quote(body, body.size()))
      throw Error(Failure::Input, loc_at(file, body, *q), msg::unclosed_quote());
    Builder extra;
    extra.file = file;
    extra.limits = limits;
    if (parser.HandleNextDocument(extra) && extra.have_root)
      throw Error(Failure::Input, extra.root.loc, msg::second_document());
  } catch (const YAML::Exception& e) {
    throw diagnose(file, body, e);
  }
  return std::move(b.root);
}

}  // namespace juesuan::yaml
