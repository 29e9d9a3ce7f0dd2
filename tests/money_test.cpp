// Money: exact parsing, half-up rounding to 万元, formatting, overflow.
#include <catch2/catch.hpp>

#include "core/diag.hpp"
#include "core/money.hpp"

using namespace juesuan;

namespace {
Money yuan(const char* s) { return *parse_amount(s, Unit::Yuan).value; }
Money wan(const char* s) { return *parse_amount(s, Unit::WanYuan).value; }
AmountError yuan_error(const char* s) {
  auto p = parse_amount(s, Unit::Yuan);
  REQUIRE_FALSE(p.value.has_value());
  return p.error;
}
}  // namespace

TEST_CASE("amounts in 元 are read exactly to the 分") {
  CHECK(yuan("0").fen() == 0);
  CHECK(yuan("1").fen() == 100);
  CHECK(yuan("1.5").fen() == 150);
  CHECK(yuan("1234567.89").fen() == 123456789);
  CHECK(yuan(".5").fen() == 50);
  CHECK(yuan("-3.01").fen() == -301);
  // 0.1 + 0.2 is exact here, unlike in binary floating point.
  CHECK((yuan("0.1") + yuan("0.2")).fen() == yuan("0.3").fen());
}

TEST_CASE("amounts in 万元 are read exactly, up to the 分") {
  CHECK(wan("1").fen() == 1'000'000);
  CHECK(wan("684.70").fen() == 684'700'000);  // 684.70 万元 = 6,847,000 元
  CHECK(wan("0.000001").fen() == 1);
  CHECK(wan("2334.61").fen() == yuan("23346100").fen());
  CHECK(parse_amount("0.0000001", Unit::WanYuan).error == AmountError::TooManyDecimals);
}

TEST_CASE("malformed amounts say why") {
  CHECK(yuan_error("") == AmountError::Empty);
  CHECK(yuan_error("1,205.51") == AmountError::ThousandsSeparator);
  CHECK(yuan_error("1e3") == AmountError::Exponent);
  CHECK(yuan_error("１２") == AmountError::FullWidth);
  CHECK(yuan_error("+5") == AmountError::LeadingPlus);
  CHECK(yuan_error("1.234") == AmountError::TooManyDecimals);
  CHECK(yuan_error("12元") == AmountError::NotANumber);
  CHECK(yuan_error("-") == AmountError::NotANumber);
  CHECK(yuan_error(".") == AmountError::NotANumber);
  CHECK(yuan_error("1.2.3") == AmountError::NotANumber);
  CHECK(yuan_error(" 1") == AmountError::NotANumber);
}

TEST_CASE("amounts beyond the money range are refused, not wrapped") {
  // The limit is 10 万亿元 = 1e13 元 = 1e15 分.
  CHECK(yuan("10000000000000").fen() == 1'000'000'000'000'000);
  CHECK(yuan_error("10000000000000.01") == AmountError::OutOfRange);
  CHECK(yuan_error("99999999999999999999999") == AmountError::OutOfRange);
  CHECK(parse_amount("1000000000.01", Unit::WanYuan).error == AmountError::OutOfRange);
}

TEST_CASE("sums that overflow 64 bits throw instead of wrapping") {
  Money big = Money::fen(INT64_MAX - 1);
  CHECK_THROWS_AS(big + Money::fen(2), Error);
  CHECK_THROWS_AS(Money::fen(INT64_MIN + 1) - Money::fen(2), Error);
  CHECK((big + Money::fen(1)).fen() == INT64_MAX);
}

TEST_CASE("rounding to 0.01 万元 is half away from zero at .005") {
  // 0.01 万元 = 100 元 = 10000 分; the half point is 50 元.
  CHECK(yuan("49.99").printed_wan_cents() == 0);
  CHECK(yuan("50.00").printed_wan_cents() == 1);
  CHECK(yuan("149.99").printed_wan_cents() == 1);
  CHECK(yuan("150").printed_wan_cents() == 2);
  CHECK(yuan("-49.99").printed_wan_cents() == 0);
  CHECK(yuan("-50").printed_wan_cents() == -1);
  CHECK(yuan("23346149.99").printed_wan_cents() == 233461);
  CHECK(yuan("23346150").printed_wan_cents() == 233462);
}

TEST_CASE("万元 figures are formatted with two decimals and optional grouping") {
  CHECK(format_wan(233461, true) == "2,334.61");
  CHECK(format_wan(233461, false) == "2334.61");
  CHECK(format_wan(0, true) == "0.00");
  CHECK(format_wan(5, true) == "0.05");
  CHECK(format_wan(-233461, true) == "-2,334.61");
  CHECK(format_wan(100000000, true) == "1,000,000.00");
  CHECK(format_wan(99999, true) == "999.99");
}

TEST_CASE("percentages of printed figures round half up to 0.01 %") {
  // 2022 reference, section 二: 0.38 / 2334.99 = 0.01627…% -> 0.02 %.
  CHECK(*percent_hundredths(38, 233499) == 2);
  // 2334.61 / 2334.99 = 99.9837…% -> 99.98 %.
  CHECK(*percent_hundredths(233461, 233499) == 9998);
  // 62.36 / 2274.87 = 2.7412…% -> 2.74 %.
  CHECK(*percent_hundredths(6236, 227487) == 274);
  // Exactly half: 1/8 = 12.5 % in 0.01 % units is 1250 exactly; 1/16 = 6.25 %.
  CHECK(*percent_hundredths(1, 16) == 625);
  // 1 / 30000 = 0.00333…% -> 0.00 %; 1/20000 = 0.005 % -> 0.01 %.
  CHECK(*percent_hundredths(1, 30000) == 0);
  CHECK(*percent_hundredths(1, 20000) == 1);
  CHECK_FALSE(percent_hundredths(5, 0).has_value());
  CHECK(format_hundredths(9261) == "92.61");
  CHECK(format_hundredths(10000) == "100.00");
}
