// A bulk load's held commits: writes gather in one transaction that other connections do not see until
// commit_held_writes(), the engine's own reads see them at once, a failing command undoes only its own
// work (a savepoint), and closing the engine commits what is still held.

#include <filesystem>

#include <unistd.h>

#include "data/embedded/Sqlite.h"
#include "tests/host/data/embedded/EngineTestSupport.h"

namespace killrvideo::host::embedded::testing {
namespace {

constexpr const char* kVideo = "1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a";
constexpr const char* kOtherVideo = "2b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a";

class HeldCommitsTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    create_videos_table();
  }

  json insert(const std::string& id, const std::string& name) {
    return run("videos", {{"insertOne", {{"document", {{"videoid", id}, {"name", name}}}}}});
  }

  json find_name(EmbeddedEngine& engine, const std::string& id) {
    return engine.execute("ks", "videos", {{"findOne", {{"filter", {{"videoid", id}}}, {"projection", {{"name", 1}}}}}})
        ["data"]["document"];
  }
};

TEST_F(HeldCommitsTest, HeldWritesAreReadByTheEngineAndSeenElsewhereOnlyOnceCommitted) {
  EmbeddedEngine other({dir_});  // another process's view of the same file
  engine_->hold_commits();
  insert(kVideo, "held");
  EXPECT_EQ(find_name(*engine_, kVideo), json({{"name", "held"}}));

  EXPECT_TRUE(find_name(other, kVideo).is_null());
  engine_->commit_held_writes();
  EXPECT_EQ(find_name(other, kVideo), json({{"name", "held"}}));

  insert(kOtherVideo, "held again");  // still held after a commit
  EXPECT_TRUE(find_name(other, kOtherVideo).is_null());
}

TEST_F(HeldCommitsTest, ClosingTheEngineCommitsWhatIsHeld) {
  engine_->hold_commits();
  insert(kVideo, "held");
  reopen();
  EXPECT_EQ(find_name(*engine_, kVideo), json({{"name", "held"}}));
}

TEST_F(HeldCommitsTest, ARefusedCommandLeavesTheHeldWritesAndTheNextCommandsWork) {
  EmbeddedEngine other({dir_});
  engine_->hold_commits();
  insert(kVideo, "kept");
  EXPECT_TRUE(run("videos", R"({"insertOne":{"document":{"name":"no key"}}})"_json).contains("errors"));
  insert(kOtherVideo, "also kept");
  engine_->commit_held_writes();
  EXPECT_EQ(find_name(other, kVideo), json({{"name", "kept"}}));
  EXPECT_EQ(find_name(other, kOtherVideo), json({{"name", "also kept"}}));
}

TEST(NestedTransactionTest, AnInnerTransactionIsASavepointThatRollsBackAlone) {
  const auto dir = std::filesystem::temp_directory_path() / ("nested-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    Connection connection((dir / "t.db").string());
    connection.exec("CREATE TABLE t (v INTEGER)");
    Transaction outer(connection, true);
    connection.exec("INSERT INTO t VALUES (1)");
    {
      Transaction failed(connection, true);
      connection.exec("INSERT INTO t VALUES (2)");
    }  // destroyed without commit
    {
      Transaction kept(connection, true);
      connection.exec("INSERT INTO t VALUES (3)");
      kept.commit();
    }
    outer.commit();
    EXPECT_FALSE(connection.in_transaction());
    auto rows = connection.prepare("SELECT group_concat(v) FROM t");
    ASSERT_TRUE(rows.step());
    EXPECT_EQ(rows.column_text(0), "1,3");
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace killrvideo::host::embedded::testing
