// killrvideo-load: fills the configured store with the KillrVideo CSV export or a small demo data set,
// through the importers of the enabled plugins. Any start-up problem is printed as one line, exit 1.

#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "tools/loader/Loader.h"

namespace {

std::filesystem::path executable_dir(const char* argv0) {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  return (error ? std::filesystem::absolute(argv0) : self).parent_path();
}

// Host and plugin logs stay out of the progress display: warnings and errors only, on stderr.
void quiet_logs() {
  auto logger = spdlog::stderr_color_mt("killrvideo-load");
  logger->set_pattern("[%l] [%n] %v");
  logger->set_level(spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"KillrVideo data loader: feeds the KillrVideo CSV export (or --demo data) to the importers of the "
               "plugins enabled in a config, on its configured store. Re-running upserts the same rows.\n\n"
               "videos_cleaned.csv was re-keyed when the export was cleaned, so its rows are linked to the other "
               "files first: each video takes the id of the video_playback_stats.csv row at the same position "
               "(checked against latest_videos.csv), so views, comments and ratings find it; each uploader becomes "
               "the users.csv user latest_videos.csv names for one of their videos, and the uploaders it does not "
               "name get, in the order of their first video, the users.csv users with no upload, in file order. "
               "The loader prints what it linked (tools/loader/README.md)."};
  killrvideo::loader::LoadRequest request;
  request.config_path = "config/killrvideo.yaml";
  std::string csv_dir;
  cli.add_option("--config", request.config_path, "YAML config file, as for the server")->capture_default_str();
  auto* csv_option =
      cli.add_option("CSV_DIR", csv_dir, "folder of the CSV export (users.csv, videos_cleaned.csv, …)");
  auto* demo_flag = cli.add_flag("--demo", "load a small generated demo data set instead of CSV_DIR");
  cli.add_flag("--if-empty", request.if_empty, "load nothing when the store already has a video");
  auto* recount_flag = cli.add_flag("--recount", request.recount,
                                    "load nothing: rebuild the counters plugins keep (comment and rating totals, …) "
                                    "from their rows, and print every value corrected");
  cli.add_option("--rows-per-commit", request.rows_per_commit,
                 "rows whose writes the embedded store commits together (a crash loses at most these rows; a re-run "
                 "writes them again)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  csv_option->excludes(demo_flag);
  recount_flag->excludes(csv_option)->excludes(demo_flag);
  CLI11_PARSE(cli, argc, argv);
  if (csv_dir.empty() && !*demo_flag && !request.recount) {
    std::cerr << "killrvideo-load: give CSV_DIR, --demo or --recount (see --help)" << std::endl;
    return 2;
  }
  if (!csv_dir.empty()) request.csv_dir = csv_dir;
  request.executable_dir = executable_dir(argv[0]);

  quiet_logs();
  const auto progress = killrvideo::loader::make_progress(isatty(STDOUT_FILENO) == 1, std::cout, std::cerr);
  try {
    killrvideo::loader::run_load(request, *progress);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "killrvideo-load: " << e.what() << std::endl;
    return 1;
  }
}
