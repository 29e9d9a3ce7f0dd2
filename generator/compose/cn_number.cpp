#include "compose/cn_number.hpp"

#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <memory>
#include "core/diag.hpp"

namespace juesuan {

namespace {

std::string spell(std::int64_t n, const char16_t* ruleset) {
  UErrorCode status = U_ZERO_ERROR;
  // RuleBasedNumberFormat::format is const; one formatter per thread keeps
  // batch workers independent without locks.
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> f;
  if (!f) {
    f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("zh"), status);
    if (U_FAILURE(status)) throw Error(Failure::Internal, "ICU: no Chinese spellout rules");
  }
  icu::UnicodeString out;
  status = U_ZERO_ERROR;
  icu::FieldPosition pos;
  f->format(static_cast<int64_t>(n), icu::UnicodeString(ruleset), out, pos, status);
  if (U_FAILURE(status)) throw Error(Failure::Internal, "ICU: spellout failed");
  std::string s;
  out.toUTF8String(s);
  return s;
}

}  // namespace

std::string cn_number(std::int64_t n) { return spell(n, u"%spellout-numbering"); }

std::string cn_year_digits(std::int64_t year) { return spell(year, u"%spellout-numbering-year"); }

}  // namespace juesuan
