// Chinese numerals through ICU's rule-based number format: ordinals for
// numbered lists (一、二、… 二十六、) and the digits of a year (二〇二三).
#pragma once

#include <cstdint>
#include <string>

namespace juesuan {

std::string cn_number(std::int64_t n);                // 26 -> 二十六
std::string cn_year_digits(std::int64_t year);        // 2023 -> 二〇二三

}  // namespace juesuan
