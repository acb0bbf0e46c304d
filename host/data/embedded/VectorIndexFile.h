#pragma once
// The files of a saved VectorIndex: hnswlib's graph file and a side file `<graph>.meta` that vouches for it —
// the index it belongs to (dimension, metric), the write stamp it reflects, its live element count, the
// graph file's exact size and checksum — and the centre of the index's compressed codes. hnswlib trusts whatever it loads (a flipped byte can send it out of
// bounds), so a graph is handed to it only when the side file vouches for every byte.
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
  Digest graph;
  // The centre of the index's compressed codes and how many vectors it was the mean of: reloading with the
  // same centre gives the same codes, so a reopened index answers exactly as it did before it was saved.
  std::uint64_t centred_count = 0;
  std::vector<float> centre;  // `dimension` components
};

// 02: the codes' centre joined the side file. A 01 file is not read, so its graph is rebuilt once.
inline constexpr std::array<char, 8> kMagic{'K', 'V', 'V', 'I', 'D', 'X', '0', '2'};
// A side file claiming a larger dimension is damaged (the Data API allows at most 4096).
inline constexpr std::uint64_t kLargestDimension = 1 << 16;

inline std::filesystem::path meta_path(const std::filesystem::path& graph_path) {
  return std::filesystem::path(graph_path.string() + ".meta");
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
    write_field(meta.graph.bytes);
    write_field(meta.graph.checksum);
    write_field(meta.centred_count);
    out.write(reinterpret_cast<const char*>(meta.centre.data()),
              static_cast<std::streamsize>(meta.centre.size() * sizeof(float)));
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
  read_field(meta.graph.bytes);
  read_field(meta.graph.checksum);
  read_field(meta.centred_count);
  if (!in || meta.dimension > kLargestDimension) return std::nullopt;
  meta.centre.resize(meta.dimension);
  in.read(reinterpret_cast<char*>(meta.centre.data()), static_cast<std::streamsize>(meta.dimension * sizeof(float)));
  if (!in || in.peek() != std::ifstream::traits_type::eof()) return std::nullopt;
  return meta;
}

}  // namespace killrvideo::host::embedded::vector_index_file
