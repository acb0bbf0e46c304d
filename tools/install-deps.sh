#!/usr/bin/env bash
# Installs the Debian 12 packages the build, the server and the tests need, skipping those present.
set -euo pipefail

packages=(
  make pkg-config ccache
  libpistache-dev        # HTTP server
  libboost-dev           # Boost.DLL (header-only on std::filesystem)
  libyaml-cpp-dev nlohmann-json3-dev libcurl4-openssl-dev
  libssl-dev libcrypt-dev uuid-dev   # JWT HMAC, bcrypt, UUIDs
  libspdlog-dev libcli11-dev
  libsqlite3-dev libhnswlib-dev      # the embedded store
  libgtest-dev libgmock-dev libbenchmark-dev
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
