#!/usr/bin/env bash
# `npm test`: installs what the tests need (Debian's Chromium and PostgreSQL, the test API server), then runs the
# type check, lint, unit and golden tests, the production build and the end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p .test-results

step() { printf '\n=== %s ===\n' "$*"; }

if ! command -v chromium >/dev/null 2>&1; then
  step "installing Debian's Chromium"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# The PostgreSQL tests (test/pg) start their own server from Debian's binaries (initdb + pg_ctl).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  step "installing Debian's PostgreSQL"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi

if [ -f scripts/build-apiserver.sh ]; then
  step "building the test kube-apiserver (cached)"
  bash scripts/build-apiserver.sh
fi

step "prisma generate"; npx prisma generate >/dev/null
step "type check"; npx tsc --noEmit
step "lint"; npx eslint --max-warnings=0 .
step "unit, golden and integration tests"; npx vitest run --reporter=default --reporter=json --outputFile.json=.test-results/vitest.json
step "production build"; npx next build
step "end-to-end tests (Chromium)"; npx playwright test
node scripts/test-summary.mjs
