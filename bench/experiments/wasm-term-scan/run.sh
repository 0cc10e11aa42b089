#!/bin/sh
# Builds scan.c to WebAssembly and times it against the term matcher it ports, on the 1 MB
# bench note (see README.md). Needs clang and lld (Debian: apt-get install clang lld).
set -e
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
clang --target=wasm32 -O3 -nostdlib -Wl,--no-entry -Wl,--export=setup -Wl,--export=scan -Wl,--import-memory -o "$out/scan.wasm" "$here/scan.c"
npx esbuild "$here/run.ts" --bundle --platform=node --format=cjs --minify --outfile="$out/run.cjs" --log-level=warning
cd "$here/../../.."
npx tsx bench/corpus.ts > /dev/null # the bench notes, written once (they are deterministic)
WASM="$out/scan.wasm" node "$out/run.cjs"
