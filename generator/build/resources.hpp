// The program's shared resources: catalog, templates and fonts, loaded once
// per process and shared read-only by every build (and every batch worker).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "compose/templates.hpp"
#include "pdf/pdf.hpp"
#include "source/catalog.hpp"
#include "source/load.hpp"

namespace juesuan {

struct Resources {
  std::filesystem::path root;   // holds templates/, data/, fonts/
  Catalog catalog;
  Templates templates;
  std::optional<pdf::FontLibrary> fonts;   // loaded only for commands that write PDFs
  // Changes whenever anything besides the department's file that shapes
  // an output changes: templates, catalogs, fonts, the program itself.
  // Independent of how root is spelled.
  std::string fingerprint;
  // `batch --profile NAME`: the profile of every department that names none
  // and whose format is NAME's base format. Part of each content hash.
  std::string default_profile;

  // Throws Error(Failure::Setup) when something under root is missing.
  // The fonts (several hundred ms to parse) only when PDFs are wanted.
  // lazy_templates: each template set is read on first use (Templates::load),
  // for a run of one department; its errors then come from that use.
  static Resources load(const std::filesystem::path& root, bool with_fonts = false, bool lazy_templates = false);
  LoadContext load_context() const;
};

// The root to use: $JUESUAN_ROOT, else the source tree.
std::filesystem::path default_root();

}  // namespace juesuan
