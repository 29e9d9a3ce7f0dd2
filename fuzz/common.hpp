// Shared set-up of the fuzz targets: the resources (catalog, templates and,
// for the build target, fonts) are loaded once per process from the
// repository root, $JUESUAN_ROOT when set.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>

#include "build/build.hpp"
#include "core/diag.hpp"

namespace juesuan::fuzz {

inline std::filesystem::path root() {
  if (const char* env = std::getenv("JUESUAN_ROOT"); env && *env) return env;
  return JUESUAN_SOURCE_DIR;
}

inline std::shared_ptr<const SourceFile> in_memory(const uint8_t* data, size_t size) {
  auto file = std::make_shared<SourceFile>();
  file->path = "fuzz.yaml";
  file->text.assign(reinterpret_cast<const char*>(data), size);
  return file;
}

// An Error the program maps to "internal error" is a bug even when thrown
// on purpose: stop the fuzzer with the message.
inline void expect_not_internal(const Error& e) {
  std::string text = e.render();   // rendering must work for every location
  if (e.kind() == Failure::Internal || text.empty()) {
    std::fprintf(stderr, "internal error: %s\n", text.c_str());
    std::abort();
  }
}

}  // namespace juesuan::fuzz
