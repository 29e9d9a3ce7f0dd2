// The outputs of a department, as one table: each row is a writer — its
// name, the extension of its file, and a function from a finished Document
// (with the Resources) to bytes. The stamp, the incremental check, batch
// and its index all read this table; adding an output is one folder (the
// writer itself) and one row here.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "build/resources.hpp"
#include "document/document.hpp"
#include "document/warning.hpp"
#include "source/source.hpp"

namespace juesuan {

// What a writer is given.
struct WriterInput {
  const doc::Document& document;
  const Source& source;        // for locating warnings in the department's file
  const Resources& resources;
  // The file name of every output of this build, by writer name (so that
  // one output can link another: the HTML page its PDF edition).
  const std::map<std::string, std::string>& files;
  // The city's index page, relative to the outputs' folder (batch); "" = none.
  std::string index_link = {};
};

struct Writer {
  std::string_view name;        // "pdf": the key in stamps and index.json
  std::string_view extension;   // ".pdf"
  std::string_view label;       // "PDF": a column of index.csv, a link of index.html
  bool needs_fonts;             // Resources::load(root, true)
  // The file's bytes; what it could not do as asked is added to warnings
  // (as data: worded by output_warning). Throws Error.
  std::string (*write)(const WriterInput& in, std::vector<doc::Warning>& warnings);
  std::string_view mime = {};   // its media type, for a link to it ("application/pdf")
};

// A writer's warning as an officer reads it: where (for a character no font
// has, where the department's file first writes it, outside comments; else
// the file) and the catalog's words.
struct OutputWarning {
  Loc loc;
  std::string message;
};
OutputWarning output_warning(const std::shared_ptr<const SourceFile>& file, const doc::Warning& w);
// "file:line:col: 警告：…", one line.
std::string render(const OutputWarning& w);

// Every output, in the order they are stamped, reported and linked.
std::span<const Writer> writers();

// The row of that name, or null.
const Writer* find_writer(std::string_view name);

}  // namespace juesuan
