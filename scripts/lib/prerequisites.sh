# Sourced by scripts/run and scripts/test: installs what Plenary needs that is missing (Debian packages, pinned
# Python packages), asking before it uses sudo. Needs bash; the caller has cd'ed to the repository.
#
#   ensure_prerequisites build   # Swift's build of Plenary: git, pkg-config, ncurses headers
#   ensure_prerequisites fast    # + python3 and the pinned jsonschema (unit and view tests)
#   ensure_prerequisites full    # + tmux, strace, chromium, OpenSSH (end-to-end tests and scripts/prove)

say() { printf 'plenary setup: %s\n' "$*" >&2; }

# Swift cannot come from Debian: say where it comes from and stop.
require_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        say "Swift 6 is not installed (or not on PATH). Install it from https://www.swift.org/install/linux/"
        say "(swiftly, or the Debian 12 tarball with the packages listed there), then run this again."
        exit 1
    fi
    if ! swift --version >/dev/null 2>&1; then
        say "'swift --version' fails: the toolchain's own packages are missing; see https://www.swift.org/install/linux/"
        exit 1
    fi
}

# Debian packages missing for a level, one per line.
missing_debian_packages() {
    local level=$1
    command -v git >/dev/null 2>&1 || echo git
    command -v pkg-config >/dev/null 2>&1 || echo pkg-config
    is_installed libncurses-dev || echo libncurses-dev
    is_installed libqrencode-dev || echo libqrencode-dev
    # The time-zone database: session times are local times read from its rules (decision 104).
    is_installed tzdata || echo tzdata
    [ "$level" = build ] && return
    # Debian's python3 has no jsonschema and refuses pip installs: the pinned packages go into a venv.
    command -v python3 >/dev/null 2>&1 || printf '%s\n' python3 python3-venv
    # The QR code on screen is decoded back to its address by zbarimg (issue 17), in view and end-to-end tests.
    command -v zbarimg >/dev/null 2>&1 || echo zbar-tools
    [ "$level" = fast ] && return
    command -v tmux >/dev/null 2>&1 || echo tmux
    # scripts/prove: strace for write ordering and fault injection.
    command -v strace >/dev/null 2>&1 || echo strace
    # Headless Chromium renders the HTML report (scripts/check-html-chromium) and votes as a phone on the web page
    # (scripts/web-phone-check, WebBrowserEndToEndTests).
    command -v chromium >/dev/null 2>&1 || echo chromium
    # The SSH voting test runs a private sshd on 127.0.0.1 (never the system's service) and 20 ssh clients.
    [ -x /usr/sbin/sshd ] || echo openssh-server
    command -v ssh >/dev/null 2>&1 || echo openssh-client
}

is_installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

# Installs Debian packages: directly as root; otherwise with sudo after asking, and never asks when CI=true or
# there is no terminal to answer on (then it says what to run).
install_debian_packages() {
    local packages="$*"
    if ! command -v apt-get >/dev/null 2>&1; then
        say "missing: $packages; this is not a Debian-like system (no apt-get): install them with its package manager"
        exit 1
    fi
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        local command="sudo apt-get update && sudo apt-get install -y --no-install-recommends $packages"
        if [ "${CI:-}" = true ] || [ ! -t 0 ] || ! command -v sudo >/dev/null 2>&1; then
            say "missing: $packages. Installing them needs root: run this, then this script again:"
            say "  $command"
            exit 1
        fi
        local answer
        read -r -p "plenary setup: missing $packages. Run '$command'? [y/N] " answer
        case "$answer" in
            y|Y|yes|Yes) sudo="sudo" ;;
            *) say "nothing installed. To do it yourself: $command"; exit 1 ;;
        esac
    fi
    say "installing Debian packages: $packages"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # One word per package.
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages >/dev/null
}

# True when `python` has every package of scripts/requirements.txt at exactly its version.
has_pinned_python_packages() {
    "$1" - scripts/requirements.txt >/dev/null 2>&1 <<'PY'
import importlib.metadata as metadata, sys
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if line:
        name, version = line.split("==")
        if metadata.version(name) != version:
            sys.exit(1)
PY
}

# The system's Python when it already has the pinned packages; otherwise a virtual environment in
# .build-python/ (Debian's own Python refuses pip installs), put first on PATH for the tests.
ensure_python_packages() {
    if has_pinned_python_packages python3; then return; fi
    local venv=.build-python
    if [ ! -x "$venv/bin/python3" ] || ! has_pinned_python_packages "$venv/bin/python3"; then
        if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
            install_debian_packages python3-venv
        fi
        say "installing pinned Python packages (scripts/requirements.txt) into $venv/"
        python3 -m venv "$venv"
        "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check -r scripts/requirements.txt
    fi
    PATH="$PWD/$venv/bin:$PATH"
    export PATH
}

ensure_prerequisites() {
    local level=$1
    require_swift
    local missing
    mapfile -t missing < <(missing_debian_packages "$level")
    if [ ${#missing[@]} -gt 0 ]; then
        install_debian_packages "${missing[@]}"
    fi
    if [ "$level" != build ]; then
        ensure_python_packages
    fi
    # Accents, CJK and box drawing need a UTF-8 locale; C.UTF-8 is always there on Debian.
    case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
        *UTF-8*|*utf8*|*UTF8*|*utf-8*) ;;
        *) export LANG=C.UTF-8; unset LC_ALL LC_CTYPE ;;
    esac
}
