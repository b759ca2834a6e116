#!/usr/bin/env bash
# Installs whatever this machine lacks to build, serve and test the portal, and
# nothing else: every step first checks whether its tool is already there, so a
# second run does nothing. Only the package registries (crates.io, npm, Debian)
# are contacted; Trunk later builds with --offline.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
installed=()

say() { printf '[setup] %s\n' "$*"; }

# step NAME CMD...: runs an install command, timing it and recording it.
step() {
  local name=$1; shift
  say "installing $name ..."
  local start=$SECONDS
  "$@"
  local took=$((SECONDS - start))
  say "installed $name in ${took}s"
  installed+=("$name (${took}s)")
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

export PATH="$HOME/.cargo/bin:$PATH"

# 1. Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rust target wasm32-unknown-unknown" rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: the browser and driver for tests, CJK fonts so Chinese text
#    renders in screenshots, brotli for the size report, Caddy (the web server
#    whose shipped configuration, deploy/Caddyfile, the host test serves dist/
#    through), and a Java runtime for the W3C Nu Html Checker (vnu-jar, npm).
apt_missing=()
command -v java >/dev/null || apt_missing+=(openjdk-17-jre-headless)
for pkg in chromium chromium-driver fonts-noto-cjk brotli caddy; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || apt_missing+=("$pkg")
done
if [ ${#apt_missing[@]} -gt 0 ]; then
  apt_install() {
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}"
  }
  step "debian: ${apt_missing[*]}" apt_install
fi

# 3. Trunk 0.21.x (0.22 needs a newer rustc than this machine has).
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  step "trunk $TRUNK_VERSION" cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 4. wasm-bindgen-cli at exactly the version in Cargo.lock: the CLI and the
#    library must agree or the generated glue is wrong.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  say "error: Cargo.lock names no wasm-bindgen version"; exit 1
fi
trunk_bindgen=$(sed -n 's/^wasm_bindgen *= *"\(.*\)"/\1/p' Trunk.toml)
if [ "$trunk_bindgen" != "$bindgen_version" ]; then
  say "error: Trunk.toml asks for wasm-bindgen '$trunk_bindgen' but Cargo.lock has '$bindgen_version'."
  say "       Set [tools] wasm_bindgen = \"$bindgen_version\" in Trunk.toml."
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  # Without --locked: the CLI's own lock file names a webpki-roots version that
  # the registry no longer has.
  step "wasm-bindgen-cli $bindgen_version" cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# 5. npm packages (ECharts, esbuild, binaryen's wasm-opt, axe-core, ajv, the Nu
#    Html Checker, pa11y) from the lock file. Debian's binaryen is too old and
#    silently breaks the wasm. pa11y's puppeteer would download a browser: it
#    uses Debian's Chromium instead.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm packages (npm ci)" env PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

# 6. Crate sources, so that `trunk build --offline` and cargo never need the network.
if ! cargo fetch --locked --quiet --offline 2>/dev/null; then
  step "crate sources (cargo fetch)" cargo fetch --locked
fi

# 7. openpyxl (PyPI), the third-party workbook writer the studio's browser test
#    fills the template with, as a staff member's spreadsheet program would.
OPENPYXL_VERSION=3.1.5
if ! python3 -c "import openpyxl, sys; sys.exit(openpyxl.__version__ != '$OPENPYXL_VERSION')" 2>/dev/null; then
  step "openpyxl $OPENPYXL_VERSION (pip)" python3 -m pip install --quiet --disable-pip-version-check "openpyxl==$OPENPYXL_VERSION"
fi

# 8. The open-data readers (PyPI) the site's tests read what a publish writes
#    with: frictionless (Data Packages), csvw (CSVW metadata), pyld (JSON-LD)
#    and extruct (the JSON-LD in a page), as a data portal would.
OPEN_DATA_READERS="frictionless==5.21.0 csvw==4.1.1 PyLD==3.3.0 extruct==0.18.0"
if ! python3 - "$OPEN_DATA_READERS" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
wanted = dict(pin.split("==") for pin in sys.argv[1].split())
sys.exit(any(version(name) != v for name, v in wanted.items()))
PY
then
  # shellcheck disable=SC2086
  step "open-data readers (pip)" python3 -m pip install --quiet --disable-pip-version-check $OPEN_DATA_READERS
fi

if [ ${#installed[@]} -eq 0 ]; then
  say "everything is already installed"
else
  say "installed: ${installed[*]}"
fi
