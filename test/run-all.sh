#!/usr/bin/env bash
# Every check and test, in the order that fails fastest: lint, types, unit tests (node), then the app build and
# the browser tests in real Chromium on both backends (WebGPU headed under Xvfb, WebGL2 headless).
set -euo pipefail
cd "$(dirname "$0")/.."
bash test/setup-system.sh
# The tests must change no tracked file (pictures go to test-results/, refreshed on purpose by
# `npm run screenshots`): the working tree's state is compared before and after.
tracked_before=$(git status --porcelain --untracked-files=no 2>/dev/null || true)
npm run lint
npm run check
npx vitest run --project unit
npm run build
xvfb-run -a --server-args="-screen 0 1600x1000x24" npx vitest run --project browser
tracked_after=$(git status --porcelain --untracked-files=no 2>/dev/null || true)
if [ "$tracked_before" != "$tracked_after" ]; then
  echo "The test run changed tracked files:" >&2
  diff <(echo "$tracked_before") <(echo "$tracked_after") >&2 || true
  exit 1
fi
