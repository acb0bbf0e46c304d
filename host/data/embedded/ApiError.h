#pragma once
// Data API error and warning objects (data-api-wire §1.6): a failure inside a command is thrown as
// CommandFailure and turned into one entry of `errors[]` by the dispatcher.

#include <stdexcept>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace killrvideo::host::embedded {

struct ApiError {
  std::string family;  // REQUEST or SERVER
  std::string scope;   // "" for unscoped codes
  std::string code;
  std::string title;
  std::string message;
};

// Builds an error; family and title follow from scope and code (the server's errors.yaml titles).
ApiError make_error(const std::string& scope, const std::string& code, const std::string& message);
// A warning is an error object with scope WARNING, reported in status.warnings.
ApiError make_warning(const std::string& code, const std::string& message);
// The wire object, with a fresh random id.
nlohmann::ordered_json to_json(const ApiError& error);

class CommandFailure : public std::runtime_error {
 public:
  explicit CommandFailure(ApiError error);
  const ApiError& error() const noexcept { return error_; }

 private:
  ApiError error_;
};

[[noreturn]] void fail(const std::string& scope, const std::string& code, const std::string& message);

}  // namespace killrvideo::host::embedded
