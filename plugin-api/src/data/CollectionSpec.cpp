#include "killrvideo/plugin/data/CollectionSpec.h"

#include <stdexcept>

#include "killrvideo/plugin/data/SchemaCommands.h"

namespace killrvideo::plugin::data {

namespace {

const char* wire_name(DefaultIdType type) {
  switch (type) {
    case DefaultIdType::UuidV6:
      return "uuidv6";
    case DefaultIdType::UuidV7:
      return "uuidv7";
    case DefaultIdType::ObjectId:
      return "objectId";
    case DefaultIdType::Uuid:
      break;
  }
  return "uuid";
}

}  // namespace

CollectionSpec::CollectionSpec(std::string name) : name_(std::move(name)) {}

CollectionSpec& CollectionSpec::vector(int dimension, VectorMetric metric) {
  if (dimension <= 0) throw std::invalid_argument("collection " + name_ + ": a vector needs a positive dimension");
  options_["vector"] = {{"dimension", dimension}, {"metric", to_wire(metric)}};
  return *this;
}

CollectionSpec& CollectionSpec::indexing_allow(std::vector<std::string> paths) {
  options_["indexing"] = {{"allow", std::move(paths)}};
  return *this;
}

CollectionSpec& CollectionSpec::indexing_deny(std::vector<std::string> paths) {
  options_["indexing"] = {{"deny", std::move(paths)}};
  return *this;
}

CollectionSpec& CollectionSpec::default_id(DefaultIdType type) {
  options_["defaultId"] = {{"type", wire_name(type)}};
  return *this;
}

nlohmann::ordered_json CollectionSpec::create_collection_command() const {
  return data::create_collection_command(name_, options_);
}

}  // namespace killrvideo::plugin::data
