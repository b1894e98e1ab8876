#!/usr/bin/env bash
# ./test.sh [extra dotnet test arguments] — build and run every test of ExamPortal.sln.
#
# * installs missing system packages when run as root (postgresql, chromium,
#   fonts-wqy-microhei, poppler-utils), otherwise prints the apt-get command to run;
# * starts a throwaway PostgreSQL cluster (temp dir, random free port) and exports
#   EXAMPORTAL_TEST_PG="Host=127.0.0.1;Port=…;Username=postgres" (no database: tests create their own);
# * exports TEST_OUTPUT_DIR=$PWD/test-output (screenshots and other artefacts);
# * runs `dotnet test ExamPortal.sln "$@"`; the cluster is always stopped and removed;
# * prints as its last line "N passed, N failed, N skipped" and exits non-zero when the build
#   or a test failed.
#
# Examples:  ./test.sh      ./test.sh --filter "FullyQualifiedName~Calendar"
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")" || exit 1
ROOT=$(pwd -P)
# shellcheck source=scripts/pg.sh
source "$ROOT/scripts/pg.sh"

SUMMARY_PRINTED=0
PG_TMP=""

summary() {
    SUMMARY_PRINTED=1
    printf '%s passed, %s failed, %s skipped\n' "$1" "$2" "$3"
}

# shellcheck disable=SC2317  # invoked from traps
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -n "$PG_TMP" ]; then
        pg_stop "$PG_TMP" >/dev/null 2>&1 || true
        rm -rf "$PG_TMP"
    fi
    [ "$SUMMARY_PRINTED" = 1 ] || summary 0 0 0
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

set -e
ep_ensure_packages postgresql chromium fonts-wqy-microhei poppler-utils
ep_require_dotnet
ep_no_build_servers
pg_find_bin

# Throwaway cluster; durability is not needed, so skip fsync. Many test databases with their
# own connection pools can be open at once: allow more connections than the default 100.
PG_TMP=$(mktemp -d /tmp/examportal-test-pg.XXXXXX)
pg_init "$PG_TMP"
pg_start "$PG_TMP" "$(pg_pick_port "")" \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400
export EXAMPORTAL_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
echo "==> EXAMPORTAL_TEST_PG=$EXAMPORTAL_TEST_PG" >&2

export TEST_OUTPUT_DIR=${TEST_OUTPUT_DIR:-$ROOT/test-output}
mkdir -p "$TEST_OUTPUT_DIR"
RESULTS_DIR="$TEST_OUTPUT_DIR/TestResults"
rm -rf "$RESULTS_DIR" "$TEST_OUTPUT_DIR/cleanup-failures.log"
mkdir -p "$RESULTS_DIR"
LOG="$RESULTS_DIR/dotnet-test.log"
set +e

echo "==> dotnet test ExamPortal.sln $*" >&2
dotnet test "$ROOT/ExamPortal.sln" \
    --logger "trx" \
    --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS_DIR" \
    --blame-hang-timeout "${EXAMPORTAL_TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type none \
    "$@" 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}

# ------------------------------------------------------------------ count results
passed=0 failed=0 skipped=0
shopt -s nullglob
trx_files=("$RESULTS_DIR"/*.trx)
shopt -u nullglob
if [ "${#trx_files[@]}" -gt 0 ]; then
    # One .trx per test assembly: count the outcome of every UnitTestResult.
    read -r passed failed skipped < <(
        cat "${trx_files[@]}" | grep -o '<UnitTestResult [^>]*' | grep -o ' outcome="[A-Za-z]*"' \
            | awk -F'"' '
                $2 == "Passed" { p++; next }
                $2 == "NotExecuted" || $2 == "Inconclusive" || $2 == "Pending" { s++; next }
                { f++ }
                END { printf "%d %d %d\n", p, f, s }'
    )
else
    # No .trx (e.g. the logger was replaced): sum the per-assembly summary lines
    # "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, …".
    read -r passed failed skipped < <(
        sed 's/\x1b\[[0-9;]*m//g' "$LOG" \
            | grep -E '^[[:space:]]*[A-Za-z]+!  - Failed: *[0-9]+, Passed: *[0-9]+, Skipped: *[0-9]+' \
            | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
            | awk '{ p += $1; f += $2; s += $3 } END { printf "%d %d %d\n", p, f, s }'
    )
fi

build_errors=$(sed 's/\x1b\[[0-9;]*m//g' "$LOG" | grep -E ': error [A-Z]+[0-9]+:.*proj\]$' | sort -u)
if [ -n "$build_errors" ]; then
    echo "==> The build failed:" >&2
    printf '%s\n' "$build_errors" >&2
    summary 0 0 0
    exit 1
fi
if [ "$status" -ne 0 ] && [ $((passed + failed + skipped)) -eq 0 ]; then
    echo "==> The build failed or no test ran (dotnet test exit code $status); see the output above." >&2
    summary 0 0 0
    exit 1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "==> dotnet test exited with code $status although no test result failed (aborted or crashed test host?)." >&2
fi
if [ -s "$TEST_OUTPUT_DIR/cleanup-failures.log" ]; then
    echo "==> A test portal failed to shut down ($TEST_OUTPUT_DIR/cleanup-failures.log):" >&2
    cat "$TEST_OUTPUT_DIR/cleanup-failures.log" >&2
fi
if [ "$status" -eq 0 ] && [ "$failed" -gt 0 ]; then
    status=1
fi
summary "$passed" "$failed" "$skipped"
exit "$status"
