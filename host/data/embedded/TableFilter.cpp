#include "data/embedded/TableFilter.h"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "data/embedded/ApiError.h"
#include "data/embedded/TextIndex.h"
#include "data/embedded/TypeCodec.h"

namespace killrvideo::host::embedded {

namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kMaxInValues = 100;

// Objects that are values, not operator maps: {"$binary": …} blobs/vectors and {"$date": …} timestamps.
bool is_literal_object(const json& value) {
  return value.is_object() && value.size() == 1 && (value.contains("$binary") || value.contains("$date"));
}

bool is_operator_object(const json& value) {
  if (!value.is_object() || value.empty() || is_literal_object(value)) return false;
  for (const auto& [key, operand] : value.items())
    if (key.empty() || key[0] != '$') return false;
  return true;
}

SqlValue scalar_param(const json& element) {
  if (element.is_boolean()) return static_cast<std::int64_t>(element.get<bool>());
  if (element.is_number_integer()) return element.get<std::int64_t>();
  if (element.is_number()) return element.get<double>();
  if (element.is_string()) return element.get<std::string>();
  return element.dump();
}

class Compiler {
 public:
  // `object` is null where $match cannot be used (update and delete filters).
  Compiler(const TableDef& table, const SchemaObject* object, MatchForm match_form, CompiledFilter& out)
      : table_(table), object_(object), match_form_(match_form), out_(out) {}

  std::string conjunction(const json& filter, bool top_level) {
    if (!filter.is_object())
      fail("FILTER", "FILTER_INVALID_EXPRESSION", "Unsupported filter clause: filter must be an object.");
    std::vector<std::string> parts;
    for (const auto& [key, value] : filter.items()) parts.push_back(clause(key, value, top_level));
    return join(parts, " AND ", "1");
  }

 private:
  static std::string join(const std::vector<std::string>& parts, const char* separator, const char* if_empty) {
    if (parts.empty()) return if_empty;
    std::string sql = "(";
    for (std::size_t i = 0; i < parts.size(); ++i) sql += (i ? separator : "") + parts[i];
    return sql + ")";
  }

  std::string clause(const std::string& key, const json& value, bool top_level) {
    if (key == "$and" || key == "$or") return logical(key, value, top_level && key == "$and");
    if (!key.empty() && key[0] == '$')
      fail("FILTER", "FILTER_UNSUPPORTED_OPERATOR", "Unsupported filter operator " + key + " at the top of a filter.");
    const auto column = table_.columns.find(key);
    if (column == table_.columns.end())
      fail("FILTER", "UNKNOWN_TABLE_COLUMNS", "The filter included the following unknown columns: " + key + ".");
    if (!is_operator_object(value)) return comparison(key, column->second, "$eq", value, top_level);
    std::vector<std::string> parts;
    for (const auto& [op, operand] : value.items()) parts.push_back(comparison(key, column->second, op, operand, top_level));
    return join(parts, " AND ", "1");
  }

  std::string logical(const std::string& op, const json& operands, bool top_level) {
    if (!operands.is_array() || operands.empty())
      fail("FILTER", "FILTER_INVALID_EXPRESSION", "Unsupported filter clause: " + op + " needs a non-empty array.");
    std::vector<std::string> parts;
    for (const auto& operand : operands) parts.push_back(conjunction(operand, top_level));
    return join(parts, op == "$and" ? " AND " : " OR ", "1");
  }

  SqlValue encode(const std::string& column, const ColumnType& type, const json& value) {
    try {
      return encode_value(type, value);
    } catch (const std::invalid_argument& error) {
      fail("FILTER", "INVALID_FILTER_COLUMN_VALUES", "The command included the column " + column + " that has " +
                                                         type.name + " type defined: " + error.what() + ".");
    }
  }

  std::string bind(SqlValue value) {
    out_.params.push_back(std::move(value));
    return "?";
  }

  std::string comparison(const std::string& column, const ColumnType& type, const std::string& op, const json& operand,
                         bool top_level) {
    out_.conditions.push_back({column, op, top_level});
    if (type.is_vector())
      fail("FILTER", "UNSUPPORTED_FILTERING_FOR_COLUMN_TYPES",
           "Filtering is not supported on vector columns; the request filtered on: " + column + ".");
    if (op == "$match") return text_match(column, operand);
    if (type.is_container()) return container_comparison(column, type, op, operand);
    const std::string name = quote_identifier(column);
    if (op == "$eq") {
      SqlValue value = encode(column, type, operand);
      if (top_level) out_.equalities[column] = value;
      if (std::holds_alternative<std::monostate>(value)) return name + " IS NULL";
      return name + " = " + bind(std::move(value));
    }
    if (op == "$ne") return "(" + name + " IS NULL OR " + name + " <> " + bind(encode(column, type, operand)) + ")";
    if (op == "$in" || op == "$nin") return membership(column, type, name, op, operand);
    static const std::map<std::string, std::string> comparisons = {{"$lt", "<"}, {"$lte", "<="}, {"$gt", ">"}, {"$gte", ">="}};
    const auto comparator = comparisons.find(op);
    if (comparator == comparisons.end())
      fail("FILTER", "FILTER_UNSUPPORTED_OPERATOR", "Unsupported filter operator " + op + " on column " + column + ".");
    if (type.name == "duration")
      fail("FILTER", "UNSUPPORTED_COMPARISON_FILTER_AGAINST_DURATION",
           "The request used a comparison operation on duration columns: " + column + ".");
    return name + " " + comparator->second + " " + bind(encode(column, type, operand));
  }

  const json& in_values(const std::string& op, const json& operand) {
    if (!operand.is_array())
      fail("FILTER", "FILTER_INVALID_EXPRESSION", "Unsupported filter clause: " + op + " needs an array.");
    if (operand.size() > kMaxInValues)
      fail("FILTER", "FILTER_FIELDS_LIMIT_VIOLATION", op + " has more than 100 values.");
    return operand;
  }

  std::string membership(const std::string& column, const ColumnType& type, const std::string& name,
                         const std::string& op, const json& operand) {
    std::vector<std::string> placeholders;
    for (const auto& element : in_values(op, operand)) placeholders.push_back(bind(encode(column, type, element)));
    if (placeholders.empty()) return op == "$in" ? "0" : "1";
    const std::string list = join(placeholders, ", ", "");
    return op == "$in" ? name + " IN " + list : "(" + name + " IS NULL OR " + name + " NOT IN " + list + ")";
  }

  // list/set elements, map keys or values: matched inside the stored JSON with json_each.
  std::string container_comparison(const std::string& column, const ColumnType& type, const std::string& op,
                                   const json& operand) {
    if (type.name == "map" && (op == "$keys" || op == "$values")) return map_component(column, type, op, operand);
    if (type.name == "map")
      fail("FILTER", "INVALID_MAP_SET_LIST_FILTER",
           "Command has an invalid filter, map columns are filtered through $keys or $values here.");
    return element_match(quote_identifier(column), "value", type.value_type, column, op, operand);
  }

  std::string map_component(const std::string& column, const ColumnType& type, const std::string& component,
                            const json& operand) {
    if (!is_operator_object(operand) || operand.size() != 1)
      fail("FILTER", "INVALID_MAP_SET_LIST_FILTER", "Command has an invalid filter, " + component + " needs one of $in, $nin, $all.");
    const bool text_keys = type.key_type == "text" || type.key_type == "ascii";
    const bool keys = component == "$keys";
    const std::string field = text_keys ? (keys ? "key" : "value") : (keys ? "json_extract(value, '$[0]')" : "json_extract(value, '$[1]')");
    return element_match(quote_identifier(column), field, keys ? type.key_type : type.value_type, column,
                         operand.begin().key(), operand.begin().value());
  }

  std::string element_match(const std::string& source, const std::string& field, const std::string& element_type,
                            const std::string& column, const std::string& op, const json& operand) {
    if (op != "$in" && op != "$nin" && op != "$all")
      fail("FILTER", "INVALID_MAP_SET_LIST_FILTER", "Command has an invalid filter, " + column +
                                                        " supports only $in, $nin and $all.");
    std::vector<std::string> placeholders;
    json distinct = json::array();
    for (const auto& element : in_values(op, operand)) {
      json canonical;
      try {
        canonical = canonical_element(element_type, element);
      } catch (const std::invalid_argument& error) {
        fail("FILTER", "INVALID_FILTER_COLUMN_VALUES", "Invalid value in filter on " + column + ": " + error.what() + ".");
      }
      if (std::find(distinct.begin(), distinct.end(), canonical) != distinct.end()) continue;
      distinct.push_back(canonical);
      placeholders.push_back(bind(scalar_param(canonical)));
    }
    if (placeholders.empty()) return op == "$in" ? "0" : "1";
    const std::string matches = "SELECT COUNT(DISTINCT " + field + ") FROM json_each(" + source + ") WHERE " + field +
                                " IN " + join(placeholders, ", ", "");
    if (op == "$all") return "(" + matches + ") = " + std::to_string(placeholders.size());
    return "(" + matches + ") " + (op == "$in" ? "> 0" : "= 0");
  }

  std::string text_match(const std::string& column, const json& operand) {
    if (!object_)
      fail("FILTER", "FILTER_UNSUPPORTED_OPERATOR", "Unsupported filter operator $match: update and delete commands "
                                                    "filter on the primary key only.");
    const IndexDef* index = table_.text_index_on(column);
    if (!index) {
      std::string indexed;
      for (const auto& candidate : table_.indexes)
        if (candidate.text) indexed += (indexed.empty() ? "" : ", ") + candidate.column;
      fail("FILTER", "CANNOT_LEXICAL_FILTER_NON_INDEXED_COLUMNS",
           "The command attempted to lexical filter on column that is not text-indexed.\nThe table " + object_->keyspace +
               "." + object_->name + " has text indexes on columns: " + (indexed.empty() ? "[]" : indexed) +
               ".\nThe command attempted to filter column(s): " + column + ".");
    }
    if (!operand.is_string())
      fail("FILTER", "INVALID_FILTER_COLUMN_VALUES",
           "The command used $match on the column " + column + " with a non-string value; $match takes a string of "
           "space-separated terms.");
    const std::string expression = TextIndex::match_expression(operand.get<std::string>(), *index);
    if (expression.empty()) return "0";  // no term: nothing matches
    const TextIndex text_index(object_->storage_table(), *index);
    const std::string condition =
        match_form_ == MatchForm::PerRow
            ? text_index.row_matches(quote_identifier(object_->storage_table()) + ".rowid")
            : "rowid IN (" + text_index.matching_rowids() + ")";
    bind(expression);
    return condition;
  }

  const TableDef& table_;
  const SchemaObject* object_;
  MatchForm match_form_;
  CompiledFilter& out_;
};

}  // namespace

std::set<std::string> CompiledFilter::columns() const {
  std::set<std::string> names;
  for (const auto& condition : conditions) names.insert(condition.column);
  return names;
}

CompiledFilter compile_table_filter(const SchemaObject& table, const json& filter, MatchForm match_form) {
  CompiledFilter compiled;
  Compiler compiler(table.table, &table, match_form, compiled);
  compiled.where = compiler.conjunction(filter, true);
  return compiled;
}

CompiledFilter compile_table_filter(const TableDef& table, const json& filter) {
  CompiledFilter compiled;
  Compiler compiler(table, nullptr, MatchForm::RowidSet, compiled);
  compiled.where = compiler.conjunction(filter, true);
  return compiled;
}

}  // namespace killrvideo::host::embedded
