#include <exception>

#include <nlohmann/json.hpp>

#include "killrvideo/plugin/Registrar.h"
#include "killrvideo/plugin/Responses.h"
#include "killrvideo/plugin/data/DataApiError.h"

namespace killrvideo::plugin {

RouteHandler guard_route(RouteHandler handler) {
  return [handler = std::move(handler)](const Request& request) noexcept -> Response {
    try {
      return handler(request);
    } catch (const ValidationError& e) {
      return validation_response(e.issues());
    } catch (const HttpError& e) {
      return problem_response(e.status(), e.detail(), request.url());
    } catch (const data::DataApiError& e) {
      // An unreachable store is the client's cue to retry (api-contract §1.4); any other failed command
      // is a bug in the plugin. The cause goes to the host's log only.
      Response response = e.is_data_store_unavailable()
                              ? problem_response(503, data::kDataStoreUnavailableDetail, request.url())
                              : problem_response(500, kInternalErrorDetail, request.url());
      response.failure = e.error_code() + ": " + e.message();
      return response;
    } catch (const std::exception& e) {
      Response response = problem_response(500, kInternalErrorDetail, request.url());
      response.failure = e.what();
      return response;
    } catch (...) {
      Response response = problem_response(500, kInternalErrorDetail, request.url());
      response.failure = "non-standard exception";
      return response;
    }
  };
}

GuardedSubscriber guard_subscriber(Subscriber subscriber) {
  return [subscriber = std::move(subscriber)](const std::string& topic,
                                              const nlohmann::json& payload) noexcept -> std::string {
    try {
      subscriber(topic, payload);
      return {};
    } catch (const std::exception& e) {
      return e.what()[0] ? e.what() : "unknown error";
    } catch (...) {
      return "non-standard exception";
    }
  };
}

AccountLookup guard_account_lookup(AccountLookup lookup) {
  return [lookup = std::move(lookup)](const std::string& user_id) noexcept -> StoredAccount {
    try {
      return lookup(user_id);
    } catch (const std::exception& e) {
      StoredAccount failed;
      failed.error = e.what();
      return failed;
    } catch (...) {
      StoredAccount failed;
      failed.error = "non-standard exception";
      return failed;
    }
  };
}

GuardedImporter guard_importer(Importer importer) {
  return [importer = std::move(importer)](const ImportRow& row) noexcept -> std::string {
    try {
      importer(row);
      return {};
    } catch (const std::exception& e) {
      return e.what()[0] ? e.what() : "unknown error";
    } catch (...) {
      return "non-standard exception";
    }
  };
}

GuardedBatchImporter guard_batch_importer(BatchImporter importer) {
  return [importer = std::move(importer)](const std::vector<ImportRow>& rows) noexcept -> std::vector<std::string> {
    std::string failure;
    try {
      auto failures = importer(rows);
      if (failures.size() == rows.size()) return failures;
      failure = "the importer answered " + std::to_string(failures.size()) + " results for " +
                std::to_string(rows.size()) + " rows";
    } catch (const std::exception& e) {
      failure = e.what()[0] ? e.what() : "unknown error";
    } catch (...) {
      failure = "non-standard exception";
    }
    try {
      return std::vector<std::string>(rows.size(), failure);
    } catch (...) {
      return {};  // out of memory: the caller counts a short answer as failed rows
    }
  };
}

GuardedRecount guard_recount(Recount recount) {
  return [recount = std::move(recount)](const CorrectionLog& correct) noexcept -> std::string {
    try {
      recount(correct);
      return {};
    } catch (const std::exception& e) {
      return e.what()[0] ? e.what() : "unknown error";
    } catch (...) {
      return "non-standard exception";
    }
  };
}

}  // namespace killrvideo::plugin
