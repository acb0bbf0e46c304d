#!/usr/bin/env bash
# Installs what the build, the server and the tests need, skipping what is present: the Debian 12 packages
# (Debian's chromium for the end-to-end suite among them), then the npm packages of the end-to-end suite
# (tests/e2e) and of the astra-db-ts client suite (tests/tools/dataapi), each whenever its lock changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  make pkg-config ccache
  libpistache-dev        # HTTP server
  libboost-dev           # Boost.DLL (header-only on std::filesystem)
  libyaml-cpp-dev nlohmann-json3-dev libcurl4-openssl-dev
  libssl-dev libcrypt-dev uuid-dev   # JWT HMAC, bcrypt, UUIDs
  libspdlog-dev libcli11-dev
  libjemalloc-dev        # the server's allocator
  libsqlite3-dev libhnswlib-dev      # the embedded store
  libgtest-dev libgmock-dev libbenchmark-dev
  chromium               # the browser of the end-to-end suite (tests/e2e), driven by playwright-core
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Node.js 20 and npm come with the machine (Debian 12's nodejs is too old for the frontend's Vite).
npm_ci_if_changed() {
  local suite=$1
  if ! cmp -s "$suite/package-lock.json" "$suite/node_modules/.installed-lock.json"; then
    echo "install-deps: npm ci in $suite"
    (cd "$suite" && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-lock.json)
  fi
}
if ! command -v npm >/dev/null; then
  echo "install-deps: npm not found: the end-to-end suite (tests/e2e) and the client suite (tests/tools/dataapi)" \
       "need Node.js 20 and npm" >&2
else
  npm_ci_if_changed tests/e2e
  npm_ci_if_changed tests/tools/dataapi
fi
