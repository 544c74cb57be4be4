#!/usr/bin/env bash
# One command on a fresh machine: installs pnpm (the version in package.json), the dependencies
# (nodejieba builds from source), Debian's Chromium and Firefox ESR for the browser tests, builds
# everything and checks the bundled sample draft with the default lexicons.
set -euo pipefail
cd "$(dirname "$0")/.."

want=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm -v)" != "$want" ]; then
  npm install -g "pnpm@$want"
fi

# the browsers the tests drive: Chromium (test/e2e) and Firefox ESR (test/firefox)
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "note: ${missing[*]} missing; the browser tests need them (apt-get install ${missing[*]})" >&2
  fi
fi

# nodejieba's install script runs `npx @mapbox/node-pre-gyp`; under CI=true npx must not prompt.
export npm_config_yes=true
pnpm install --frozen-lockfile
pnpm build
# exit code 1 means the sample has error findings, which it is meant to have
pnpm -s sample || [ $? -eq 1 ]
