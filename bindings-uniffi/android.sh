#!/usr/bin/env bash
# The release workflow's Android job: the uniffi library for arm64-v8a, armeabi-v7a and x86_64
# (cargo-ndk), the generated Kotlin, and an AAR built with Gradle (JNA's AAR as a dependency).
# TLS needs no app setup on Android: the core carries Mozilla's roots there (webpki-roots).
set -euo pipefail
cd "$(dirname "$0")/.."
jni=bindings-uniffi/android/src/main/jniLibs
cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 -o "$jni" build --locked --profile release-mobile -p sendgrid-admin-uniffi --no-default-features
cargo run --locked -p uniffi-bindgen -- generate --library "$jni/arm64-v8a/libsendgrid_admin_uniffi.so" \
  --language kotlin --out-dir bindings-uniffi/android/src/main/kotlin
(cd bindings-uniffi/android && gradle --no-daemon assembleRelease)
mkdir -p dist/android && cp bindings-uniffi/android/build/outputs/aar/*.aar dist/android/
