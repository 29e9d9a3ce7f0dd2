// Chinese numerals through ICU's rule-based number format: ordinals for
// numbered lists (一、二、… 二十六、) and dates (二〇二三年九月).
#pragma once

#include <cstdint>
#include <string>

namespace juesuan {

std::string cn_number(std::int64_t n);                // 26 -> 二十六
std::string cn_year_digits(std::int64_t year);        // 2023 -> 二〇二三
std::string cn_date(std::int64_t year, int month);    // 二〇二三年九月 (digits of the year, then month)

}  // namespace juesuan
