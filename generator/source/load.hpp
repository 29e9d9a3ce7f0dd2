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
  // The profile of a file that names none, when its format is the
  // profile's base (`batch --profile`); "" = none.
  std::string default_profile;
};

Source load_source(std::shared_ptr<const SourceFile> file, const LoadContext& ctx);

}  // namespace juesuan
