#include "plugins/FingerprintMismatch.h"

#include <algorithm>
#include <map>
#include <vector>

#include <fmt/format.h>

namespace killrvideo::host {

namespace {

using Fields = std::map<std::string, std::string>;

// "a=1;b=2" → {a: 1, b: 2}; a part without '=' is kept whole as a key with no value.
Fields fields_of(std::string_view fingerprint) {
  Fields fields;
  while (!fingerprint.empty()) {
    const auto end = fingerprint.find(';');
    const std::string_view part = fingerprint.substr(0, end);
    const auto equals = part.find('=');
    fields[std::string(part.substr(0, equals))] =
        equals == std::string_view::npos ? std::string() : std::string(part.substr(equals + 1));
    if (end == std::string_view::npos) break;
    fingerprint.remove_prefix(end + 1);
  }
  return fields;
}

// 201703L → "17"; "" for a value that names no published standard.
std::string standard_year(const std::string& cplusplus) {
  static const std::map<std::string, std::string> years = {
      {"199711L", "98"}, {"201103L", "11"}, {"201402L", "14"}, {"201703L", "17"}, {"202002L", "20"}, {"202302L", "23"}};
  const auto found = years.find(cplusplus);
  return found == years.end() ? std::string() : found->second;
}

std::string describe_standard(const std::string& cplusplus) {
  const std::string year = standard_year(cplusplus);
  return year.empty() ? "__cplusplus " + cplusplus : "C++" + year + " (" + cplusplus + ")";
}

std::string shown(const std::string& value) { return value.empty() ? "(none)" : value; }

std::string explain_field(const std::string& field, const std::string& host, const std::string& plugin) {
  if (field == "cplusplus") {
    const std::string year = standard_year(host);
    return fmt::format("C++ standard: host {}, plugin {} — build the plugin with {}", describe_standard(host),
                       describe_standard(plugin),
                       year.empty() ? "the host's -std option" : "-std=c++" + year + " (CMAKE_CXX_STANDARD " + year + ")");
  }
  if (field == "gxx-abi") {
    return fmt::format(
        "C++ compiler ABI (__GXX_ABI_VERSION): host {}, plugin {} — build the plugin with the compiler the host "
        "was built with (same GCC major version)",
        shown(host), shown(plugin));
  }
  if (field == "cxx11-abi") {
    return fmt::format(
        "libstdc++ string ABI (_GLIBCXX_USE_CXX11_ABI): host {}, plugin {} — build the plugin with "
        "-D_GLIBCXX_USE_CXX11_ABI={}",
        shown(host), shown(plugin), shown(host));
  }
  if (field == "nlohmann-json") {
    return fmt::format("nlohmann/json: host {}, plugin {} — build the plugin against nlohmann/json {}", shown(host),
                       shown(plugin), shown(host));
  }
  if (field == "plugin-api") {
    return fmt::format(
        "plugin-api headers: host {}, plugin {} — rebuild the plugin against plugin-api {} "
        "(find_package(KillrVideoPluginApi {} EXACT))",
        shown(host), shown(plugin), shown(host), shown(host));
  }
  return fmt::format("fingerprint field '{}': host {}, plugin {} — rebuild the plugin against this host's plugin-api",
                     field, shown(host), shown(plugin));
}

}  // namespace

std::string explain_fingerprint_mismatch(std::string_view host, std::string_view plugin) {
  if (host == plugin) return {};
  const Fields host_fields = fields_of(host);
  const Fields plugin_fields = fields_of(plugin);
  // Fields in the order Abi.h writes them, then any the host does not know (a plugin from another SDK).
  std::vector<std::string> names = {"gxx-abi", "cxx11-abi", "cplusplus", "nlohmann-json", "plugin-api"};
  for (const Fields* fields : {&host_fields, &plugin_fields}) {
    for (const auto& [name, value] : *fields) {
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
  }
  std::string explanation;
  for (const auto& name : names) {
    const auto mine = host_fields.find(name);
    const auto theirs = plugin_fields.find(name);
    if (mine == host_fields.end() && theirs == plugin_fields.end()) continue;
    const std::string host_value = mine == host_fields.end() ? std::string() : mine->second;
    const std::string plugin_value = theirs == plugin_fields.end() ? std::string() : theirs->second;
    if (mine != host_fields.end() && theirs != plugin_fields.end() && host_value == plugin_value) continue;
    explanation += (explanation.empty() ? "" : "; ") + explain_field(name, host_value, plugin_value);
  }
  return explanation;
}

}  // namespace killrvideo::host
