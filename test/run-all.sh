#!/usr/bin/env bash
# Every check and test, in the order that fails fastest: lint, types, unit tests (node), then the app build and
# the browser tests in real Chromium on both backends (WebGPU headed under Xvfb, WebGL2 headless).
set -euo pipefail
cd "$(dirname "$0")/.."
bash test/setup-system.sh
npm run lint
npm run check
npx vitest run --project unit
npm run build
xvfb-run -a --server-args="-screen 0 1600x1000x24" npx vitest run --project browser
