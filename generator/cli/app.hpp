// The program's shared resources and the build of one department: the thin
// layer the command line (and batch) drive. Catalog and templates are
// loaded once per process and shared read-only.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "compose/templates.hpp"
#include "document/document.hpp"
#include "model/model.hpp"
#include "source/catalog.hpp"
#include "source/load.hpp"

namespace juesuan {

struct Resources {
  std::filesystem::path root;   // holds templates/, data/, fonts/
  Catalog catalog;
  Templates templates;

  // Throws Error(Failure::Setup) when something under root is missing.
  static Resources load(const std::filesystem::path& root);
  LoadContext load_context() const;
};

// The root to use: --root, else $JUESUAN_ROOT, else the source tree.
std::filesystem::path default_root();

// One department, from its file to its Document.
struct Built {
  Source source;
  Model model;
  doc::Document document;
};

// Loads, computes and composes. Throws Error.
std::unique_ptr<Built> build_document(const Resources& res, const std::filesystem::path& yaml);

}  // namespace juesuan
