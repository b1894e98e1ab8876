# shellcheck shell=bash
# Helpers shared by ./run.sh and ./test.sh: system packages and a private PostgreSQL cluster
# that needs no Docker and no system service.  Source this file; it defines functions only.
#
#   ep_ensure_packages PKG...      install missing Debian packages (root) or say what to install
#   ep_require_dotnet              fail with a clear message when the .NET SDK is missing
#   pg_find_bin                    set PG_BIN to the newest /usr/lib/postgresql/*/bin
#   pg_init DIR                    initdb DIR unless it already holds a cluster
#   pg_pick_port [PREFERRED]       print a free TCP port on 127.0.0.1
#   pg_start DIR PORT [-c k=v ...] start the cluster (or reuse it when running); sets PG_PORT
#   pg_create_db PORT NAME         create database NAME unless it exists
#   pg_stop DIR                    stop the cluster when it runs
#
# Clusters listen on 127.0.0.1 only, use trust authentication and the superuser "postgres".
# initdb/pg_ctl refuse to run as root, so as root they run as the "postgres" system user
# (created by the Debian postgresql package) and the data directory belongs to that user.

EP_APT_UPDATED=${EP_APT_UPDATED:-0}

ep_log() { printf '%s\n' "$*" >&2; }
ep_die() { printf 'error: %s\n' "$*" >&2; exit 1; }
ep_is_root() { [ "$(id -u)" -eq 0 ]; }

ep_pkg_installed() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

# ep_ensure_packages PKG... — installs what is missing when root, else prints the command and exits 1.
ep_ensure_packages() {
    local missing=() p
    for p in "$@"; do
        ep_pkg_installed "$p" || missing+=("$p")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if ! ep_is_root; then
        ep_log "Missing system packages: ${missing[*]}"
        ep_log "Install them, then run this script again:"
        ep_log "    sudo apt-get install -y ${missing[*]}"
        exit 1
    fi
    command -v apt-get >/dev/null 2>&1 || ep_die "apt-get not found; install these packages: ${missing[*]}"
    ep_log "==> Installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    if [ "$EP_APT_UPDATED" != 1 ]; then
        apt-get update -qq >&2 || ep_die "apt-get update failed"
        EP_APT_UPDATED=1
    fi
    apt-get install -y -qq "${missing[@]}" >&2 || ep_die "apt-get install ${missing[*]} failed"
}

ep_require_dotnet() {
    command -v dotnet >/dev/null 2>&1 \
        || ep_die "the .NET 10 SDK is required (dotnet not found on PATH)"
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

# Builds started by the scripts must not leave MSBuild nodes or compiler servers running.
ep_no_build_servers() {
    export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
    export UseSharedCompilation=false UseRazorBuildServer=false
}

# ---------------------------------------------------------------- PostgreSQL

PG_BIN=${PG_BIN:-}
PG_PORT=${PG_PORT:-}

# pg_find_bin — sets PG_BIN to the newest installed server (installs postgresql when root).
pg_find_bin() {
    local d
    if [ -n "$PG_BIN" ] && [ -x "$PG_BIN/pg_ctl" ]; then return 0; fi
    d=$(find_pg_bin_dir)
    if [ -z "$d" ]; then
        ep_ensure_packages postgresql
        d=$(find_pg_bin_dir)
    fi
    [ -n "$d" ] || ep_die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
    PG_BIN=$d
}

find_pg_bin_dir() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && printf '%s\n' "$d"
    done | sort -V | tail -n 1
}

# Run a command as the cluster owner: the postgres user when root, else the current user.
# Run from / so that an unreadable current directory does not bother the postgres user.
pg_as_owner() {
    if ep_is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

# When root, make sure the postgres user can traverse every ancestor of DIR (checked from / down,
# so that only the directories that really block the way are changed).
pg_make_reachable() {
    local dir=$1 p="" part
    ep_is_root || return 0
    local IFS=/
    for part in $(dirname "$dir"); do
        [ -n "$part" ] || continue
        p="$p/$part"
        if ! runuser -u postgres -- test -x "$p" 2>/dev/null; then
            if command -v setfacl >/dev/null 2>&1 && setfacl -m u:postgres:x "$p" 2>/dev/null; then
                ep_log "note: granted the postgres user search permission on $p (ACL)"
            else
                chmod o+x "$p"
                ep_log "note: chmod o+x $p so that the postgres user can reach its data directory"
            fi
        fi
    done
}

# pg_init DIR — creates and initialises DIR unless it already contains a cluster.
pg_init() {
    local dir=$1
    pg_find_bin
    mkdir -p "$dir"
    dir=$(pg_abs "$dir")
    pg_make_reachable "$dir"
    if ep_is_root; then
        if [ "$(stat -c %U "$dir")" != postgres ]; then
            chown -R postgres:postgres "$dir"
        fi
    fi
    chmod 700 "$dir"
    if [ -f "$dir/PG_VERSION" ]; then
        return 0
    fi
    if [ -n "$(ls -A "$dir")" ]; then
        ep_die "$dir is not empty and holds no PostgreSQL cluster; move it away and retry"
    fi
    ep_log "==> Initialising PostgreSQL cluster in $dir"
    pg_as_owner "$PG_BIN/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
        || { cat "$dir.initdb.log" >&2; ep_die "initdb failed"; }
    rm -f "$dir.initdb.log"
}

# pg_port_free PORT — true when nothing listens on 127.0.0.1:PORT (or on any address).
pg_port_free() {
    local port=$1
    if command -v ss >/dev/null 2>&1; then
        [ -z "$(ss -Hltn "sport = :$port" 2>/dev/null)" ] || return 1
    fi
    # Fallback (and double check): try to connect.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        return 1
    fi
    return 0
}

# pg_pick_port [PREFERRED] — prints PREFERRED when free (else the next free one above it);
# without PREFERRED prints a random free port in 20000-59999.
pg_pick_port() {
    local port i
    if [ -n "${1:-}" ]; then
        for ((port = $1; port < $1 + 100; port++)); do
            if pg_port_free "$port"; then printf '%s\n' "$port"; return 0; fi
        done
    else
        for ((i = 0; i < 100; i++)); do
            port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
            if pg_port_free "$port"; then printf '%s\n' "$port"; return 0; fi
        done
    fi
    ep_die "no free TCP port found"
}

# pg_abs DIR — absolute, symlink-free path of an existing directory.
pg_abs() { (cd "$1" && pwd -P); }

# pg_running DIR — true when the postmaster of DIR is alive.
pg_running() {
    local dir
    [ -f "$1/postmaster.pid" ] || return 1
    dir=$(pg_abs "$1")
    pg_find_bin
    pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1
}

# pg_start DIR PORT [-c name=value ...] — starts the cluster (extra server settings may follow).
# Reuses a cluster that already runs; PG_PORT is set to the port it really listens on.
pg_start() {
    local dir=$1 port=$2 sockdir opts i
    shift 2
    dir=$(pg_abs "$dir")
    pg_find_bin
    if pg_running "$dir"; then
        # postmaster.pid line 4 holds the port.
        PG_PORT=$(sed -n 4p "$dir/postmaster.pid")
        ep_log "==> PostgreSQL in $dir already runs (port $PG_PORT); reusing it"
        pg_wait_ready "$PG_PORT"
        return 0
    fi
    # Unix socket in the data directory, unless the path is too long for a socket name
    # (108 bytes); then only TCP is used.
    sockdir=$dir
    if [ $((${#dir} + 20)) -gt 100 ]; then sockdir=""; fi
    opts="-h 127.0.0.1 -p $port -k '$sockdir'"
    for i in "$@"; do opts+=" $i"; done
    ep_log "==> Starting PostgreSQL ($dir, 127.0.0.1:$port)"
    if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -o "$opts" -w -t 60 start >/dev/null; then
        tail -n 20 "$dir/server.log" >&2 || true
        ep_die "PostgreSQL did not start (log: $dir/server.log)"
    fi
    PG_PORT=$port
    pg_wait_ready "$PG_PORT"
}

pg_wait_ready() {
    local port=$1 i
    pg_find_bin
    for ((i = 0; i < 60; i++)); do
        if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then return 0; fi
        sleep 0.5
    done
    ep_die "PostgreSQL on port $port is not ready after 30 s"
}

pg_psql() {
    local port=$1
    shift
    pg_find_bin
    PGCONNECT_TIMEOUT=10 "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"
}

# pg_create_db PORT NAME
pg_create_db() {
    local port=$1 name=$2
    pg_find_bin
    if [ "$(pg_psql "$port" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" != 1 ]; then
        ep_log "==> Creating database $name"
        "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres -E UTF8 "$name"
    fi
}

# pg_stop DIR — fast shutdown; no-op when the cluster does not run.
pg_stop() {
    local dir
    [ -d "$1" ] || return 0
    dir=$(pg_abs "$1")
    if pg_running "$dir"; then
        ep_log "==> Stopping PostgreSQL ($dir)"
        pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null \
            || pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null || true
    fi
}
