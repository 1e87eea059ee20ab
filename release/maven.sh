#!/usr/bin/env bash
# The publish job's Maven step: the Kotlin/JVM jar with every platform's native library inside,
# where JNA finds it on the class path (release/jna.sh), so a Maven user needs no
# jna.library.path. Collects <prefix>/<library> from the jobs' artifacts (each job's
# dist/uniffi/<prefix>/), generates the Kotlin sources, packages the jar and checks that it holds
# each library it was given.
#   bash release/maven.sh ARTIFACTS_DIR             package, and list what it holds
#   bash release/maven.sh --deploy ARTIFACTS_DIR    every platform required, then mvn -Pcentral deploy
# release/dry-run runs the first form with this machine's library only.
set -euo pipefail
cd "$(dirname "$0")/.."
DEPLOY=0
[ "${1:-}" = --deploy ] && { DEPLOY=1; shift; }
ARTIFACTS=$(cd "${1:?artifacts directory: the dist/ folders of the jobs}" && pwd)
. release/jna.sh
NATIVES=$PWD/target/maven-natives
rm -rf "$NATIVES" && mkdir -p "$NATIVES"
found=() missing=()
for prefix in "${JNA_PREFIXES[@]}"; do
  lib=$(find "$ARTIFACTS" -path "*/uniffi/$prefix/$(jna_lib_name "$prefix")" -print -quit)
  if [ -n "$lib" ]; then
    mkdir -p "$NATIVES/$prefix" && cp "$lib" "$NATIVES/$prefix/"
    found+=("$prefix")
  else
    missing+=("$prefix")
  fi
done
[ "${#found[@]}" -gt 0 ] || { echo "no native library under $ARTIFACTS/*/uniffi/<prefix>/"; exit 1; }
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$DEPLOY" = 1 ] && { echo "refusing to publish a jar without: ${missing[*]}"; exit 1; }
  echo "not given (a dry run): ${missing[*]}"
fi
bash bindings-uniffi/generate.sh >/dev/null
cd bindings-uniffi/kotlin
if [ "$DEPLOY" = 1 ]; then
  mvn -B -ntp -Pcentral clean deploy -DskipTests -Dnatives.dir="$NATIVES"
else
  mvn -B -q -ntp clean package -DskipTests -Dnatives.dir="$NATIVES"
fi
jar=$(find target -maxdepth 1 -name 'sendgrid-admin-*.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' | head -n 1)
listing=$(jar tf "$jar")
for prefix in "${found[@]}"; do
  entry="$prefix/$(jna_lib_name "$prefix")"
  grep -qx "$entry" <<<"$listing" || { echo "$jar lacks $entry"; exit 1; }
done
echo "$(basename "$jar") carries ${found[*]}"
