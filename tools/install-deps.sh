#!/usr/bin/env bash
# Installs the Debian 12 packages the build, the server and the tests need, skipping those present, and
# the npm packages of the astra-db-ts client suite (tests/tools/dataapi, pinned by its package-lock.json).
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
  nodejs                 # the astra-db-ts client suite (tests/tools/dataapi)
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Debian's npm, unless a node distribution that bundles npm is installed already.
command -v npm >/dev/null || missing+=(npm)

# The pinned astra-db-ts client of the client suite, from the npm registry, into its own node_modules.
install_client_suite() {
  local suite="tests/tools/dataapi"
  if [ ! -f "$suite/node_modules/.package-lock.json" ] || [ "$suite/package-lock.json" -nt "$suite/node_modules/.package-lock.json" ]; then
    echo "install-deps: npm ci in $suite"
    (cd "$suite" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
cd "$(dirname "$0")/.."

if [ ${#missing[@]} -eq 0 ]; then
  install_client_suite
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
install_client_suite
