// load: YAML text -> Source. Checks the schema (keys, types, amounts, codes
// against the catalog) and throws Error(Failure::Input) at the first
// problem, with its file, line, column and a plain-language message.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "source/catalog.hpp"
#include "source/source.hpp"

namespace juesuan {

struct LoadContext {
  const Catalog* catalog = nullptr;
  std::vector<std::string> formats;  // the formats templates/ has
  std::map<std::string, std::string> profiles;  // profile -> the format it varies
};

Source load_source(std::shared_ptr<const SourceFile> file, const LoadContext& ctx);

}  // namespace juesuan
