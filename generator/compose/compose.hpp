// compose: Model + templates of its format -> Document. The templates'
// Mustache text renders to a small line-based markup (see markup.hpp);
// tables are built from the layouts in tables.yaml.
#pragma once

#include "compose/templates.hpp"
#include "document/document.hpp"
#include "model/model.hpp"

namespace juesuan {

// Throws Error(Failure::Setup) when a template refers to a table or an
// attachment that does not exist.
doc::Document compose(const Model& model, const TemplateSet& templates);


}  // namespace juesuan
