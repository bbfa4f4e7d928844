#!/usr/bin/env bash
# Starts the whole platform on this machine: PostgreSQL, a Kafka broker, schemas, topics and the five
# services, replays a synthetic region's recent history at speed, then keeps a live trickle flowing, and
# prints where to look. Safe to run twice.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
install_dependencies
ensure_postgres
ensure_kafka
build
exec node --enable-source-maps dist/tools/local/start-platform.js
