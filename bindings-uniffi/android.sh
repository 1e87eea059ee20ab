#!/usr/bin/env bash
# The release workflow's Android job: the uniffi library for arm64-v8a, armeabi-v7a and x86_64
# (cargo-ndk), the generated Kotlin, and an AAR built with Gradle (JNA's AAR as a dependency).
# TLS needs no app setup on Android: the core carries Mozilla's roots there (webpki-roots).
# Usage: bash bindings-uniffi/android.sh [--preflight]
set -euo pipefail
cd "$(dirname "$0")/.."
# What the job needs, all named at once when missing (this runs anywhere: tests/run checks that
# it stops here, clearly, on a machine without them).
missing=()
cargo ndk --version >/dev/null 2>&1 || missing+=("cargo-ndk (cargo install cargo-ndk --version 3.5.4 --locked)")
[ -d "${ANDROID_NDK_HOME:-${ANDROID_NDK_ROOT:-/nonexistent}}" ] || missing+=("the Android NDK (ANDROID_NDK_HOME or ANDROID_NDK_ROOT)")
command -v gradle >/dev/null || missing+=("gradle")
for t in aarch64-linux-android armv7-linux-androideabi x86_64-linux-android; do
  rustup target list --installed 2>/dev/null | grep -qx "$t" || missing+=("the Rust target $t (rustup target add $t)")
done
if [ "${#missing[@]}" -gt 0 ]; then
  printf 'android.sh: cannot build the AAR here; missing:\n' >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 2
fi
# --preflight: only the check above (release/dry-run uses it).
[ "${1:-}" = --preflight ] && { echo "android.sh: ready"; exit 0; }
jni=bindings-uniffi/android/src/main/jniLibs
cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 -o "$jni" build --locked --profile release-mobile -p sendgrid-admin-uniffi --no-default-features
cargo run --locked -p uniffi-bindgen -- generate --library "$jni/arm64-v8a/libsendgrid_admin_uniffi.so" \
  --language kotlin --out-dir bindings-uniffi/android/src/main/kotlin
(cd bindings-uniffi/android && gradle --no-daemon assembleRelease)
mkdir -p dist/android && cp bindings-uniffi/android/build/outputs/aar/*.aar dist/android/
