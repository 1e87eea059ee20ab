#!/usr/bin/env bash
# The release workflow's `apple` job (macOS): the XCFramework for iOS and macOS
# (bindings-uniffi/xcframework.sh), then the Swift package's tests against the host library.
# Usage: bash release/apple.sh [--preflight]
set -euo pipefail
cd "$(dirname "$0")/.."
bash bindings-uniffi/xcframework.sh --preflight
[ "${1:-}" = --preflight ] && exit 0
rustup target add aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin
bash bindings-uniffi/xcframework.sh
# `swift test` links target/release (Package.swift) and needs the generated Sources and FFI
# headers: generate.sh in the plain layout (no CARGO_BUILD_TARGET) makes both.
SENDGRID_ADMIN_NO_TARGET=1 bash bindings-uniffi/generate.sh release
cargo build --release --locked -p sendgrid-admin-sandbox
(cd bindings-uniffi/swift && DYLD_LIBRARY_PATH="$PWD/../../target/release" swift test)
