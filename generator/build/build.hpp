// One department, from its file to its outputs: the driver that `build`,
// `check`, `dump`, `diff` and `batch` share. The department's file is read
// once; what is stamped is the hash of the very bytes that were built.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "build/resources.hpp"
#include "build/writers.hpp"
#include "check/check.hpp"
#include "document/document.hpp"
#include "model/model.hpp"
#include "source/source.hpp"

namespace juesuan {

// A department loaded and computed (no document): what the audit needs.
// Held by pointer, as the Model points into the Source.
struct Computed {
  Source source;
  Model model;
};

// ... and composed.
struct Built {
  Source source;
  Model model;
  doc::Document document;
};

// Loads, computes and composes. Throws Error.
std::unique_ptr<Built> build_document(const Resources& res, std::shared_ptr<const SourceFile> file);
std::unique_ptr<Built> build_document(const Resources& res, const std::filesystem::path& yaml);

// Loads and computes only. Throws Error.
std::unique_ptr<Computed> compute_department(const Resources& res, std::shared_ptr<const SourceFile> file);

// The content hash of one department's outputs: the resources, the name the
// department goes by (its file name, or its path relative to the city) and
// the bytes of its file — never the spelling of the path it was read from.
std::string content_hash(const Resources& res, std::string_view name, const SourceFile& file);

// The stamp file's text: the content hash and the outputs it covers.
std::string stamp_text(const std::string& hash, const std::vector<const Writer*>& outputs);

// The outputs of one department in a folder: NAME.pdf, NAME.html (one per
// writer) and NAME.juesuan-hash, the content stamp of what they were made
// from.
inline constexpr std::string_view kStampExtension = ".juesuan-hash";

struct OutputOptions {
  bool force = false;                // rebuild even when the stamp says nothing changed
  std::vector<std::string> formats;  // writer names; empty = every writer
  // The name that goes into the content hash; empty = the file's name.
  std::string name;
  // The city's index.html relative to the output folder ("../index.html"),
  // linked from each page; empty = no index (a single build).
  std::string index_link;
  // The outputs are named by the document's title ("某局2022年度部门决算.pdf")
  // instead of the YAML file's name (the document is then composed before
  // the stamp is compared).
  bool name_by_title = false;
  // The writers run side by side: those that need the fonts (the PDF) on
  // the calling thread, the others on one more thread. For a run that
  // builds one department at a time (`build`, `batch -j 1`); a city of
  // several workers already keeps the cores busy. The outputs, warnings
  // and the error reported (the first writer's in table order) are the
  // same either way.
  bool parallel_writers = false;
  // Called at fixed points of the build ("read": the file has been read;
  // "commit": every output is rendered, none written yet) — for tests of
  // concurrent builds.
  std::function<void(std::string_view point)> hook;
};

struct Outcome {
  enum class Status { Built, Unchanged, Rejected } status = Status::Built;
  std::shared_ptr<const SourceFile> input;    // the department's file as read (once)
  std::vector<Finding> findings;              // of the audit (empty when unchanged)
  std::vector<OutputWarning> warnings;        // of the writers (a character no font has: where
                                              // it is in the YAML)
  std::vector<std::filesystem::path> written; // in writer-table order, the stamp not included
  std::unique_ptr<Built> built;               // null when unchanged
};

// The writers of these options, in table order. Throws Error(Internal) for
// an unknown name.
std::vector<const Writer*> selected_writers(const OutputOptions& options);

// Builds and writes one department's outputs. Every output and the stamp
// are written to temporary files first and renamed into place together,
// under the output folder's lock, the stamp last (and the old one removed
// before the first rename): an interrupted or failed build never leaves a
// stamp over outputs it does not describe, and a failure to write (a full
// disk) leaves the earlier outputs as they were. Rejected (nothing written)
// when the audit finds an error. Throws Error for an unreadable input
// (Input) or an output that cannot be written (Output).
Outcome build_outputs(const Resources& res, const std::filesystem::path& yaml, const std::filesystem::path& out_dir,
                      const OutputOptions& options);

// Removes a department's outputs and stamp (stamp first), under the
// folder's lock: for a department that must not stay published.
void remove_outputs(const std::filesystem::path& out_dir, std::string_view stem);

// The files of a department's outputs that exist, in writer-table order.
std::vector<std::filesystem::path> existing_outputs(const std::filesystem::path& out_dir, std::string_view stem);

}  // namespace juesuan
