#!/usr/bin/env bash
# Stops exactly the daemons setup.sh started for $SKEIN_INTEROP_STATE, found by
# their pid files (checked against the expected command name, never by name
# alone). Keeps the state dir; `--purge` removes it afterwards.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
state=${SKEIN_INTEROP_STATE:?set SKEIN_INTEROP_STATE to the dir setup.sh printed}
source "$here/lib.sh"
log() { printf '[sogo-stop %s] %s\n' "$(date +%T)" "$*"; }

# stop PIDFILE COMM NAME: TERM, wait up to 5 s, then KILL. sogod's watchdog
# forwards TERM to its workers, but idle workers of this build stay in accept()
# and never exit, so workers (its own children, by pid) get KILL after 3 s.
stop() {
    local pid kids k i
    if ! pid_alive "$1" "$2"; then log "$3 not running"; rm -f "$1"; return 0; fi
    pid=$(head -n1 "$1" | tr -dc 0-9)
    kids=$(ps -o pid= --ppid "$pid" | tr -d ' ' || true)
    log "stopping $3 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        alive "$pid" || break
        if [ "$i" -eq 30 ]; then
            for k in $kids; do alive "$k" && grep -q -- "$2" "/proc/$k/comm" && kill -KILL "$k" 2>/dev/null; done
        fi
        sleep 0.1
    done
    if alive "$pid"; then log "$3 ignored TERM: KILL"; kill -KILL "$pid" 2>/dev/null || true; fi
    rm -f "$1"
}

stop "$state/pids/sogod.pid" sogod sogod
stop "$state/pids/smtp-sink.pid" python3 "SMTP sink"
stop "$state/dovecot/base/master.pid" dovecot Dovecot
stop "$state/pids/memcached.pid" memcached memcached
if [ -s "$state/pgdata/postmaster.pid" ] && pid_alive "$state/pgdata/postmaster.pid" postgres; then
    log "stopping PostgreSQL"
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$state/pgdata" -m fast -w -t 30 stop >/dev/null
else
    log "PostgreSQL not running"
fi
if [ "${1:-}" = --purge ]; then
    log "removing $state"
    rm -rf -- "$state"
fi
