#include "yaml/yaml_tree.hpp"

#include <unicode/utf8.h>
#include <yaml.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <set>
#include <sstream>

#include "core/messages.hpp"
#include "core/text.hpp"

namespace juesuan::yaml {

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k.text == key) return &v;
  return nullptr;
}

namespace {

// yaml-cpp counts columns in bytes; people count characters.
Loc mark_loc(const std::shared_ptr<const SourceFile>& file, const YAML::Mark& m, std::string_view line) {
  return Loc{file, m.line + 1, char_column(line, static_cast<std::size_t>(std::max(0, m.column)))};
}

Loc mark_loc(const std::shared_ptr<const SourceFile>& file, const YAML::Mark& m) {
  return mark_loc(file, m, file->line(m.line + 1));
}

// Where a scalar's text is refused: a control character (other than tab and
// line end), or more characters than the limit. The location is the
// character itself when it is written raw in the file on the scalar's first
// line, else the scalar's start (an escape such as "\e" in quotes).
void check_scalar(const std::shared_ptr<const SourceFile>& file, const Loc& at, const std::string& value,
                  const Limits& limits, const std::function<void(Error)>& report) {
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
    if (auto pos = line.find(utf8_encode(static_cast<char32_t>(c))); pos != std::string_view::npos)
      loc.col = char_column(line, pos);
    report(Error(Failure::Input, loc, msg::control_character(static_cast<char32_t>(c))));
    return;
  }
  if (chars > limits.max_text_chars) report(Error(Failure::Input, at, msg::text_too_long(chars, limits.max_text_chars)));
}

struct Builder : YAML::EventHandler {
  std::shared_ptr<const SourceFile> file;
  Limits limits;
  std::vector<Node> stack;   // open collections
  std::vector<std::set<std::string>> keys;  // keys seen in each open map
  std::vector<bool> expecting_key;          // for each open map
  Node root;
  bool have_root = false;

  // Errors a parse can go on after (a duplicate key, a control character,
  // an over-long text): collected here when the caller collects them.
  std::vector<Error>* errors = nullptr;
  void report(Error e) {
    if (!errors) throw e;
    errors->push_back(std::move(e));
  }

  Loc at(const YAML::Mark& m) const { return mark_loc(file, m); }

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
      if (!keys.back().insert(n.text).second) report(Error(Failure::Input, n.loc, msg::duplicate_key(n.text)));
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
    check_scalar(file, n.loc, n.text, limits, [this](Error e) { report(std::move(e)); });
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

// A key written with a full-width colon (“year：2022”, the most common
// slip of a Chinese input method): the byte offset of the colon in the
// line, when the line starts (after its indentation and a "- ") with a key
// of letters, digits and "_" (or a quoted code) and has no ":" before it.
std::optional<std::size_t> fullwidth_colon(std::string_view line) {
  static constexpr std::string_view kColon = "\xEF\xBC\x9A";  // U+FF1A
  std::size_t i = line.find_first_not_of(' ');
  if (i == std::string_view::npos || line[i] == '#') return std::nullopt;
  if (line.compare(i, 2, "- ") == 0) i = line.find_first_not_of(' ', i + 2);
  if (i == std::string_view::npos) return std::nullopt;
  std::size_t k = i;
  if (line[k] == '"' || line[k] == '\'') {
    std::size_t close = line.find(line[k], k + 1);
    if (close == std::string_view::npos) return std::nullopt;
    k = close + 1;
  } else {
    while (k < line.size() && (std::isalnum(static_cast<unsigned char>(line[k])) || line[k] == '_')) ++k;
    if (k == i) return std::nullopt;
  }
  while (k < line.size() && line[k] == ' ') ++k;
  if (line.compare(k, kColon.size(), kColon) != 0) return std::nullopt;
  return k;
}

// Checks the raw bytes before yaml-cpp sees them: binary files and text in
// another encoding get a precise position and a plain explanation (at
// once); every line indented with a Tab and every key written with a
// full-width colon is reported. A full-width colon is mended in `mended`
// (to ": "), so that the parse can go on to find the file's other errors.
std::vector<Error> check_text(const std::shared_ptr<const SourceFile>& file, std::string& mended) {
  const std::string& t = file->text;
  std::vector<Error> errors;
  int line = 1, col = 1;
  bool in_indent = true, tab_reported = false;
  int32_t i = 0, n = static_cast<int32_t>(t.size());
  if (n >= 3 && t.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;  // a BOM is fine
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(t.data()), i, n, c);
    if (c < 0) throw Error(Failure::Input, Loc{file, line, col}, msg::not_utf8());
    if (c == 0) throw Error(Failure::Input, Loc{file, line, col}, msg::binary_file());
    if (c == '\t' && in_indent && !tab_reported) {
      errors.emplace_back(Failure::Input, Loc{file, line, col}, msg::tab_indent());
      tab_reported = true;
    }
    if (c != ' ' && c != '\t' && c != '-') in_indent = false;
    if (c == '\n') { ++line; col = 1; in_indent = true; tab_reported = false; }
    else ++col;
  }
  // Full-width colons, outside block scalars ("key: |" and the lines
  // indented under it).
  std::size_t block_indent = std::string::npos;  // inside a block scalar: its key's indentation
  for (int ln = 1; ln <= file->line_count(); ++ln) {
    std::string_view l = file->line(ln);
    std::size_t indent = l.find_first_not_of(' ');
    if (block_indent != std::string::npos && (indent == std::string_view::npos || indent > block_indent)) continue;
    block_indent = std::string::npos;
    std::size_t end = l.find_last_not_of(' ');
    if (end != std::string_view::npos && (l[end] == '|' || l[end] == '>' ||
                                          (end > 0 && (l[end - 1] == '|' || l[end - 1] == '>') &&
                                           (l[end] == '-' || l[end] == '+'))))
      block_indent = indent;
    if (auto colon = fullwidth_colon(l)) {
      std::string key(l.substr(0, *colon));
      key.erase(0, key.find_first_not_of(" -"));
      while (!key.empty() && key.back() == ' ') key.pop_back();
      errors.emplace_back(Failure::Input, Loc{file, ln, char_column(l, *colon)}, msg::fullwidth_colon(key));
      std::size_t at = static_cast<std::size_t>(l.data() - t.data()) + *colon;
      if (mended.empty()) mended = t;
      mended.replace(at - (t.size() - mended.size()), 3, ": ");
    }
  }
  return errors;
}

// The line/column (1-based, in characters) of a byte offset into `text`,
// the file's text after its BOM.
Loc loc_at(const std::shared_ptr<const SourceFile>& file, std::string_view text, std::size_t off) {
  const char* begin = file->text.data();
  if (text.data() >= begin && text.data() <= begin + file->text.size()) {
    auto [line, col] = file->locate(off + static_cast<std::size_t>(text.data() - begin));
    return Loc{file, line, col};
  }
  auto [line, col] = text_position(text, off);  // a mended copy of the text
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

namespace {

// The parse of `body` by libyaml (a C library, an order of magnitude faster
// than yaml-cpp's scanner), feeding the same Builder with the positions
// yaml-cpp gives, so that the tree is the same. Returns nothing when
// libyaml refuses the text or the Builder stops (an alias, a complex key,
// too deep), when the file holds no document or a second one, or a quote
// is left open: the caller then parses with yaml-cpp, whose errors it
// reports.
class Libyaml {
 public:
  Libyaml(const std::shared_ptr<const SourceFile>& file, std::string_view body, bool mended)
      : file_(file), body_(body), mended_(mended) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(body.data()), body.size());
    yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
  }
  ~Libyaml() { yaml_parser_delete(&parser_); }
  Libyaml(const Libyaml&) = delete;
  Libyaml& operator=(const Libyaml&) = delete;

  struct Event {
    yaml_event_t e;
    bool ok;
    explicit Event(yaml_parser_t* p) { ok = yaml_parser_parse(p, &e) != 0; }
    ~Event() { if (ok) yaml_event_delete(&e); }
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;
  };
  yaml_parser_t* parser() { return &parser_; }

  // libyaml counts lines and columns in characters from 0; yaml-cpp's
  // column is in bytes of the text it parsed, turned into characters of
  // the file's line (which differ where a full-width colon was mended).
  Loc at(std::size_t line, std::size_t column) {
    int ln = static_cast<int>(line) + 1;
    if (!mended_) return Loc{file_, ln, static_cast<int>(column) + 1};
    std::string_view l = body_line(line);
    return Loc{file_, ln, char_column(file_->line(ln), byte_offset(l, column))};
  }
  Loc at(const yaml_mark_t& m) { return at(m.line, m.column); }

  // Where yaml-cpp puts an empty value: at the next token, the first
  // character after `m` that is neither blank nor in a comment (or the end
  // of the text).
  Loc next_token(const yaml_mark_t& m) {
    std::size_t line = m.line;
    std::string_view l = body_line(line);
    std::size_t i = byte_offset(l, m.column);
    for (;;) {
      while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) ++i;
      if (i < l.size() && l[i] != '#' && l[i] != '\r') break;
      if (line + 1 >= line_count()) { i = l.size(); break; }
      l = body_line(++line);
      i = 0;
    }
    int ln = static_cast<int>(line) + 1;
    return Loc{file_, ln, char_column(file_->line(ln), i)};
  }

 private:
  static std::size_t byte_offset(std::string_view line, std::size_t chars) {
    int32_t i = 0, n = static_cast<int32_t>(line.size());
    for (std::size_t c = 0; c < chars && i < n; ++c) U8_FWD_1(reinterpret_cast<const uint8_t*>(line.data()), i, n);
    return static_cast<std::size_t>(i);
  }
  void index() {
    if (!starts_.empty()) return;
    starts_.push_back(0);
    for (std::size_t i = 0; i < body_.size(); ++i)
      if (body_[i] == '\n') starts_.push_back(i + 1);
  }
  std::size_t line_count() {
    index();
    return starts_.size();
  }
  std::string_view body_line(std::size_t line) {
    index();
    if (line >= starts_.size()) return {};
    std::size_t b = starts_[line];
    std::size_t e = line + 1 < starts_.size() ? starts_[line + 1] - 1 : body_.size();
    return body_.substr(b, e - b);
  }

  std::shared_ptr<const SourceFile> file_;
  std::string_view body_;
  bool mended_;
  std::vector<std::size_t> starts_;  // of the lines of body_
  yaml_parser_t parser_;
};

bool null_string(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

std::optional<Node> parse_libyaml(const std::shared_ptr<const SourceFile>& file, std::string_view body, bool mended,
                                  const Limits& limits, std::vector<Error>& collected) {
  // Line ends libyaml (YAML 1.1) knows and yaml-cpp (1.2) does not: a lone
  // CR, NEL, LS and PS.
  for (std::size_t cr = body.find('\r'); cr != std::string_view::npos; cr = body.find('\r', cr + 1))
    if (cr + 1 == body.size() || body[cr + 1] != '\n') return std::nullopt;
  for (std::string_view le : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"})
    if (body.find(le) != std::string_view::npos) return std::nullopt;
  Libyaml y(file, body, mended);
  Builder b;
  b.file = file;
  b.limits = limits;
  b.errors = &collected;
  int documents = 0;
  int flow = 0;                // open flow collections ([…], {…})
  std::vector<bool> is_flow;   // for each open collection
  std::vector<std::size_t> flow_line;  // where each open flow collection starts
  try {
    for (;;) {
      Libyaml::Event ev(y.parser());
      if (!ev.ok) return std::nullopt;
      const yaml_event_t& e = ev.e;
      switch (e.type) {
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
          break;
        case YAML_DOCUMENT_START_EVENT:
          if (++documents > 1) return std::nullopt;
          break;
        case YAML_STREAM_END_EVENT:
          // No document, or a scalar (yaml-cpp refuses some that libyaml
          // takes): yaml-cpp says what is wrong.
          if (!b.have_root || b.root.is_null() || b.root.is_scalar()) return std::nullopt;
          if (unclosed_quote(body, body.size())) return std::nullopt;
          return std::move(b.root);
        case YAML_ALIAS_EVENT:
          return std::nullopt;
        case YAML_SCALAR_EVENT: {
          const auto& sc = e.data.scalar;
          if (sc.anchor || sc.tag) return std::nullopt;  // no file needs them: yaml-cpp judges them
          std::string_view value(reinterpret_cast<const char*>(sc.value), sc.length);
          bool plain = sc.style == YAML_PLAIN_SCALAR_STYLE;
          // yaml-cpp ends a plain scalar in a flow collection at "? ",
          // which libyaml takes as part of it.
          if (plain && flow > 0 && value.find('?') != std::string_view::npos) return std::nullopt;
          if (flow > 0 && e.start_mark.line != e.end_mark.line) return std::nullopt;
          Node n;
          if (plain && null_string(value)) {
            bool empty = e.start_mark.index == e.end_mark.index;
            n.loc = empty ? y.next_token(e.start_mark) : y.at(e.start_mark);
            b.add(std::move(n));
            break;
          }
          n.kind = Node::Kind::Scalar;
          n.loc = y.at(e.start_mark);
          n.text.assign(value);
          n.quoted = !plain;  // yaml-cpp's tag "!": quoted or a block
          check_scalar(file, n.loc, n.text, limits, [&b](Error err) { b.report(std::move(err)); });
          b.add(std::move(n));
          break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
          bool seq = e.type == YAML_SEQUENCE_START_EVENT;
          if (seq ? e.data.sequence_start.anchor || e.data.sequence_start.tag
                  : e.data.mapping_start.anchor || e.data.mapping_start.tag)
            return std::nullopt;
          is_flow.push_back(seq ? e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                                : e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
          flow += is_flow.back();
          if (is_flow.back()) flow_line.push_back(e.start_mark.line);
          Node n;
          n.kind = seq ? Node::Kind::Sequence : Node::Kind::Map;
          n.loc = y.at(e.start_mark);
          b.open(std::move(n));
          break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          // yaml-cpp and libyaml disagree on flow collections over several
          // lines ("---" and "..." in them, plain scalars broken across
          // lines): yaml-cpp parses those, as it always did.
          if (is_flow.back()) {
            if (e.end_mark.line != flow_line.back()) return std::nullopt;
            flow_line.pop_back();
          }
          flow -= is_flow.back();
          is_flow.pop_back();
          b.close();
          break;
        case YAML_NO_EVENT:
          return std::nullopt;
      }
    }
  } catch (const Error&) {
    return std::nullopt;  // what stops the parse: yaml-cpp says it
  }
}

}  // namespace

namespace {

// yaml-cpp's parse of `body` (the file's text after its BOM, full-width
// colons mended), adding its errors to `collected`: the reference, and the
// path every file libyaml refuses takes, so that its errors are said as
// they always were.
Node parse_yaml_cpp(const std::shared_ptr<const SourceFile>& file, std::string_view body, const Limits& limits,
                    std::vector<Error>& collected, bool collecting) {
  std::istringstream in{std::string(body)};
  Builder b;
  b.file = file;
  b.limits = limits;
  b.errors = &collected;
  std::optional<Error> stop;  // what ended the parse
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(b);
    if (!b.have_root || b.root.is_null()) {
      stop = Error(Failure::Input, Loc{file, 0, 0}, msg::empty_file());
    } else if (auto q = unclosed_quote(body, body.size())) {
      // yaml-cpp accepts a quote left open, swallowing the following lines
      // into one string: refuse a quoted value that does not end on its line.
      stop = Error(Failure::Input, loc_at(file, body, *q), msg::unclosed_quote());
    } else {
      Builder extra;
      extra.file = file;
      extra.limits = limits;
      if (parser.HandleNextDocument(extra) && extra.have_root)
        stop = Error(Failure::Input, extra.root.loc, msg::second_document());
    }
  } catch (const YAML::Exception& e) {
    stop = diagnose(file, body, e);
  } catch (const Error& e) {
    stop = e;
  }
  if (stop) {
    collected.push_back(std::move(*stop));
    throw Error::several(std::move(collected));
  }
  if (!collecting && !collected.empty()) throw Error::several(std::move(collected));
  return std::move(b.root);
}

}  // namespace

namespace {

// The text checks every parse starts with; returns the text to parse (the
// file's after its BOM, or `mended`), or throws what stops the parse.
std::string_view prepare(const std::shared_ptr<const SourceFile>& file, const Limits& limits,
                         std::vector<Error>& collected, bool collecting, std::string& mended) {
  if (file->text.size() > limits.max_bytes)
    throw Error(Failure::Input, Loc{file, 0, 0}, msg::file_too_large(file->text.size(), limits.max_bytes));
  auto lint = check_text(file, mended);
  bool tabs = std::any_of(lint.begin(), lint.end(), [](const Error& e) { return e.message() == msg::tab_indent(); });
  collected.insert(collected.end(), lint.begin(), lint.end());
  // A Tab is not mended (its width is a guess): the parse would only
  // report the same line again.
  if (tabs || (!collecting && !collected.empty())) throw Error::several(std::move(collected));
  std::string_view body = mended.empty() ? std::string_view(file->text) : std::string_view(mended);
  if (body.size() >= 3 && body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  return body;
}

}  // namespace

Node parse(std::shared_ptr<const SourceFile> file, const Limits& limits, std::vector<Error>* errors) {
  std::vector<Error> found;
  std::vector<Error>& collected = errors ? *errors : found;
  std::string mended;
  std::string_view body = prepare(file, limits, collected, errors != nullptr, mended);
  std::size_t before = collected.size();
  if (auto tree = parse_libyaml(file, body, !mended.empty(), limits, collected)) {
    if (!errors && !collected.empty()) throw Error::several(std::move(collected));
    return std::move(*tree);
  }
  // Whatever libyaml refuses, or stops at, yaml-cpp parses again: its
  // messages are the ones diagnose() knows how to put in plain words.
  collected.erase(collected.begin() + static_cast<std::ptrdiff_t>(before), collected.end());
  return parse_yaml_cpp(file, body, limits, collected, errors != nullptr);
}

Node parse_reference(std::shared_ptr<const SourceFile> file, const Limits& limits, std::vector<Error>* errors) {
  std::vector<Error> found;
  std::vector<Error>& collected = errors ? *errors : found;
  std::string mended;
  std::string_view body = prepare(file, limits, collected, errors != nullptr, mended);
  return parse_yaml_cpp(file, body, limits, collected, errors != nullptr);
}

}  // namespace juesuan::yaml
