#include "tools/loader/CsvReader.h"

namespace killrvideo::loader {

namespace {

constexpr int kEnd = std::char_traits<char>::eof();
constexpr char kUtf8ByteOrderMark[] = "\xEF\xBB\xBF";

void drop_byte_order_mark(std::istream& input) {
  char head[3] = {0, 0, 0};
  input.read(head, 3);
  if (input.gcount() == 3 && std::string(head, 3) == kUtf8ByteOrderMark) return;
  input.clear();
  input.seekg(0);
}

}  // namespace

CsvReader::CsvReader(std::istream& input) : input_(input) {
  drop_byte_order_mark(input_);
  if (input_.tellg() > 0) bytes_read_ = static_cast<std::uint64_t>(input_.tellg());
}

int CsvReader::get() {
  const int c = input_.get();
  if (c == kEnd) return c;
  ++bytes_read_;
  if (c == '\n') ++line_;
  return c;
}

int CsvReader::peek() { return input_.peek(); }

// A record ends at LF, CRLF or the end of the input; consumes the terminator.
bool CsvReader::at_record_end(int c) {
  if (c == kEnd || c == '\n') return true;
  if (c == '\r' && peek() == '\n') {
    get();
    return true;
  }
  return false;
}

std::optional<CsvRecord> CsvReader::next() {
  for (;;) {
    if (peek() == kEnd) return std::nullopt;
    const std::size_t line = line_;
    const int first = get();
    if (at_record_end(first)) continue;  // a blank line
    return read_record(line, first);
  }
}

CsvRecord CsvReader::read_record(std::size_t line, int c) {
  CsvRecord record;
  record.line = line;
  std::string field;
  for (;; c = get()) {
    if (c == '"' && field.empty()) {
      read_quoted(record, field);
      if (!record.error.empty()) return record;
      c = get();
      if (c != ',' && !at_record_end(c)) {
        record.error = "unexpected text after a closing quote";
        skip_to_record_end();
        return record;
      }
    } else if (c != ',' && !at_record_end(c)) {
      field.push_back(static_cast<char>(c));  // a quote inside an unquoted field stays text, as most writers mean it
      continue;
    }
    record.fields.push_back(std::move(field));
    field.clear();
    if (c != ',') return record;
  }
}

// After the opening quote: up to the closing one, turning "" into ".
void CsvReader::read_quoted(CsvRecord& record, std::string& field) {
  for (;;) {
    const int c = get();
    if (c == kEnd) {
      record.error = "a quoted field is not closed before the end of the file";
      return;
    }
    if (c == '"') {
      if (peek() != '"') return;
      get();
    }
    field.push_back(static_cast<char>(c));
  }
}

void CsvReader::skip_to_record_end() {
  for (int c = get(); !at_record_end(c); c = get()) {
  }
}

}  // namespace killrvideo::loader
