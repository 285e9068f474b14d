#!/usr/bin/env bash
# Smoke test of a built bundle, run by `make dist`: the bundle is copied to a
# temporary folder away from the source tree and run with an empty PATH (no
# Python, no tools), offscreen. Usage: packaging/smoke-test.sh dist/weaklink
set -euo pipefail
bundle=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -a "$bundle" "$work/weaklink"
mkdir "$work/empty-path" "$work/out"
cd "$work/out"
run() { env -i HOME="$work" LANG=C.UTF-8 PATH="$work/empty-path" QT_QPA_PLATFORM=offscreen \
          "$work/weaklink/weaklink" "$@"; }
step() { printf '  %-44s' "$1"; }
fail() { echo "FAILED: $1"; exit 1; }

echo "Smoke test of $bundle (copied to $work, PATH empty)"
step "weaklink --version"; run --version || fail "--version"
step "templates bundled"
run self-test --templates "$work/out/templates" > self-test.txt || fail "self-test"; echo ok
template="$work/out/templates/three-tier.weaklink.json"
step "weaklink analyze (bundled template)"
run analyze "$template" > analysis.txt || fail "analyze"; head -n 1 analysis.txt
step "weaklink analyze --json"
run analyze --json "$template" > analysis.json || fail "analyze --json"; echo "$(wc -c < analysis.json) bytes"
step "weaklink export --pdf"
run export "$template" --pdf diagram.pdf || fail "export --pdf"; echo "$(wc -c < diagram.pdf) bytes"
step "weaklink --screenshot (offscreen)"
run "$template" --screenshot shot.png --size 1024x700 2>/dev/null || fail "--screenshot"
echo "$(wc -c < shot.png) bytes"
step "spawned analysis worker"; run self-test --worker || fail "worker"
echo "Bundle smoke test passed; size: $(du -sh "$bundle" | cut -f1)"
