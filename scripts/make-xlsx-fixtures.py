#!/usr/bin/env python3
"""Writes the .xlsx fixtures of crates/plan-cli/tests/fixtures/ with a third-party
writer (openpyxl, as Excel's files are read by other programs), so the import is
tested against workbooks it did not write itself. Needs `pip install openpyxl`;
the fixtures are committed, so tests do not need it.

    filled.xlsx         the figures' sheet with the same rows as utf8-no-bom-lf.csv,
                        numbers as numbers, dates as date cells, a percentage cell
    typos.xlsx          the rows of typos.csv (each with its cell problem)
    formula.xlsx        a value that is a formula (=A1*2): refused, not guessed
    cell-error.xlsx     a value that is an error (#DIV/0!)
    not-a-workbook.xlsx a ZIP that holds no workbook
    zip-bomb.xlsx       a workbook whose sheet unpacks to 300 MB
    far-cell.xlsx       one stray cell at XFD1048576 (a sheet "sized" to 17 billion cells)
    many-strings.xlsx   a shared-string table that claims 4 billion strings
    updates.xlsx        the updates sheet: a key task's row and a commitment's,
                        two evidence links in one cell (a line break inside it)
"""
import csv
import datetime
import io
import zipfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent.parent / "crates/plan-cli/tests/fixtures"


def cell_value(header, text):
    if header == "日期" and text:
        return datetime.date.fromisoformat(text)
    return text


def sheet_from_csv(name, out, typed=True):
    rows = list(csv.reader(io.StringIO((HERE / name).read_text(encoding="utf-8-sig"))))
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "进展"
    ws.append(rows[0])
    for row in rows[1:]:
        values = [cell_value(h, v) if typed else v for h, v in zip(rows[0], row)]
        ws.append(values)
    for cell in ws["E"][1:]:
        if isinstance(cell.value, datetime.date):
            cell.number_format = "yyyy-mm-dd"
    return book


book = sheet_from_csv("utf8-no-bom-lf.csv", "filled.xlsx")
ws = book.active
# Numbers as numbers, a percentage as Excel keeps it (3.92% is 0.0392 shown as %).
ws["F2"] = 1234
ws["F3"] = 3
ws["F4"] = 15
ws["F5"] = 3.92
book.save(HERE / "filled.xlsx")

sheet_from_csv("typos.csv", "typos.xlsx").save(HERE / "typos.xlsx")

book = sheet_from_csv("utf8-no-bom-lf.csv", "formula.xlsx")
book.active["F4"] = "=F3*5"
book.save(HERE / "formula.xlsx")

book = sheet_from_csv("utf8-no-bom-lf.csv", "cell-error.xlsx")
book.active["F4"] = "=1/0"
book.save(HERE / "cell-error.xlsx")
# openpyxl writes no cached value for a formula; write the error value itself.
with zipfile.ZipFile(HERE / "cell-error.xlsx") as z:
    parts = {n: z.read(n) for n in z.namelist()}
sheet = parts["xl/worksheets/sheet1.xml"].decode()
sheet = sheet.replace('<c r="F4"><f>1/0</f><v /></c>', '<c r="F4" t="e"><v>#DIV/0!</v></c>')
assert 't="e"' in sheet, "the error cell was written"
parts["xl/worksheets/sheet1.xml"] = sheet.encode()
with zipfile.ZipFile(HERE / "cell-error.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for n, data in parts.items():
        z.writestr(n, data)

with zipfile.ZipFile(HERE / "not-a-workbook.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("readme.txt", "not a workbook")

# A real workbook whose sheet is padded to 300 MB of spaces inside the XML.
book = sheet_from_csv("utf8-no-bom-lf.csv", "zip-bomb.xlsx")
buf = io.BytesIO()
book.save(buf)
with zipfile.ZipFile(buf) as z:
    parts = {n: z.read(n) for n in z.namelist()}
sheet = parts["xl/worksheets/sheet1.xml"]
parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"<sheetData>", b"<sheetData>" + b" " * (300 * 1024 * 1024), 1)
with zipfile.ZipFile(HERE / "zip-bomb.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for n, data in parts.items():
        z.writestr(n, data)
def rewrite(source, out, part, change):
    """A copy of a workbook with one part's text changed."""
    with zipfile.ZipFile(HERE / source) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    text = parts[part].decode()
    changed = change(text)
    assert changed != text, f"{out}: {part} changed"
    parts[part] = changed.encode()
    with zipfile.ZipFile(HERE / out, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


rewrite("filled.xlsx", "far-cell.xlsx", "xl/worksheets/sheet1.xml",
        lambda t: t.replace("</sheetData>",
                            '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))
# openpyxl writes its strings inline: add a shared-string table (and its
# relationship and content type) that claims 4 billion entries.
with zipfile.ZipFile(HERE / "filled.xlsx") as z:
    parts = {n: z.read(n) for n in z.namelist()}
parts["xl/sharedStrings.xml"] = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="4000000000">'
    "<si><t>x</t></si></sst>"
).encode()
rels = parts["xl/_rels/workbook.xml.rels"].decode()
parts["xl/_rels/workbook.xml.rels"] = rels.replace(
    "</Relationships>",
    '<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
).encode()
types = parts["[Content_Types].xml"].decode()
parts["[Content_Types].xml"] = types.replace(
    "</Types>",
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
).encode()
with zipfile.ZipFile(HERE / "many-strings.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for n, data in parts.items():
        z.writestr(n, data)

book = openpyxl.Workbook()
ws = book.active
ws.append(["对象编号", "类型", "名称", "所属任务", "日期", "阶段", "进展", "进展（英文）", "问题",
           "问题（英文）", "下一步", "下一步（英文）", "佐证标题", "佐证标题（英文）", "佐证链接", "期限"])
ws.append(["ai-core-technology", "任务", "", "", datetime.date(2026, 12, 31), "", "四季度攻关项目全部立项。",
           "", "", "", "", "", "", "", "", ""])
ws.append(["national-cosoftware-centre", "举措", "", "", datetime.date(2026, 12, 31), "已完成", "创新中心获批筹建。",
           "The centre was approved.", "", "", "", "", "批复文件\n新闻发布", "", "https://example.org/a\nhttps://example.org/b",
           "2026-Q3"])
ws["E2"].number_format = ws["E3"].number_format = "yyyy-mm-dd"
book.save(HERE / "updates.xlsx")

print("wrote", ", ".join(p.name for p in sorted(HERE.glob("*.xlsx"))))
