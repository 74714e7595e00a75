"""Edits one cell in each of several exported files, as a person would with a spreadsheet tool.

    edit_cells.py csv JOBS.json        rewrites a CSV file per job with Python's csv module, in its dialect
    edit_cells.py xlsx JOBS.json       sets a workbook cell per job with openpyxl and saves the workbook

A CSV job is {"path", "delimiter", "line_end", "bom", "id", "column", "cell"}: the row whose `id` column holds
`id` gets `cell` (already in the dialect's cell form) in the column headed `column`; every other cell is written
back as it was read. A workbook job is {"input", "output", "sheet", "id", "key", "kind", "value"}: the column is
the one whose title comment ends with `regionkit key: KEY`; `kind` is text, number, date (value YYYY-MM-DD,
written as a date cell) or empty.
"""

import csv
import datetime
import io
import json
import re
import sys


def edit_csv(job):
    with open(job["path"], "rb") as handle:
        data = handle.read()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=job["delimiter"]))
    header = rows[0]
    column = header.index(job["column"])
    key = header.index("id")
    matches = [row for row in rows[1:] if row and row[key] == job["id"]]
    if len(matches) != 1:
        raise SystemExit(f"{job['path']}: {len(matches)} rows have id {job['id']!r}")
    matches[0][column] = job["cell"]
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=job["delimiter"], lineterminator=job["line_end"], quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    with open(job["path"], "wb") as handle:
        handle.write((b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8"))


def edit_xlsx(job):
    import openpyxl

    book = openpyxl.load_workbook(job["input"])
    sheet = book[job["sheet"]]
    column = None
    for cell in sheet[1]:
        if cell.comment and cell.comment.text.rstrip().endswith("regionkit key: " + job["key"]):
            column = cell.column
    if column is None:
        raise SystemExit(f"{job['sheet']}: no column has the key {job['key']!r}")
    rows = [row for row in range(2, sheet.max_row + 1) if sheet.cell(row=row, column=1).value == job["id"]]
    if len(rows) != 1:
        raise SystemExit(f"{job['sheet']}: {len(rows)} rows have id {job['id']!r}")
    cell = sheet.cell(row=rows[0], column=column)
    kind, value = job["kind"], job["value"]
    if kind == "empty":
        cell.value = None
    elif kind == "number":
        cell.value = float(value)
    elif kind == "date":
        cell.value = datetime.date.fromisoformat(value)
        cell.number_format = "yyyy-mm-dd"
    else:
        # openpyxl writes texts as they are, but in the file `_x0041_` stands for "A": escape the underscore that
        # starts anything looking like an escape, as Excel does when such a text is typed.
        cell.value = re.sub(r"_(?=x[0-9A-Fa-f]{4}_)", "_x005F_", value)
        cell.data_type = "s"  # a text starting with '=' stays text, as a cell formatted as text keeps it
    book.save(job["output"])


def main(arguments):
    if len(arguments) != 2 or arguments[0] not in ("csv", "xlsx"):
        raise SystemExit(__doc__)
    with open(arguments[1], encoding="utf-8") as handle:
        jobs = json.load(handle)
    for job in jobs:
        (edit_csv if arguments[0] == "csv" else edit_xlsx)(job)


if __name__ == "__main__":
    main(sys.argv[1:])
