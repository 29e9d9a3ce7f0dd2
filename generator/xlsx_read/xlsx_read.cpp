// .xlsx through minizip (the zip container, read from memory through
// minizip's own file-function hooks) and expat (workbook.xml, its
// relationships, sharedStrings.xml and each sheet); .xls through FreeXL.
#include "xlsx_read/xlsx_read.hpp"

#include "core/diag.hpp"
#include "core/messages.hpp"

#include <expat.h>
#include <freexl.h>
#include <minizip/unzip.h>

#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>

namespace juesuan::xlsx {

namespace {

// ---- the zip container, in memory ----

struct MemFile {
  const std::string* bytes;
  ZPOS64_T pos = 0;
};

voidpf ZCALLBACK mem_open(voidpf opaque, const void*, int) {
  static_cast<MemFile*>(opaque)->pos = 0;
  return opaque;
}
uLong ZCALLBACK mem_read(voidpf, voidpf stream, void* buf, uLong size) {
  auto* f = static_cast<MemFile*>(stream);
  ZPOS64_T left = f->pos < f->bytes->size() ? f->bytes->size() - f->pos : 0;
  uLong n = static_cast<uLong>(std::min<ZPOS64_T>(size, left));
  std::memcpy(buf, f->bytes->data() + f->pos, n);
  f->pos += n;
  return n;
}
uLong ZCALLBACK mem_write(voidpf, voidpf, const void*, uLong) { return 0; }
ZPOS64_T ZCALLBACK mem_tell(voidpf, voidpf stream) { return static_cast<MemFile*>(stream)->pos; }
long ZCALLBACK mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* f = static_cast<MemFile*>(stream);
  ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? f->pos : f->bytes->size();
  if (base + offset > f->bytes->size()) return -1;
  f->pos = base + offset;
  return 0;
}
int ZCALLBACK mem_close(voidpf, voidpf) { return 0; }
int ZCALLBACK mem_error(voidpf, voidpf) { return 0; }

// The parts of a workbook are small; a part over this is refused.
constexpr std::size_t kMaxPart = 256u << 20;

class Zip {
 public:
  explicit Zip(const std::string& bytes) : file_{&bytes} {
    zlib_filefunc64_def f{mem_open, mem_read, mem_write, mem_tell, mem_seek, mem_close, mem_error, &file_};
    zip_ = unzOpen2_64("", &f);
    if (!zip_) throw Error(Failure::Input, msg::not_a_workbook());
  }
  ~Zip() { unzClose(zip_); }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;

  // The part's bytes; false when there is no such part.
  bool read(const std::string& name, std::string& out) {
    if (unzLocateFile(zip_, name.c_str(), 0) != UNZ_OK) return false;
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK ||
        info.uncompressed_size > kMaxPart)
      throw Error(Failure::Input, msg::damaged_workbook(name));
    if (unzOpenCurrentFile(zip_) != UNZ_OK) throw Error(Failure::Input, msg::damaged_workbook(name));
    out.clear();
    char buf[65536];
    int n;
    while ((n = unzReadCurrentFile(zip_, buf, sizeof buf)) > 0) {
      out.append(buf, n);
      if (out.size() > kMaxPart) break;
    }
    int closed = unzCloseCurrentFile(zip_);
    if (n < 0 || closed != UNZ_OK || out.size() > kMaxPart) throw Error(Failure::Input, msg::damaged_workbook(name));
    return true;
  }

 private:
  MemFile file_;
  unzFile zip_ = nullptr;
};

// ---- XML, through expat ----

// The local name of an element ("x:c" -> "c").
std::string local(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

const char* attr(const char** atts, const char* name) {
  for (int i = 0; atts[i]; i += 2)
    if (local(atts[i]) == name) return atts[i + 1];
  return nullptr;
}

struct Handlers {
  std::function<void(const std::string&, const char**)> start;
  std::function<void(const std::string&)> end;
  std::function<void(const char*, int)> text;
};

void parse_xml(const std::string& xml, Handlers& h, const std::string& part) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> p(XML_ParserCreate("UTF-8"),
                                                                                   &XML_ParserFree);
  XML_SetUserData(p.get(), &h);
  XML_SetElementHandler(
      p.get(),
      [](void* u, const XML_Char* name, const XML_Char** atts) {
        auto* h = static_cast<Handlers*>(u);
        if (h->start) h->start(local(name), atts);
      },
      [](void* u, const XML_Char* name) {
        auto* h = static_cast<Handlers*>(u);
        if (h->end) h->end(local(name));
      });
  XML_SetCharacterDataHandler(p.get(), [](void* u, const XML_Char* s, int len) {
    auto* h = static_cast<Handlers*>(u);
    if (h->text) h->text(s, len);
  });
  if (XML_Parse(p.get(), xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_ERROR)
    throw Error(Failure::Input, msg::damaged_workbook(part + ": " + XML_ErrorString(XML_GetErrorCode(p.get()))));
}

std::vector<std::string> shared_strings(const std::string& xml) {
  std::vector<std::string> out;
  std::string cur;
  bool in_t = false;
  int phonetic = 0;   // inside <rPh>: a reading aid, not the text
  Handlers h;
  h.start = [&](const std::string& n, const char**) {
    if (n == "si") cur.clear();
    else if (n == "rPh") ++phonetic;
    else if (n == "t") in_t = phonetic == 0;
  };
  h.end = [&](const std::string& n) {
    if (n == "si") out.push_back(cur);
    else if (n == "rPh") --phonetic;
    else if (n == "t") in_t = false;
  };
  h.text = [&](const char* s, int len) {
    if (in_t) cur.append(s, len);
  };
  parse_xml(xml, h, "sharedStrings.xml");
  return out;
}

Cells sheet_cells(const std::string& xml, const std::vector<std::string>& strings, const std::string& part,
                  std::vector<Merge>& merged) {
  Cells cells;
  std::string ref, type, value, inline_text;
  bool in_v = false, in_t = false, in_is = false, formula = false;
  int phonetic = 0;
  int next_row = 0, next_col = 0;   // for cells without r=
  Handlers h;
  h.start = [&](const std::string& n, const char** atts) {
    if (n == "row") {
      const char* r = attr(atts, "r");
      next_row = r ? std::atoi(r) - 1 : next_row;
      next_col = 0;
    } else if (n == "c") {
      const char* r = attr(atts, "r");
      const char* t = attr(atts, "t");
      ref = r ? r : "";
      type = t ? t : "n";
      value.clear();
      inline_text.clear();
      formula = false;
    } else if (n == "v") {
      in_v = true;
    } else if (n == "f") {
      formula = true;
    } else if (n == "is") {
      in_is = true;
    } else if (n == "rPh") {
      ++phonetic;
    } else if (n == "t") {
      in_t = in_is && phonetic == 0;
    } else if (n == "mergeCell") {
      const char* r = attr(atts, "ref");
      std::string range = r ? r : "";
      auto colon = range.find(':');
      if (colon == std::string::npos) throw Error(Failure::Input, msg::damaged_workbook(part + ": mergeCell " + range));
      Merge m{parse_cell_name(range.substr(0, colon)), parse_cell_name(range.substr(colon + 1))};
      if (m.first.first < 0 || m.last.first < 0) throw Error(Failure::Input, msg::damaged_workbook(part + ": mergeCell " + range));
      merged.push_back(m);
    }
  };
  h.end = [&](const std::string& n) {
    if (n == "v") in_v = false;
    else if (n == "t") in_t = false;
    else if (n == "rPh") --phonetic;
    else if (n == "is") in_is = false;
    else if (n == "row") ++next_row;
    else if (n == "c") {
      auto [row, col] = ref.empty() ? std::pair{next_row, next_col} : parse_cell_name(ref);
      if (row < 0) throw Error(Failure::Input, msg::damaged_workbook(part + ": " + ref));
      next_col = col + 1;
      Cell c;
      c.formula = formula;
      if (type == "s") {
        std::size_t i = value.empty() ? strings.size() : std::strtoul(value.c_str(), nullptr, 10);
        if (i >= strings.size()) throw Error(Failure::Input, msg::damaged_workbook(part + ": " + ref));
        c.text = strings[i];
      } else if (type == "inlineStr") {
        c.text = inline_text;
      } else if (type == "str" || type == "e" || type == "b") {
        c.text = value;
      } else {
        if (value.empty()) {
          if (!formula) return;   // a styled, empty cell
        } else {
          c.type = Cell::Type::Number;
        }
        c.text = value;
      }
      cells[{row, col}] = std::move(c);
    }
  };
  h.text = [&](const char* s, int len) {
    if (in_v) value.append(s, len);
    else if (in_t) inline_text.append(s, len);
  };
  parse_xml(xml, h, part);
  return cells;
}

// "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml".
std::string part_path(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

}  // namespace

const Cells& Workbook::cells(const std::string& sheet) const {
  static const Cells kNone;
  auto it = sheets_.find(sheet);
  return it == sheets_.end() ? kNone : it->second;
}

const std::vector<Merge>& Workbook::merged(const std::string& sheet) const {
  static const std::vector<Merge> kNone;
  auto it = merged_.find(sheet);
  return it == merged_.end() ? kNone : it->second;
}

void Workbook::add_sheet(std::string name, Cells cells, std::vector<Merge> merged) {
  if (sheets_.count(name)) return;
  names_.push_back(name);
  merged_.emplace(name, std::move(merged));
  sheets_.emplace(std::move(name), std::move(cells));
}

std::string read_part(const std::string& bytes, const std::string& part) {
  if (!looks_like_zip(bytes)) throw Error(Failure::Input, msg::not_a_workbook());
  Zip zip(bytes);
  std::string out;
  if (!zip.read(part, out)) return std::string();
  return out;
}

bool looks_like_zip(const std::string& bytes) { return bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0; }
bool looks_like_ole(const std::string& bytes) {
  return bytes.size() >= 8 && bytes.compare(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") == 0;
}

Workbook open_xlsx(const std::string& bytes) {
  if (!looks_like_zip(bytes)) throw Error(Failure::Input, msg::not_a_workbook());
  Zip zip(bytes);
  std::string workbook, rels, strings_xml;
  if (!zip.read("xl/workbook.xml", workbook)) throw Error(Failure::Input, msg::not_a_workbook());
  std::vector<std::pair<std::string, std::string>> sheets;   // name, relationship id
  {
    Handlers h;
    h.start = [&](const std::string& n, const char** atts) {
      if (n != "sheet") return;
      const char* name = attr(atts, "name");
      const char* id = attr(atts, "id");
      if (name && id) sheets.emplace_back(name, id);
    };
    parse_xml(workbook, h, "workbook.xml");
  }
  std::map<std::string, std::string> targets;
  if (zip.read("xl/_rels/workbook.xml.rels", rels)) {
    Handlers h;
    h.start = [&](const std::string& n, const char** atts) {
      if (n != "Relationship") return;
      const char* id = attr(atts, "Id");
      const char* target = attr(atts, "Target");
      if (id && target) targets[id] = target;
    };
    parse_xml(rels, h, "workbook.xml.rels");
  }
  std::vector<std::string> strings;
  if (zip.read("xl/sharedStrings.xml", strings_xml)) strings = shared_strings(strings_xml);
  Workbook book;
  for (const auto& [name, id] : sheets) {
    auto t = targets.find(id);
    if (t == targets.end()) throw Error(Failure::Input, msg::damaged_workbook("sheet " + name));
    std::string part = part_path(t->second), xml;
    if (!zip.read(part, xml)) throw Error(Failure::Input, msg::damaged_workbook(part));
    std::vector<Merge> merged;
    Cells cells = sheet_cells(xml, strings, part, merged);
    book.add_sheet(name, std::move(cells), std::move(merged));
  }
  return book;
}

Workbook open_xls(const std::string& path) {
  const void* handle = nullptr;
  int rc = freexl_open(path.c_str(), &handle);
  std::unique_ptr<const void, int (*)(const void*)> guard(handle, &freexl_close);
  if (rc != FREEXL_OK) throw Error(Failure::Input, msg::not_xls("freexl_open: " + std::to_string(rc)));
  unsigned int count = 0;
  if (freexl_get_info(handle, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK)
    throw Error(Failure::Input, msg::not_xls("sheet count"));
  Workbook book;
  for (unsigned short s = 0; s < count; ++s) {
    const char* name = nullptr;
    if (freexl_get_worksheet_name(handle, s, &name) != FREEXL_OK || !name) continue;
    if (freexl_select_active_worksheet(handle, s) != FREEXL_OK) throw Error(Failure::Input, msg::damaged_workbook(name));
    unsigned int rows = 0;
    unsigned short cols = 0;
    if (freexl_worksheet_dimensions(handle, &rows, &cols) != FREEXL_OK) throw Error(Failure::Input, msg::damaged_workbook(name));
    Cells cells;
    for (unsigned int r = 0; r <= rows; ++r)
      for (unsigned int c = 0; c <= cols; ++c) {
        FreeXL_CellValue v;
        if (freexl_get_cell_value(handle, r, static_cast<unsigned short>(c), &v) != FREEXL_OK) continue;
        Cell cell;
        char buf[64];
        switch (v.type) {
          case FREEXL_CELL_INT:
            cell.type = Cell::Type::Number;
            cell.text = std::to_string(v.value.int_value);
            break;
          case FREEXL_CELL_DOUBLE:
            cell.type = Cell::Type::Number;
            std::snprintf(buf, sizeof buf, "%.17g", v.value.double_value);
            cell.text = buf;
            break;
          case FREEXL_CELL_TEXT:
          case FREEXL_CELL_SST_TEXT:
          case FREEXL_CELL_DATE:
          case FREEXL_CELL_DATETIME:
          case FREEXL_CELL_TIME:
            cell.text = v.value.text_value ? v.value.text_value : "";
            break;
          default:
            continue;
        }
        cells[{static_cast<int>(r), static_cast<int>(c)}] = std::move(cell);
      }
    book.add_sheet(name, std::move(cells));
  }
  return book;
}

std::string column_name(int col) {
  std::string s;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

std::string cell_name(int row, int col) { return column_name(col) + std::to_string(row + 1); }

std::pair<int, int> parse_cell_name(const std::string& ref) {
  std::size_t i = 0;
  long col = 0, row = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 4) col = col * 26 + (ref[i++] - 'A' + 1);
  std::size_t digits = i;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && i - digits < 8) row = row * 10 + (ref[i++] - '0');
  if (col == 0 || row == 0 || i != ref.size() || digits == i) return {-1, -1};
  return {static_cast<int>(row - 1), static_cast<int>(col - 1)};
}

}  // namespace juesuan::xlsx
