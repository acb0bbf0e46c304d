#pragma once
// Reads RFC 4180 CSV one record at a time: fields separated by commas, records by CRLF or LF, a field in
// double quotes may hold commas, line breaks and doubled quotes (""). Bytes pass through unchanged, so
// UTF-8 text stays UTF-8; a UTF-8 byte order mark at the start is dropped.
//
// Written here rather than taken from Debian: libcsv does not say where a record starts and cannot resume
// after a malformed one in strict mode, and libfccp rejects line breaks inside quotes — the loader needs
// both the physical line of each record and to go on after a bad one.

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace killrvideo::loader {

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;  // 1-based physical line where the record starts
  // Set when the record is malformed (text after a closing quote, a quote left open at the end of the
  // input); the reader has skipped to the end of that record and goes on with the next one.
  std::string error;
};

class CsvReader {
 public:
  explicit CsvReader(std::istream& input);

  // The next record, skipping blank lines; nullopt at the end of the input.
  std::optional<CsvRecord> next();
  // Bytes consumed so far, for progress against the file size.
  std::uint64_t bytes_read() const noexcept { return bytes_read_; }

 private:
  int get();
  int peek();
  bool at_record_end(int c);
  CsvRecord read_record(std::size_t line, int first);
  void read_quoted(CsvRecord& record, std::string& field);
  void skip_to_record_end();

  std::istream& input_;
  std::size_t line_ = 1;
  std::uint64_t bytes_read_ = 0;
};

}  // namespace killrvideo::loader
