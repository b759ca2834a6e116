#!/usr/bin/env bash
# Makes public/fonts/NotoSansSC-preview.otf, the one font the link-preview
# pictures are drawn with (crates/portal-site/src/preview.rs), wherever a site
# is published (the tool, the studio in a browser): a subset of Noto Sans CJK
# SC Regular (SIL Open Font License, public/fonts/OFL.txt) holding GB 2312
# (6,763 characters and its symbols), Latin, general and CJK punctuation,
# arrows and shapes, and every character of the bundled data and the UI's
# words. Run it again when the data brings characters beyond these (a
# missing one is drawn as an empty box). Needs Debian's fonts-noto-cjk and
# PyPI's fonttools; the result is committed, so no build runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
source_font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
[ -f "$source_font" ] || { echo "needs Debian's fonts-noto-cjk ($source_font)" >&2; exit 1; }
python3 -c 'import fontTools' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check fonttools==4.55.3
unicodes=$(mktemp)
trap 'rm -f "$unicodes"' EXIT
python3 - "$unicodes" <<'PY'
import sys
chars = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
ranges = [(0x20, 0x7F), (0xA0, 0x180), (0x2000, 0x2070), (0x2190, 0x2200),
          (0x25A0, 0x2600), (0x3000, 0x3040), (0xFF00, 0xFFF0)]
for start, end in ranges:
    chars.update(map(chr, range(start, end)))
for path in ["public/data/plan.json", "public/data/progress.json",
             "crates/portal-view/locales/zh.json", "crates/portal-view/locales/en.json"]:
    chars.update(open(path, encoding="utf-8").read())
with open(sys.argv[1], "w") as out:
    out.write("\n".join("U+%04X" % ord(c) for c in sorted(c for c in chars if c.isprintable())))
PY
mkdir -p public/fonts
pyftsubset "$source_font" --font-number=2 --unicodes-file="$unicodes" \
  --output-file=public/fonts/NotoSansSC-preview.otf \
  --layout-features='kern,palt,liga' --no-hinting --name-IDs='*' --name-languages='*'
ls -l public/fonts/NotoSansSC-preview.otf
