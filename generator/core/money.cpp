#include "core/money.hpp"

#include "core/diag.hpp"

namespace juesuan {

Money Money::operator+(Money o) const {
  std::int64_t r;
  if (__builtin_add_overflow(fen_, o.fen_, &r)) throw Error(Failure::Internal, "amount overflow");
  return Money(r);
}

Money Money::operator-(Money o) const {
  std::int64_t r;
  if (__builtin_sub_overflow(fen_, o.fen_, &r)) throw Error(Failure::Internal, "amount overflow");
  return Money(r);
}

Money Money::operator-() const { return Money() - *this; }

namespace {

// Integer division rounding half away from zero; d > 0.
std::int64_t div_round(std::int64_t n, std::int64_t d) {
  std::int64_t q = n / d, r = n % d;
  if (r < 0) r = -r;
  if (2 * r >= d) q += (n < 0 ? -1 : 1);
  return q;
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::int64_t Money::printed_wan_cents() const { return div_round(fen_, 10'000); }

ParsedAmount parse_amount(std::string_view s, Unit unit) {
  ParsedAmount out;
  auto fail = [&](AmountError e) { out.error = e; return out; };
  if (s.empty()) return fail(AmountError::Empty);
  // Full-width digits and punctuation are 3-byte UTF-8 sequences EF BC xx.
  if (s.find("\xEF\xBC") != std::string_view::npos) return fail(AmountError::FullWidth);
  bool negative = false;
  std::size_t i = 0;
  if (s[0] == '+') return fail(AmountError::LeadingPlus);
  if (s[0] == '-') { negative = true; i = 1; }
  std::size_t int_start = i;
  while (i < s.size() && is_ascii_digit(s[i])) ++i;
  std::size_t int_end = i;
  std::size_t frac_start = i, frac_end = i;
  if (i < s.size() && s[i] == '.') {
    frac_start = ++i;
    while (i < s.size() && is_ascii_digit(s[i])) ++i;
    frac_end = i;
  }
  if (i != s.size()) {
    char c = s[i];
    if (c == ',' && int_end > int_start) return fail(AmountError::ThousandsSeparator);
    if ((c == 'e' || c == 'E') && int_end > int_start) return fail(AmountError::Exponent);
    return fail(AmountError::NotANumber);
  }
  if (int_end == int_start && frac_end == frac_start) return fail(AmountError::NotANumber);
  const int max_decimals = unit == Unit::Yuan ? 2 : 6;
  std::size_t decimals = frac_end - frac_start;
  if (decimals > static_cast<std::size_t>(max_decimals)) return fail(AmountError::TooManyDecimals);
  // Accumulate in 分, with a bound checked at every digit.
  const std::int64_t limit = Money::kMaxInputFen;
  std::int64_t v = 0;
  auto push = [&](char c) {
    if (v > (limit - (c - '0')) / 10) return false;
    v = v * 10 + (c - '0');
    return true;
  };
  for (std::size_t k = int_start; k < int_end; ++k)
    if (!push(s[k])) return fail(AmountError::OutOfRange);
  for (int k = 0; k < max_decimals; ++k) {
    char c = k < static_cast<int>(decimals) ? s[frac_start + k] : '0';
    if (!push(c)) return fail(AmountError::OutOfRange);
  }
  // v is now in units of 10^-max_decimals of the input unit.
  // 元 with 2 decimals: already 分. 万元 with 6 decimals: 1e-6 万元 = 0.01 元 = 1 分.
  out.value = Money::fen(negative ? -v : v);
  return out;
}

std::string format_wan(std::int64_t wan_cents, bool group) {
  bool neg = wan_cents < 0;
  std::uint64_t v = neg ? 0 - static_cast<std::uint64_t>(wan_cents) : wan_cents;
  std::string whole = std::to_string(v / 100);
  if (group) {
    std::string g;
    int n = static_cast<int>(whole.size());
    for (int k = 0; k < n; ++k) {
      if (k > 0 && (n - k) % 3 == 0) g += ',';
      g += whole[k];
    }
    whole = g;
  }
  unsigned frac = static_cast<unsigned>(v % 100);
  std::string out = neg ? "-" : "";
  out += whole;
  out += '.';
  out += static_cast<char>('0' + frac / 10);
  out += static_cast<char>('0' + frac % 10);
  return out;
}

std::optional<std::int64_t> percent_hundredths_truncated(std::int64_t a, std::int64_t b) {
  if (b == 0) return std::nullopt;
  __int128 n = static_cast<__int128>(a) * 10000;
  return static_cast<std::int64_t>(n / b);
}

std::optional<std::int64_t> percent_hundredths(std::int64_t a, std::int64_t b) {
  if (b == 0) return std::nullopt;
  // a/b * 100 in 0.01 % units = a * 10000 / b. Printed figures stay far below
  // 1e15, so a * 10000 fits in 64 bits; use 128 bits to be safe.
  __int128 n = static_cast<__int128>(a) * 10000;
  __int128 d = b;
  if (d < 0) { n = -n; d = -d; }
  __int128 q = n / d, r = n % d;
  if (r < 0) r = -r;
  if (2 * r >= d) q += (n < 0 ? -1 : 1);
  return static_cast<std::int64_t>(q);
}

std::string format_hundredths(std::int64_t v) { return format_wan(v, false); }

std::int64_t Percent::scaled(int decimals, bool truncate) const {
  if (den_ == 0) return 0;
  decimals = decimals < 0 ? 0 : decimals > 4 ? 4 : decimals;  // the format loader allows 0…4
  __int128 scale = 100;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  __int128 n = static_cast<__int128>(num_) * scale;
  __int128 d = den_;
  if (d < 0) { n = -n; d = -d; }
  __int128 q = n / d, r = n % d;
  if (r < 0) r = -r;
  if (!truncate && 2 * r >= d) q += (n < 0 ? -1 : 1);
  return static_cast<std::int64_t>(q);
}

std::string format_scaled(std::int64_t v, int decimals) {
  bool neg = v < 0;
  std::uint64_t u = neg ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  std::uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  std::string out = neg ? "-" : "";
  out += std::to_string(u / scale);
  if (decimals > 0) {
    std::string frac = std::to_string(u % scale);
    out += '.';
    out += std::string(static_cast<std::size_t>(decimals) - frac.size(), '0') + frac;
  }
  return out;
}

}  // namespace juesuan
