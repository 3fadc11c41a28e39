#!/usr/bin/env bash
# The Debian package as a user gets it: cpack builds skein_VERSION_ARCH.deb
# from BUILD_DIR, its control data and file list are checked, then the
# binaries it installs run: skein-cli --version and skein --demo --screenshot.
#
# As root with CI set (CI does) and no skein package installed already, it
# installs the .deb with apt-get (so apt resolves the computed Depends on a
# clean machine), runs /usr/bin/..., and removes the package again.
# Otherwise it unpacks the .deb with dpkg-deb -x into a temporary folder and
# runs the binaries from there, leaving /usr alone.
#   check-package.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d /tmp/skein-package.XXXXXX)
installed_by_us=0
cleanup() {
    if [ "$installed_by_us" -eq 1 ]; then
        echo "== removing the package again"
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq skein >/dev/null || echo "could not remove skein" >&2
    fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== cpack"
cpack --config "$build/CPackConfig.cmake" -B "$work/cpack" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log"; fail "cpack did not build the package"; }
debs=("$work"/cpack/skein_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one skein_*.deb, got: ${debs[*]}"
deb=${debs[0]}
version=$(dpkg-deb -f "$deb" Version)
arch=$(dpkg-deb -f "$deb" Architecture)
[ "$(basename "$deb")" = "skein_${version}_${arch}.deb" ] || fail "file name $(basename "$deb") is not skein_${version}_${arch}.deb"
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"

echo "== control"
dpkg-deb -f "$deb" Package Section Maintainer Depends Recommends
[ "$(dpkg-deb -f "$deb" Package)" = skein ] || fail "package name"
[ "$(dpkg-deb -f "$deb" Section)" = mail ] || fail "section"
depends=$(dpkg-deb -f "$deb" Depends)
# Computed by dpkg-shlibdeps: the libraries the binaries link, with versions.
for lib in libc6 libqt6widgets6 libqt6network6 libqt6httpserver6 libwbxml2 libsqlite3-0 libgmime-3.0; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
grep -q "libqt6svg6" <<<"$depends" || fail "Depends lacks libqt6svg6 (icons)"

echo "== files"
dpkg-deb -c "$deb" | awk '{print $NF}' >"$work/files"
for path in ./usr/bin/skein ./usr/bin/skein-cli ./usr/bin/skein-server \
            ./usr/share/applications/test.skein.Skein.desktop \
            ./usr/share/metainfo/test.skein.Skein.metainfo.xml \
            ./usr/share/icons/hicolor/scalable/apps/skein.svg \
            ./usr/share/man/man1/skein.1.gz ./usr/share/man/man1/skein-cli.1.gz ./usr/share/man/man1/skein-server.1.gz; do
    grep -qx -- "$path" "$work/files" || fail "the package lacks $path"
done

already_installed() { dpkg-query -W -f='${Status}' skein 2>/dev/null | grep -q 'install ok installed'; }
if [ "$(id -u)" -eq 0 ] && [ -n "${CI:-}" ] && ! already_installed; then
    echo "== apt-get install $deb"
    installed_by_us=1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1 \
        || { cat "$work/apt.log"; fail "apt-get could not install the package"; }
    bin=/usr/bin
else
    echo "== dpkg-deb -x (not root with CI set, or skein installed already: /usr stays as it is)"
    dpkg-deb -x "$deb" "$work/root"
    bin=$work/root/usr/bin
fi

echo "== $bin/skein-cli --version"
out=$("$bin/skein-cli" --version)
echo "$out"
[ "$out" = "skein-cli $version" ] || fail "skein-cli --version printed '$out', not 'skein-cli $version'"

echo "== $bin/skein --demo --screenshot"
# The installed skein must find skein-server beside itself, not the build's.
unset SKEIN_SERVER_BIN
shot=$work/demo.png
export XDG_RUNTIME_DIR=$work/runtime && mkdir -m 0700 -p "$XDG_RUNTIME_DIR"
if command -v xvfb-run >/dev/null; then
    run=(xvfb-run -a -s "-screen 0 1400x900x24" env -u QT_QPA_PLATFORM)
else
    run=(env QT_QPA_PLATFORM=offscreen)
fi
timeout 300 "${run[@]}" "$bin/skein" --demo --screenshot "$shot" || fail "skein --demo --screenshot failed"
[ -f "$shot" ] || fail "no screenshot"
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "the screenshot is no PNG"
size=$(stat -c %s "$shot")
# A window with folders, conversations and a reading pane is tens of kB; a blank one a few.
[ "$size" -gt 20000 ] || fail "the screenshot is only $size bytes: a blank window?"
echo "screenshot: $size bytes"
echo "PASS"
