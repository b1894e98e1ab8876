#!/usr/bin/env bash
# bench/run.sh [runs] [import|tickets|all] — benchmarks of the real code paths (not part of ./test.sh).
# Starts a throwaway PostgreSQL cluster like ./test.sh, builds the bench in Release and writes, by default both:
#   import:  bench/results/import-latest.md, the 5,000-row institution import against Npgsql binary COPY;
#   tickets: bench/results/tickets-latest.md, 500 tickets in one streamed PDF against one in-memory document,
#            the batch's sign-in sheets and a 500-row roster: seconds and peak memory.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd -P)
# shellcheck source=../scripts/pg.sh
source "$ROOT/scripts/pg.sh"

ep_ensure_packages postgresql
ep_require_dotnet
pg_find_bin
PG_TMP=$(mktemp -d /tmp/examportal-bench-pg.XXXXXX)
cleanup() { pg_stop "$PG_TMP" >/dev/null 2>&1 || true; rm -rf "$PG_TMP"; }
trap cleanup EXIT
pg_init "$PG_TMP"
pg_start "$PG_TMP" "$(pg_pick_port "")"
pg_create_db "$PG_PORT" examportal_bench

BENCH_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown) \
dotnet run -c Release --project "$ROOT/bench/ExamPortal.Bench" -- \
    "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=examportal_bench" \
    "$ROOT/bench/results" "${1:-5}" "${2:-all}"
