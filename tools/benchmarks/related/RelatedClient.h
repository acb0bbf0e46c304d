#pragma once
// One benchmark client: a libcurl handle kept alive across requests, as a browser keeps its connection.

#include <string>
#include <vector>

#include <curl/curl.h>

namespace killrvideo::benchmarks {

struct RelatedAnswer {
  double milliseconds = 0;  // wall time of the whole request, connection reuse included
  int status = 0;
  std::vector<std::string> video_ids;  // in the answer's order
};

class RelatedClient {
 public:
  explicit RelatedClient(std::string base_url);
  ~RelatedClient();
  RelatedClient(const RelatedClient&) = delete;
  RelatedClient& operator=(const RelatedClient&) = delete;

  // GET /api/v1/videos/id/{video_id}/related?limit={limit}
  RelatedAnswer related(const std::string& video_id, int limit);
  // Whether GET / answers 200.
  bool healthy();

 private:
  int get(const std::string& path, std::string& body);

  std::string base_url_;
  CURL* handle_;
};

}  // namespace killrvideo::benchmarks
