// The colours of charts, shared by the PDF and HTML writers so that the two
// look alike: a restrained blue-grey palette whose neighbours differ in
// lightness, so that a chart printed in black and white still reads.
#pragma once

#include <cstddef>
#include <cstdint>

namespace juesuan::doc {

// Pie slices, in order: sixteen colours, so that a pie of as many slices
// (a department's spending by 类) has no two alike and its legend names
// each slice unmistakably.
inline constexpr std::uint32_t kSlicePalette[] = {0x3B5B7F, 0xA9BED6, 0x6B6B6B, 0xD9D9D9, 0x7D98B8, 0x474747,
                                                  0xC5D2E2, 0x959595, 0x2A3F58, 0xEDEDED, 0x5E7C9E, 0xB8B8B8,
                                                  0x1F2E40, 0x8FA8C4, 0x585858, 0xDDE5EE};
inline constexpr std::size_t kSlicePaletteSize = sizeof(kSlicePalette) / sizeof(kSlicePalette[0]);
// Bars: the first series of a group (last year) and the last (this year).
inline constexpr std::uint32_t kBarPalette[] = {0xB3B3B3, 0x3B5B7F};

// Slice i of n: the palette in order, repeating after the last; the last
// slice, which closes the circle beside the first, never takes the first's
// colour nor its own neighbour's.
inline std::uint32_t slice_colour(std::size_t i, std::size_t n) {
  std::size_t k = i % kSlicePaletteSize;
  if (n > 2 && i + 1 == n && i > 0 && k == 0) k = (kSlicePaletteSize / 2) % kSlicePaletteSize;
  return kSlicePalette[k];
}
inline std::uint32_t bar_colour(std::size_t series, std::size_t count) {
  return count < 2 ? kBarPalette[1] : kBarPalette[series == count - 1 ? 1 : 0];
}

}  // namespace juesuan::doc
