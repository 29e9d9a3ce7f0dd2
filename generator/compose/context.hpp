// The values the Mustache templates can use, built from a Model: every
// figure already formatted, every choice (增加/减少, has a rate or not) a
// boolean. templates/README.md lists the names.
#pragma once

#include <mstch/mstch.hpp>

#include <string>
#include <vector>

#include "compose/templates.hpp"
#include "model/model.hpp"

namespace juesuan {

mstch::map build_context(const Model& model, const TemplateSet& templates);

// Every name build_context may set, for checking templates when they load:
// collected from build_context itself, run once on a model with one element
// in every list (no list kept by hand); sorted.
const std::vector<std::string>& context_names();

}  // namespace juesuan
