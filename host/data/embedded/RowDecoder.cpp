#include "data/embedded/RowDecoder.h"

#include <nlohmann/json.hpp>

#include "data/embedded/TypeCodec.h"

namespace killrvideo::host::embedded {

std::string select_list(const std::vector<std::string>& columns) {
  std::string list = "rowid";
  for (const auto& column : columns) list += ", " + quote_identifier(column);
  return list;
}

RowDecoder::RowDecoder(const TableDef& table, const std::vector<std::string>& columns) {
  columns_.reserve(columns.size());
  for (const auto& name : columns) {
    const ColumnType& type = table.columns.at(name);
    columns_.push_back({&name, &type, decoding_of(type)});
  }
}

nlohmann::ordered_json RowDecoder::read(const Statement& row, int rowid_column) const {
  nlohmann::ordered_json document = nlohmann::ordered_json::object();
  // Room for every column and a $similarity: growing an ordered_json copies its members (their key is const,
  // so a pair cannot be moved).
  document.get_ref<nlohmann::ordered_json::object_t&>().reserve(columns_.size() + 1);
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    const Column& column = columns_[i];
    nlohmann::ordered_json value = decode_value(*column.type, column.decoding, row.column(rowid_column + 1 + static_cast<int>(i)));
    if (!value.is_null()) document[*column.name] = std::move(value);
  }
  return document;
}

}  // namespace killrvideo::host::embedded
