// Money: exact amounts in integer 分 (hundredths of a 元), never a double.
// Input text is parsed digit by digit; arithmetic is checked for overflow;
// display rounds half away from zero (四舍五入) to 万元 with two decimals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace juesuan {

enum class Unit { Yuan, WanYuan };

class Money {
 public:
  // Inputs may not exceed this many 分 in magnitude (10 万亿元): far beyond
  // any department, and small enough that sums of many rows cannot overflow.
  static constexpr std::int64_t kMaxInputFen = 1'000'000'000'000'000;  // 1e15 分

  constexpr Money() = default;
  static constexpr Money fen(std::int64_t f) { return Money(f); }
  constexpr std::int64_t fen() const { return fen_; }
  constexpr bool is_zero() const { return fen_ == 0; }

  // Checked arithmetic: throws Error(Failure::Internal).
  Money operator+(Money o) const;
  Money operator-(Money o) const;
  Money& operator+=(Money o) { return *this = *this + o; }
  Money& operator-=(Money o) { return *this = *this - o; }
  Money operator-() const;
  friend constexpr bool operator==(Money a, Money b) = default;
  friend constexpr auto operator<=>(Money a, Money b) = default;

  // The amount as printed: in units of 0.01 万元 (= 100 元), rounded half
  // away from zero. 12345.67 元 -> 123 (1.23 万元); 50.00 元 -> 1.
  std::int64_t printed_wan_cents() const;

 private:
  explicit constexpr Money(std::int64_t f) : fen_(f) {}
  std::int64_t fen_ = 0;
};

// Why a piece of text is not an amount; the loader turns this into a message.
enum class AmountError {
  Empty,
  NotANumber,
  Exponent,
  ThousandsSeparator,
  FullWidth,
  LeadingPlus,
  TooManyDecimals,
  OutOfRange,
};

struct ParsedAmount {
  std::optional<Money> value;
  AmountError error = AmountError::NotANumber;
};

// Parses a plain decimal ("1205.51", "-3", "0.5") in the given unit. 元
// allows up to 2 decimals, 万元 up to 6 (both exact to the 分).
ParsedAmount parse_amount(std::string_view text, Unit unit);

// Formats a value in 0.01 万元 units as "2,334.61" (grouped) or "2334.61".
std::string format_wan(std::int64_t wan_cents, bool group_thousands);

// A percentage a/b of two printed figures, in units of 0.01 %, rounded half
// away from zero. Empty when b is zero.
std::optional<std::int64_t> percent_hundredths(std::int64_t a, std::int64_t b);
// The same, cut off towards zero instead of rounded (some bureaus print
// change rates so).
std::optional<std::int64_t> percent_hundredths_truncated(std::int64_t a, std::int64_t b);

// Formats 0.01 % units as "92.61".
std::string format_hundredths(std::int64_t v);

// A percentage a/b of two printed figures, kept exact so that each format
// rounds it to the precision it prints (92.61%, 92.6%, 93%). Empty when b
// is zero (a share or rate whose base is 0).
class Percent {
 public:
  Percent() = default;
  Percent(std::int64_t a, std::int64_t b) : num_(a), den_(b) {}
  bool has_value() const { return den_ != 0; }
  explicit operator bool() const { return has_value(); }
  // In units of 10^-decimals % (decimals 0…4): rounded half away from zero,
  // or cut off towards zero. 0 when empty.
  std::int64_t scaled(int decimals, bool truncate = false) const;
  // 0.01 % units, rounded: what the tables print.
  std::int64_t hundredths() const { return scaled(2); }

 private:
  std::int64_t num_ = 0, den_ = 0;
};

// Formats units of 10^-decimals as a decimal: (9261, 2) -> "92.61",
// (926, 1) -> "92.6", (93, 0) -> "93".
std::string format_scaled(std::int64_t v, int decimals);

}  // namespace juesuan
