#include "build/resources.hpp"

#include <cstdlib>
#include <future>

#include "core/file.hpp"
#include "core/hash.hpp"
#include "yaml/yaml_tree.hpp"

namespace juesuan {

std::filesystem::path default_root() {
  if (const char* env = std::getenv("JUESUAN_ROOT"); env && *env) return env;
  return JUESUAN_DEFAULT_ROOT;
}

Resources Resources::load(const std::filesystem::path& root, bool with_fonts, bool lazy_templates) {
  Resources r;
  r.root = root;
  // The templates are parsed while the catalog is (both are mostly YAML).
  auto templates = std::async(std::launch::async, Templates::load, root / "templates", lazy_templates);
  r.catalog = Catalog::load(root / "data" / "catalog");
  r.templates = templates.get();
  Hasher h;
  h.add(JUESUAN_VERSION);
  h.add_file_stamp("/proc/self/exe");
  std::error_code ec;
  h.add_file_stamp(std::filesystem::read_symlink("/proc/self/exe", ec));
  h.add_tree(root / "templates").add_tree(root / "data" / "catalog").add_tree(root / "fonts");
  // The font files the manifest names (outside the tree, from packages).
  try {
    yaml::Node manifest = yaml::parse(read_source_file(root / "fonts" / "manifest.yaml"));
    if (const yaml::Node* fonts = manifest.find("fonts"))
      for (const auto& f : fonts->items)
        if (const yaml::Node* file = f.find("file")) h.add_file_stamp(file->text);
  } catch (const Error&) {
    // No manifest: the PDF writer reports that itself.
  }
  r.fingerprint = h.hex();
  if (with_fonts) {
    try {
      r.fonts = pdf::FontLibrary::load(root / "fonts" / "manifest.yaml");
    } catch (const Error& e) {
      throw Error(Failure::Setup, e.message());
    }
  }
  return r;
}

LoadContext Resources::load_context() const {
  return LoadContext{&catalog, templates.formats(), templates.profiles(), default_profile};
}

}  // namespace juesuan
