// A volume: many Documents in one PDF (a city's compilation, 汇编), written
// one Document at a time so that none has to be kept: each is laid out and
// its pages written (deflated) as it comes, numbered on from the pages
// before it; a cover and a master 目录 go in front at the end. Fonts are
// embedded once for the whole volume. Public surface of the PDF writer,
// beside pdf.hpp.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "pdf/pdf.hpp"

namespace juesuan::pdf {

// The volume's own front matter: every word of it comes from the caller
// (templates/), none from the writer.
struct VolumeFront {
  std::string title;                  // document info /Title
  std::vector<std::string> cover;     // the cover's title lines
  std::vector<std::string> cover_lines;  // smaller lines under them (a date)
};

// One Document of the volume, as the master 目录 and the outline list it.
struct VolumeEntry {
  std::string group;  // the 主管部门 it is listed under; "" for none
  std::string name;   // the department
  int first_page = 0; // the printed number of its first page (its cover)
  int pages = 0;
};

class Volume {
 public:
  // `toc_title`: the master 目录's heading, also its outline item.
  Volume(const FontLibrary& fonts, const PdfOptions& options, std::string toc_title);
  ~Volume();
  Volume(const Volume&) = delete;
  Volume& operator=(const Volume&) = delete;

  // Lays the document out exactly as write_pdf does, its pages numbered on
  // from the volume's last (its cover and 目录 counted, not printed), and
  // writes them. Documents of one group come one after another. Throws
  // Error.
  void add(const doc::Document& document, const std::string& group, const std::string& name);

  const std::vector<VolumeEntry>& entries() const;

  // The cover and the master 目录 (each group, each department and the page
  // its cover is on) are laid out and put before the first document; then
  // the fonts, the outline (目录, group → department → its parts and
  // tables) and page labels (front matter i, ii …; then 1, 2 … as printed).
  // Saves the PDF to `file` (straight from libharu's objects: the bytes
  // are never held in memory a second time). Call once, after at least one
  // add().
  void finish(const VolumeFront& front, const std::filesystem::path& file);

  // Pages of the front matter (known after finish): the physical page of
  // printed page N is N + front_pages().
  int front_pages() const;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace juesuan::pdf
