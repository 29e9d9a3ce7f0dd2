// The program's own lines for the people who run it — help, command-line
// mistakes, what a build wrote, batch progress and summary — worded in one
// place, in Chinese, beside the messages about an input (messages.hpp).
// Paths are passed in printable already (printable_name).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace juesuan::ui {

// --help, and the tail of every command-line mistake.
std::string usage();

// Command-line mistakes (exit 2).
std::string no_command();
std::string unknown_command(std::string_view command);
std::string unknown_option(std::string_view option);
std::string option_needs_value(std::string_view option);
std::string bad_jobs(std::string_view given);
std::string bad_shard(std::string_view given);
std::string build_needs_files();
std::string init_needs_nothing();
std::string check_needs_files();
std::string diff_needs_two();
std::string dump_needs_one();
std::string batch_needs_folder();
std::string unknown_batch_profile(std::string_view profile, const std::vector<std::string>& known);
std::string merge_needs_indexes();
std::string no_such_city(std::string_view folder);
std::string no_department_files(std::string_view folder);
std::string template_takes_no_files();
std::string import_needs_one();
std::string import_needs_output();
std::string default_workbook_name();

// merge.
std::string not_a_shard_index();
std::string other_run(std::string_view shard, std::string_view first, int count);
std::string shard_twice(std::string_view shard, std::string_view also);
std::string department_twice(std::string_view path, std::string_view also);
std::string shards_missing(std::string_view shards);
std::string not_an_index();
std::string damaged_index(std::string_view detail);
std::string unknown_status(std::string_view status);

// build.
std::string wrote(std::string_view path);
std::string unchanged(std::string_view input, std::string_view out_dir);
std::string not_built(std::string_view input);

// batch: a department's status, progress and summary.
std::string status_word(std::string_view status_key);   // "built" -> 已生成 …
std::string progress_line(std::size_t done, std::size_t total, std::string_view status_key, std::string_view path);
std::string progress_bar(std::string_view bar, std::size_t done, std::size_t total, std::size_t failed, double elapsed,
                         std::optional<double> remaining);
std::string summary(int departments, int built, int unchanged, int failed, std::optional<double> seconds);
std::string summary_failed(std::string_view path, std::string_view error);
std::string index_written(std::string_view path);
std::string review_written(std::string_view path);
std::string stale_removed(std::string_view path);

// The columns of index.csv (文件夹, 部门, 源文件, 状态, 错误; the figures and the
// outputs go before 错误) and of review.csv (one line per finding), the
// names of the index's key figures ("grand_total" -> 收支总计) and of a
// finding's severity ("error" -> 错误).
std::vector<std::string> index_csv_header();
// index.xlsx: the public index as a workbook.
std::string index_sheet_name();
std::string index_workbook_title();
std::string index_workbook_unit();
std::vector<std::string> index_xlsx_header();
std::string kind_label(bool unit);
std::string index_total_label();
std::string index_total_note(int departments, int units, int covered);
std::vector<std::string> review_csv_header();
std::string figure_label(std::string_view key);
std::string wan_suffix();
std::string severity_label(std::string_view severity);

// batch --compile: the city's compilation (汇编) in one PDF.
std::string compile_written(std::string_view path, int departments, int pages);
std::string compile_not_written(std::string_view path, int failed);
std::string compile_failed(std::string_view path, std::string_view detail);
std::string compile_name_taken(std::string_view department, std::string_view file);
std::string compile_no_departments(std::string_view folder);
std::string compile_with_shard();

// --version.
std::string version(std::string_view version);

// check: every department passed (no error): its rules, warnings and notes.
std::string check_passed(std::string_view input, std::size_t rules, std::size_t warnings, std::size_t notes);

// batch without -o.
std::string batch_needs_output();

// --name.
std::string bad_name_choice(std::string_view given);

// init: a commented skeleton of a new department, in 元.
std::string bad_year(std::string_view given);
std::string init_exists(std::string_view path);
std::string init_written(std::string_view path);
// The skeleton's text: `schema` is the path of the JSON Schema as the
// YAML file's editor finds it (relative to the file).
std::string init_skeleton(std::string_view year, std::string_view format, std::string_view next_year,
                          std::string_view schema);

// diff: the three parts of the report (with how many changes each has),
// and what stands for a value that is not there.
std::string diff_inputs_heading(std::size_t changes);
std::string diff_cells_heading(std::size_t changes);
std::string diff_sentences_heading(std::size_t changes);
std::string diff_absent();

// A bug.
std::string internal_error(std::string_view what);

}  // namespace juesuan::ui
