// One suite of Data API command fixtures (request → expected response), run against (a) the embedded
// engine in-process and (b) the Astra HTTP client talking to the local Data API server. Each step must
// match its expectation on both, and both backends must answer identically (but for random error ids).

#include <filesystem>
#include <fstream>
#include <memory>

#include <gtest/gtest.h>

#include "data/astra/AstraDataClient.h"
#include "data/embedded/EmbeddedEngine.h"
#include "services/LocalEmbedder.h"
#include "tests/host/data/astra/DataApiProcess.h"
#include "tests/parity/FixtureMatcher.h"
#include "tests/support/ServerProcess.h"

namespace killrvideo::testing {
namespace {

constexpr const char* kKeyspace = "parity";
constexpr const char* kToken = "AstraCS:parity-test-token";

std::vector<std::string> fixture_files() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() + "/tests/parity/fixtures")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

nlohmann::ordered_json read_json(const std::string& file) {
  std::ifstream in(file);
  return nlohmann::ordered_json::parse(in);
}

class ParityTest : public ::testing::TestWithParam<std::string> {};

std::unique_ptr<DataApiProcess> data_api_server(int vectorize_dimension) {
  if (vectorize_dimension == 0) return std::make_unique<DataApiProcess>(kToken);
  return std::make_unique<DataApiProcess>(kToken, VectorizeLocal{vectorize_dimension});
}

TEST_P(ParityTest, BothBackendsAnswerAsTheFixtureSays) {
  const nlohmann::ordered_json fixture = read_json(GetParam());
  // "vectorizeLocal": N gives both backends the local provider at N dimensions as their vectorize stand-in.
  const int vectorize_dimension = fixture.value("vectorizeLocal", 0);
  TempDir engine_dir;
  std::unique_ptr<host::LocalEmbedder> vectorize;
  if (vectorize_dimension > 0) vectorize = std::make_unique<host::LocalEmbedder>(vectorize_dimension);
  host::embedded::EmbeddedEngine engine({engine_dir.path(), 50, vectorize.get()});
  const auto server_process = data_api_server(vectorize_dimension);
  DataApiProcess& server = *server_process;
  host::AstraConfig astra;
  astra.endpoint = server.base_url();
  astra.token = kToken;
  astra.keyspace = kKeyspace;
  host::astra::AstraDataClient client(astra);

  FixtureMatcher embedded_matcher;
  FixtureMatcher http_matcher;
  int step_number = 0;
  for (const auto& step : fixture.at("steps")) {
    ++step_number;
    const std::string target = step.value("target", "");
    const std::string label = "step " + std::to_string(step_number) + " (" + step.value("note", step.at("command").begin().key()) + ")";
    const auto embedded = engine.execute(kKeyspace, target, embedded_matcher.substitute(step.at("command")));
    const auto over_http = client.execute(target, http_matcher.substitute(step.at("command")));
    EXPECT_EQ(embedded_matcher.mismatch(step.at("expect"), embedded), "") << label << " on the embedded engine";
    EXPECT_EQ(http_matcher.mismatch(step.at("expect"), over_http), "") << label << " over HTTP";
    EXPECT_EQ(without_ids(embedded), without_ids(over_http)) << label << ": the backends disagree";
  }
}

std::string fixture_name(const ::testing::TestParamInfo<std::string>& info) {
  return std::filesystem::path(info.param).stem().string();
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ParityTest, ::testing::ValuesIn(fixture_files()), fixture_name);

}  // namespace
}  // namespace killrvideo::testing
