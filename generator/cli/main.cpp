// juesuan: the command line. Thin: it parses arguments and calls the
// library; every message about an input comes from the stages below.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "cli/app.hpp"
#include "core/file.hpp"
#include "diff/diff.hpp"
#include "source/yaml_tree.hpp"
#include "document/plain_text.hpp"

namespace fs = std::filesystem;
using namespace juesuan;

namespace {

const char* kUsage =
    "usage: juesuan build DEPT.yaml... [-o DIR] [--force]\n"
    "                                             write DIR/DEPT.html and DIR/DEPT.pdf (default DIR: out); an output\n"
    "                                             whose inputs are unchanged is skipped unless --force\n"
    "       juesuan check DEPT.yaml...            run the audit rules (审核)\n"
    "       juesuan check --list-rules            list the audit rules\n"
    "       juesuan diff OLD.yaml NEW.yaml        what a correction changes: inputs, table cells, sentences\n"
    "       juesuan dump DEPT.yaml                print the document as plain text\n"
    "options: --root DIR   the folder holding templates/, data/ and fonts/\n";

struct Args {
  std::string command;
  std::vector<std::string> inputs;
  fs::path out = "out";
  fs::path root;
  bool list_rules = false;
  bool force = false;
};

[[noreturn]] void usage_error(const std::string& what) { throw Error(Failure::Input, what + "\n" + kUsage); }

Args parse_args(int argc, char** argv) {
  Args a;
  std::vector<std::string> v(argv + 1, argv + argc);
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string& s = v[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= v.size()) usage_error("option " + s + " needs a value");
      return v[++i];
    };
    if (s == "-o" || s == "--output") a.out = value();
    else if (s == "--root") a.root = value();
    else if (s == "--list-rules") a.list_rules = true;
    else if (s == "--force") a.force = true;
    else if (s == "-h" || s == "--help") { std::cout << kUsage; std::exit(0); }
    else if (!s.empty() && s[0] == '-') usage_error("unknown option " + s);
    else if (a.command.empty()) a.command = s;
    else a.inputs.push_back(s);
  }
  if (a.command.empty()) usage_error("no command given");
  if (a.root.empty()) a.root = default_root();
  return a;
}

// Prints findings; returns true when one of them is an error.
bool report(const std::vector<Finding>& findings) {
  for (const auto& f : findings) std::cerr << render_finding(f) << "\n";
  return has_errors(findings);
}

int cmd_build(const Args& a) {
  if (a.inputs.empty()) usage_error("build needs a YAML file");
  Resources res = Resources::load(a.root, /*with_fonts=*/true);
  int status = 0;
  for (const auto& in : a.inputs) {
    Outcome o = build_outputs(res, in, a.out, OutputOptions{a.force, true});
    report(o.findings);
    for (const auto& w : o.warnings) std::cerr << in << ": warning: " << w << "\n";
    switch (o.status) {
      case Outcome::Status::Unchanged:
        std::cerr << "unchanged: " << in << " (its outputs in " << a.out.string()
                  << " are up to date; --force rebuilds)\n";
        break;
      case Outcome::Status::Rejected:
        std::cerr << in << ": not built: the audit found errors (see above)\n";
        status = static_cast<int>(Failure::Findings);
        break;
      case Outcome::Status::Built:
        for (const auto& p : o.written) std::cerr << "wrote " << p.string() << "\n";
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
  if (a.inputs.empty()) usage_error("check needs a YAML file");
  Resources res = Resources::load(a.root);
  bool errors = false;
  for (const auto& in : a.inputs) {
    auto built = build_document(res, in);
    auto findings = check(built->model);
    for (const auto& f : findings) std::cout << render_finding(f) << "\n";
    errors = errors || has_errors(findings);
  }
  return errors ? static_cast<int>(Failure::Findings) : 0;
}

int cmd_diff(const Args& a) {
  if (a.inputs.size() != 2) usage_error("diff needs two YAML files: the old one and the new one");
  Resources res = Resources::load(a.root);
  auto old_built = build_document(res, a.inputs[0]);
  auto new_built = build_document(res, a.inputs[1]);
  DocumentDiff d;
  d.inputs = diff_inputs(yaml::parse(old_built->source.file), yaml::parse(new_built->source.file));
  d.cells = diff_tables(old_built->document, new_built->document);
  d.sentences = diff_sentences(old_built->document, new_built->document);
  std::cout << render(d, a.inputs[0], a.inputs[1]);
  return 0;
}

int cmd_dump(const Args& a) {
  if (a.inputs.size() != 1) usage_error("dump needs one YAML file");
  Resources res = Resources::load(a.root);
  auto built = build_document(res, a.inputs.front());
  std::cout << doc::plain_text(built->document);
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
    usage_error("unknown command \"" + a.command + "\"");
  } catch (const Error& e) {
    std::cerr << e.render();
    return static_cast<int>(e.kind());
  } catch (const std::exception& e) {
    std::cerr << "juesuan: internal error: " << e.what() << "\n";
    return static_cast<int>(Failure::Internal);
  }
}
