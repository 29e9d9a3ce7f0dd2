// The XLSX reader (see xlsx_read.hpp): minizip reads the zip from memory
// through its I/O callbacks; expat parses each part. Parts read:
// xl/workbook.xml (sheet names and their relationship ids),
// xl/_rels/workbook.xml.rels (the part of each sheet), xl/sharedStrings.xml
// and each sheet's XML (cells and merged ranges).
#include "xlsx_read/xlsx_read.hpp"

#include <expat.h>
#include <unzip.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>

#include "core/diag.hpp"
#include "core/messages.hpp"

namespace juesuan::xlsx_read {

namespace {

// --- the zip, from memory ---------------------------------------------

struct Memory {
  const std::string* bytes;
  ZPOS64_T at = 0;
};

voidpf ZCALLBACK mem_open(voidpf opaque, const void*, int) { return opaque; }
uLong ZCALLBACK mem_read(voidpf, voidpf stream, void* buf, uLong size) {
  auto* m = static_cast<Memory*>(stream);
  const ZPOS64_T left = m->bytes->size() > m->at ? m->bytes->size() - m->at : 0;
  const uLong n = static_cast<uLong>(std::min<ZPOS64_T>(size, left));
  std::memcpy(buf, m->bytes->data() + m->at, n);
  m->at += n;
  return n;
}
uLong ZCALLBACK mem_write(voidpf, voidpf, const void*, uLong) { return 0; }
ZPOS64_T ZCALLBACK mem_tell(voidpf, voidpf stream) { return static_cast<Memory*>(stream)->at; }
long ZCALLBACK mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* m = static_cast<Memory*>(stream);
  ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->at : m->bytes->size();
  if (base + offset > m->bytes->size()) return -1;
  m->at = base + offset;
  return 0;
}
int ZCALLBACK mem_close(voidpf, voidpf) { return 0; }
int ZCALLBACK mem_error(voidpf, voidpf) { return 0; }

class Zip {
 public:
  Zip(const std::string& bytes, const std::string& name) : mem_{&bytes}, name_(name) {
    zlib_filefunc64_def f{mem_open, mem_read, mem_write, mem_tell, mem_seek, mem_close, mem_error, &mem_};
    zip_ = unzOpen2_64("", &f);
    if (!zip_) throw Error(Failure::Input, msg::workbook_not_zip(name));
  }
  ~Zip() { unzClose(zip_); }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;

  // A part's bytes; nullopt when the zip has no such part.
  std::optional<std::string> read(const std::string& part) {
    if (unzLocateFile(zip_, part.c_str(), 0) != UNZ_OK) return std::nullopt;
    if (unzOpenCurrentFile(zip_) != UNZ_OK) throw Error(Failure::Input, msg::workbook_part_missing(name_, part));
    std::string out;
    char buf[65536];
    int n;
    while ((n = unzReadCurrentFile(zip_, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    const int closed = unzCloseCurrentFile(zip_);  // UNZ_CRCERROR when the data is damaged
    if (n < 0 || closed != UNZ_OK) throw Error(Failure::Input, msg::workbook_part_missing(name_, part));
    return out;
  }
  std::string need(const std::string& part) {
    auto r = read(part);
    if (!r) throw Error(Failure::Input, msg::workbook_part_missing(name_, part));
    return *r;
  }

 private:
  Memory mem_;
  std::string name_;
  unzFile zip_ = nullptr;
};

// --- XML ---------------------------------------------------------------

// Element events with local names (namespaces stripped) and attributes by
// local name.
struct Attrs {
  const XML_Char** a;
  const char* get(std::string_view local) const {
    for (int i = 0; a[i]; i += 2) {
      std::string_view n = a[i];
      auto bar = n.rfind('|');
      if ((bar == std::string_view::npos ? n : n.substr(bar + 1)) == local) return a[i + 1];
    }
    return nullptr;
  }
};

struct Handler {
  std::function<void(std::string_view, const Attrs&)> start;
  std::function<void(std::string_view)> end;
  std::function<void(std::string_view)> text;
};

std::string_view local(const XML_Char* name) {
  std::string_view n = name;
  auto bar = n.rfind('|');
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

void parse_xml(const std::string& xml, Handler& h, const std::string& file, const std::string& part) {
  XML_Parser p = XML_ParserCreateNS(nullptr, '|');
  XML_SetUserData(p, &h);
  XML_SetElementHandler(
      p,
      [](void* u, const XML_Char* n, const XML_Char** a) {
        auto* h = static_cast<Handler*>(u);
        if (h->start) h->start(local(n), Attrs{a});
      },
      [](void* u, const XML_Char* n) {
        auto* h = static_cast<Handler*>(u);
        if (h->end) h->end(local(n));
      });
  XML_SetCharacterDataHandler(p, [](void* u, const XML_Char* s, int len) {
    auto* h = static_cast<Handler*>(u);
    if (h->text) h->text(std::string_view(s, static_cast<std::size_t>(len)));
  });
  const bool ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  const long line = static_cast<long>(XML_GetCurrentLineNumber(p));
  const std::string why = ok ? "" : XML_ErrorString(XML_GetErrorCode(p));
  XML_ParserFree(p);
  if (!ok) throw Error(Failure::Input, msg::workbook_bad_xml(file, part, line, why));
}

std::vector<std::string> shared_strings(Zip& zip, const std::string& file) {
  std::vector<std::string> out;
  auto xml = zip.read("xl/sharedStrings.xml");
  if (!xml) return out;
  bool in_t = false;
  int phonetic = 0;  // <rPh> runs (furigana) are not part of the text
  Handler h;
  h.start = [&](std::string_view n, const Attrs&) {
    if (n == "si") out.emplace_back();
    else if (n == "rPh") ++phonetic;
    else if (n == "t") in_t = phonetic == 0 && !out.empty();
  };
  h.end = [&](std::string_view n) {
    if (n == "t") in_t = false;
    else if (n == "rPh") --phonetic;
  };
  h.text = [&](std::string_view s) {
    if (in_t) out.back().append(s);
  };
  parse_xml(*xml, h, file, "xl/sharedStrings.xml");
  return out;
}

std::optional<double> to_number(std::string_view s) {
  double d = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return d;
}

// A part named relative to xl/ ("worksheets/sheet1.xml") or absolute
// ("/xl/worksheets/sheet1.xml").
std::string part_path(std::string target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  return "xl/" + target;
}

}  // namespace

std::optional<Pos> parse_a1(std::string_view s) {
  std::size_t i = 0;
  long col = 0;
  while (i < s.size() && s[i] >= 'A' && s[i] <= 'Z') {
    col = col * 26 + (s[i] - 'A' + 1);
    if (col > 16384) return std::nullopt;
    ++i;
  }
  if (i == 0 || i == s.size()) return std::nullopt;
  long row = 0;
  for (std::size_t j = i; j < s.size(); ++j) {
    if (s[j] < '0' || s[j] > '9' || (j == i && s[j] == '0')) return std::nullopt;
    row = row * 10 + (s[j] - '0');
    if (row > 1048576) return std::nullopt;
  }
  return Pos{static_cast<int>(row - 1), static_cast<int>(col - 1)};
}

std::string a1(Pos p) {
  std::string letters;
  for (int c = p.col + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(p.row + 1);
}

const Value* Sheet::cell(Pos p) const {
  auto it = cells_.find(p);
  return it == cells_.end() ? nullptr : &it->second;
}

const Value* Sheet::cell(std::string_view name) const {
  auto p = parse_a1(name);
  return p ? cell(*p) : nullptr;
}

int Sheet::rows() const { return cells_.empty() ? 0 : cells_.rbegin()->first.row + 1; }

int Sheet::columns() const {
  int c = 0;
  for (const auto& [p, v] : cells_) c = std::max(c, p.col + 1);
  return c;
}

Workbook Workbook::from_bytes(std::string bytes, std::string name) {
  Zip zip(bytes, name);
  Workbook wb;

  // Sheet names and relationship ids, then the part of each id.
  std::vector<std::pair<std::string, std::string>> sheets;  // name, r:id
  {
    Handler h;
    h.start = [&](std::string_view n, const Attrs& a) {
      if (n != "sheet") return;
      const char* sheet_name = a.get("name");
      const char* id = a.get("id");
      if (sheet_name && id) sheets.emplace_back(sheet_name, id);
    };
    parse_xml(zip.need("xl/workbook.xml"), h, name, "xl/workbook.xml");
  }
  std::map<std::string, std::string> targets;
  {
    Handler h;
    h.start = [&](std::string_view n, const Attrs& a) {
      if (n != "Relationship") return;
      const char* id = a.get("Id");
      const char* target = a.get("Target");
      if (id && target) targets[id] = part_path(target);
    };
    parse_xml(zip.need("xl/_rels/workbook.xml.rels"), h, name, "xl/_rels/workbook.xml.rels");
  }
  const auto strings = shared_strings(zip, name);

  for (const auto& [sheet_name, id] : sheets) {
    auto t = targets.find(id);
    if (t == targets.end()) throw Error(Failure::Input, msg::workbook_part_missing(name, sheet_name));
    Sheet sheet;
    sheet.name_ = sheet_name;
    std::optional<Pos> at;
    std::string type, value, inline_text;
    bool in_v = false, in_t = false;
    int next_col = 0, row = -1;
    Handler h;
    h.start = [&](std::string_view n, const Attrs& a) {
      if (n == "row") {
        const char* r = a.get("r");
        row = r ? std::max(0, std::atoi(r) - 1) : row + 1;  // r is 1-based
        next_col = 0;
      } else if (n == "c") {
        const char* r = a.get("r");
        row = std::max(row, 0);
        at = r ? parse_a1(r) : std::nullopt;
        if (!at) at = Pos{row, next_col};
        next_col = at->col + 1;
        const char* ty = a.get("t");
        type = ty ? ty : "n";
        value.clear();
        inline_text.clear();
      } else if (n == "v") {
        in_v = true;
      } else if (n == "t") {
        in_t = true;
      } else if (n == "mergeCell") {
        const char* ref = a.get("ref");
        std::string_view r = ref ? ref : "";
        auto colon = r.find(':');
        auto f = parse_a1(r.substr(0, colon));
        auto l = colon == std::string_view::npos ? f : parse_a1(r.substr(colon + 1));
        if (f && l) sheet.merged_.push_back(Range{*f, *l});
      }
    };
    h.end = [&](std::string_view n) {
      if (n == "v") in_v = false;
      else if (n == "t") in_t = false;
      else if (n == "c" && at) {
        if (type == "s") {
          auto k = to_number(value);
          if (k && *k >= 0 && *k < static_cast<double>(strings.size()))
            sheet.cells_[*at] = Value{strings[static_cast<std::size_t>(*k)]};
        } else if (type == "inlineStr") {
          if (!inline_text.empty()) sheet.cells_[*at] = Value{inline_text};
        } else if (type == "str" || type == "e") {
          if (!value.empty()) sheet.cells_[*at] = Value{value};
        } else if (!value.empty()) {  // n, b, d
          if (auto d = to_number(value)) sheet.cells_[*at] = Value{*d};
          else sheet.cells_[*at] = Value{value};
        }
        at.reset();
      }
    };
    h.text = [&](std::string_view s) {
      if (in_v) value.append(s);
      else if (in_t && at) inline_text.append(s);
    };
    parse_xml(zip.need(t->second), h, name, t->second);
    wb.sheets_.push_back(std::move(sheet));
  }
  return wb;
}

Workbook Workbook::from_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Failure::Input, msg::workbook_not_zip(path.string()));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return from_bytes(std::move(bytes), path.string());
}

std::vector<std::string> Workbook::sheet_names() const {
  std::vector<std::string> out;
  for (const auto& s : sheets_) out.push_back(s.name_);
  return out;
}

std::optional<std::string> read_part(const std::string& bytes, const std::string& part) {
  Zip zip(bytes, "");
  return zip.read(part);
}

const Sheet* Workbook::sheet(std::string_view name) const {
  for (const auto& s : sheets_)
    if (s.name_ == name) return &s;
  return nullptr;
}

}  // namespace juesuan::xlsx_read
