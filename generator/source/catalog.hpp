// The classification catalogs of data/catalog/: names of 功能分类 and 经济分类
// 科目, the 人员经费/公用经费 groups and the official 科目说明. Loaded once per
// process and shared read-only.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace juesuan {

struct Catalog {
  std::map<std::string, std::string> functional;        // "2010301" -> 行政运行
  std::map<std::string, std::string> economic;          // "30101" -> 基本工资
  std::vector<std::string> personnel;                   // 经济分类 类 of 人员经费
  std::vector<std::string> public_funds;                // 经济分类 类 of 公用经费
  std::map<std::string, std::string> item_descriptions; // 项 -> 科目说明

  // Throws Error(Failure::Setup) naming the file when a catalog is missing
  // or malformed.
  static Catalog load(const std::filesystem::path& dir);

  const std::string* functional_name(const std::string& code) const;
  const std::string* economic_name(const std::string& code) const;
};

}  // namespace juesuan
