#include "auth/Base64Url.h"

#include <algorithm>

#include <openssl/evp.h>

namespace killrvideo::host {

namespace {

bool is_url_alphabet(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

}  // namespace

std::string Base64Url::encode(std::string_view bytes) {
  // EVP_EncodeBlock writes the padded standard alphabet plus a terminating NUL.
  std::string encoded(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                     reinterpret_cast<const unsigned char*>(bytes.data()),
                                     static_cast<int>(bytes.size()));
  encoded.resize(static_cast<std::size_t>(length));
  while (!encoded.empty() && encoded.back() == '=') encoded.pop_back();
  std::replace(encoded.begin(), encoded.end(), '+', '-');
  std::replace(encoded.begin(), encoded.end(), '/', '_');
  return encoded;
}

std::optional<std::string> Base64Url::decode(std::string_view text) {
  // A lone trailing character carries fewer than 8 bits: no input encodes to that length.
  if (text.size() % 4 == 1 || !std::all_of(text.begin(), text.end(), is_url_alphabet)) return std::nullopt;
  const std::size_t padding = (4 - text.size() % 4) % 4;
  std::string standard(text);
  std::replace(standard.begin(), standard.end(), '-', '+');
  std::replace(standard.begin(), standard.end(), '_', '/');
  standard.append(padding, '=');

  // EVP_DecodeBlock counts the padding as zero bytes, so the real length is shorter by `padding`.
  std::string decoded(standard.size() / 4 * 3, '\0');
  const int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(decoded.data()), reinterpret_cast<const unsigned char*>(standard.data()),
                                     static_cast<int>(standard.size()));
  if (length < 0) return std::nullopt;
  decoded.resize(static_cast<std::size_t>(length) - padding);
  if (encode(decoded) != text) return std::nullopt;
  return decoded;
}

}  // namespace killrvideo::host
