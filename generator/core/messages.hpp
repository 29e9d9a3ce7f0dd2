// Every message the program prints about an input, worded in one place.
// They are written for a department's finance officer: what is wrong, in
// their words, and what to write instead. (Report wording lives in
// templates/, not here; these are the program's own diagnostics.)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"

namespace juesuan::msg {

// The text of the file itself.
std::string not_utf8();
std::string binary_file();
std::string file_too_large(std::size_t size, std::size_t max);
std::string empty_file();
std::string tab_indent();
std::string cannot_read(std::string_view path, std::string_view why);

// Text values.
std::string control_character(char32_t c);
std::string text_too_long(std::size_t chars, std::size_t max);

// The files of a city (batch) and the names of outputs.
std::string symlink_skipped();
std::string unreadable_folder(std::string_view why);
std::string reserved_name(std::string_view file);
std::string same_output_name(std::string_view other);
std::string same_output_in_build(std::string_view other, std::string_view outputs);

// Outputs that cannot be written (err: the errno).
std::string cannot_create_folder(std::string_view path, int err);
std::string cannot_write(std::string_view path, int err);
std::string folder_in_the_way(std::string_view path);

// YAML syntax.
std::string duplicate_key(std::string_view key);
std::string alias_not_allowed();
std::string too_deep(int max_depth);
std::string second_document();
std::string complex_key();
std::string unclosed_quote();
std::string yaml_illegal_map_value();
std::string yaml_unclosed(std::string_view bracket);
std::string yaml_bad_escape();
std::string yaml_bad_indentation();
std::string yaml_syntax(std::string_view detail);
std::string fullwidth_colon(std::string_view key);
std::string too_little_indent(int have, int want);

// Several errors of one file: "共 N 处错误" (and how many are shown).
std::string error_count(std::size_t total, std::size_t shown);

// The schema.
std::string expected_map(std::string_view what);
std::string expected_list(std::string_view what);
std::string expected_text(std::string_view what);
std::string expected_amount(std::string_view what);
std::string top_level_not_map();
std::string missing_key(std::string_view key, std::string_view what);
std::string unknown_key(std::string_view key, std::string_view where,
                        const std::vector<std::string>& allowed, std::string_view suggestion);
std::string bad_amount(std::string_view text, AmountError why, Unit unit);
std::string negative_amount(std::string_view what);
std::string bad_count(std::string_view text, std::string_view what);
std::string bad_year(std::string_view text);
std::string bad_unit(std::string_view text);
std::string bad_bool(std::string_view text);
std::string bad_kind(std::string_view text);
std::string bad_date(std::string_view text);
std::string unknown_format(std::string_view format, const std::vector<std::string>& known);
std::string no_template_for_year(std::string_view format, long long year);
std::string unknown_profile(std::string_view profile, std::string_view format, const std::vector<std::string>& known);
std::string profile_of_other_format(std::string_view profile, std::string_view base, std::string_view format);

// 科目 codes.
std::string bad_functional_code(std::string_view code);
std::string bad_economic_code(std::string_view code);
std::string bad_named_code(std::string_view code);
std::string bad_class_code(std::string_view code);
std::string bad_score(std::string_view text);
std::string bad_grade(std::string_view text);
std::string unknown_functional_code(std::string_view code);
std::string unknown_economic_code(std::string_view code);
std::string unknown_parent(std::string_view code, std::string_view parent, std::string_view level);
std::string duplicate_code(std::string_view code, int first_line);
std::string unknown_vehicle_use(std::string_view key, const std::vector<std::string>& known);

// Workbooks (juesuan import): the file, a sheet, a cell ("收支明细!D12").
std::string not_a_workbook();
std::string damaged_workbook(std::string_view detail);
std::string not_xls(std::string_view detail);
std::string not_a_known_workbook();
std::string missing_sheet(std::string_view sheet);
std::string value_without_key();
std::string unknown_row_key(std::string_view key);
std::string duplicate_row(std::string_view key, std::string_view first);
std::string missing_value(std::string_view what);
std::string unknown_column_key(std::string_view key);
std::string missing_column(std::string_view key);
std::string row_without_code();
std::string duplicate_code_in_sheet(std::string_view code, std::string_view first);
std::string bad_path(std::string_view key);
std::string bad_choice(std::string_view text, const std::vector<std::string>& choices);
std::string more_problems(std::size_t more);
std::string from_yaml_line(int line, std::string_view message);
std::string public_table_missing(std::string_view table);
std::string public_row_unreadable(std::string_view what);

// How a diagnostic names its severity: 错误, 警告, 提示 (Severity in order:
// error, warning, note); `file:line:col: 错误：…`.
std::string severity_word(int severity);

// What an output could not do as the document asks (doc::Warning).
std::string missing_character(std::string_view role, char32_t c);
std::string table_too_wide(std::string_view title, double size_pt);
std::string missing_target(std::string_view target);
// A build that failed with no message (a bug).
std::string unknown_failure();

}  // namespace juesuan::msg
