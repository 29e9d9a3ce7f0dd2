#include "batch/progress.hpp"

#include <unistd.h>

#include <cmath>

namespace juesuan::batch {

namespace {

std::string fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string duration(double s) {
  if (s < 60) return fixed1(s) + " s";
  int m = static_cast<int>(s) / 60;
  return std::to_string(m) + " min " + std::to_string(static_cast<int>(s) - 60 * m) + " s";
}

}  // namespace

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
    std::string n = std::to_string(total_);
    std::string k = std::to_string(done_);
    text = "[" + std::string(n.size() - k.size(), ' ') + k + "/" + n + "] " + status_key(d.status) + " " + printable_name(d.path) + "\n";
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
  std::string line = "\r\x1b[K[" + bar + "] " + std::to_string(done_) + "/" + std::to_string(total_) + "  " +
                     std::to_string(failed_) + " failed  " + duration(s) + " elapsed";
  if (done_ > 0 && done_ < total_) line += "  ETA " + duration(s / done_ * (total_ - done_));
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
  std::string out = "batch: " + std::to_string(s.city.departments) + " departments: " + std::to_string(s.city.built) +
                    " built, " + std::to_string(s.city.unchanged) + " unchanged, " + std::to_string(s.city.failed) +
                    " failed";
  if (seconds) out += " in " + fixed1(*seconds) + " s";
  if (seconds && *seconds > 0) out += " (" + fixed1(s.city.departments / *seconds) + " documents/s)";
  out += "\n";
  for (const auto& d : index.departments)
    if (d.status == Status::Failed) out += "failed: " + printable_name(d.path) + ": " + d.error + "\n";
  return out;
}

}  // namespace juesuan::batch
