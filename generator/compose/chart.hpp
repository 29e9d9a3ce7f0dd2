// Charts of 第三部分, placed by the markup line
//
//   @chart pie LIST | 图2：收入决算结构
//   @chart bar totals | 图1：收、支决算总计变动情况
//
// A pie takes one of the model's lists of parts as the templates see them
// (income_detail, income_shares, income_all, spending_shares, spending_all,
// spending_by_class, grand_income_parts, general.by_class): one slice per
// part that is not zero, its name, printed amount and share as the list
// gives them, its exact amount from the model. A bar chart compares a pair
// of totals with last year: `totals` (本年收入合计 and 本年支出合计,
// income_change / spending_change) or `grand` (收入总计 = 支出总计,
// grand_change); its words come from labels.yaml `charts:`. When last
// year's figure of a group is not given, the chart shows this year only.
#pragma once

#include <mstch/mstch.hpp>

#include <string>

#include "compose/markup.hpp"
#include "compose/templates.hpp"
#include "document/document.hpp"
#include "model/model.hpp"

namespace juesuan {

// Throws Error(Failure::Setup) for a chart the directive does not name
// rightly (`origin` names the template).
doc::Chart build_chart(const markup::Directive& directive, const Model& model, const TemplateSet& templates,
                       const mstch::map& context, const std::string& origin);

// The lists and pairs a chart may name, for the message and the README.
const std::vector<std::string>& pie_chart_lists();
const std::vector<std::string>& bar_chart_pairs();

}  // namespace juesuan
