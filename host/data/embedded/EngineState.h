#pragma once
// What every command handler works with: the database, the catalog, the vector indexes, and the
// command being run.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "data/embedded/Catalog.h"
#include "data/embedded/Database.h"
#include "data/embedded/VectorIndexSet.h"
#include "data/embedded/Vectorize.h"

namespace killrvideo::host::embedded {

struct EngineState {
  Database database;
  Catalog catalog;
  VectorIndexSet vectors;
  int page_size;
  Vectorize vectorize;

  EngineState(const std::filesystem::path& data_dir, int rows_per_page, plugin::Embedder* vectorize_provider)
      : database(data_dir / "killrvideo.db"),
        catalog(database.writer().connection()),
        vectors(data_dir),
        page_size(rows_per_page),
        vectorize(vectorize_provider) {}
};

struct Command {
  const std::string& keyspace;
  const std::string& name;  // the command name, e.g. "find"
  const nlohmann::ordered_json& body;
};

}  // namespace killrvideo::host::embedded
