// The program's shared resources and the build of one department: the thin
// layer the command line (and batch) drive. Catalog and templates are
// loaded once per process and shared read-only.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "compose/templates.hpp"
#include "document/document.hpp"
#include "model/model.hpp"
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
  std::string fingerprint;

  // Throws Error(Failure::Setup) when something under root is missing.
  // The fonts (several hundred ms to parse) only when PDFs are wanted.
  static Resources load(const std::filesystem::path& root, bool with_fonts = false);
  LoadContext load_context() const;
};

// The root to use: --root, else $JUESUAN_ROOT, else the source tree.
std::filesystem::path default_root();

// The content hash of one department's outputs: its YAML and the resources.
std::string output_hash(const Resources& res, const std::filesystem::path& yaml);

// One department, from its file to its Document.
struct Built {
  Source source;
  Model model;
  doc::Document document;
};

// Loads, computes and composes. Throws Error.
std::unique_ptr<Built> build_document(const Resources& res, const std::filesystem::path& yaml);

// The outputs of one department in a folder: NAME.html (and NAME.pdf), and
// NAME.juesuan-hash, the content hash of everything they were made from.
struct OutputOptions {
  bool force = false;   // rebuild even when the hash says nothing changed
  bool pdf = true;      // also write NAME.pdf (needs Resources::fonts)
};

struct Outcome {
  enum class Status { Built, Unchanged, Rejected } status = Status::Built;
  std::vector<Finding> findings;              // of the audit (empty when unchanged)
  std::vector<std::string> warnings;          // of the writers, each "file:line:col: warning: …"
                                              // (a character no font has: where it is in the YAML)
  std::vector<std::filesystem::path> written;
  std::unique_ptr<Built> built;               // null when unchanged
};

// Builds and writes one department's outputs, each atomically, the hash
// last. Rejected (nothing written) when the audit finds an error. Throws
// Error for unreadable input or an output that cannot be written.
Outcome build_outputs(const Resources& res, const std::filesystem::path& yaml, const std::filesystem::path& out_dir,
                      const OutputOptions& options);

}  // namespace juesuan
