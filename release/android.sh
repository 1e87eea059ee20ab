#!/usr/bin/env bash
# The release workflow's `android` job: the Rust targets and cargo-ndk, then the AAR
# (bindings-uniffi/android.sh, which names whatever else is missing). Usage: bash release/android.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android
cargo ndk --version >/dev/null 2>&1 || cargo install cargo-ndk --version 3.5.4 --locked
bash bindings-uniffi/android.sh
