#!/usr/bin/env bash
# Refreshes the README's pictures on purpose: runs the browser tests that take them (they write to the ignored
# test-results/screenshots/, never to tracked files) and copies the results into test/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash test/setup-system.sh
npm run build
xvfb-run -a --server-args="-screen 0 1600x1000x24" npx vitest run --project browser \
  test/browser/app.test.ts test/browser/box-views.test.ts test/browser/import.test.ts \
  test/browser/timeline.test.ts test/browser/track-view.test.ts test/browser/checks.test.ts \
  test/browser/compare.test.ts test/browser/review-hand-over.test.ts test/browser/chinese.test.ts \
  test/browser/nuscenes-tables.test.ts test/browser/projection-check.test.ts \
  test/browser/prelabel-scene.test.ts
for picture in test/screenshots/*.png; do
  fresh="test-results/screenshots/$(basename "$picture")"
  if [ -f "$fresh" ]; then cp "$fresh" "$picture"; else echo "not taken this run: $picture" >&2; fi
done
git status --short test/screenshots
