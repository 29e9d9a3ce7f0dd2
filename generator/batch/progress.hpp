// Progress on stderr while a batch runs: a live bar on a terminal, one line
// per finished department otherwise, or nothing (--quiet). Failures and
// writer warnings are printed as they come, except when quiet.
#pragma once

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

#include "batch/batch.hpp"

namespace juesuan::batch {

class Progress : public Observer {
 public:
  enum class Mode { Bar, Lines, Quiet };
  // Bar when `out` is a terminal, else Lines; Quiet when asked.
  static Mode mode_for(std::FILE* out, bool quiet);

  Progress(Mode mode, std::size_t total, std::chrono::steady_clock::time_point start, std::FILE* out = stderr);
  void finished(const Department& d) override;
  void tick() override;
  // Clears the bar; call before printing anything else.
  void end();
  double seconds() const;

 private:
  void draw();
  void print_above(const std::string& text);

  Mode mode_;
  std::size_t total_, done_ = 0, failed_ = 0;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool bar_shown_ = false;
};

// The closing lines: counts, wall time and documents per second (when
// timed), and each failed department with its first error.
std::string summary_text(const Index& index, std::optional<double> seconds);

}  // namespace juesuan::batch
