// check: the audit rules (审核). Each rule has an id, a one-line
// description and a severity; a finding points at the YAML line it is
// about and gives the values involved. Rules are listed in one table
// (rules.cpp); `juesuan check --list-rules` prints it.
#pragma once

#include <string>
#include <vector>

#include "core/diag.hpp"
#include "model/model.hpp"

namespace juesuan {

struct Finding {
  Severity severity = Severity::Error;
  std::string rule;
  Loc loc;
  std::string message;
};

struct RuleInfo {
  const char* id;
  std::string description;  // from the message catalog
};

const std::vector<RuleInfo>& rule_list();

// Runs every rule on a model computed from `source` (which says where each
// input is written). Findings come in rule order, then file order.
std::vector<Finding> check(const Source& source, const Model& model);

// "file:line:col: severity [rule] message" on one line.
std::string render_finding(const Finding& f);

bool has_errors(const std::vector<Finding>& findings);

}  // namespace juesuan
