#include "http/ConnectionTable.h"

#include <gtest/gtest.h>

namespace killrvideo::host {
namespace {

using std::chrono::milliseconds;

struct Closed {
  bool closed = false;
  std::string final_bytes;
};

// `closed` is shared: the table's own sweeper thread may look at the connection too.
std::shared_ptr<ConnectionState> connection(SteadyTime at, const std::shared_ptr<Closed>& closed,
                                            std::string pending = "") {
  auto state = std::make_shared<ConnectionState>();
  state->client = "127.0.0.1";
  state->pending = std::move(pending);
  state->last_activity = at;
  state->request_started = at;
  state->close = [closed](std::string_view bytes) {
    closed->closed = true;
    closed->final_bytes = std::string(bytes);
  };
  return state;
}

class ConnectionTableTest : public ::testing::Test {
 protected:
  const SteadyTime start_ = std::chrono::steady_clock::now();
  ConnectionTable table_{milliseconds(1000), milliseconds(3000), [](const ConnectionState&) { return "408!"; }};
};

TEST_F(ConnectionTableTest, AnIdleConnectionIsClosedSilentlyAfterTheIdleTimeout) {
  const auto closed = std::make_shared<Closed>();
  table_.add(1, connection(start_, closed));
  table_.sweep(start_ + milliseconds(900));
  EXPECT_FALSE(closed->closed);
  table_.sweep(start_ + milliseconds(1100));
  EXPECT_TRUE(closed->closed);
  EXPECT_EQ(closed->final_bytes, "");
}

TEST_F(ConnectionTableTest, AnIncompleteRequestIsAnsweredAfterTheRequestTimeout) {
  const auto closed = std::make_shared<Closed>();
  table_.add(1, connection(start_, closed, "GET / HTTP/1.1\r\n"));
  table_.sweep(start_ + milliseconds(2900));
  EXPECT_FALSE(closed->closed) << "the idle timeout does not apply while a request arrives";
  table_.sweep(start_ + milliseconds(3100));
  EXPECT_EQ(closed->final_bytes, "408!");
}

TEST_F(ConnectionTableTest, ABusyOrRemovedConnectionIsLeftAlone) {
  const auto busy_closed = std::make_shared<Closed>();
  const auto removed_closed = std::make_shared<Closed>();
  auto busy = connection(start_, busy_closed);
  busy->busy = true;
  table_.add(1, busy);
  table_.add(2, connection(start_, removed_closed));
  table_.remove(2);
  table_.sweep(start_ + milliseconds(10'000));
  EXPECT_FALSE(busy_closed->closed);
  EXPECT_FALSE(removed_closed->closed);
}

}  // namespace
}  // namespace killrvideo::host
