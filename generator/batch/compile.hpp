// batch --compile: the city's compilation (汇编), one PDF of every
// department of the city (or of one 主管部门's folder), made from the
// Documents the workers build in the same run. The workers hand each
// department's Document over as it is built; a thread of its own adds them
// to the volume in index order (pdf::Volume lays each out and writes its
// pages, then drops it) and holds the workers back when the volume lags, so
// only a few Documents are ever kept. The wording of the cover and the
// master 目录 is templates/common/volume.yaml.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "batch/batch.hpp"

namespace juesuan::pdf {
class Volume;
}

namespace juesuan::batch {

class Compiler {
 public:
  // `jobs`: every job of the run, in index order. Reads volume.yaml and
  // checks that no department's outputs take the compilation's file name.
  // Throws Error (Setup: volume.yaml; Input: no department in the folder,
  // a name taken).
  Compiler(const Resources& res, const Options& options, const std::vector<Job>& jobs);
  ~Compiler();
  Compiler(const Compiler&) = delete;
  Compiler& operator=(const Compiler&) = delete;

  // Whether job i (of `jobs`) goes into the volume.
  bool wants(std::size_t i) const { return position_[i] >= 0; }
  // Blocks a worker before it builds job i while the volume is far behind.
  void wait_for_turn(std::size_t i);
  // Job i is done: its Document (null when it failed).
  void put(std::size_t i, std::unique_ptr<Built> built);

  struct Result {
    std::filesystem::path file;
    std::string title;  // as on its cover
    bool written = false;
    int departments = 0, pages = 0, failed = 0;
    std::string error;            // why it was not written (besides failed departments)
    bool output_failure = false;  // the file could not be written
  };
  // Waits for the volume, then puts the front matter in and writes the
  // file (or, when a department failed, removes an older one).
  Result finish();

 private:
  void consume();
  std::string fill(const std::string& pattern) const;

  const Resources& res_;
  std::vector<int> position_;          // job -> position in the volume, -1 if not in it
  std::vector<std::string> group_;     // by position: the 主管部门's name ("" at the top)
  std::vector<std::unique_ptr<Built>> slots_;  // by position
  std::vector<char> ready_;
  std::size_t consumed_ = 0;
  std::size_t window_ = 4;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::thread thread_;
  std::unique_ptr<pdf::Volume> volume_;
  std::map<int, int> years_;
  int failed_ = 0;
  std::string error_;
  std::filesystem::path file_;
  std::string city_, folder_name_, title_, toc_;
  std::vector<std::string> cover_;
};

}  // namespace juesuan::batch
