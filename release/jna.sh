# shellcheck shell=bash
# Sourced by the release scripts: the folder, inside the Maven jar, where JNA looks for a
# platform's native library on the class path (com.sun.jna.Platform.RESOURCE_PREFIX). A library
# at <prefix>/libsendgrid_admin_uniffi.so in the jar is found with no jna.library.path.
#   jna_prefix TRIPLE   (a Rust target; a zig glibc suffix such as .2.17 is ignored)
# The prefixes every published jar must carry: the Linux job's two and the native matrix's three.
# shellcheck disable=SC2034 # used by the scripts that source this file
JNA_PREFIXES=(linux-x86-64 linux-aarch64 darwin-x86-64 darwin-aarch64 win32-x86-64)
jna_prefix() {
  case "${1%.2.17}" in
    x86_64-unknown-linux-gnu) echo linux-x86-64 ;;
    aarch64-unknown-linux-gnu) echo linux-aarch64 ;;
    x86_64-apple-darwin) echo darwin-x86-64 ;;
    aarch64-apple-darwin) echo darwin-aarch64 ;;
    x86_64-pc-windows-msvc) echo win32-x86-64 ;;
    *) echo "jna_prefix: no JNA resource prefix known for $1" >&2; return 1 ;;
  esac
}
# The file name JNA looks for on that platform.
jna_lib_name() {
  case "$1" in
    darwin-*) echo libsendgrid_admin_uniffi.dylib ;;
    win32-*) echo sendgrid_admin_uniffi.dll ;;
    *) echo libsendgrid_admin_uniffi.so ;;
  esac
}
