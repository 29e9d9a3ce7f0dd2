#include "pdf/deflate.hpp"

#include <libdeflate.h>

#include <algorithm>
#include <array>
#include <memory>
#include <new>

namespace juesuan::pdf::detail {

namespace {

struct FreeCompressor {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
using Compressor = std::unique_ptr<libdeflate_compressor, FreeCompressor>;

}  // namespace

std::string deflate(const void* data, std::size_t size, int level) {
  level = std::clamp(level, 1, 12);
  thread_local std::array<Compressor, 13> compressors;
  Compressor& c = compressors[level];
  if (!c) c.reset(libdeflate_alloc_compressor(level));
  if (!c) throw std::bad_alloc();
  std::string out(libdeflate_zlib_compress_bound(c.get(), size), '\0');
  const std::size_t n = libdeflate_zlib_compress(c.get(), data, size, out.data(), out.size());
  out.resize(n);  // never 0: the buffer is as large as the bound
  return out;
}

}  // namespace juesuan::pdf::detail
