// The YAML emitter of the importer (see yaml_out.hpp).
#include "workbook/yaml_out.hpp"

#include "core/diag.hpp"

namespace juesuan::book {

YNode& YNode::at(const std::string& key) {
  if (kind != Kind::Map) { kind = Kind::Map; value.clear(); }
  for (auto& [k, v] : entries)
    if (k == key) return v;
  entries.emplace_back(key, YNode{});
  return entries.back().second;
}

const YNode* YNode::find(const std::string& key) const {
  for (const auto& [k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

YNode& YNode::path(const std::string& dotted) {
  YNode* n = this;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = dotted.find('.', start);
    n = &n->at(dotted.substr(start, dot - start));
    if (dot == std::string::npos) return *n;
    start = dot + 1;
  }
}

namespace {

bool is_null_word(const std::string& s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// A plain scalar reads back as the same text (block context).
bool plain_safe(const std::string& s) {
  if (is_null_word(s)) return false;
  if (std::string("-?:,[]{}#&*!|>'\"%@` ").find(s.front()) != std::string::npos) return false;
  if (s.back() == ' ' || s.back() == ':') return false;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos) return false;
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return false;
  static const char* kWords[] = {"true", "false", "True", "False", "TRUE", "FALSE", "yes", "no", "Yes", "No",
                                 "on", "off", "On", "Off", "y", "n", "Y", "N"};
  for (const char* w : kWords)
    if (s == w) return false;
  return true;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

// Text of several lines written as a literal block (|-) reads back exactly.
bool literal_ok(const std::string& s) {
  if (s.find('\n') == std::string::npos || s.front() == ' ' || s.front() == '\n' || s.back() == '\n') return false;
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\n') || c == 0x7f) return false;
  std::size_t start = 0;
  while (start <= s.size()) {   // no line of only spaces, nor trailing spaces (editors strip them)
    std::size_t end = s.find('\n', start);
    std::string line = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty() && line.back() == ' ') return false;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return true;
}

std::string flow_scalar(const YNode& n) {
  if (n.kind == YNode::Kind::Null) return "\"\"";
  if (n.style == YNode::Style::Plain) return n.value;
  return quoted(n.value);
}

std::string flow(const YNode& n) {
  if (n.kind == YNode::Kind::Seq) {
    std::string out = "[";
    for (std::size_t i = 0; i < n.items.size(); ++i) out += (i ? ", " : "") + flow(n.items[i]);
    return out + "]";
  }
  if (n.kind == YNode::Kind::Map) {
    std::string out = "{";
    for (std::size_t i = 0; i < n.entries.size(); ++i)
      out += (i ? ", " : "") + n.entries[i].first + ": " + flow(n.entries[i].second);
    return out + "}";
  }
  return flow_scalar(n);
}

class Emitter {
 public:
  Emitted out;

  void line(const std::string& text, const std::string& comment, const std::string& origin) {
    std::string l = text;
    if (!comment.empty()) {
      int w = display_width(l);
      l += std::string(w < 44 ? 44 - w : 2, ' ') + "# " + comment;
    }
    out.text += l + "\n";
    ++line_;
    if (!origin.empty()) out.origins[line_] = origin;
  }
  void raw(const std::string& text) {
    out.text += text + "\n";
    ++line_;
  }

  // "key:" / "- " prefix already in `lead`; writes the value of n.
  void value(const std::string& lead, const YNode& n, int indent) {
    std::string pad(indent, ' ');
    switch (n.kind) {
      case YNode::Kind::Null:
        line(lead, n.comment, n.origin);
        return;
      case YNode::Kind::Scalar: {
        if (n.style == YNode::Style::Plain) return line(lead + " " + n.value, n.comment, n.origin);
        if (n.style == YNode::Style::Quoted) return line(lead + " " + quoted(n.value), n.comment, n.origin);
        if (plain_safe(n.value)) return line(lead + " " + n.value, n.comment, n.origin);
        if (literal_ok(n.value)) {
          line(lead + " |-", n.comment, n.origin);
          std::size_t start = 0;
          while (true) {
            std::size_t end = n.value.find('\n', start);
            std::string l = n.value.substr(start, end == std::string::npos ? std::string::npos : end - start);
            if (l.empty()) raw(""); else { raw(pad + "  " + l); out.origins[line_] = n.origin; }
            if (end == std::string::npos) break;
            start = end + 1;
          }
          return;
        }
        return line(lead + " " + quoted(n.value), n.comment, n.origin);
      }
      case YNode::Kind::Map:
        if (n.entries.empty()) return line(lead + " {}", n.comment, n.origin);
        line(lead, n.comment, n.origin);
        map(n, indent + 2);
        return;
      case YNode::Kind::Seq:
        if (n.items.empty() || n.flow) return line(lead + " " + flow(n), n.comment, n.origin);
        line(lead, n.comment, n.origin);
        seq(n, indent + 2);
        return;
    }
  }

  void map(const YNode& n, int indent) {
    for (const auto& [k, v] : n.entries) value(std::string(indent, ' ') + k + ":", v, indent);
  }

  void seq(const YNode& n, int indent) {
    std::string pad(indent, ' ');
    for (const YNode& item : n.items) {
      if (item.kind == YNode::Kind::Map && !item.entries.empty()) {
        // "- first: …" then the other keys under it.
        bool first = true;
        for (const auto& [k, v] : item.entries) {
          value((first ? pad + "- " : pad + "  ") + k + ":", v, indent + 2);
          first = false;
        }
      } else if (item.kind == YNode::Kind::Seq && item.flow) {
        line(pad + "- " + flow(item), item.comment, item.origin);
      } else {
        value(pad + "-", item, indent);
      }
    }
  }

 private:
  int line_ = 0;
};

}  // namespace

Emitted emit_yaml(const YNode& root, const std::vector<std::string>& header) {
  Emitter e;
  for (const auto& h : header) e.raw(h.empty() ? "#" : "# " + h);
  if (!header.empty()) e.raw("");
  bool first = true;
  for (const auto& [k, v] : root.entries) {
    // A blank line before each block, as in the examples.
    if (!first && (v.kind == YNode::Kind::Map || v.kind == YNode::Kind::Seq) && !v.empty()) e.raw("");
    e.value(k + ":", v, 0);
    first = false;
  }
  return e.out;
}

}  // namespace juesuan::book
