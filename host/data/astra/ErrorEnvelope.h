#pragma once
// Data API error envelopes made on the client side, for failures that produced no Data API answer
// (unreachable database, timeout, a gateway's non-JSON reply), so that callers see one error shape.

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace killrvideo::host::astra {

struct ErrorSpec {
  std::string_view family;  // REQUEST | SERVER
  std::string_view scope;   // e.g. DATABASE, SCHEMA
  std::string_view error_code;
  std::string_view title;
};

// {"errors":[{"id","family","scope","errorCode","title","message"}]} with a random id (data-api-wire §1.6).
nlohmann::ordered_json error_envelope(const ErrorSpec& spec, const std::string& message);

}  // namespace killrvideo::host::astra
