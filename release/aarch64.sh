#!/usr/bin/env bash
# The developer loop of an aarch64 Linux host, run on this x86_64 one: built as an aarch64 host
# builds it (tests/cargo-env.sh with the triple such a host's `rustc -vV` reports, so everything
# lands in target/<that triple>/, the layout the test helpers search), and every process run
# under qemu-user with Debian's arm64 libraries (release/qemu.sh):
# - the core's unit tests and the sandbox's behaviour tests (cargo's runner is qemu);
# - the sandbox binary, found by tests/binaries.py and tests/binaries.mjs as the Python and Node
#   tests find it, started under qemu; the aarch64 wheel's and addon's smoke runs (release/smoke.*)
#   against it, with arm64 python3.11 and node.
# Needs what release/check has made: dist/wheels/*aarch64*.whl, dist/npm/linux-arm64-gnu.
# Prints one line per step; exit status 0 when all pass. Usage: bash release/aarch64.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source release/tools.sh
source release/qemu.sh
export CARGO_BUILD_TARGET=aarch64-unknown-linux-gnu
. tests/cargo-env.sh
RUNNER="qemu-aarch64-static -L $ARM/root"
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER=$RUNNER
step() { echo "aarch64: $*"; }
out=$(mktemp)
rust_tests() { # name cargo-test-args...
  local name=$1; shift
  cargo-zigbuild test -q --locked "$@" >"$out" 2>&1 || { tail -n 40 "$out"; exit 1; }
  echo "  $name: $(grep -E '^test result' "$out" | tail -n 1)"
}
rust_tests core -p sendgrid-admin --lib
rust_tests sandbox -p sendgrid-admin-sandbox --test behaviour
step "Rust tests passed under qemu (${SENDGRID_ADMIN_TARGET#"$PWD"/})"

cargo zigbuild -q --locked -p sendgrid-admin-sandbox
found_py=$(cd tests && "${ARM_PY[@]}" -c 'from binaries import built; print(built("sendgrid-admin-sandbox", ("debug",)))')
found_js=$("${ARM_NODE[@]}" --input-type=module -e "import { built } from '$PWD/tests/binaries.mjs'; console.log(built('sendgrid-admin-sandbox', ['debug']))")
[ "$found_py" = "$(bin_path debug sendgrid-admin-sandbox)" ] && [ "$found_js" = "$found_py" ] ||
  { echo "the helpers found '$found_py' / '$found_js', not $(bin_path debug sendgrid-admin-sandbox)"; exit 1; }
# ELF e_machine 183 (EM_AARCH64)
python3 -c 'import sys; sys.exit(open(sys.argv[1], "rb").read(20)[18] != 183)' "$found_py" ||
  { echo "$found_py is not an aarch64 binary"; exit 1; }
step "tests/binaries.py and .mjs find the aarch64 sandbox at ${found_py#"$PWD"/}"

log=$(mktemp)
$RUNNER "$found_py" --port 0 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log" "$out"' EXIT
for _ in $(seq 200); do grep -q listening "$log" && break; sleep 0.05; done
url=$(grep -oE 'http://[0-9.:]+' "$log" | head -n 1)
[ -n "$url" ] || { cat "$log"; exit 1; }
arm_wheel_smoke "$url" | sed 's/^/  /'
arm_addon_smoke "$url" | sed 's/^/  /'
step "wheel and addon smoke runs against the aarch64 sandbox: every process aarch64"
