#include <stdexcept>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/testing/FakeRequest.h"
#include "killrvideo/plugin/testing/ResponseJson.h"

namespace {

using killrvideo::plugin::Method;
using killrvideo::plugin::Request;
using killrvideo::plugin::Response;
using killrvideo::plugin::testing::FakeRequest;
using killrvideo::plugin::testing::response_json;
using nlohmann::json;
namespace plugin = killrvideo::plugin;

const FakeRequest kRequest(Method::Get, "/api/v1/videos/42?x=1");

json internal_error() {
  return {{"type", "about:blank"},
          {"title", "Internal Server Error"},
          {"status", 500},
          {"detail", "An unexpected internal server error occurred."},
          {"instance", "http://testserver/api/v1/videos/42?x=1"}};
}

TEST(GuardRoute, PassesAnAnswerThrough) {
  const auto guarded = plugin::guard_route([](const Request&) { return plugin::json_response(201, {{"ok", true}}); });
  const Response response = guarded(kRequest);
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response_json(response), json({{"ok", true}}));
  EXPECT_TRUE(response.failure.empty());
}

TEST(GuardRoute, HttpErrorBecomesAProblemForThatRequest) {
  const auto guarded = plugin::guard_route([](const Request&) -> Response { throw plugin::NotFound("Video not found"); });
  const Response response = guarded(kRequest);
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response_json(response), json({{"type", "about:blank"},
                                           {"title", "Not Found"},
                                           {"status", 404},
                                           {"detail", "Video not found"},
                                           {"instance", "http://testserver/api/v1/videos/42?x=1"}}));
}

TEST(GuardRoute, ValidationErrorBecomes422) {
  const auto guarded = plugin::guard_route([](const Request&) -> Response {
    throw plugin::ValidationError({{"missing", {"body", "name"}, "Field required", json::object(), nullptr}});
  });
  const Response response = guarded(kRequest);
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response_json(response),
            json::parse(R"({"detail":[{"type":"missing","loc":["body","name"],"msg":"Field required","input":{}}]})"));
}

TEST(GuardRoute, StdExceptionBecomesAGeneric500AndKeepsTheCauseForTheLog) {
  const auto guarded =
      plugin::guard_route([](const Request&) -> Response { throw std::runtime_error("kaboom: secret detail"); });
  const Response response = guarded(kRequest);
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response_json(response), internal_error());
  EXPECT_EQ(response.body.find("secret"), std::string::npos);
  EXPECT_EQ(response.failure, "kaboom: secret detail");
}

TEST(GuardRoute, NonStandardThrowBecomesA500) {
  const auto guarded = plugin::guard_route([](const Request&) -> Response { throw 42; });
  const Response response = guarded(kRequest);
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response_json(response), internal_error());
  EXPECT_EQ(response.failure, "non-standard exception");
}

TEST(GuardSubscriber, ReturnsTheFailureInsteadOfThrowing) {
  const auto ok = plugin::guard_subscriber([](const std::string&, const json&) {});
  const auto failing = plugin::guard_subscriber([](const std::string&, const json&) { throw std::runtime_error("nope"); });
  const auto odd = plugin::guard_subscriber([](const std::string&, const json&) { throw 1; });
  EXPECT_EQ(ok("t", nullptr), "");
  EXPECT_EQ(failing("t", nullptr), "nope");
  EXPECT_EQ(odd("t", nullptr), "non-standard exception");
}

TEST(GuardAccountLookup, ReturnsTheFailureAsAnError) {
  const auto failing =
      plugin::guard_account_lookup([](const std::string&) -> plugin::StoredAccount { throw std::runtime_error("db down"); });
  const plugin::StoredAccount account = failing("u");
  EXPECT_FALSE(account.found);
  EXPECT_EQ(account.error, "db down");
}

}  // namespace
