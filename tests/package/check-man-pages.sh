#!/usr/bin/env bash
# Every option a binary's --help lists is documented in its man page, and
# each page formats without warnings.
#   check-man-pages.sh MAN_DIR SKEIN SKEIN_CLI SKEIN_SERVER
set -euo pipefail
man_dir=$1
shift
status=0
for binary in "$@"; do
    name=$(basename "$binary")
    page="$man_dir/$name.1"
    [ -f "$page" ] || { echo "FAIL: no man page $page for $name"; status=1; continue; }
    # Qt's own --help-all (Qt's options too) needs no page of ours.
    options=$(QT_QPA_PLATFORM=offscreen "$binary" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u | grep -vx -- '--help-all' || true)
    [ -n "$options" ] || { echo "FAIL: $name --help lists no options"; status=1; }
    for option in $options; do
        # In troff a dash is written \-.
        if ! grep -qF -- "${option//-/\\-}" "$page"; then
            echo "FAIL: $name.1 does not mention $option"
            status=1
        fi
    done
    warnings=$(LC_ALL=C.UTF-8 groff -t -man -ww -z -Tutf8 "$page" 2>&1 || true)
    if [ -n "$warnings" ]; then
        echo "FAIL: $name.1 formats with warnings:"
        echo "$warnings"
        status=1
    fi
    [ "$status" -ne 0 ] || echo "ok: $name.1 covers $(echo "$options" | wc -l) options"
done
exit "$status"
