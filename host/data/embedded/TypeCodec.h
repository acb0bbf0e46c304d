#pragma once
// Table values: wire JSON ↔ the SQLite value stored for a column type (data-api-wire §2.1).
// Integers are INTEGER, float/double/decimal REAL, timestamps epoch-ms INTEGER (so they sort and
// compare), vectors native float32 BLOBs, blobs BLOBs, list/set/map their canonical output JSON as
// TEXT, everything else TEXT.

#include <cstdint>
#include <nlohmann/json_fwd.hpp>

#include "data/embedded/ColumnType.h"
#include "data/embedded/Sqlite.h"

namespace killrvideo::host::embedded {

// JSON null → SQL NULL. Throws std::invalid_argument naming the problem (VectorizeRequested for a
// string into a vector column).
SqlValue encode_value(const ColumnType& type, const nlohmann::ordered_json& value);
// The wire form of a stored value; SQL NULL → JSON null.
// Taken by value: a text read straight from a row moves into the document instead of being copied again.
nlohmann::ordered_json decode_value(const ColumnType& type, SqlValue value);

// How a column's stored values are decoded, told apart once per column rather than by comparing type names
// for every value read (a read of 1,000 rows decodes thousands).
enum class ValueDecoding : std::uint8_t { Vector, Container, Blob, Boolean, Timestamp, Integer, Other };
ValueDecoding decoding_of(const ColumnType& type);
nlohmann::ordered_json decode_value(const ColumnType& type, ValueDecoding decoding, SqlValue value);
// The canonical wire form of one element of a list/set/map of primitives.
nlohmann::ordered_json canonical_element(const std::string& primitive_type, const nlohmann::ordered_json& value);

}  // namespace killrvideo::host::embedded
