# shellcheck shell=bash
# Sourced (never run) by every script that builds or runs this project's binaries: the one place
# that knows where cargo puts them, on any host.
#
# napi-rs's CLI always passes `--target <host>`, and cargo keeps a `--target` build apart from a
# plain one; so, to build everything once into one target/<host>/ (cargo, maturin, napi), this
# sets CARGO_BUILD_TARGET to the host triple that `rustc -vV` reports — unless the caller set it,
# or set SENDGRID_ADMIN_NO_TARGET=1 for the plain layout (target/debug, what a bare `cargo build`
# gives: `bash tests/run unforced` checks that one). Nothing names a triple.
#
# After sourcing:
#   HOST_TRIPLE             this machine's triple (the host line of rustc -vV)
#   SENDGRID_ADMIN_TARGET   the directory holding the profile directories (absolute), exported
#                           so the Python, Node, Kotlin tests and benchmarks find the binaries
#   bin_path PROFILE NAME   a binary's path (PROFILE: debug, release, release-mobile, ...)
#   lib_path PROFILE NAME   a shared library's path (libNAME.so, libNAME.dylib or NAME.dll)

HOST_TRIPLE=$(rustc -vV | sed -n 's/^host: //p')
if [ "${SENDGRID_ADMIN_NO_TARGET:-}" = 1 ]; then
  unset CARGO_BUILD_TARGET
elif [ -z "${CARGO_BUILD_TARGET:-}" ]; then
  export CARGO_BUILD_TARGET=$HOST_TRIPLE
fi
SENDGRID_ADMIN_TARGET="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target${CARGO_BUILD_TARGET:+/$CARGO_BUILD_TARGET}"
export SENDGRID_ADMIN_TARGET

bin_path() {
  case "$HOST_TRIPLE" in
    *windows*) echo "$SENDGRID_ADMIN_TARGET/$1/$2.exe" ;;
    *) echo "$SENDGRID_ADMIN_TARGET/$1/$2" ;;
  esac
}

lib_path() {
  case "$HOST_TRIPLE" in
    *apple*) echo "$SENDGRID_ADMIN_TARGET/$1/lib$2.dylib" ;;
    *windows*) echo "$SENDGRID_ADMIN_TARGET/$1/$2.dll" ;;
    *) echo "$SENDGRID_ADMIN_TARGET/$1/lib$2.so" ;;
  esac
}
