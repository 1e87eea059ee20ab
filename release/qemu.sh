# Sourced by release/check: Debian's arm64 python3.11 and nodejs unpacked into target/arm64-root
# (apt-get download into a private cache; the system's dpkg architectures are not changed), run
# under qemu-user-static. Defines ARM_PY and ARM_NODE (commands to run them), and the smoke runs
# of the aarch64 wheel and linux-arm64-gnu addon from dist/: arm_wheel_smoke URL, arm_addon_smoke URL.
# shellcheck shell=bash
set -euo pipefail
if ! command -v qemu-aarch64-static >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq qemu-user-static >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq qemu-user-static >/dev/null; }
fi
ARM=$PWD/target/arm64-root
if [ ! -x "$ARM/root/usr/bin/python3.11" ] || [ ! -x "$ARM/root/usr/bin/node" ]; then
  mkdir -p "$ARM/lists/partial" "$ARM/cache/archives/partial" "$ARM/root"
  : > "$ARM/empty-status"
  APT=(-o APT::Architectures::=amd64 -o APT::Architectures::=arm64
       -o "Dir::State::Lists=$ARM/lists" -o "Dir::Cache=$ARM/cache"
       -o "Dir::State::status=$ARM/empty-status" -o Debug::NoLocking=1)
  apt-get "${APT[@]}" update -qq >/dev/null
  apt-get "${APT[@]}" install -y -qq --download-only --no-install-recommends \
    python3.11-minimal:arm64 libpython3.11-stdlib:arm64 nodejs:arm64 >/dev/null
  for deb in "$ARM"/cache/archives/*.deb; do dpkg -x "$deb" "$ARM/root"; done
fi
ARM_PY=(qemu-aarch64-static -L "$ARM/root" "$ARM/root/usr/bin/python3.11")
ARM_NODE=(qemu-aarch64-static -L "$ARM/root" "$ARM/root/usr/bin/node")
export ARM_PY ARM_NODE

# The aarch64 wheel (unzipped, on PYTHONPATH) against the sandbox at URL.
arm_wheel_smoke() {
  local site; site=$(mktemp -d)
  python3 -m zipfile -e dist/wheels/*manylinux*aarch64*.whl "$site"
  PYTHONPATH=$site "${ARM_PY[@]}" release/smoke.py "$1"
}

# The npm root package with the linux-arm64-gnu one beside it against the sandbox at URL.
arm_addon_smoke() {
  local dir; dir=$(mktemp -d)
  mkdir -p "$dir/node_modules/sendgrid-admin" "$dir/node_modules/sendgrid-admin-linux-arm64-gnu"
  cp dist/npm/root/* "$dir/node_modules/sendgrid-admin/"
  cp dist/npm/linux-arm64-gnu/* "$dir/node_modules/sendgrid-admin-linux-arm64-gnu/"
  cp release/smoke.cjs "$dir/"
  (cd "$dir" && "${ARM_NODE[@]}" smoke.cjs "$1")
}
