#!/usr/bin/env bash
# Rebuilds the bundled SAMPLE data and its two releases from nothing, so the
# portal has a history to compare ("what changed") and to pin embeds to:
#   2026.06.0-sample  figures to 30 June, published 15 July, two of them
#                     preliminary (a little low);
#   2026.09.0-sample  figures to 30 September, published 15 October, with those
#                     two June figures revised to their final values.
# All of it is made up (see make-sample-progress.py) and flagged "sample".
# Run from anywhere; it rewrites public/data/progress.json, manifest.json and
# public/data/releases/.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=public/data
FULL="$(mktemp)"
trap 'rm -f "$FULL"' EXIT

rm -rf "$DATA/releases" "$DATA/manifest.json"
python3 scripts/make-sample-progress.py
cp "$DATA/progress.json" "$FULL"

python3 scripts/sample-history.py june "$FULL" "$DATA/progress.json"
cargo run --quiet -p plan-cli -- release --version 2026.06.0-sample --date 2026-07-15 \
  --notes "示例数据：2026 年 1—6 月的演示进展，非官方数据；6 月两项数值为初步数。" \
  --notes-en "Sample data: made-up progress for January–June 2026, not official figures; two June figures are preliminary."

python3 scripts/sample-history.py september "$FULL" "$DATA/progress.json"
cargo run --quiet -p plan-cli -- release --version 2026.09.0-sample --date 2026-10-15 \
  --notes "示例数据：2026 年 1—9 月的演示进展，非官方数据；修订了 6 月的两项初步数。" \
  --notes-en "Sample data: made-up progress for January–September 2026, not official figures; two preliminary June figures revised."
