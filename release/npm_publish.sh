#!/usr/bin/env bash
# Publishes the npm packages gathered from the release jobs' artifacts ($1): every platform
# package first, then the root package (which depends on them), all with provenance.
set -euo pipefail
art=${1:?artifacts directory}
for dir in "$art"/*/npm/*/; do
  [ "$(basename "$dir")" = root ] && continue
  ls "$dir"*.node >/dev/null 2>&1 || continue
  (cd "$dir" && npm publish --provenance --access public)
done
root=$(find "$art" -path '*/npm/root' -type d | head -n 1)
(cd "$root" && npm publish --provenance --access public)
