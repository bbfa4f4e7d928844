# Sourced by start.sh and test.sh: pinned Node, dependencies, PostgreSQL and the Kafka broker, each
# only when missing, so running twice is cheap and safe.
# shellcheck shell=bash
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

install_dependencies() {
  local stamp="node_modules/.install-stamp"
  local want
  want="$(cat package-lock.json .nvmrc | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "› installing dependencies from package-lock.json"
    # `npm install`, not `npm ci`: npm 11 leaves other platforms' optional binaries (swc, buf) out of
    # the lockfile and then `npm ci` refuses it. With an up-to-date lockfile both install the same tree.
    npm install --loglevel=error --no-audit --no-fund
    echo "$want" > "$stamp"
  fi
}

ensure_postgres() {
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    echo "› starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && return 0; sleep 1; done
    echo "PostgreSQL did not start" >&2
    return 1
  fi
}

ensure_kafka() {
  bash "$ROOT/tools/kafka/kafka.sh" start
}

build() {
  node tools/scripts/build.mjs
}
