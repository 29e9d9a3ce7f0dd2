// Every message the program prints about an input, worded in one place.
// They are written for a department's finance officer: what is wrong, in
// their words, and what to write instead. (Report wording lives in
// templates/, not here; these are the program's own diagnostics.)
#pragma once

#include <cstddef>
#include <cstdint>
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

// The program's own set-up files, for whoever maintains them: the catalog
// (data/catalog/), the templates (format.yaml, tables.yaml, labels.yaml,
// glossary.yaml, profiles, the .mustache files), the font manifest
// (fonts/manifest.yaml) and a compilation's volume.yaml. Located as any
// input (file:line:col) where the file is YAML.
std::string catalog_not_map();
std::string catalog_value_not_text();
std::string catalog_missing_list(std::string_view key);
std::string catalog_bad_year();
std::string budgets_not_map();
std::string unknown_budget(std::string_view key);
std::string budget_not_list();
std::string code_listed_twice(std::string_view code);
std::string year_rules_not_map(std::string_view key);
std::string year_rule_not_map();
std::string year_names_not_map();
std::string year_name_not_text();
std::string unknown_year_rule_key(std::string_view key);
std::string since_after_until();
std::string years_not_map();

std::string template_missing(std::string_view key);
std::string template_not_text(std::string_view key);
std::string template_bad_align();
std::string template_department_figure(std::string_view figure);
std::string template_unknown_figure(std::string_view figure);
std::string template_bad_cell();
std::string template_unknown_cell_key(std::string_view key);
std::string template_rows_not_list();
std::string template_row_not_list();
std::string template_expected_list();
std::string template_bad_kind();
std::string template_panels_not_list();
std::string template_footer_not_row();
std::string template_text_numbers_not_map();
std::string template_bad_rate_decimals();
std::string template_names_not_map();
std::string template_no_tables();
std::string template_table_not_map();
std::string template_labels_not_groups();
std::string template_glossary_not_list();
std::string template_file_missing(std::string_view path);
std::string template_folder_not_found(std::string_view path);
std::string template_base_not_format();
// The tags of a .mustache file.
std::string template_tag_unclosed();
std::string template_triple_brace();
std::string template_delimiters();
std::string template_ampersand();
std::string template_unknown_partial(std::string_view name);
std::string template_unknown_placeholder(std::string_view name);
std::string template_closes_nothing(std::string_view name);
std::string template_closes_other(std::string_view name, std::string_view open);
std::string template_empty_tag();
std::string template_section_unclosed(std::string_view name);
// The directives (@table, @chart …) of a rendered template: `where` is the
// template and the rendered line.
std::string template_rendered_line(std::string_view origin, int line);
std::string template_unknown_directive(std::string_view where, std::string_view kind);
std::string template_number_needs_braces(std::string_view where);
std::string template_table_needs_id(std::string_view origin);
std::string template_unknown_table(std::string_view origin, std::string_view id);
std::string template_unknown_attachment(std::string_view origin, std::size_t index);
std::string template_chart_usage(std::string_view where);
std::string template_pie_list(std::string_view where, std::string_view list, const std::vector<std::string>& lists);
std::string template_bar_kind(std::string_view where, std::string_view kind);

std::string font_manifest_no_fonts();
std::string font_manifest_not_mapping();
std::string font_manifest_not_text(std::string_view key);
std::string font_index_not_number(std::string_view font);
std::string font_needs_name_and_file();
std::string font_needs_licence(std::string_view font);
std::string font_licence_missing(std::string_view font, std::string_view licence);
std::string font_file_missing(std::string_view file, std::string_view package);
std::string font_defined_twice(std::string_view font);
std::string font_manifest_no_roles();
std::string font_role_not_list(std::string_view role);
std::string font_role_unknown_font(std::string_view role, std::string_view font);
std::string font_no_role(std::string_view role);
std::string font_file_unreadable(std::string_view file);
std::string font_face_index(std::string_view file, unsigned faces, unsigned index);
std::string font_not_truetype(std::string_view file);
std::string font_bad_range(std::string_view font, std::string_view range);

std::string volume_missing_text(std::string_view key);
std::string volume_missing_lines(std::string_view key);

// Audit findings (juesuan check, check/rules.cpp): what each rule says
// when it fires, with its figures. Amounts are shown as the document
// prints them: in 万元 (the printed 万元 figure) or, for a file in 元, in 元.
std::string amount_wan(Money m);                 // 1,234.56万元
std::string amount_wan_cents(std::int64_t wan_cents);
std::string amount_yuan(Money m);                // 1,750.00元 (分 shown, grouped)
// 财政拨款 of one budget: 0 一般公共预算, 1 政府性基金预算, 2 国有资本经营预算
// (Budget in order).
std::string appropriation(int budget);
// The id → one-line description of every rule (`juesuan check --list-rules`).
std::string rule_description(std::string_view id);
// Two figures that should be equal: "what：a_name a，b_name b，相差 diff"; and
// the same finding within the rounding of `terms` 万元 figures (±bound).
std::string figures_differ(std::string_view what, std::string_view a_name, std::string_view a,
                           std::string_view b_name, std::string_view b, std::string_view diff);
std::string within_rounding(std::string_view finding, std::int64_t terms, std::string_view bound);
std::string supplied_unknown(std::string_view key);
// A supplied figure: its name, with （合计） or （code） when it is per row.
std::string supplied_mismatch(std::string_view figure, std::string_view code, bool per_row);
std::string supplied_label();
std::string supplied_sum_label();
std::string total_balance_mismatch(std::string_view tail);  // tail: empty, or the 尾差 shown
std::string total_income_label();
std::string total_spending_label();
std::string fiscal_balance_mismatch();
std::string fiscal_expected_label();
std::string basic_economic_missing(Money basic);
std::string basic_economic_mismatch(std::string_view tail);  // tail: empty, or the 尾差 shown
std::string basic_economic_06_label();
std::string basic_economic_05_label();
std::string variance_no_reason(std::string_view code, std::string_view name, std::int64_t actual_wan_cents,
                               std::int64_t budget_wan_cents);
std::string catalog_name_differs(std::string_view code, std::string_view written, std::string_view catalog);
std::string catalog_name_differs_printed(std::string_view code, std::string_view written, std::string_view catalog);
std::string small_micro_over_sme(Money small_micro, Money sme);
std::string sme_over_procurement(Money sme, Money procurement);
std::string vehicles_over_assets(long long held, long long total);
std::string three_public_no_reason(std::int64_t actual_wan_cents, std::int64_t budget_wan_cents);
std::string catalog_missing_code(bool economic, std::string_view code, std::string_view name);
std::string required_block_missing(std::string_view key);  // key: overview, balances, …
std::string performance_missing();
// 06表 line (code: 30212, 30217, 30231 or 31013) above its "三公" figure.
std::string economic_over_three_public(std::string_view code, std::string_view name, Money line, Money three_public);
std::string operating_costs_over_public(Money operating, Money public_total);
std::string procurement_over_spending(Money procurement, Money spending);
std::string year_start_below_items(int budget, Money total, Money listed);
std::string year_start_above_items(int budget, Money total, Money listed);
std::string budget_kind_mismatch(std::string_view code, std::string_view name, std::string_view budget, int money);
std::string unused_input(std::string_view key, std::string_view format, bool has_profile, std::string_view profile);

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
