#include "batch/json.hpp"

#include <charconv>
#include <cstdio>

#include <unicode/utf8.h>

namespace juesuan::batch::json {

// Bytes that are not UTF-8 (a file name in another encoding) become U+FFFD,
// so that the file stays valid JSON.
std::string quote(std::string_view text) {
  std::string s;
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, n, c);
    if (c < 0) s += "\xEF\xBF\xBD";
    else s.append(text.substr(start, i - start));
  }
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

namespace {

[[noreturn]] void fail(const Loc& loc, const std::string& what) {
  throw Error(Failure::Input, loc, what);
}

const char* kind_name(Value::Kind k) {
  switch (k) {
    case Value::Kind::Null: return "null";
    case Value::Kind::Bool: return "true or false";
    case Value::Kind::Integer: return "a whole number";
    case Value::Kind::String: return "a string";
    case Value::Kind::Array: return "a list";
    case Value::Kind::Object: return "an object";
  }
  return "";
}

void expect(const Value& v, Value::Kind k) {
  if (v.kind != k) fail(v.loc, std::string("expected ") + kind_name(k) + ", found " + kind_name(v.kind));
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Parser {
 public:
  explicit Parser(std::shared_ptr<const SourceFile> f) : file_(std::move(f)), s_(file_->text) {}

  Value document() {
    Value v = value(0);
    space();
    if (i_ < s_.size()) fail(here(), "unexpected text after the end of the JSON value");
    return v;
  }

 private:
  std::shared_ptr<const SourceFile> file_;
  std::string_view s_;
  std::size_t i_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;

  Loc here() const { return Loc{file_, line_, static_cast<int>(i_ - line_start_) + 1}; }

  void space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' || s_[i_] == '\n')) {
      if (s_[i_] == '\n') {
        ++line_;
        line_start_ = i_ + 1;
      }
      ++i_;
    }
  }

  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  Value value(int depth) {
    if (depth > 64) fail(here(), "nested too deeply");
    space();
    Value v;
    v.loc = here();
    if (i_ >= s_.size()) fail(here(), "unexpected end of the file");
    char c = s_[i_];
    if (c == '{') {
      v.kind = Value::Kind::Object;
      ++i_;
      space();
      if (i_ < s_.size() && s_[i_] == '}') return ++i_, v;
      for (;;) {
        space();
        if (i_ >= s_.size() || s_[i_] != '"') fail(here(), "expected a quoted key");
        std::string key = string();
        space();
        if (i_ >= s_.size() || s_[i_] != ':') fail(here(), "expected ':' after the key");
        ++i_;
        v.members.emplace_back(std::move(key), value(depth + 1));
        space();
        if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
        if (i_ < s_.size() && s_[i_] == '}') { ++i_; return v; }
        fail(here(), "expected ',' or '}'");
      }
    }
    if (c == '[') {
      v.kind = Value::Kind::Array;
      ++i_;
      space();
      if (i_ < s_.size() && s_[i_] == ']') return ++i_, v;
      for (;;) {
        v.items.push_back(value(depth + 1));
        space();
        if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
        if (i_ < s_.size() && s_[i_] == ']') { ++i_; return v; }
        fail(here(), "expected ',' or ']'");
      }
    }
    if (c == '"') {
      v.kind = Value::Kind::String;
      v.string = string();
      return v;
    }
    if (literal("true")) { v.kind = Value::Kind::Bool; v.boolean = true; return v; }
    if (literal("false")) { v.kind = Value::Kind::Bool; return v; }
    if (literal("null")) return v;
    if (c == '-' || (c >= '0' && c <= '9')) {
      v.kind = Value::Kind::Integer;
      auto [p, ec] = std::from_chars(s_.data() + i_, s_.data() + s_.size(), v.integer);
      if (ec != std::errc()) fail(here(), "a number out of range");
      i_ = p - s_.data();
      if (i_ < s_.size() && (s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E'))
        fail(v.loc, "expected a whole number (amounts are in 分)");
      return v;
    }
    fail(here(), "expected a JSON value");
  }

  unsigned hex4() {
    if (i_ + 4 > s_.size()) fail(here(), "a \\u escape needs four hex digits");
    unsigned cp = 0;
    auto [p, ec] = std::from_chars(s_.data() + i_, s_.data() + i_ + 4, cp, 16);
    if (ec != std::errc() || p != s_.data() + i_ + 4) fail(here(), "a \\u escape needs four hex digits");
    i_ += 4;
    return cp;
  }

  std::string string() {
    ++i_;  // the opening quote
    std::string out;
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (c == '\n') fail(here(), "a string runs past the end of its line");
      if (c != '\\') { out += c; continue; }
      if (i_ >= s_.size()) break;
      char e = s_[i_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00 && literal("\\u")) cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4() - 0xDC00);
          append_utf8(out, cp);
          break;
        }
        default: fail(here(), "an unknown escape in a string");
      }
    }
    if (i_ >= s_.size()) fail(here(), "a string is not closed");
    ++i_;
    return out;
  }
};

}  // namespace

const Value* Value::find(std::string_view key) const {
  for (const auto& [k, v] : members)
    if (k == key) return &v;
  return nullptr;
}

const Value& Value::at(std::string_view key) const {
  expect(*this, Kind::Object);
  if (const Value* v = find(key)) return *v;
  fail(loc, "missing key \"" + std::string(key) + "\"");
}

const std::string& Value::as_string() const {
  expect(*this, Kind::String);
  return string;
}

std::int64_t Value::as_integer() const {
  expect(*this, Kind::Integer);
  return integer;
}

const std::vector<Value>& Value::as_array() const {
  expect(*this, Kind::Array);
  return items;
}

Value parse(std::shared_ptr<const SourceFile> file) { return Parser(std::move(file)).document(); }

}  // namespace juesuan::batch::json
