#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100, runs on Node 20) and Debian's Chromium for the
# end-to-end suite and `npm run editor`. Everything comes from the npm registry and Debian's
# packages: nothing is downloaded from anywhere else.
#
# Usage: scripts/install-code-server.sh [DIR]
#   DIR defaults to ${XDG_CACHE_HOME:-$HOME/.cache}/calcinosis-notes/code-server (outside the
#   repository). A finished install there is reused; a half-finished one is redone.
# Prints the path of the code-server launcher as its last line.
set -euo pipefail

VERSION=4.100.3
DIR=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/calcinosis-notes/code-server}
MARKER="$DIR/.installed-$VERSION"
BIN="$DIR/node_modules/.bin/code-server"

log() { echo "[install-code-server] $*" >&2; }

# --- Debian packages: Chromium for the browser, build libraries for code-server's native modules.
APT_PACKAGES=(chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "missing Debian packages: ${missing[*]}; install them as root: apt-get install ${missing[*]}"
    exit 3
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -f "$MARKER" ] && [ -x "$BIN" ]; then
  log "reusing $DIR"
  echo "$BIN"
  exit 0
fi

# --- code-server itself, from the npm registry. Its install scripts would fetch binaries from
# elsewhere, so they are skipped and the native parts are rebuilt locally instead.
log "installing code-server $VERSION into $DIR (a few minutes)"
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
npm init -y >/dev/null
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
npm_config_unsafe_perm=true npm install --ignore-scripts --loglevel=error "code-server@$VERSION" >&2
npm_config_yes=true npm rebuild argon2 >&2

cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --loglevel=error >&2
# @vscode/ripgrep's postinstall would fetch rg from GitHub: use Debian's instead.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild >&2
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm_config_yes=true npm install --omit=dev --loglevel=error >&2)

touch "$MARKER"
log "code-server ready"
echo "$BIN"
