#pragma once
// Who holds an email address: one document per address in the `user_email_claims` collection, its `_id`
// the address's email_key. A collection insertOne refuses an `_id` that exists (DOCUMENT_ALREADY_EXISTS),
// atomically on Astra and in the embedded engine, so of any number of simultaneous registrations of one
// address exactly one claim succeeds. Tables cannot do this: their insertOne is an upsert.

#include <string>

#include "killrvideo/plugin/HostServices.h"
#include "killrvideo/plugin/data/Collection.h"

namespace killrvideo::accounts {

inline constexpr const char* kUserEmailClaimsCollection = "user_email_claims";

class EmailClaims {
 public:
  explicit EmailClaims(plugin::DataClient& data);

  // True when this call took `key` for `user_id`; false when someone holds it already.
  bool claim(const std::string& key, const std::string& user_id) const;
  // Gives the address back, so that a registration that failed after claiming can be retried.
  void release(const std::string& key) const;

 private:
  plugin::data::Collection claims_;
};

}  // namespace killrvideo::accounts
