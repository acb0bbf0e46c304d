#pragma once
// The files of a saved VectorIndex: hnswlib's graph file (only once the index has a graph), the compressed
// codes `<graph>.codes` (QuantizedVectors::write), and a side file `<graph>.meta` that vouches for both —
// the index they belong to (dimension, metric), the write stamp they reflect, the live element count, and
// each file's exact size and checksum. hnswlib trusts whatever it loads (a flipped byte can send it out of
// bounds), so a file is read only when the side file vouches for every byte.
// Header-only so that the embedded library compiles VectorIndex.cpp alone.

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace killrvideo::host::embedded::vector_index_file {

struct Digest {
  std::uint64_t bytes = 0;
  std::uint64_t checksum = 0;
};

struct Meta {
  std::uint64_t dimension = 0;
  std::uint32_t metric = 0;
  std::uint64_t live_count = 0;
  std::uint64_t stamp = 0;
  std::uint32_t has_graph = 0;
  Digest graph;  // zero without a graph
  Digest codes;
};

// 03: the codes have their own file and the graph holds slot numbers, not vectors. Older files are not read,
// so their index is rebuilt once.
inline constexpr std::array<char, 8> kMagic{'K', 'V', 'V', 'I', 'D', 'X', '0', '3'};
// A side file claiming a larger dimension is damaged (the Data API allows at most 4096).
inline constexpr std::uint64_t kLargestDimension = 1 << 16;

inline std::filesystem::path meta_path(const std::filesystem::path& graph_path) {
  return std::filesystem::path(graph_path.string() + ".meta");
}

inline std::filesystem::path codes_path(const std::filesystem::path& graph_path) {
  return std::filesystem::path(graph_path.string() + ".codes");
}

inline std::filesystem::path temp_path(const std::filesystem::path& path) {
  return std::filesystem::path(path.string() + ".tmp");
}

// FNV-1a over 64-bit words (then the tail bytes): fast enough to run over a few hundred MB at load time, and
// any flipped or shifted byte changes it.
inline std::optional<Digest> digest_file(const std::filesystem::path& path) noexcept {
  constexpr std::uint64_t kPrime = 0x100000001b3ULL;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  Digest digest{0, 0xcbf29ce484222325ULL};
  std::vector<char> chunk(1 << 20);
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    std::size_t at = 0;
    for (; at + sizeof(std::uint64_t) <= got; at += sizeof(std::uint64_t)) {
      std::uint64_t word;
      std::memcpy(&word, chunk.data() + at, sizeof word);
      digest.checksum = (digest.checksum ^ word) * kPrime;
    }
    for (; at < got; ++at) digest.checksum = (digest.checksum ^ static_cast<unsigned char>(chunk[at])) * kPrime;
    digest.bytes += got;
  }
  if (in.bad()) return std::nullopt;
  return digest;
}

// Forces a written file (or a directory's entries, after a rename) to disk, so that a crash right after a
// save leaves either the old files or the new ones, never a renamed but empty file.
inline void sync_to_disk(const std::filesystem::path& path, bool is_directory = false) {
  const int fd = ::open(path.c_str(), is_directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  const bool synced = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!synced) throw std::runtime_error("vector index: cannot sync " + path.string());
}

inline void write_meta(const std::filesystem::path& path, const Meta& meta) {
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(kMagic.data(), kMagic.size());
    const auto write_field = [&out](const auto& field) {
      out.write(reinterpret_cast<const char*>(&field), sizeof field);
    };
    write_field(meta.dimension);
    write_field(meta.metric);
    write_field(meta.live_count);
    write_field(meta.stamp);
    write_field(meta.has_graph);
    write_field(meta.graph.bytes);
    write_field(meta.graph.checksum);
    write_field(meta.codes.bytes);
    write_field(meta.codes.checksum);
    out.close();
    if (!out) throw std::runtime_error("vector index: cannot write " + path.string());
  }
  sync_to_disk(path);
}

// nullopt when the file is missing, short, longer than a side file, or not one at all.
inline std::optional<Meta> read_meta(const std::filesystem::path& path) noexcept {
  std::ifstream in(path, std::ios::binary);
  std::array<char, kMagic.size()> magic{};
  in.read(magic.data(), magic.size());
  if (!in || magic != kMagic) return std::nullopt;
  Meta meta;
  const auto read_field = [&in](auto& field) { in.read(reinterpret_cast<char*>(&field), sizeof field); };
  read_field(meta.dimension);
  read_field(meta.metric);
  read_field(meta.live_count);
  read_field(meta.stamp);
  read_field(meta.has_graph);
  read_field(meta.graph.bytes);
  read_field(meta.graph.checksum);
  read_field(meta.codes.bytes);
  read_field(meta.codes.checksum);
  if (!in || meta.dimension > kLargestDimension || meta.has_graph > 1) return std::nullopt;
  if (in.peek() != std::ifstream::traits_type::eof()) return std::nullopt;
  return meta;
}

}  // namespace killrvideo::host::embedded::vector_index_file
