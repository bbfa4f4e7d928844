#!/usr/bin/env bash
# The whole test suite: contracts, typecheck, lint with module boundaries, unit, integration, e2e.
set -euo pipefail
source "$(dirname "$0")/setup.sh"

results="$ROOT/.local/test-results"
rm -rf "$results" && mkdir -p "$results"

step() { printf '\n━━ %s\n' "$1"; }

install_dependencies

step "proto: lint, breaking changes, generated code up to date"
bash tools/scripts/proto.sh check

step "typecheck"
tsc -p tsconfig.json --noEmit

step "lint (with Nx module boundaries)"
nx show projects >/dev/null # computes the project graph the boundary rule reads
eslint . --max-warnings 0

step "unit tests"
jest --selectProjects unit --ci --json --outputFile "$results/unit.json"

step "infrastructure: PostgreSQL, Kafka broker, build"
ensure_postgres
ensure_kafka
build

step "integration and end-to-end tests (real PostgreSQL, Kafka and gRPC)"
jest --selectProjects integration e2e --ci --runInBand --json --outputFile "$results/integration.json"

node -e '
const files = process.argv.slice(1).map((f) => require(f));
const passed = files.reduce((n, r) => n + r.numPassedTests, 0);
const failed = files.reduce((n, r) => n + r.numFailedTests, 0);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
' "$results/unit.json" "$results/integration.json"
