#!/usr/bin/env bash
# Empties alice's mailbox on the interop Dovecot and refills it with the
# messages listed in expected-threads.json (see seed.py); safe to run again at
# any time, e.g. before every test run. Needs setup.sh's state dir.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
state=${SKEIN_INTEROP_STATE:?set SKEIN_INTEROP_STATE to the dir setup.sh printed}
source "$state/env.sh"
exec python3 "$here/seed.py" "$here/expected-threads.json" "$SKEIN_INTEROP_IMAP_PORT" "$SKEIN_SOGO_USER" "$SKEIN_SOGO_PASSWORD"
