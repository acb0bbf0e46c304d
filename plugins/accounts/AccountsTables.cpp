#include "AccountsTables.h"

#include "killrvideo/plugin/data/Schema.h"

#include "EmailClaims.h"

namespace killrvideo::accounts {

using plugin::data::ColumnType;
using plugin::data::SortOrder;
using plugin::data::TableSpec;

TableSpec users_table() {
  // One partition per user: every authenticated request reads it by id. The email index serves
  // occasional lookups; the login path never needs it, since user_credentials is keyed by email.
  return TableSpec(kUsersTable)
      .column("userid", "uuid")
      .column("created_date", "timestamp")
      .column("email", "text")
      .column("firstname", "text")
      .column("lastname", "text")
      .column("account_status", "text")
      .column("last_login_date", "timestamp")
      .column("roles", ColumnType::set("text"))
      .partition_by({"userid"})
      .index("users_email_idx", "email");
}

TableSpec user_credentials_table() {
  // The same account keyed by what the user types at login: a point read by email, no index needed.
  return TableSpec(kUserCredentialsTable)
      .column("email", "text")
      .column("password", "text")
      .column("userid", "uuid")
      .column("account_locked", "boolean")
      .partition_by({"email"});
}

TableSpec user_activity_table() {
  // One partition per user and UTC day keeps partitions bounded however active a user is; inside one,
  // rows cluster by type and then newest first, so a type-filtered read is a contiguous slice.
  return TableSpec(kUserActivityTable)
      .column("userid", "uuid")
      .column("day", "date")
      .column("activity_type", "text")
      .column("activity_timestamp", "timestamp")
      .column("activity_id", "uuid")
      .column("videoid", "uuid")
      .partition_by({"userid", "day"})
      .partition_sort("activity_type", SortOrder::Ascending)
      .partition_sort("activity_timestamp", SortOrder::Descending)
      .partition_sort("activity_id", SortOrder::Ascending);
}

plugin::data::CollectionSpec user_email_claims_collection() {
  // Only `_id` is ever filtered on; insertOne's refusal of a duplicate `_id` is the whole point.
  return plugin::data::CollectionSpec(kUserEmailClaimsCollection);
}

void declare_tables(plugin::Registrar& registrar) {
  plugin::data::own(registrar, users_table());
  plugin::data::own(registrar, user_credentials_table());
  plugin::data::own(registrar, user_activity_table());
  plugin::data::own(registrar, user_email_claims_collection());
}

}  // namespace killrvideo::accounts
