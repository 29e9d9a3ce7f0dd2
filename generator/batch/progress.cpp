#include "batch/progress.hpp"

#include <unistd.h>

#include <cmath>

#include "core/ui.hpp"

namespace juesuan::batch {


Progress::Mode Progress::mode_for(std::FILE* out, bool quiet) {
  if (quiet) return Mode::Quiet;
  return ::isatty(::fileno(out)) ? Mode::Bar : Mode::Lines;
}

Progress::Progress(Mode mode, std::size_t total, std::chrono::steady_clock::time_point start, std::FILE* out)
    : mode_(mode), total_(total), out_(out), start_(start) {
  if (mode_ == Mode::Bar) draw();
}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::print_above(const std::string& text) {
  if (mode_ == Mode::Bar && bar_shown_) std::fputs("\r\x1b[K", out_);
  bar_shown_ = false;
  std::fputs(text.c_str(), out_);
}

void Progress::finished(const Department& d) {
  ++done_;
  if (d.status == Status::Failed) ++failed_;
  if (mode_ == Mode::Quiet) return;
  std::string text;
  if (mode_ == Mode::Lines) {
    text = ui::progress_line(done_, total_, status_key(d.status), printable_name(d.path));
  }
  if (d.status == Status::Failed) text += d.detail;
  for (const auto& w : d.warnings) text += w + "\n";
  if (!text.empty()) print_above(text);
  if (mode_ == Mode::Bar) draw();
  std::fflush(out_);
}

void Progress::tick() {
  if (mode_ != Mode::Bar) return;
  if (std::chrono::steady_clock::now() - last_draw_ >= std::chrono::milliseconds(200)) draw();
}

void Progress::draw() {
  constexpr int kWidth = 30;
  int filled = total_ ? static_cast<int>(kWidth * done_ / total_) : kWidth;
  std::string bar(filled, '=');
  if (filled < kWidth) bar += '>' + std::string(kWidth - filled - 1, ' ');
  double s = seconds();
  std::optional<double> remaining;
  if (done_ > 0 && done_ < total_) remaining = s / done_ * (total_ - done_);
  std::string line = "\r\x1b[K" + ui::progress_bar(bar, done_, total_, failed_, s, remaining);
  std::fputs(line.c_str(), out_);
  std::fflush(out_);
  bar_shown_ = true;
  last_draw_ = std::chrono::steady_clock::now();
}

void Progress::end() {
  if (mode_ == Mode::Bar && bar_shown_) {
    draw();  // the final state stays visible
    std::fputs("\n", out_);
  }
  bar_shown_ = false;
  std::fflush(out_);
}

std::string summary_text(const Index& index, std::optional<double> seconds) {
  Summary s = summarise(index);
  std::string out = ui::summary(s.city.departments, s.city.built, s.city.unchanged, s.city.failed, seconds);
  for (const auto& d : index.departments)
    if (d.status == Status::Failed) out += ui::summary_failed(printable_name(d.path), d.error);
  return out;
}

}  // namespace juesuan::batch
