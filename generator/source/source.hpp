// The source data of one department and year: exactly what its finance
// officer typed, typed and located, nothing computed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diag.hpp"
#include "core/money.hpp"

namespace juesuan {

// An input value and where it was written. `present` is false for a value
// the file left out (it then counts as zero / empty).
template <class T>
struct In {
  T value{};
  Loc loc;
  bool present = false;
};

using Amount = In<Money>;
using Text = In<std::string>;
using Count = In<std::int64_t>;

// Money of the three fiscal funds and non-fiscal money.
struct ByFund {
  Amount general;   // 一般公共预算财政拨款
  Amount fund;      // 政府性基金预算财政拨款
  Amount capital;   // 国有资本经营预算财政拨款
  Amount other;     // 非财政拨款
};

struct ItemIncome {
  Amount general, fund, capital, superior, service, business, affiliated, other;
};

struct Balance {
  Amount opening, closing;
};

// One 功能分类 项 (7-digit code).
struct Item {
  Text code;
  Text name;             // override of the catalog name
  ItemIncome income;
  ByFund basic;          // 基本支出 by source of funds
  ByFund project;        // 项目支出 by source of funds
  Amount to_superior;    // 上缴上级支出
  Amount business;       // 经营支出
  Amount to_affiliated;  // 对附属单位补助支出
  Balance fund_balance;     // 政府性基金预算财政拨款结转和结余
  Balance capital_balance;  // 国有资本经营预算财政拨款结转和结余
  Amount budget;         // 年初预算 (一般公共预算财政拨款)
  Text reason;           // why 决算 differs from 年初预算
  Loc loc;               // the item as a whole
};

struct Balances {
  Amount opening_general, opening_other;
  Amount closing_general, closing_other;
  Amount use_of_nonfiscal_surplus;
  Amount surplus_distribution;
};

struct LastYear {
  Amount total, fiscal_total, general_spending;
  Text total_reason, fiscal_reason, general_reason;
};

struct ThreePublic {
  Amount budget_abroad, budget_vehicle_purchase, budget_vehicle_operation, budget_reception;
  Amount abroad, vehicle_purchase, vehicle_operation, reception_foreign, reception_domestic;
  Text reason, abroad_reason, vehicle_reason, reception_reason;
  Count abroad_groups, abroad_persons, vehicles_bought, vehicles_held;
  Text vehicles_bought_note, vehicle_operation_use;
  Count foreign_groups, foreign_persons, domestic_groups, domestic_persons;
  Text foreign_use, domestic_use;
};

struct OperatingCosts {
  Amount amount, budget, last_year;
  Text reason;
};

struct Procurement {
  Amount goods, works, services, sme, small_micro;
};

struct Assets {
  std::map<std::string, Count> vehicles;  // by use key (see SCHEMA.md)
  Text other_vehicles_use;
  Count equipment_over_1m, general_equipment_over_500k, special_equipment_over_1m;
};

// A free-form value tree (performance section, attachments), kept as typed
// YAML so templates can read it; scalars stay text.
struct FreeNode {
  enum class Kind { Null, Scalar, Sequence, Map } kind = Kind::Null;
  std::string text;
  std::vector<FreeNode> items;
  std::vector<std::pair<std::string, FreeNode>> entries;
  Loc loc;
};

struct AttachmentCell {
  std::string text;
  int colspan = 1, rowspan = 1;
};

struct AttachmentBlock {
  enum class Kind { Heading, Paragraph, Table } kind = Kind::Paragraph;
  std::string text;                                   // heading / paragraph
  std::vector<std::vector<AttachmentCell>> rows;      // table
  int header_rows = 0;                                // of rows, how many are header rows
  Loc loc;
};

struct Attachment {
  Text title;
  std::vector<AttachmentBlock> blocks;
};

// A figure the department supplies although the generator computes it (a
// total copied from its own spreadsheet). Never used to build the report:
// `check` compares it with the computed figure.
struct Supplied {
  std::string figure;   // a figure name, e.g. "spend.total" or "dept.grand_income"
  std::string code;     // for 功能分类 figures: the 类/款/项 code ("" = 合计)
  Amount amount;
  Loc loc;              // the key
};

struct Overview {
  Text composition;       // 决算单位构成, e.g. 本级决算、所属事业单位决算
  Text duties_intro;
  std::vector<Text> duties;
  Text organisation;
  std::vector<Text> units;
};

struct Source {
  std::shared_ptr<const SourceFile> file;
  Text department;
  Text short_name;        // the department's name in headings (default: department)
  Count year;
  Text format;
  Unit unit = Unit::WanYuan;
  Text publish_date;      // "2023-09"
  In<bool> item_glossary;
  Overview overview;
  std::vector<Item> items;
  std::map<std::string, Amount> basic_economic;  // 5-digit 经济分类 款 -> amount
  Balances balances;
  LastYear last_year;
  ThreePublic three_public;
  OperatingCosts operating_costs;
  Procurement procurement;
  Assets assets;
  FreeNode performance;
  std::vector<Attachment> attachments;
  std::vector<Supplied> supplied;
};

}  // namespace juesuan
