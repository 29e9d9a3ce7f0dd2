// Every word of the index page and of the CSV header, in one place. (The
// reports' own wording lives in templates/; these are the batch index's
// labels only.)
#pragma once

#include <array>

namespace juesuan::batch::labels {

inline constexpr const char* kTitle = "部门决算公开 · 全市索引";
inline constexpr const char* kSummary = "汇总";
inline constexpr const char* kDepartments = "各部门";
inline constexpr const char* kFolder = "主管部门";
inline constexpr const char* kTopFolder = "（未分组）";
inline constexpr const char* kDepartment = "部门";
inline constexpr const char* kSourceFile = "源文件";
inline constexpr const char* kStatus = "状态";
inline constexpr const char* kFiles = "文件";
inline constexpr const char* kError = "错误";
inline constexpr const char* kErrorLines = "出错的行";
inline constexpr const char* kCount = "部门数";
inline constexpr const char* kBuilt = "已生成";
inline constexpr const char* kUnchanged = "未变化";
inline constexpr const char* kFailed = "失败";
inline constexpr const char* kCityTotal = "全市合计";
inline constexpr const char* kUnit = "金额单位：万元";
inline constexpr const char* kUnitSuffix = "（万元）";
inline constexpr const char* kTotalsNote = "失败的部门不计入合计。各部门金额四舍五入到万元两位小数，合计数与各部门数之和可能存在尾差。";
inline constexpr const char* kCountsTotal = "部门共";   // 部门共 N 个：已生成 a 个 …
inline constexpr const char* kUnitCount = "个";
inline constexpr const char* kWarnings = "提示";
// Headers of the five key figures, in kFigureFields order.
inline constexpr std::array<const char*, 5> kFigures = {"收支总计", "本年收入合计", "本年支出合计", "财政拨款支出",
                                                        "“三公”经费合计"};

}  // namespace juesuan::batch::labels
