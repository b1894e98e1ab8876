#!/usr/bin/env bash
# ./run.sh — run ExamPortal locally on http://127.0.0.1:${PORT:-5080} with demo data.
#
# * installs missing system packages when run as root (postgresql, fonts-wqy-microhei),
#   otherwise prints the apt-get command to run;
# * starts a private PostgreSQL cluster in .data/pg (127.0.0.1:54329 or the next free port),
#   database "examportal" — unless ConnectionStrings__Portal is already set;
# * builds and runs src/ExamPortal.Web (Release) with migrations and demo data;
# * Ctrl-C (or SIGTERM) stops the portal and the cluster; the data stays in .data/.
#
# Environment overrides: PORT, ConnectionStrings__Portal, Clock__Now, ASPNETCORE_ENVIRONMENT,
# PG_PORT (preferred port of the private cluster).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd -P)
# shellcheck source=scripts/pg.sh
source "$ROOT/scripts/pg.sh"

PORT=${PORT:-5080}
URL="http://127.0.0.1:$PORT"
PG_DIR="$ROOT/.data/pg"
WEB_PROJECT="$ROOT/src/ExamPortal.Web/ExamPortal.Web.csproj"
CONFIGURATION=Release

SESSIONS_DIR="$ROOT/.data/run-sessions"
APP_PID=""
PG_USED=0
CLEANED=0

# shellcheck disable=SC2317  # invoked from traps
cleanup() {
    [ "$CLEANED" = 1 ] && return 0
    CLEANED=1
    trap - INT TERM
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        echo "==> Stopping the portal" >&2
        # The portal runs in its own process group (setsid): signal the whole group.
        kill -TERM -- "-$APP_PID" 2>/dev/null || kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.2
        done
        if kill -0 "$APP_PID" 2>/dev/null; then
            echo "    the portal did not stop within 20 s; killing it" >&2
            kill -KILL -- "-$APP_PID" 2>/dev/null || kill -KILL "$APP_PID" 2>/dev/null || true
        fi
        wait "$APP_PID" 2>/dev/null || true
    fi
    if [ "$PG_USED" = 1 ]; then
        # Stop the cluster unless another ./run.sh (e.g. PORT=5081) still uses it.
        rm -f "$SESSIONS_DIR/$$"
        if other_sessions; then
            echo "==> PostgreSQL keeps running: another ./run.sh uses .data/pg" >&2
        else
            pg_stop "$PG_DIR" || true
        fi
    fi
}

# other_sessions — true when another live ./run.sh registered in $SESSIONS_DIR.
# shellcheck disable=SC2317  # invoked from traps
other_sessions() {
    local f pid found=1
    for f in "$SESSIONS_DIR"/*; do
        [ -e "$f" ] || continue
        pid=${f##*/}
        if [ "$pid" != "$$" ] && kill -0 "$pid" 2>/dev/null \
            && ps -o args= -p "$pid" 2>/dev/null | grep -q 'run\.sh'; then
            found=0
        else
            rm -f "$f"
        fi
    done
    return "$found"
}

# shellcheck disable=SC2317  # invoked from traps
on_signal() {
    local code=$1
    cleanup
    exit "$code"
}

trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

# ------------------------------------------------------------------ prerequisites
packages=(fonts-wqy-microhei)
if [ -z "${ConnectionStrings__Portal:-}" ]; then
    packages=(postgresql "${packages[@]}")
fi
command -v curl >/dev/null 2>&1 || packages+=(curl)
ep_ensure_packages "${packages[@]}"
ep_require_dotnet
ep_no_build_servers

if ! pg_port_free "$PORT"; then
    ep_die "port $PORT is already in use; stop what listens there or run: PORT=5081 ./run.sh"
fi

# ------------------------------------------------------------------ database
if [ -n "${ConnectionStrings__Portal:-}" ]; then
    echo "==> Using the database from ConnectionStrings__Portal (no local cluster started)" >&2
else
    mkdir -p "$SESSIONS_DIR"
    touch "$SESSIONS_DIR/$$"
    PG_USED=1
    pg_init "$PG_DIR"
    if pg_running "$PG_DIR"; then
        pg_start "$PG_DIR" 0            # reuse the running cluster, whatever its port
    else
        pg_start "$PG_DIR" "$(pg_pick_port "${PG_PORT:-54329}")"
    fi
    pg_create_db "$PG_PORT" examportal
    export ConnectionStrings__Portal="Host=127.0.0.1;Port=$PG_PORT;Database=examportal;Username=postgres"
fi

# ------------------------------------------------------------------ build
echo "==> Building ExamPortal.Web ($CONFIGURATION)" >&2
dotnet build "$WEB_PROJECT" -c "$CONFIGURATION" -nologo -v minimal \
    || ep_die "build failed (see the errors above)"
APP_DLL=$(dotnet msbuild "$WEB_PROJECT" -nologo -getProperty:TargetPath -p:Configuration="$CONFIGURATION")
[ -f "$APP_DLL" ] || ep_die "built assembly not found: $APP_DLL"

# ------------------------------------------------------------------ run
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Database__MigrateOnStartup=true
export Seed__DemoData=true
export Seed__DemoRegistrations="${Seed__DemoRegistrations:-true}"
export ASPNETCORE_URLS="$URL"
unset DOTNET_URLS
# glibc keeps freed photo buffers in per-thread arenas; two arenas and a fixed mmap threshold hand them back
# (docs/deployment.md § Memory; bench/results/history.md: rush peak 930 → 530 MB).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-131072}"

echo "==> Starting the portal on $URL (environment $ASPNETCORE_ENVIRONMENT${Clock__Now:+, Clock__Now=$Clock__Now})" >&2
# Content root = project directory (like `dotnet run`); own process group so that the whole
# portal can be signalled at once, and so that Ctrl-C reaches it only through cleanup().
(cd "$ROOT/src/ExamPortal.Web" && exec setsid dotnet "$APP_DLL" --urls "$URL") </dev/null &
APP_PID=$!

healthy=0
deadline=$((SECONDS + 120))
while [ "$SECONDS" -lt "$deadline" ]; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then break; fi
    if curl -fsS -o /dev/null --max-time 2 "$URL/health" 2>/dev/null; then healthy=1; break; fi
    sleep 0.5
done

if [ "$healthy" != 1 ]; then
    if kill -0 "$APP_PID" 2>/dev/null; then
        ep_log "error: the portal did not answer $URL/health within 120 s"
    else
        ep_log "error: the portal exited during start-up (see the log above)"
    fi
    exit 1
fi

cat <<EOF

================================================================================
 ExamPortal is running: $URL
 Demo accounts (password for all: Demo@2026pass)
   考生       candidate            13800000001
   机构经办人 institution staff    inst@demo.local
   审核员     centre reviewer      reviewer@demo.local
   财务       centre finance       finance@demo.local
   考务       centre exam office   exam@demo.local
   管理员     centre admin         admin@demo.local
 Data: $ROOT/.data (kept between runs)    Stop: Ctrl-C
================================================================================

EOF

set +e
wait "$APP_PID"
status=$?
set -e
APP_PID=""
echo "==> The portal exited with status $status" >&2
exit "$status"
