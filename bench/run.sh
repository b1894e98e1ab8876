#!/usr/bin/env bash
# bench/run.sh [runs] [import|tickets|web|rush|all] — benchmarks of the real code paths (not part of ./test.sh).
# Starts a throwaway PostgreSQL cluster like ./test.sh, builds the bench and the portal in Release and writes, by
# default all of them, each over a fresh database of its own, then gathers every target and report into
# bench/results/latest.md (and prints it):
#   import:  bench/results/import-latest.md, the 5,000-row institution import against Npgsql binary COPY;
#   tickets: bench/results/tickets-latest.md, 500 tickets in one streamed PDF against one in-memory document,
#            the batch's sign-in sheets and a 500-row roster: seconds and peak memory;
#   web:     bench/results/web-latest.md, the public certificate verification and results pages against the raw
#            floor (a constant endpoint, one Npgsql lookup), over HTTP to the portal started as its own process
#            over 100,000 generated certificates. BENCH_WEB_SECONDS (10), BENCH_WEB_WARMUP (3),
#            BENCH_WEB_CERTIFICATES (100000) and BENCH_WEB_REGISTRATIONS (20000) change its settings.
#   rush:    bench/results/rush-latest.md, sign-in capacity against the PBKDF2 cost and the registration rush (N signed-in
#            candidates at once through draft, details, a several-MB camera photo, five scans, submit) over HTTP to the
#            portal in batch 2's registration window; BENCH_RUSH_CANDIDATES (200) is N. Each run does the rush twice: with
#            the photo as the page's script sends it (shrunk in the browser) and with the camera file as it is;
#            BENCH_RUSH_PHOTO=browser or camera keeps one.
# Every variable BENCH_PORTAL_ENV_<Name> reaches the portal started by web and rush as <Name>.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd -P)
# shellcheck source=../scripts/pg.sh
source "$ROOT/scripts/pg.sh"

case "${2:-all}" in
    import | tickets | web | rush) modes=("$2") ;;
    all) modes=(import tickets web rush) ;;
    *) ep_die "usage: bench/run.sh [runs] [import|tickets|web|rush|all]" ;;
esac

ep_ensure_packages postgresql
ep_require_dotnet
pg_find_bin
PG_TMP=$(mktemp -d /tmp/examportal-bench-pg.XXXXXX)
cleanup() { pg_stop "$PG_TMP" >/dev/null 2>&1 || true; rm -rf "$PG_TMP"; }
trap cleanup EXIT
pg_init "$PG_TMP"
# The web benchmark's portal holds two pools at once (EF Core's, up to 100, and the raw floor's): room for both.
pg_start "$PG_TMP" "$(pg_pick_port "")" -c max_connections=300
ep_no_build_servers
WEB_PROJECT="$ROOT/src/ExamPortal.Web/ExamPortal.Web.csproj"
echo "==> Building the bench and the portal (Release)" >&2
dotnet build "$ROOT/bench/ExamPortal.Bench" -c Release -nologo -v minimal || ep_die "build failed (see the errors above)"
BENCH_PORTAL_DLL=$(dotnet msbuild "$WEB_PROJECT" -nologo -getProperty:TargetPath -p:Configuration=Release)
[ -f "$BENCH_PORTAL_DLL" ] || ep_die "built portal not found: $BENCH_PORTAL_DLL"
export BENCH_PORTAL_DLL
BENCH_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
export BENCH_COMMIT

for mode in "${modes[@]}"; do
    pg_create_db "$PG_PORT" "examportal_bench_$mode"
    dotnet run -c Release --no-build --project "$ROOT/bench/ExamPortal.Bench" -- \
        "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=examportal_bench_$mode" \
        "$ROOT/bench/results" "${1:-5}" "$mode"
done
dotnet run -c Release --no-build --project "$ROOT/bench/ExamPortal.Bench" -- - "$ROOT/bench/results" 1 summary
