#!/usr/bin/env bash
# Builds the library and generates the Kotlin and Swift sources from it (uniffi library mode).
# Generated code lands in target/uniffi/ and in the Swift package's Sources (both git-ignored):
# it is produced by the build, never edited. Usage: bindings-uniffi/generate.sh [cargo-profile]
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/cargo-env.sh
PROFILE=${1:-debug}
if [ "$PROFILE" = debug ]; then
  cargo build -q --locked -p sendgrid-admin-uniffi
else
  cargo build -q --locked -p sendgrid-admin-uniffi --profile "$PROFILE"
fi
cargo build -q --locked -p uniffi-bindgen
LIB=$(lib_path "$PROFILE" sendgrid_admin_uniffi)
BINDGEN=$(bin_path debug uniffi-bindgen)
for lang in kotlin swift; do
  "$BINDGEN" generate --library "$LIB" --language "$lang" --no-format --out-dir "target/uniffi/$lang"
done
SWIFT=bindings-uniffi/swift/Sources
mkdir -p "$SWIFT/SendGridAdmin" "$SWIFT/SendGridAdminFFI"
# Two generated files: the binding (SendGridAdmin) and the core's models (SendGridAdminModels,
# see core/uniffi.toml), compiled into one Swift module; their headers form one C module.
cp target/uniffi/swift/SendGridAdmin.swift target/uniffi/swift/SendGridAdminModels.swift "$SWIFT/SendGridAdmin/"
cp target/uniffi/swift/SendGridAdminFFI.h target/uniffi/swift/SendGridAdminModelsFFI.h "$SWIFT/SendGridAdminFFI/"
echo "generated: target/uniffi/kotlin, target/uniffi/swift, $SWIFT"
