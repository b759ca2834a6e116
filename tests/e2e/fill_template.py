#!/usr/bin/env python3
"""Fills the figures' template as a staff member would, with a third-party
writer (openpyxl): three year-end figures, numbers as numbers. With `typo`
the district figure is typed "1O" (a letter O for a zero). Prints the row
of that figure, counting the header as 1.

    fill_template.py TEMPLATE.xlsx OUT.xlsx [typo]
"""
import sys

import openpyxl

template, out = sys.argv[1], sys.argv[2]
typo = len(sys.argv) > 3 and sys.argv[3] == "typo"
book = openpyxl.load_workbook(template)
sheet = book.worksheets[0]
header = [c.value for c in sheet[1]]
col = {name: header.index(name) + 1 for name in ("指标编号", "区镇编号", "日期", "数值")}
wanted = {
    ("ai-enterprises", "", "2026-12-31"): 1234,
    ("green-factories", "zhangpu", "2026-12-31"): "1O" if typo else 3,
    ("rd-intensity", "", "2026-12-31"): 3.92,
}
marked = None
for row in range(2, sheet.max_row + 1):
    key = tuple(str(sheet.cell(row, col[c]).value or "") for c in ("指标编号", "区镇编号", "日期"))
    if key in wanted:
        sheet.cell(row, col["数值"]).value = wanted.pop(key)
        if key[0] == "green-factories":
            marked = row
if wanted:
    sys.exit(f"rows not in the template: {sorted(wanted)}")
book.save(out)
print(marked)
