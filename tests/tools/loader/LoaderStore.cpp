#include "tests/tools/loader/LoaderStore.h"

#include <filesystem>

namespace killrvideo::testing {

namespace {

std::string embedded_config(const std::string& data_dir, const std::string& plugins) {
  return "server:\n"
         "  listen: 127.0.0.1\n"
         "  access_log: off\n"
         "auth:\n"
         "  jwt_secret: \"" + std::string(kLoaderTestJwtSecret) + "\"\n"
         "  bcrypt_cost: 4\n"
         "database:\n"
         "  backend: embedded\n"
         "  embedded: { data_dir: \"" + data_dir + "\" }\n"
         "plugin_dirs: [\"" + plugin_dir() + "\"]\n"
         "plugins:\n" + plugins;
}

}  // namespace

LoaderStore::LoaderStore(const std::string& plugins)
    : config_yaml_(embedded_config(dir_.path() + "/data", plugins)),
      config_path_(dir_.write("config.yaml", config_yaml_)) {}

std::string LoaderStore::write_folder(const std::string& name,
                                       const std::vector<std::pair<std::string, std::string>>& files) const {
  const std::string folder = dir_.path() + "/" + name;
  std::filesystem::create_directories(folder);
  for (const auto& [file, content] : files) dir_.write(name + "/" + file, content);
  return folder;
}

ExitResult LoaderStore::load(const std::vector<std::string>& args) const {
  std::vector<std::string> argv{build_dir() + "/bin/killrvideo-load", "--config", config_path_};
  argv.insert(argv.end(), args.begin(), args.end());
  return ListeningProcess::run_to_exit(std::move(argv), dir_.path(), std::chrono::seconds(120));
}

bool plugin_built(const std::string& name) { return std::filesystem::exists(plugin_dir() + "/" + name + ".so"); }

std::string shared_data_dir() { return source_dir() + "/../shared/killrvideo-data"; }

}  // namespace killrvideo::testing
