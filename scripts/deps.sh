# Debian 12 packages Skein needs to build, test and run; sourced by scripts/test and scripts/demo.
skein_packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev
    libwbxml2-dev libsqlite3-dev qtkeychain-qt6-dev libgmime-3.0-dev
    libqt6svg6
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    dbus gnome-keyring libsecret-1-0
    xvfb xauth
    # The package checks (ctest -L package): cpack's .deb with computed
    # Depends (dpkg-shlibdeps, file), the metadata validators, man pages.
    dpkg-dev file appstream desktop-file-utils groff-base
    clang libclang-rt-14-dev
)

# Installs only what is missing, so a machine that has everything needs no network.
skein_install_deps() {
    local missing=()
    for pkg in "${skein_packages[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
