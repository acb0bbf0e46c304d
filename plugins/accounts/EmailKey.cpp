#include "EmailKey.h"

#include <cctype>

namespace killrvideo::accounts {

std::string email_key(std::string_view address) {
  std::string key(address);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

}  // namespace killrvideo::accounts
