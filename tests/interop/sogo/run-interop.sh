#!/usr/bin/env bash
# Runs Skein's interop tests against a real SOGo: setup.sh, seed.sh, the
# tests, stop.sh (also on failure or Ctrl-C).
#
#   run-interop.sh                 ctest -L interop in $SKEIN_BUILD_DIR (default: <top>/build)
#   run-interop.sh CMD [ARGS...]   any command instead, with SKEIN_SOGO_URL & co. exported,
#                                  e.g. scripts/test's whole ctest run
#
# SKEIN_SKIP_INTEROP=1 runs the command without SOGo (interop tests then SKIP)
# for quick local loops; when CI is set
# (GitHub, GitLab and most CI systems set it) the switch is refused, so CI
# always runs the suite. With SKEIN_INTEROP_STATE unset a fresh state dir is
# used and removed after a successful run (kept, with logs, after a failure).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../../.." && pwd)

[ $# -gt 0 ] || set -- ctest --test-dir "${SKEIN_BUILD_DIR:-$top/build}" -L interop --output-on-failure --timeout 600

if [ "${SKEIN_SKIP_INTEROP:-0}" = 1 ]; then
    if [ -n "${CI:-}" ]; then
        echo "run-interop: SKEIN_SKIP_INTEROP is ignored on CI (CI=$CI): running the SOGo interop suite" >&2
    else
        # still run the command (e.g. the rest of the suite); without
        # SKEIN_SOGO_URL the interop tests report themselves as skipped
        echo "run-interop: no SOGo (SKEIN_SKIP_INTEROP=1): interop tests will SKIP; CI never skips them" >&2
        unset SKEIN_SOGO_URL
        exec "$@"
    fi
fi

own_state=0
if [ -z "${SKEIN_INTEROP_STATE:-}" ]; then
    SKEIN_INTEROP_STATE=$(mktemp -d /tmp/skein-interop-sogo.XXXXXX)
    own_state=1
fi
export SKEIN_INTEROP_STATE

# setup/stop install packages and start daemons under their own users: root only
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo env SKEIN_INTEROP_STATE="$SKEIN_INTEROP_STATE" "$@"; fi
}

finish() {
    local rc=$?
    as_root "$here/stop.sh" >/dev/null || true
    if [ $rc -eq 0 ] && [ $own_state -eq 1 ]; then
        as_root rm -rf -- "$SKEIN_INTEROP_STATE"
    elif [ $rc -ne 0 ]; then
        echo "run-interop: failed (exit $rc); server logs kept in $SKEIN_INTEROP_STATE/log (sogo.log has every EAS request and response)" >&2
    fi
    exit $rc
}
trap finish EXIT
trap 'exit 130' INT TERM

t0=$SECONDS
as_root "$here/setup.sh"
t1=$SECONDS
"$here/seed.sh"
t2=$SECONDS
source "$SKEIN_INTEROP_STATE/env.sh"
echo "run-interop: SOGo up in $((t1 - t0)) s, seeded in $((t2 - t1)) s; running: $*"
"$@"   # last: a wrapped ctest's summary stays the last lines of output
