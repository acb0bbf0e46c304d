#include "EmailClaims.h"

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/data/DataApiError.h"
#include "killrvideo/plugin/data/Filter.h"

namespace killrvideo::accounts {

namespace {
constexpr const char* kDocumentAlreadyExists = "DOCUMENT_ALREADY_EXISTS";
}  // namespace

EmailClaims::EmailClaims(plugin::DataClient& data) : claims_(data, kUserEmailClaimsCollection) {}

bool EmailClaims::claim(const std::string& key, const std::string& user_id) const {
  try {
    claims_.insert_one({{"_id", key}, {"userid", user_id}});
    return true;
  } catch (const plugin::data::DataApiError& error) {
    if (error.error_code() == kDocumentAlreadyExists) return false;
    throw;
  }
}

void EmailClaims::release(const std::string& key) const { claims_.delete_one(plugin::data::Filter().eq("_id", key)); }

}  // namespace killrvideo::accounts
