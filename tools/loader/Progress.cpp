#include "tools/loader/Progress.h"

#include <chrono>
#include <cstdio>

namespace killrvideo::loader {

namespace {

std::string summary(const RowSource& source, const ImportTally& tally, double seconds) {
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.1f s", seconds);
  return source.name() + ": " + std::to_string(tally.loaded) + " rows loaded, " + std::to_string(tally.skipped) +
         " skipped, " + elapsed;
}

class PlainProgress final : public Progress {
 public:
  PlainProgress(std::ostream& out, std::ostream& errors) : out_(out), errors_(errors) {}

  void advance(const RowSource&, const ImportTally&) override {}
  void row_skipped(const std::string& location, const std::string& reason) override {
    errors_ << location << ": " << reason << '\n';
  }
  void finish(const RowSource& source, const ImportTally& tally, double seconds) override {
    out_ << summary(source, tally, seconds) << std::endl;
  }
  void note(const std::string& line) override { out_ << line << std::endl; }

 private:
  std::ostream& out_;
  std::ostream& errors_;
};

class TerminalProgress final : public Progress {
 public:
  TerminalProgress(std::ostream& out, std::ostream& errors) : out_(out), errors_(errors) {}

  void advance(const RowSource& source, const ImportTally& tally) override {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_drawn_ < kRedrawInterval) return;
    last_drawn_ = now;
    draw_bar(source, tally);
  }
  void row_skipped(const std::string& location, const std::string& reason) override {
    clear_line();
    errors_ << location << ": " << reason << std::endl;
    last_drawn_ = {};  // the bar is gone: draw it again at the next row
  }
  void finish(const RowSource& source, const ImportTally& tally, double seconds) override {
    clear_line();
    out_ << summary(source, tally, seconds) << std::endl;
    last_drawn_ = {};
  }
  void note(const std::string& line) override {
    clear_line();
    out_ << line << std::endl;
  }

 private:
  static constexpr std::chrono::milliseconds kRedrawInterval{100};
  static constexpr int kBarWidth = 30;

  void draw_bar(const RowSource& source, const ImportTally& tally) {
    const double fraction = source.total() == 0 ? 1.0 : static_cast<double>(source.done()) / source.total();
    const int filled = static_cast<int>(fraction * kBarWidth);
    clear_line();
    out_ << source.name() << " [" << std::string(filled, '#') << std::string(kBarWidth - filled, '.') << "] "
         << static_cast<int>(fraction * 100) << "%  " << tally.loaded + tally.skipped << " rows" << std::flush;
  }
  void clear_line() { out_ << "\r\033[K" << std::flush; }

  std::ostream& out_;
  std::ostream& errors_;
  std::chrono::steady_clock::time_point last_drawn_{};
};

}  // namespace

std::unique_ptr<Progress> make_progress(bool terminal, std::ostream& out, std::ostream& errors) {
  if (terminal) return std::make_unique<TerminalProgress>(out, errors);
  return std::make_unique<PlainProgress>(out, errors);
}

}  // namespace killrvideo::loader
