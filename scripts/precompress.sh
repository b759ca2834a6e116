#!/usr/bin/env bash
# Writes file.br (brotli -11) and file.gz (gzip -9) next to every text or wasm
# file in dist/, so a host that serves precompressed files (nginx gzip_static /
# brotli_static, Caddy `precompressed`, most CDNs and object stores with
# Content-Encoding metadata) sends them without compressing on each request.
# Files whose compressed form would not be smaller are left alone. The data
# folder is skipped: staff replace its files at each release, and a stale
# progress.json.br beside a new progress.json would be served instead of it.
set -euo pipefail
dir="${1:-dist}"
count=0
while IFS= read -r -d '' file; do
  brotli -q 11 -f -k -o "$file.br" "$file"
  gzip -9 -n -k -f -c "$file" > "$file.gz"
  size=$(stat -c %s "$file")
  for packed in "$file.br" "$file.gz"; do
    if [ "$(stat -c %s "$packed")" -ge "$size" ]; then rm -f "$packed"; fi
  done
  count=$((count + 1))
done < <(find "$dir" -path "$dir/data" -prune -o -type f \( -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.html' \
  -o -name '*.json' -o -name '*.svg' -o -name '*.txt' \) -print0)
echo "[precompress] $count files in $dir/: .br and .gz written"
