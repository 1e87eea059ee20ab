#!/usr/bin/env bash
# macOS only (the release workflow): builds the uniffi library for iOS devices, the iOS
# simulators and macOS, generates the Swift sources, and packs SendGridAdminFFI.xcframework
# (zipped into dist/) that the Swift package links.
# Usage: bash bindings-uniffi/xcframework.sh [--preflight]
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
for tool in xcodebuild lipo zip; do command -v "$tool" >/dev/null || missing+=("$tool (Xcode on macOS)"); done
if [ "${#missing[@]}" -gt 0 ]; then
  printf 'xcframework.sh: cannot build the XCFramework here; missing:\n' >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 2
fi
# --preflight: only the check above (release/dry-run uses it).
[ "${1:-}" = --preflight ] && { echo "xcframework.sh: ready"; exit 0; }
for t in aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin; do
  cargo build --locked --profile release-mobile -p sendgrid-admin-uniffi --no-default-features --target "$t"
done
lib=libsendgrid_admin_uniffi.a
out=target/xcframework
rm -rf "$out" && mkdir -p "$out/sim" "$out/mac" dist
lipo -create "target/aarch64-apple-ios-sim/release-mobile/$lib" "target/x86_64-apple-ios/release-mobile/$lib" -output "$out/sim/$lib"
lipo -create "target/aarch64-apple-darwin/release-mobile/$lib" "target/x86_64-apple-darwin/release-mobile/$lib" -output "$out/mac/$lib"
cargo run --locked -p uniffi-bindgen -- generate --library "target/aarch64-apple-darwin/release-mobile/libsendgrid_admin_uniffi.dylib" \
  --language swift --out-dir "$out/swift"
mkdir -p "$out/headers" && cp "$out/swift/SendGridAdminFFI.h" "$out/swift/SendGridAdminModelsFFI.h" "$out/headers/"
printf 'module SendGridAdminFFI {\n    header "SendGridAdminFFI.h"\n    header "SendGridAdminModelsFFI.h"\n    export *\n}\n' >"$out/headers/module.modulemap"
xcodebuild -create-xcframework \
  -library "target/aarch64-apple-ios/release-mobile/$lib" -headers "$out/headers" \
  -library "$out/sim/$lib" -headers "$out/headers" \
  -library "$out/mac/$lib" -headers "$out/headers" \
  -output "$out/SendGridAdminFFI.xcframework"
cp "$out/swift/SendGridAdmin.swift" "$out/swift/SendGridAdminModels.swift" bindings-uniffi/swift/Sources/SendGridAdmin/
(cd "$out" && zip -qr "$OLDPWD/dist/SendGridAdminFFI.xcframework.zip" SendGridAdminFFI.xcframework)
