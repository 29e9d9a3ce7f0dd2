// juesuan: the command line. Thin: it parses arguments and calls the
// library; every message about an input comes from the stages below.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "batch/command.hpp"
#include "check/check.hpp"
#include "build/build.hpp"
#include "core/file.hpp"
#include "core/messages.hpp"
#include "core/ui.hpp"
#include "diff/diff.hpp"
#include "yaml/yaml_tree.hpp"
#include "document/plain_text.hpp"
#include "workbook/workbook.hpp"

namespace fs = std::filesystem;
using namespace juesuan;

namespace {

struct Args {
  std::string command;
  std::vector<std::string> inputs;
  fs::path out = "out";
  bool out_given = false;        // -o was given (batch requires it; init writes to stdout without it; template, import)
  std::string year;              // init, template: --year
  bool name_by_title = false;    // build: --name title
  fs::path root;
  bool list_rules = false;
  bool force = false;
  int jobs = 0;                  // batch: 0 = the number of cores
  std::optional<batch::Shard> shard;
  std::string profile;           // batch: the profile of departments that name none
  bool quiet = false;
  bool compile = false;          // batch: the city's compilation too
  std::string compile_folder;
  std::string city_name;
  std::string from;              // template --from DEPT.yaml
};

[[noreturn]] void usage_error(const std::string& what) { throw Error(Failure::Input, what + "\n" + ui::usage()); }

Args parse_args(int argc, char** argv) {
  Args a;
  std::vector<std::string> v(argv + 1, argv + argc);
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string& s = v[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= v.size()) usage_error(ui::option_needs_value(s));
      return v[++i];
    };
    if (s == "-o" || s == "--output") a.out = value(), a.out_given = true;
    else if (s == "--from") a.from = value();
    else if (s == "--year") {
      a.year = value();
      if (a.year.size() != 4 || a.year.find_first_not_of("0123456789") != std::string::npos) usage_error(ui::bad_year(a.year));
    }
    else if (s == "--name") {
      std::string n = value();
      if (n != "file" && n != "title") usage_error(ui::bad_name_choice(n));
      a.name_by_title = n == "title";
    }
    else if (s == "--version" || s == "-V") { std::cout << ui::version(JUESUAN_VERSION); std::exit(0); }
    else if (s == "--root") a.root = value();
    else if (s == "--list-rules") a.list_rules = true;
    else if (s == "--force") a.force = true;
    else if (s == "-j" || s == "--jobs") {
      std::string n = value();
      auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), a.jobs);
      if (n.empty() || ec != std::errc() || end != n.data() + n.size() || a.jobs < 1 || a.jobs > 1024)
        usage_error(ui::bad_jobs(n));
    }
    else if (s == "--shard") {
      std::string v = value();
      a.shard = batch::parse_shard(v);
      if (!a.shard) usage_error(ui::bad_shard(v));
    }
    else if (s == "--profile") a.profile = value();
    else if (s == "--quiet" || s == "-q") a.quiet = true;
    else if (s == "--compile") a.compile = true;
    else if (s == "--compile-folder") {
      a.compile = true;
      a.compile_folder = value();
      while (!a.compile_folder.empty() && a.compile_folder.back() == '/') a.compile_folder.pop_back();
    }
    else if (s == "--city") a.city_name = value();
    else if (s == "-h" || s == "--help") { std::cout << ui::usage(); std::exit(0); }
    else if (!s.empty() && s[0] == '-') usage_error(ui::unknown_option(s));
    else if (a.command.empty()) a.command = s;
    else a.inputs.push_back(s);
  }
  if (a.command.empty()) usage_error(ui::no_command());
  if (a.root.empty()) a.root = default_root();
  return a;
}

// Prints findings; returns true when one of them is an error.
bool report(const std::vector<Finding>& findings) {
  for (const auto& f : findings) std::cerr << render_finding(f) << "\n";
  return has_errors(findings);
}

int cmd_build(const Args& a) {
  if (a.inputs.empty()) usage_error(ui::build_needs_files());
  // Two inputs of one name would overwrite each other's outputs.
  std::map<std::string, std::string> first;
  for (const auto& in : a.inputs) {
    std::string stem = fs::path(in).stem().string();
    if (auto [pos, fresh] = first.emplace(stem, in); !fresh) {
      std::string outputs;
      for (const Writer& w : writers()) outputs += (outputs.empty() ? "" : "、") + stem + std::string(w.extension);
      auto file = std::make_shared<SourceFile>();
      file->path = in;
      throw Error(Failure::Input, Loc{file, 0, 0}, msg::same_output_in_build(pos->second, outputs));
    }
  }
  // One department: only its template set is read (a city's sets all).
  Resources res = Resources::load(a.root, /*with_fonts=*/true, /*lazy_templates=*/a.inputs.size() == 1);
  int status = 0;
  for (const auto& in : a.inputs) {
    OutputOptions options;
    options.force = a.force;
    options.name_by_title = a.name_by_title;
    options.parallel_writers = true;   // one department at a time: its writers use both cores
    Outcome o = build_outputs(res, in, a.out, options);
    report(o.findings);
    for (const auto& w : o.warnings) std::cerr << render(w) << "\n";
    switch (o.status) {
      case Outcome::Status::Unchanged:
        std::cerr << ui::unchanged(printable_name(in), printable_name(a.out.string()));
        break;
      case Outcome::Status::Rejected:
        std::cerr << ui::not_built(printable_name(in));
        status = static_cast<int>(Failure::Findings);
        break;
      case Outcome::Status::Built:
        for (const auto& p : o.written) std::cerr << ui::wrote(printable_name(p.string()));
        break;
    }
  }
  return status;
}

int cmd_check(const Args& a) {
  if (a.list_rules) {
    for (const auto& r : rule_list()) std::cout << r.id << "\t" << r.description << "\n";
    return 0;
  }
  if (a.inputs.empty()) usage_error(ui::check_needs_files());
  Resources res = Resources::load(a.root, /*with_fonts=*/false, /*lazy_templates=*/a.inputs.size() == 1);
  bool errors = false;
  for (const auto& in : a.inputs) {
    auto computed = compute_department(res, read_source_file(in));
    auto findings = check(computed->source, computed->model);
    for (const auto& f : findings) std::cout << render_finding(f) << "\n";
    errors = errors || has_errors(findings);
    if (!has_errors(findings)) {
      auto count = [&](Severity s) { return std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == s; }); };
      // The program's own line, beside the findings (stdout): on stderr, as build's "已写出".
      std::cerr << ui::check_passed(printable_name(in), rule_list().size(), count(Severity::Warning), count(Severity::Note)) << "\n";
    }
  }
  return errors ? static_cast<int>(Failure::Findings) : 0;
}

int cmd_diff(const Args& a) {
  if (a.inputs.size() != 2) usage_error(ui::diff_needs_two());
  Resources res = Resources::load(a.root);
  auto old_built = build_document(res, a.inputs[0]);
  auto new_built = build_document(res, a.inputs[1]);
  DocumentDiff d;
  d.inputs = diff_inputs(yaml::parse(old_built->source.file), yaml::parse(new_built->source.file));
  d.cells = diff_tables(old_built->document, new_built->document);
  d.sentences = diff_sentences(old_built->document, new_built->document);
  std::cout << render(d, a.inputs[0], a.inputs[1]);
  return d.empty() ? 0 : 1;  // as diff(1): 1 when the two differ
}

int cmd_dump(const Args& a) {
  if (a.inputs.size() != 1) usage_error(ui::dump_needs_one());
  Resources res = Resources::load(a.root, /*with_fonts=*/false, /*lazy_templates=*/true);
  auto built = build_document(res, a.inputs.front());
  std::cout << doc::plain_text(built->document);
  return 0;
}

int cmd_batch(const Args& a) {
  if (a.inputs.size() != 1) usage_error(ui::batch_needs_folder());
  if (!a.out_given) usage_error(ui::batch_needs_output());
  batch::Options o;  // its clock starts now
  o.city = a.inputs.front();
  o.out = a.out;
  o.jobs = a.jobs > 0 ? a.jobs : std::max(1u, std::thread::hardware_concurrency());
  o.shard = a.shard;
  o.force = a.force;
  o.compile = a.compile;
  o.compile_folder = a.compile_folder;
  o.city_name = a.city_name;
  Resources res = Resources::load(a.root, /*with_fonts=*/true);
  if (!a.profile.empty()) {
    const auto profiles = res.templates.profiles();
    if (!profiles.count(a.profile)) {
      std::vector<std::string> known;
      for (const auto& [name, base] : profiles) known.push_back(name);
      usage_error(ui::unknown_batch_profile(a.profile, known));
    }
    res.default_profile = a.profile;
  }
  return batch::batch_command(res, o, a.quiet);
}

// A commented skeleton of a new department, in 元: to stdout, or to -o.
int cmd_init(const Args& a) {
  if (!a.inputs.empty()) usage_error(ui::init_needs_nothing());
  Resources res = Resources::load(a.root);
  std::string year = a.year.empty() ? "2022" : a.year;
  // The newest format not after the year (the oldest for an earlier year).
  std::vector<std::string> formats = res.templates.formats();
  std::sort(formats.begin(), formats.end());
  std::string format = formats.front();
  for (const auto& f : formats)
    if (f <= year) format = f;
  fs::path schema = fs::absolute(a.root / "data" / "schema" / "department.schema.json").lexically_normal();
  fs::path dir = a.out_given ? fs::absolute(a.out).parent_path() : fs::current_path();
  std::string text = ui::init_skeleton(year, format, std::to_string(std::stoi(year) + 1),
                                       schema.lexically_relative(dir).generic_string());
  if (!a.out_given) {
    std::cout << text;
    return 0;
  }
  std::error_code ec;
  if (fs::exists(a.out, ec) && !a.force) throw Error(Failure::Input, ui::init_exists(printable_name(a.out.string())));
  write_file_atomic(a.out, text);
  std::cerr << ui::init_written(printable_name(a.out.string()));
  return 0;
}

int cmd_merge(const Args& a) {
  if (a.inputs.empty()) usage_error(ui::merge_needs_indexes());
  return batch::merge_command(std::vector<fs::path>(a.inputs.begin(), a.inputs.end()), a.out);
}

int cmd_template(const Args& a) {
  if (!a.inputs.empty()) usage_error(ui::template_takes_no_files());
  Resources res = Resources::load(a.root);
  std::optional<Source> from;
  if (!a.from.empty()) from = load_source(read_source_file(a.from), res.load_context());
  book::TemplateOptions o;
  o.year = a.year.empty() ? 0 : std::stoi(a.year);
  o.from = from ? &*from : nullptr;
  fs::path out = a.out_given ? a.out : fs::path(ui::default_workbook_name());
  book::write_template(out, res.catalog, o);
  std::cerr << ui::wrote(printable_name(out.string()));
  return 0;
}

int cmd_import(const Args& a) {
  if (a.inputs.size() != 1) usage_error(ui::import_needs_one());
  if (!a.out_given) usage_error(ui::import_needs_output());
  Resources res = Resources::load(a.root);
  book::Imported imported = book::import_workbook_file(a.inputs.front(), res.catalog, res.load_context());
  constexpr std::size_t kShown = 50;
  for (std::size_t i = 0; i < imported.problems.size() && i < kShown; ++i) {
    const auto& p = imported.problems[i];
    auto where = std::make_shared<SourceFile>();
    where->path = a.inputs.front() + (p.sheet.empty() ? "" : ":" + p.where());
    std::cerr << render_diagnostic(Severity::Error, Loc{where, 0, 0}, p.message);
  }
  if (imported.problems.size() > kShown) std::cerr << msg::more_problems(imported.problems.size() - kShown) << "\n";
  if (!imported.problems.empty()) return static_cast<int>(Failure::Input);
  write_file_atomic(a.out, imported.yaml);
  std::cerr << ui::wrote(printable_name(a.out.string()));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Args a = parse_args(argc, argv);
    if (a.command == "build") return cmd_build(a);
    if (a.command == "check") return cmd_check(a);
    if (a.command == "diff") return cmd_diff(a);
    if (a.command == "dump") return cmd_dump(a);
    if (a.command == "batch") return cmd_batch(a);
    if (a.command == "merge") return cmd_merge(a);
    if (a.command == "template") return cmd_template(a);
    if (a.command == "import") return cmd_import(a);
    if (a.command == "init") return cmd_init(a);
    usage_error(ui::unknown_command(a.command));
  } catch (const Error& e) {
    if (e.kind() == Failure::Internal && !e.loc().file) std::cerr << ui::internal_error(e.message());
    else std::cerr << e.render();
    return static_cast<int>(e.kind());
  } catch (const std::exception& e) {
    std::cerr << ui::internal_error(e.what());
    return static_cast<int>(Failure::Internal);
  }
}
