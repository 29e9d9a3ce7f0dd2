// juesuan: the command line. Thin: it parses arguments and calls the
// library; every message about an input comes from the stages below.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "core/file.hpp"
#include "html/html_writer.hpp"

namespace fs = std::filesystem;
using namespace juesuan;

namespace {

const char* kUsage =
    "usage: juesuan build DEPT.yaml [-o DIR] [--root DIR]\n"
    "\n"
    "  build   generate DEPT's report (HTML) into DIR (default: out/)\n"
    "  --root  the folder holding templates/, data/ and fonts/\n";

struct Args {
  std::string command;
  std::vector<std::string> inputs;
  fs::path out = "out";
  fs::path root;
};

Args parse_args(int argc, char** argv) {
  Args a;
  std::vector<std::string> v(argv + 1, argv + argc);
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string& s = v[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= v.size()) throw Error(Failure::Input, "option " + s + " needs a value\n" + kUsage);
      return v[++i];
    };
    if (s == "-o" || s == "--output") a.out = value();
    else if (s == "--root") a.root = value();
    else if (s == "-h" || s == "--help") { std::cout << kUsage; std::exit(0); }
    else if (!s.empty() && s[0] == '-') throw Error(Failure::Input, "unknown option " + s + "\n" + kUsage);
    else if (a.command.empty()) a.command = s;
    else a.inputs.push_back(s);
  }
  if (a.command.empty()) throw Error(Failure::Input, std::string("no command given\n") + kUsage);
  if (a.root.empty()) a.root = default_root();
  return a;
}

int cmd_build(const Args& a) {
  if (a.inputs.empty()) throw Error(Failure::Input, std::string("build needs a YAML file\n") + kUsage);
  Resources res = Resources::load(a.root);
  for (const auto& in : a.inputs) {
    auto built = build_document(res, in);
    std::string html = html::write_html(built->document);
    std::error_code ec;
    fs::create_directories(a.out, ec);
    fs::path target = a.out / (fs::path(in).stem().string() + ".html");
    write_file_atomic(target, html);
    std::cerr << "wrote " << target.string() << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Args a = parse_args(argc, argv);
    if (a.command == "build") return cmd_build(a);
    throw Error(Failure::Input, "unknown command \"" + a.command + "\"\n" + kUsage);
  } catch (const Error& e) {
    std::cerr << e.render();
    return static_cast<int>(e.kind());
  } catch (const std::exception& e) {
    std::cerr << "juesuan: internal error: " << e.what() << "\n";
    return static_cast<int>(Failure::Internal);
  }
}
