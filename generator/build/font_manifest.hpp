// fonts/manifest.yaml read with the project's YAML reader, as the other
// resources are: every mistake a located Chinese message (file:line:col:
// 错误：…, exit 3). The PDF library receives the result as plain data.
#pragma once

#include <filesystem>

#include "pdf/pdf.hpp"

namespace juesuan {

// Reads and checks the manifest: a mapping with a list `fonts` (each face
// with name, file, licence; package and index optional; files and licences
// must exist, names unique) and a mapping `roles` (each a list of face
// names defined under fonts), with the roles the PDF writer sets text in.
// Relative paths are taken from the manifest's folder. Throws
// Error(Failure::Setup).
pdf::FontManifest read_font_manifest(const std::filesystem::path& manifest);

// The font library of a manifest file: read_font_manifest, then its faces opened.
pdf::FontLibrary load_fonts(const std::filesystem::path& manifest);

}  // namespace juesuan
