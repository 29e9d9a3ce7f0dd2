// The PDF writer: renders a finished doc::Document to PDF bytes with libharu,
// owning the font path (HarfBuzz subsets, Type0/CIDFontType2 dictionaries,
// valid ToUnicode). The public surface is this header only; everything else
// in generator/pdf is detail.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/diag.hpp"
#include "document/document.hpp"
#include "document/warning.hpp"

namespace juesuan::pdf {

// Every failure of the PDF writer is the program's Error: a bad font
// manifest or an unreadable font is Failure::Setup; a libharu or HarfBuzz
// error (its code and detail are in the message) is Failure::Internal.

namespace detail {
struct FontSet;
}

// The fonts of fonts/manifest.yaml: each role (title, heading, body, table)
// has a fallback chain of font files. Loading reads and parses each file once
// per process; the library is immutable afterwards, cheap to copy, and safe
// to share between threads rendering documents at the same time.
// The font manifest as plain data (build/font_manifest.hpp reads
// fonts/manifest.yaml into it, with located messages): the faces, and per
// role its fallback chain of face names.
struct FontFaceSpec {
  std::string name;      // the manifest's name for it
  std::string package;   // the Debian package that provides the file
  std::filesystem::path file, licence;
  unsigned index = 0;    // the face in a collection (.ttc)
  // The characters a chain takes from this face (inclusive); none: every
  // character it has.
  std::vector<std::pair<char32_t, char32_t>> ranges;
};
struct FontManifest {
  std::vector<FontFaceSpec> faces;
  std::map<std::string, std::vector<std::string>> roles;
};

class FontLibrary {
 public:
  // Opens each face (once per process). Throws Error(Failure::Setup) for a
  // chain naming a face the manifest lacks.
  static FontLibrary load(const FontManifest& manifest);

  // The role names the manifest defines, and the font names of one chain.
  std::vector<std::string> roles() const;
  std::vector<std::string> chain(const std::string& role) const;

  const detail::FontSet& set() const { return *set_; }

 private:
  explicit FontLibrary(std::shared_ptr<const detail::FontSet> set) : set_(std::move(set)) {}
  std::shared_ptr<const detail::FontSet> set_;
};

// How a kind of text is set: a font role of the manifest, a size and the
// distance between baselines, both in points.
struct TextStyle {
  std::string role;
  double size = 16;
  double leading = 28;
  bool bold = false;  // drawn with a thin outline stroke (no bold font needed)
};

struct Margins {
  double top = 0, right = 0, bottom = 0, left = 0;
};

struct PdfDate {
  int year = 2000, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

// One options struct for the whole writer. Defaults follow GB/T 9704 in
// spirit: A4, 版心 156 × 225 mm, 16 pt body text on a 28 pt line pitch.
struct PdfOptions {
  double page_width = 595.276;   // A4 portrait, points
  double page_height = 841.890;
  Margins portrait{104.9, 73.7, 99.2, 79.4};    // 37 / 26 / 35 / 28 mm
  Margins landscape{62.4, 62.4, 70.9, 62.4};    // 22 / 22 / 25 / 22 mm

  TextStyle cover_title{"title", 26, 48, false};
  TextStyle cover_line{"heading", 16, 30, false};
  TextStyle part{"title", 22, 40, false};        // Heading level 0
  TextStyle section{"heading", 16, 28, false};    // Heading level 1 "一、": 黑体
  TextStyle subsection{"heading2", 16, 28, false};  // Heading level 2 "（一）" and deeper: 楷体
  TextStyle body{"body", 16, 28, false};
  TextStyle note{"body", 14, 24, false};         // Role::Note outside tables
  TextStyle toc_title{"title", 22, 44, false};
  TextStyle toc_part{"heading", 16, 30, false};  // 目录 entries, level 0
  TextStyle toc_entry{"body", 16, 30, false};    // 目录 entries, level >= 1
  TextStyle table_title{"title", 18, 30, false};
  TextStyle table_caption{"table", 10.5, 17, false};  // 公开01表, 部门/年度/单位
  TextStyle table_cell{"table", 10, 13, false};
  TextStyle table_note{"table", 10.5, 16, false};
  TextStyle page_number{"table", 14, 14, false};

  double cell_padding = 3;           // points, each side of a cell's text
  double grid_line_width = 0.5;
  double page_number_gap = 19.8;     // 7 mm below the text block
  bool page_number_outside = true;   // odd pages right, even pages left (GB/T 9704); else centred
  double min_cell_font = 7;          // a wide table may shrink its text to this
  int font_compression = 6;          // deflate level (libdeflate, 1-12) of the font programs
  int content_compression = 6;       // and of the page content streams
  bool table_starts_page = true;     // each table begins on a fresh page
  int first_level_indent_chars = 2;  // paragraph first-line indent
  // Justification adds at most this much (em) between two Chinese
  // characters, and twice as much between a figure or Latin word and the
  // Chinese beside it; a line that would need more is set ragged rather
  // than letter-spaced.
  double max_justify_spacing = 0.125;

  // Info /CreationDate; none by default so that output stays deterministic.
  std::optional<PdfDate> creation_date;
};

// Renders the whole Document to PDF bytes in memory (no file I/O). Warnings
// (a character no font of the chain has, a table too wide even on a
// landscape page) are appended to *warnings when given.
std::string write_pdf(const doc::Document& document, const FontLibrary& fonts,
                      const PdfOptions& options, std::vector<doc::Warning>* warnings = nullptr);

}  // namespace juesuan::pdf
