// libFuzzer target: YAML text -> Source through the loader, errors included.
// Every input must either load or be refused with juesuan::Error of a
// non-internal kind whose message renders; anything else (a crash, another
// exception, a leak, undefined behaviour, a timeout) is a bug.
#include <cstddef>
#include <cstdint>

#include "fuzz/common.hpp"
#include "source/load.hpp"

using namespace juesuan;

namespace {
const Resources* g_res = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_res = new Resources(Resources::load(fuzz::root(), /*with_fonts=*/false));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    Source s = load_source(fuzz::in_memory(data, size), g_res->load_context());
    (void)s;
  } catch (const Error& e) {
    fuzz::expect_not_internal(e);
  }
  return 0;
}
