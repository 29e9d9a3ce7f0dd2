// Just enough JSON for index.json: writing strings, and reading back the
// files this program wrote (objects, arrays, strings, integers, true,
// false, null), with file:line:col in every error.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diag.hpp"

namespace juesuan::batch::json {

// A JSON string literal, quotes included; UTF-8 passes through.
std::string quote(std::string_view s);

struct Value {
  enum class Kind { Null, Bool, Integer, String, Array, Object } kind = Kind::Null;
  bool boolean = false;
  std::int64_t integer = 0;
  std::string string;
  std::vector<Value> items;
  std::vector<std::pair<std::string, Value>> members;
  Loc loc;

  const Value* find(std::string_view key) const;
  // These throw Error(Input) at the value's location when it is missing
  // or of another kind.
  const Value& at(std::string_view key) const;
  const std::string& as_string() const;
  std::int64_t as_integer() const;
  const std::vector<Value>& as_array() const;
  bool is_null() const { return kind == Kind::Null; }
};

Value parse(std::shared_ptr<const SourceFile> file);

}  // namespace juesuan::batch::json
