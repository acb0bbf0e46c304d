// Every reply builder of the testing kit against the real thing: the same plugin::data call is made once
// on the real embedded engine (EngineBackedHost) and once on FakeDataClient answering with the builder's
// reply, and the SDK must read the same result from both. A builder that drifts from the engine's shape
// fails here, not in a plugin's test that trusted it.
#include "killrvideo/plugin/testing/DataReplies.h"

#include <gtest/gtest.h>

#include "killrvideo/plugin/data/Collection.h"
#include "killrvideo/plugin/data/CollectionSpec.h"
#include "killrvideo/plugin/data/DataApiError.h"
#include "killrvideo/plugin/data/Table.h"
#include "killrvideo/plugin/data/TableSpec.h"
#include "killrvideo/plugin/testing/EngineBackedHost.h"
#include "killrvideo/plugin/testing/FakeDataClient.h"

namespace killrvideo::plugin::testing {
namespace {

using data::Collection;
using data::CollectionUpdate;
using data::Filter;
using data::Table;
using Json = nlohmann::ordered_json;

constexpr const char* kRowId = "00000000-0000-4000-8000-000000000001";

class DataRepliesTest : public ::testing::Test {
 protected:
  DataRepliesTest() {
    engine_.create(data::TableSpec("t").column("id", "uuid").column("name", "text").partition_by({"id"}));
    engine_.create(data::CollectionSpec("c"));
  }

  // What the engine answers, through the same seam a plugin uses.
  DataClient& engine() { return engine_.fake().data(); }
  // A client that answers the next command with `reply`.
  DataClient& replying(Json reply) {
    scripted_.queue_response(std::move(reply));
    return scripted_;
  }

  EngineBackedHost engine_{"replies"};
  FakeDataClient scripted_;
};

template <class Call>
std::string error_code_of(Call&& call) {
  try {
    call();
  } catch (const data::DataApiError& error) {
    return error.error_code();
  }
  return "(no error)";
}

TEST_F(DataRepliesTest, TableInsertOneFindOneAndFind) {
  const Json row = {{"id", kRowId}, {"name", "ada"}};
  EXPECT_EQ(Table(engine(), "t").insert_one(row), Table(replying(replies::inserted_row({kRowId})), "t").insert_one(row));

  const auto stored = Table(engine(), "t").find_one(Filter().eq("id", kRowId));
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(Table(replying(replies::found_one(*stored)), "t").find_one(Filter().eq("id", kRowId)), stored);

  const auto missing = Filter().eq("id", "00000000-0000-4000-8000-000000000002");
  EXPECT_EQ(Table(engine(), "t").find_one(missing), std::nullopt);
  EXPECT_EQ(Table(replying(replies::found_none()), "t").find_one(missing), std::nullopt);

  const auto page = Table(engine(), "t").find();
  const auto replayed = Table(replying(replies::found({*stored})), "t").find();
  EXPECT_EQ(replayed.documents, page.documents);
  EXPECT_EQ(replayed.next_page_state, page.next_page_state);
}

TEST_F(DataRepliesTest, TableDeleteIsAcceptedBothWays) {
  EXPECT_NO_THROW(Table(engine(), "t").delete_one(Filter().eq("id", kRowId)));
  EXPECT_NO_THROW(Table(replying(replies::table_deleted()), "t").delete_one(Filter().eq("id", kRowId)));
}

TEST_F(DataRepliesTest, CollectionInsertAndADuplicateId) {
  const Json document = {{"_id", "a"}, {"n", 1}};
  EXPECT_EQ(Collection(engine(), "c").insert_one(document),
            Collection(replying(replies::inserted_document("a")), "c").insert_one(document));
  const auto duplicate = error_code_of([&] { Collection(engine(), "c").insert_one(document); });
  EXPECT_EQ(duplicate, "DOCUMENT_ALREADY_EXISTS");
  EXPECT_EQ(error_code_of([&] { Collection(replying(replies::document_already_exists()), "c").insert_one(document); }),
            duplicate);
}

TEST_F(DataRepliesTest, CollectionUpdatesUpsertsAndFindOneAndUpdate) {
  Collection(engine(), "c").insert_one({{"_id", "a"}, {"n", 1}});
  const auto update = CollectionUpdate().inc("n", 1);
  const auto updated = Collection(engine(), "c").update_one(Filter().eq("_id", "a"), update);
  const auto replayed = Collection(replying(replies::updated()), "c").update_one(Filter().eq("_id", "a"), update);
  EXPECT_EQ(replayed.matched_count, updated.matched_count);
  EXPECT_EQ(replayed.modified_count, updated.modified_count);
  EXPECT_EQ(replayed.upserted_id, updated.upserted_id);

  const auto upsert = data::UpdateOneOptions().upsert();
  const auto inserted = Collection(engine(), "c").update_one(Filter().eq("_id", "b"), update, upsert);
  const auto replayed_upsert = Collection(replying(replies::upserted("b")), "c").update_one(Filter().eq("_id", "b"), update, upsert);
  EXPECT_EQ(replayed_upsert.matched_count, inserted.matched_count);
  EXPECT_EQ(replayed_upsert.modified_count, inserted.modified_count);
  EXPECT_EQ(replayed_upsert.upserted_id, inserted.upserted_id);

  const auto after = data::FindOneAndUpdateOptions().return_document(data::ReturnDocument::After);
  const auto found = Collection(engine(), "c").find_one_and_update(Filter().eq("_id", "a"), update, after);
  ASSERT_TRUE(found.document.has_value());
  const auto replayed_found = Collection(replying(replies::found_and_updated(*found.document)), "c")
                                  .find_one_and_update(Filter().eq("_id", "a"), update, after);
  EXPECT_EQ(replayed_found.document, found.document);
  EXPECT_EQ(replayed_found.matched_count, found.matched_count);
  EXPECT_EQ(replayed_found.modified_count, found.modified_count);
}

TEST_F(DataRepliesTest, CollectionCountsAndDeletes) {
  Collection(engine(), "c").insert_many({{{"_id", "a"}}, {{"_id", "b"}}, {{"_id", "c"}}});
  const auto counted = Collection(engine(), "c").count_documents(Filter(), 100);
  const auto replayed = Collection(replying(replies::counted(3)), "c").count_documents(Filter(), 100);
  EXPECT_EQ(replayed.count, counted.count);
  EXPECT_EQ(replayed.more_data, counted.more_data);
  EXPECT_EQ(Collection(replying(replies::counted_more(2)), "c").count_documents(Filter(), 100).more_data, true);
  EXPECT_EQ(Collection(replying(replies::counted(3)), "c").estimated_document_count(),
            Collection(engine(), "c").estimated_document_count());

  EXPECT_EQ(Collection(replying(replies::deleted(1)), "c").delete_one(Filter().eq("_id", "a")),
            Collection(engine(), "c").delete_one(Filter().eq("_id", "a")));
  scripted_.queue_response(replies::deleted_more(1));
  scripted_.queue_response(replies::deleted(1));
  EXPECT_EQ(Collection(scripted_, "c").delete_many(Filter().eq("k", 1)), 2);
  EXPECT_EQ(scripted_.unanswered_responses(), 0U);
}

TEST_F(DataRepliesTest, SchemaOkIsTheEnginesDdlAnswer) {
  EXPECT_EQ(engine_.execute("", {{"createCollection", {{"name", "d"}}}}), replies::schema_ok());
}

TEST_F(DataRepliesTest, RefusalsAndAnUnreachableDatabaseAreDataApiErrors) {
  const std::string engine_code =
      error_code_of([&] { Table(engine(), "t").find_one(Filter().eq("no_such_column", 1)); });
  EXPECT_NE(engine_code, "(no error)");
  EXPECT_EQ(error_code_of([&] { Table(replying(replies::refused(engine_code)), "t").find_one(Filter()); }), engine_code);
  try {
    Table(replying(replies::unavailable()), "t").find_one(Filter());
    ADD_FAILURE() << "no error";
  } catch (const data::DataApiError& error) {
    EXPECT_EQ(error.error_code(), "UNAVAILABLE_DATABASE");
    EXPECT_TRUE(error.is_data_store_unavailable());
  }
}

}  // namespace
}  // namespace killrvideo::plugin::testing
