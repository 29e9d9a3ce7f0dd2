#include "source/catalog.hpp"

#include "core/diag.hpp"
#include "core/file.hpp"
#include "source/yaml_tree.hpp"

namespace juesuan {

namespace {

yaml::Node parse_setup(const std::filesystem::path& path) {
  try {
    return yaml::parse(read_source_file(path));
  } catch (const Error& e) {
    throw Error(Failure::Setup, e.loc(), e.message());
  }
}

std::map<std::string, std::string> code_map(const std::filesystem::path& path) {
  yaml::Node root = parse_setup(path);
  std::map<std::string, std::string> out;
  if (!root.is_map()) throw Error(Failure::Setup, root.loc, "catalog must be a mapping of code to text");
  for (const auto& [k, v] : root.entries) {
    if (!v.is_scalar()) throw Error(Failure::Setup, v.loc, "catalog value must be text");
    out.emplace(k.text, v.text);
  }
  return out;
}

std::vector<std::string> string_list(const yaml::Node& root, const char* key) {
  std::vector<std::string> out;
  const yaml::Node* n = root.find(key);
  if (!n || !n->is_seq()) throw Error(Failure::Setup, root.loc, std::string("missing list: ") + key);
  for (const auto& i : n->items) out.push_back(i.text);
  return out;
}

}  // namespace

Catalog Catalog::load(const std::filesystem::path& dir) {
  Catalog c;
  c.functional = code_map(dir / "functional.yaml");
  c.economic = code_map(dir / "economic.yaml");
  yaml::Node groups = parse_setup(dir / "economic-groups.yaml");
  c.personnel = string_list(groups, "personnel");
  c.public_funds = string_list(groups, "public");
  c.item_descriptions = code_map(dir / "item-descriptions.yaml");
  return c;
}

const std::string* Catalog::functional_name(const std::string& code) const {
  auto it = functional.find(code);
  return it == functional.end() ? nullptr : &it->second;
}

const std::string* Catalog::economic_name(const std::string& code) const {
  auto it = economic.find(code);
  return it == economic.end() ? nullptr : &it->second;
}

}  // namespace juesuan
