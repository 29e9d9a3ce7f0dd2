// The volume writer: Documents laid out and written one by one into one
// libharu document (only the deflated page content stays, not the layout),
// fonts embedded once at the end with CIDs given in order of first use,
// and the front matter (cover, master 目录) inserted before the first page
// once every page number is known.
#include "pdf/volume.hpp"

#include <algorithm>
#include <map>

#include "pdf/embed.hpp"
#include "pdf/hpdf.hpp"
#include "pdf/layout.hpp"
#include "pdf/page_writer.hpp"
#include "pdf/text.hpp"

namespace juesuan::pdf {

using namespace detail;

struct Volume::State {
  const FontSet& fonts;
  PdfOptions options;
  std::string toc_title;
  Shaper shaper;
  Hpdf pdf;
  HPDF_MD5_CTX hash;
  EmbeddedFonts embedded;
  HPDF_Dict resources = nullptr;
  HPDF_Page first_page = nullptr;   // the first document's cover: the front goes before it
  HPDF_Outline toc_item = nullptr;  // the master 目录's outline item, pointed at in finish()
  HPDF_Outline group_item = nullptr;
  std::vector<VolumeEntry> entries;
  // "d<i>" (document i's cover) and "g<i>" (the group that document i
  // opens): the master 目录's link targets.
  std::map<std::string, HPDF_Destination> targets;
  int next_number = 1;
  int front_pages = 0;
  bool finished = false;

  State(const FontSet& f, const PdfOptions& o, std::string toc)
      : fonts(f), options(o), toc_title(std::move(toc)), shaper(f, nullptr), embedded(f, o.font_compression) {
    HPDF_MD5Init(&hash);
  }

  HPDF_Page new_page(const Page& p, HPDF_Page before) {
    return add_page(pdf, p, options, resources, embedded, &hash, before);
  }

  // Each page of the layout, its links (within the document, or to
  // `outside` targets), in order.
  std::vector<HPDF_Page> write_pages(const Layout& L, HPDF_Page before) {
    std::vector<HPDF_Page> pages;
    pages.reserve(L.pages.size());
    for (const auto& p : L.pages) pages.push_back(new_page(p, before));
    std::map<std::string, HPDF_Destination> made;
    for (std::size_t i = 0; i < L.pages.size(); ++i)
      for (const auto& l : L.pages[i].links) {
        HPDF_Destination d = nullptr;
        if (auto it = L.anchors.find(l.target); it != L.anchors.end())
          d = destination(pdf, pages, l.target, it->second, made);
        else if (auto t = targets.find(l.target); t != targets.end())
          d = t->second;
        if (!d) continue;
        HPDF_Rect rect{static_cast<HPDF_REAL>(l.x1), static_cast<HPDF_REAL>(l.y1), static_cast<HPDF_REAL>(l.x2),
                       static_cast<HPDF_REAL>(l.y2)};
        HPDF_Annotation a = pdf.check(HPDF_Page_CreateLinkAnnot(pages[i], rect, d), "HPDF_Page_CreateLinkAnnot");
        pdf.check(HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0), "HPDF_LinkAnnot_SetBorderStyle");
        pdf.check(HPDF_Dict_RemoveElement(a, "P"), "link annotation");
      }
    return pages;
  }

  HPDF_Outline outline_item(HPDF_Outline parent, const std::string& title, HPDF_Destination d, bool open) {
    HPDF_Outline o = pdf.check(HPDF_CreateOutline(pdf.get(), parent, "", nullptr), "HPDF_CreateOutline");
    pdf.check(HPDF_Dict_Add(o, "Title", text_string(pdf, title)), "outline title");
    if (d) pdf.check(HPDF_Outline_SetDestination(o, d), "HPDF_Outline_SetDestination");
    pdf.check(HPDF_Outline_SetOpened(o, open ? HPDF_TRUE : HPDF_FALSE), "HPDF_Outline_SetOpened");
    return o;
  }

  HPDF_Destination top_of(HPDF_Page page, double height) {
    HPDF_Destination d = pdf.check(HPDF_Page_CreateDestination(page), "HPDF_Page_CreateDestination");
    pdf.check(HPDF_Destination_SetFitH(d, static_cast<HPDF_REAL>(height)), "HPDF_Destination_SetFitH");
    return d;
  }
};

Volume::Volume(const FontLibrary& fonts, const PdfOptions& options, std::string toc_title)
    : s_(std::make_unique<State>(fonts.set(), options, std::move(toc_title))) {
  Hpdf& pdf = s_->pdf;
  HPDF_Doc doc = pdf.get();
  // As write_pdf: one resource dictionary, the portrait size on the page tree.
  s_->resources = pdf.check(HPDF_Dict_New(pdf.mmgr()), "page resources");
  pdf.check(HPDF_Xref_Add(pdf.xref(), s_->resources), "page resources");
  HPDF_Array media_box = pdf.check(HPDF_Array_New(pdf.mmgr()), "media box");
  pdf.check(HPDF_Dict_Add(doc->root_pages, "MediaBox", media_box), "media box");
  for (double v : {0.0, 0.0, options.page_width, options.page_height})
    pdf.check(HPDF_Array_AddReal(media_box, static_cast<HPDF_REAL>(v)), "media box");
  // The 目录 first in the outline; its destination is set in finish().
  s_->toc_item = s_->outline_item(nullptr, s_->toc_title, nullptr, false);
}

Volume::~Volume() = default;

const std::vector<VolumeEntry>& Volume::entries() const { return s_->entries; }

int Volume::front_pages() const { return s_->front_pages; }

void Volume::add(const doc::Document& document, const std::string& group, const std::string& name) {
  State& s = *s_;
  if (s.finished) throw Error(Failure::Internal, "a volume takes no document after finish()");
  Numbering numbering;
  numbering.first = s.next_number;
  numbering.count_unnumbered = true;
  Layout L = lay_out(document, s.fonts, s.options, s.shaper, nullptr, numbering);
  s.embedded.add(L);
  std::vector<HPDF_Page> pages = s.write_pages(L, nullptr);
  if (!s.first_page) s.first_page = pages.front();

  const std::size_t index = s.entries.size();
  const bool opens_group = !group.empty() && (index == 0 || s.entries.back().group != group);
  HPDF_Destination cover = s.top_of(pages.front(), L.pages.front().height);
  s.targets["d" + std::to_string(index)] = cover;
  if (opens_group) {
    s.targets["g" + std::to_string(index)] = cover;
    s.group_item = s.outline_item(nullptr, group, cover, true);
  }
  HPDF_Outline parent = s.outline_item(group.empty() ? nullptr : s.group_item, name, cover, false);
  // Its parts, sections and tables, as in its own PDF's outline.
  std::map<std::string, HPDF_Destination> made;
  std::vector<HPDF_Outline> parents{parent};
  for (const auto& item : L.outline) {
    auto it = L.anchors.find(item.target);
    if (it == L.anchors.end()) continue;
    const std::size_t depth = std::min<std::size_t>(static_cast<std::size_t>(item.depth), parents.size() - 1);
    parents.resize(depth + 1);
    parents.push_back(s.outline_item(parents.back(), item.title, destination(s.pdf, pages, item.target, it->second, made),
                                     false));
  }

  s.entries.push_back({group, name, s.next_number, static_cast<int>(L.pages.size())});
  s.next_number += static_cast<int>(L.pages.size());
  HPDF_MD5Update(&s.hash, reinterpret_cast<const HPDF_BYTE*>(name.data()), static_cast<HPDF_UINT32>(name.size()));
}

void Volume::finish(const VolumeFront& front, const std::filesystem::path& file) {
  State& s = *s_;
  if (s.finished) throw Error(Failure::Internal, "a volume is finished once");
  if (s.entries.empty()) throw Error(Failure::Internal, "a volume needs at least one document");
  s.finished = true;
  Hpdf& pdf = s.pdf;
  HPDF_Doc doc = pdf.get();

  // The front matter as a Document: the cover's lines, then the 目录 with
  // an entry per group and per department, whose numbers are the printed
  // numbers of the departments' covers.
  doc::Document d;
  d.title = front.title;
  for (const auto& line : front.cover) {
    doc::Paragraph p;
    p.text = line;
    p.role = doc::Role::CoverTitle;
    p.align = doc::Align::Center;
    p.indent = false;
    d.blocks.emplace_back(std::move(p));
  }
  for (const auto& line : front.cover_lines) {
    doc::Paragraph p;
    p.text = line;
    p.role = doc::Role::CoverLine;
    p.align = doc::Align::Center;
    p.indent = false;
    d.blocks.emplace_back(std::move(p));
  }
  d.blocks.emplace_back(doc::PageBreak{});
  doc::Toc toc;
  toc.title = s.toc_title;
  std::map<std::string, int> numbers;
  const bool grouped = std::any_of(s.entries.begin(), s.entries.end(), [](const auto& e) { return !e.group.empty(); });
  for (std::size_t i = 0; i < s.entries.size(); ++i) {
    const VolumeEntry& e = s.entries[i];
    const std::string id = std::to_string(i);
    if (s.targets.count("g" + id)) {
      toc.entries.push_back({0, e.group, "g" + id});
      numbers["g" + id] = e.first_page;
    }
    toc.entries.push_back({grouped && !e.group.empty() ? 1 : 0, e.name, "d" + id});
    numbers["d" + id] = e.first_page;
  }
  d.blocks.emplace_back(std::move(toc));
  Numbering numbering;
  numbering.external = &numbers;
  Layout L = lay_out(d, s.fonts, s.options, s.shaper, nullptr, numbering);
  // An even number of front pages, so that odd printed numbers fall on
  // right-hand pages (GB/T 9704 puts them at the right): a blank page
  // after the cover when needed.
  if (L.pages.size() % 2 == 1) {
    Page blank;
    blank.width = s.options.page_width;
    blank.height = s.options.page_height;
    blank.kind = kCover;
    blank.numbered = false;
    L.pages.insert(L.pages.begin() + 1, std::move(blank));
    for (auto& [id, a] : L.anchors)
      if (a.page >= 1) ++a.page;
  }
  s.embedded.add(L);
  std::vector<HPDF_Page> pages = s.write_pages(L, s.first_page);
  s.front_pages = static_cast<int>(pages.size());
  std::size_t toc_page = 0;
  while (toc_page + 1 < L.pages.size() && !(L.pages[toc_page].kind & kToc)) ++toc_page;
  pdf.check(HPDF_Outline_SetDestination(s.toc_item, s.top_of(pages[toc_page], L.pages[toc_page].height)),
            "HPDF_Outline_SetDestination");
  pdf.check(HPDF_SetPageMode(doc, HPDF_PAGE_MODE_USE_OUTLINE), "HPDF_SetPageMode");

  // The fonts, once for every page.
  s.embedded.embed(pdf, &s.hash);
  HPDF_Dict font_resources = pdf.check(HPDF_Dict_New(pdf.mmgr()), "page resources");
  pdf.check(HPDF_Dict_Add(s.resources, "Font", font_resources), "page resources");
  for (std::size_t f = 0; f < s.fonts.fonts.size(); ++f)
    if (HPDF_Dict dict = s.embedded.dict(static_cast<int>(f)))
      pdf.check(HPDF_Dict_Add(font_resources, ("F" + std::to_string(f + 1)).c_str(), dict), "page resources");

  // Page labels: the front matter i, ii …; from the first department on,
  // the printed numbers (covers and 目录 pages counted, as printed).
  pdf.check(HPDF_AddPageLabel(doc, 0, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, ""), "HPDF_AddPageLabel");
  pdf.check(HPDF_AddPageLabel(doc, static_cast<HPDF_UINT>(s.front_pages), HPDF_PAGE_NUM_STYLE_DECIMAL, 1, ""),
            "HPDF_AddPageLabel");

  pdf.check(HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, ""), "HPDF_SetInfoAttr");
  pdf.check(HPDF_Dict_Add(doc->info, "Title", text_string(pdf, front.title)), "info title");
  pdf.check(HPDF_Dict_Add(doc->catalog, "Lang", HPDF_String_New(pdf.mmgr(), d.language.c_str(), nullptr)),
            "catalog language");
  if (s.options.creation_date) {
    const PdfDate& c = *s.options.creation_date;
    HPDF_Date date{c.year, c.month, c.day, c.hour, c.minute, c.second, 'Z', 0, 0};
    pdf.check(HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date), "HPDF_SetInfoDateAttr");
    HPDF_MD5Update(&s.hash, reinterpret_cast<const HPDF_BYTE*>(&date), sizeof date);
  }
  HPDF_MD5Update(&s.hash, reinterpret_cast<const HPDF_BYTE*>(front.title.data()),
                 static_cast<HPDF_UINT32>(front.title.size()));
  HPDF_BYTE id[16];
  HPDF_MD5Final(id, &s.hash);
  HPDF_Array ids = pdf.check(HPDF_Array_New(pdf.mmgr()), "document ID");
  pdf.check(HPDF_Dict_Add(doc->trailer, "ID", ids), "document ID");
  pdf.check(HPDF_Array_Add(ids, HPDF_Binary_New(pdf.mmgr(), id, 16)), "document ID");
  pdf.check(HPDF_Array_Add(ids, HPDF_Binary_New(pdf.mmgr(), id, 16)), "document ID");
  pdf.check(HPDF_SaveToFile(doc, file.c_str()), "HPDF_SaveToFile");
}

}  // namespace juesuan::pdf
