#include "tools/loader/StoreProbe.h"

#include "killrvideo/plugin/data/DataApiError.h"
#include "killrvideo/plugin/data/Table.h"

namespace killrvideo::loader {

namespace {
constexpr const char* kVideosTable = "videos";
constexpr const char* kUnknownTable = "UNKNOWN_COLLECTION_OR_TABLE";
}  // namespace

bool store_has_videos(plugin::DataClient& data) {
  try {
    return plugin::data::Table(data, kVideosTable).find_one(plugin::data::Filter()).has_value();
  } catch (const plugin::data::DataApiError& e) {
    if (e.error_code() == kUnknownTable) return false;
    throw;
  }
}

}  // namespace killrvideo::loader
