#include "cli/app.hpp"

#include <cstdlib>

#include "compose/compose.hpp"
#include "core/file.hpp"

namespace juesuan {

std::filesystem::path default_root() {
  if (const char* env = std::getenv("JUESUAN_ROOT"); env && *env) return env;
  return JUESUAN_DEFAULT_ROOT;
}

Resources Resources::load(const std::filesystem::path& root) {
  Resources r;
  r.root = root;
  r.catalog = Catalog::load(root / "data" / "catalog");
  r.templates = Templates::load(root / "templates");
  return r;
}

LoadContext Resources::load_context() const { return LoadContext{&catalog, templates.formats()}; }

std::unique_ptr<Built> build_document(const Resources& res, const std::filesystem::path& yaml) {
  auto b = std::make_unique<Built>();
  b->source = load_source(read_source_file(yaml), res.load_context());
  const TemplateSet* t = res.templates.find(b->source.format.value);
  b->model = compute(b->source, res.catalog);
  b->document = compose(b->model, *t);
  return b;
}

}  // namespace juesuan
