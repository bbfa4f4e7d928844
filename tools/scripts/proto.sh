#!/usr/bin/env bash
# proto.sh generate | check. Generated TypeScript is never edited by hand: `generate` rewrites it,
# `check` fails when it is stale, when buf lint fails, or on a breaking change.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT/proto"

case "${1:-check}" in
  generate)
    buf generate
    ;;
  check)
    buf lint
    # Against main from a branch; on main itself, against the previous commit (what was live before).
    branch="$(git -C "$ROOT" rev-parse --abbrev-ref HEAD 2>/dev/null || echo main)"
    if [ "$branch" != "main" ] && git -C "$ROOT" rev-parse --verify -q main >/dev/null; then
      against="main"
    elif git -C "$ROOT" rev-parse --verify -q HEAD~1 >/dev/null; then
      against="HEAD~1"
    else
      against=""
    fi
    if [ -n "$against" ] && git -C "$ROOT" cat-file -e "$against:proto/buf.yaml" 2>/dev/null; then
      buf breaking --against "$ROOT/.git#ref=$against,subdir=proto"
      echo "no breaking changes against $against"
    else
      echo "no earlier proto/ to compare against"
    fi
    before="$(git -C "$ROOT" status --porcelain -- libs/contracts/src/grpc/generated)"
    buf generate
    after="$(git -C "$ROOT" status --porcelain -- libs/contracts/src/grpc/generated)"
    if [ "$before" != "$after" ] || ! git -C "$ROOT" diff --quiet -- libs/contracts/src/grpc/generated; then
      echo "generated gRPC code is stale: run 'bash tools/scripts/proto.sh generate' and commit" >&2
      exit 1
    fi
    echo "generated code is up to date"
    ;;
  *)
    echo "usage: proto.sh generate|check" >&2
    exit 2
    ;;
esac
