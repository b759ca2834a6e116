#!/usr/bin/env bash
# Prints the size of each built asset in dist/: raw, gzip -9 and brotli -11.
set -euo pipefail
cd "$(dirname "$0")/../dist"
printf '%-44s %10s %10s %10s\n' "asset (dist/)" "raw" "gzip -9" "brotli -11"
total_raw=0; total_gz=0; total_br=0
while IFS= read -r f; do
  raw=$(stat -c %s "$f")
  # The precompressed files (scripts/precompress.sh) when present: the same settings.
  if [ -f "$f.gz" ]; then gz=$(stat -c %s "$f.gz"); else gz=$(gzip -9 -c "$f" | wc -c); fi
  if [ -f "$f.br" ]; then br=$(stat -c %s "$f.br");
  elif command -v brotli >/dev/null; then br=$(brotli -q 11 -c "$f" | wc -c); else br=0; fi
  printf '%-44s %10d %10d %10d\n' "$f" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
done < <(find . -maxdepth 1 -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) | sort)
printf '%-44s %10d %10d %10d\n' "total (code, without data)" "$total_raw" "$total_gz" "$total_br"
