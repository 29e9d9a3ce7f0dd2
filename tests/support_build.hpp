// The resources (catalog, templates, fonts) of the repository, loaded once
// per test binary and shared read-only by the tests that build documents
// through the library.
#pragma once

#include "build/build.hpp"

namespace juesuan::test {

inline const Resources& shared_resources() {
  static const Resources res = Resources::load(JUESUAN_SOURCE_DIR);
  return res;
}

}  // namespace juesuan::test
