#!/usr/bin/env bash
# The lanes of `tests/run` a change needs (pull requests in GitHub CI run only these; main runs
# every lane). Prints them on one line. Usage: bash tests/changed_lanes.sh BASE_REF
#   core, sandbox, the CLI, manifests, the scenarios -> lint rust python node unforced uniffi
#   one binding's directory -> lint and that binding's lane; release/, workflows -> lint release
#   docs only (*.md) -> lint
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?base ref, e.g. origin/main}
declare -A want=([lint]=1)
while IFS= read -r f; do
  case "$f" in
    *.md) ;;
    bindings-python/*) want[python]=1 ;;
    bindings-node/*) want[node]=1 ;;
    bindings-uniffi/*) want[uniffi]=1 ;;
    release/* | .github/*) want[release]=1 ;;
    fuzz/*) want[fuzz]=1 ;;
    bench/*) want[bench]=1 ;;
    *) for l in rust python node unforced uniffi; do want[$l]=1; done ;;
  esac
done < <(git diff --name-only "$base"...HEAD)
out=()
for l in lint rust python node unforced uniffi release fuzz bench; do
  [ -n "${want[$l]:-}" ] && out+=("$l")
done
echo "${out[*]}"
