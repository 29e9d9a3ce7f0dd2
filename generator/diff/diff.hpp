// diff: what a correction changes. Compares two source files input by input,
// and the two documents built from them table cell by table cell and
// sentence by sentence, so a reviewer sees the full effect of a change.
#pragma once

#include <string>
#include <vector>

#include "document/document.hpp"
#include "yaml/yaml_tree.hpp"

namespace juesuan {

struct InputChange {
  std::string path;        // items[2010301].basic.general
  std::string old_value, new_value;   // "" when absent
  int old_line = 0, new_line = 0;
};

struct CellChange {
  std::string table;       // 公开01表 收入支出决算总表
  std::string row;         // the row's labels: 208 社会保障和就业支出
  std::string column;      // the column's header: 本年支出合计
  std::string old_value, new_value;
};

struct SentenceChange {
  std::string section;     // the heading the sentence is under
  std::string old_sentence, new_sentence;   // "" when added / removed
};

struct DocumentDiff {
  std::vector<InputChange> inputs;
  std::vector<CellChange> cells;
  std::vector<SentenceChange> sentences;
  bool empty() const { return inputs.empty() && cells.empty() && sentences.empty(); }
};

std::vector<InputChange> diff_inputs(const yaml::Node& old_root, const yaml::Node& new_root);
std::vector<CellChange> diff_tables(const doc::Document& old_doc, const doc::Document& new_doc);
std::vector<SentenceChange> diff_sentences(const doc::Document& old_doc, const doc::Document& new_doc);

// The report `juesuan diff` prints.
std::string render(const DocumentDiff& d, const std::string& old_name, const std::string& new_name);

}  // namespace juesuan
