#pragma once
// Errors a handler throws to answer with a status. Registrar::route catches them inside the plugin and
// turns them into responses (api-contract §1.4), so they never cross the plugin boundary.

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace killrvideo::plugin {

// Answers with a problem-detail body: {"type","title","status","detail","instance"}.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string detail)
      : std::runtime_error(detail), status_(status), detail_(std::move(detail)) {}
  int status() const noexcept { return status_; }
  const std::string& detail() const noexcept { return detail_; }

 private:
  int status_;
  std::string detail_;
};

struct BadRequest : HttpError { explicit BadRequest(std::string d) : HttpError(400, std::move(d)) {} };
struct Unauthorized : HttpError { explicit Unauthorized(std::string d) : HttpError(401, std::move(d)) {} };
struct Forbidden : HttpError { explicit Forbidden(std::string d) : HttpError(403, std::move(d)) {} };
struct NotFound : HttpError { explicit NotFound(std::string d) : HttpError(404, std::move(d)) {} };
struct Conflict : HttpError { explicit Conflict(std::string d) : HttpError(409, std::move(d)) {} };
struct BadGateway : HttpError { explicit BadGateway(std::string d) : HttpError(502, std::move(d)) {} };
struct ServiceUnavailable : HttpError {
  explicit ServiceUnavailable(std::string d) : HttpError(503, std::move(d)) {}
};

// One item of a 422 body, FastAPI's shape: {"type","loc","msg","input"[,"ctx"]}.
struct ValidationIssue {
  std::string type;                // e.g. "missing", "int_parsing", "greater_than_equal"
  std::vector<nlohmann::json> loc;  // "body"/"query"/"path", then field names or indexes
  std::string msg;
  nlohmann::json input;
  nlohmann::json ctx;  // null when the issue has no context
};

// Answers 422 with {"detail":[issues...]}.
class ValidationError : public std::runtime_error {
 public:
  explicit ValidationError(std::vector<ValidationIssue> issues)
      : std::runtime_error(issues.empty() ? "validation failed" : issues.front().msg),
        issues_(std::move(issues)) {}
  const std::vector<ValidationIssue>& issues() const noexcept { return issues_; }

 private:
  std::vector<ValidationIssue> issues_;
};

}  // namespace killrvideo::plugin
