// The reader pool's spare readers: what a read split over threads may borrow, and when it may not.
#include "data/embedded/Database.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <thread>
#include <vector>

#include <unistd.h>

namespace killrvideo::host::embedded {
namespace {

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("kv-database-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    database_ = std::make_unique<Database>(dir_ / "test.db");
  }
  void TearDown() override {
    database_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
  std::unique_ptr<Database> database_;
};

TEST_F(DatabaseTest, ASpareReaderIsAConnectionOfItsOwn) {
  auto own = database_->reader();
  const auto spare = database_->spare_reader();
  ASSERT_NE(spare, nullptr);
  EXPECT_NE(&spare->connection(), &own.connection());
}

TEST_F(DatabaseTest, NoSpareReaderWhileCommitsAreHeld) {
  database_->hold_commits();
  EXPECT_EQ(database_->spare_reader(), nullptr);
  database_->stop_holding();
  EXPECT_NE(database_->spare_reader(), nullptr);
}

TEST_F(DatabaseTest, NoNewConnectionForASpareWhenEveryReaderIsBusyAndThePoolIsFull) {
  const std::size_t enough = 2 * std::max(1U, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<Database::ReaderLease>> busy;
  for (std::size_t i = 0; i < enough; ++i) busy.push_back(std::make_unique<Database::ReaderLease>(*database_));
  EXPECT_EQ(database_->spare_reader(), nullptr);
  busy.pop_back();  // one goes back to the pool: it can be lent
  EXPECT_NE(database_->spare_reader(), nullptr);
}

}  // namespace
}  // namespace killrvideo::host::embedded
