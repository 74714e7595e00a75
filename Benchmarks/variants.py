"""The files of the import variants, made untimed from RegionKit's own exports (see `IMPORT_VARIANTS` in jobs.py).

- An edited CSV package or workbook: the `value` of every 100th indicator row is changed (1 % of the rows), the
  rest of the file kept as it is, as a user's edit in a spreadsheet would.
- A stale dataset: the canonical YAML with one indicator row's `value` changed after the export, so an import of a
  file exported before finds another fingerprint and merges three ways.

Both stream: nothing holds more than a row (CSV, YAML) or a few MB of sheet XML at a time. Standard library only.
"""

import csv
import decimal
import os
import re
import shutil
import zipfile

#: Every EVERY-th indicator row is edited, counted from 1 (rows 100, 200, ...); 1 %. A row without a value (about
#: one in twenty of the generated rows) passes its edit on to the next row that has one.
EVERY = 100
#: The field that is edited: a number, so every edit stays valid and is one changed cell.
FIELD = "value"


def changed_number(text):
    """A number one more than `text`, written as plainly ("15000000" → "15000001", "2.5" → "3.5")."""
    try:
        number = decimal.Decimal(text.strip())
    except decimal.InvalidOperation:
        raise ValueError(f"not a number: {text!r}")
    changed = number + 1
    return format(changed.normalize() if changed == changed.to_integral_value() else changed, "f")


def link_or_copy(source, target):
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


# MARK: CSV


def edit_csv(source, target):
    """Copies the CSV file `source` to `target` with FIELD changed in every EVERY-th data row; returns the number of
    rows changed. The line break and byte order mark of the source are kept; quoting is RFC 4180's, as RegionKit's."""
    with open(source, "rb") as file:
        start = file.read(1 << 16)
    bom = start.startswith(b"\xef\xbb\xbf")
    first_line = start.split(b"\n", 1)[0]
    line_break = "\r\n" if first_line.endswith(b"\r") else "\n"
    changed = 0
    due = False
    encoding = "utf-8-sig" if bom else "utf-8"
    with open(source, newline="", encoding=encoding) as reader_file, open(
        target, "w", newline="", encoding=encoding
    ) as writer_file:
        reader = csv.reader(reader_file)
        writer = csv.writer(writer_file, lineterminator=line_break)
        header = next(reader)
        if FIELD not in header:
            raise ValueError(f"{source}: no '{FIELD}' column in {header}")
        column = header.index(FIELD)
        writer.writerow(header)
        for index, row in enumerate(reader, start=1):
            due = due or index % EVERY == 0
            if due and column < len(row) and row[column].strip():
                row[column] = changed_number(row[column])
                changed += 1
                due = False
            writer.writerow(row)
    return changed


def edit_csv_package(source, target):
    """A copy of the CSV package folder `source` at `target` (made whole, then renamed into place) with its
    indicators edited; the other files are hard links. Returns the number of rows changed."""
    staging = target + ".part"
    shutil.rmtree(staging, ignore_errors=True)
    os.makedirs(staging)
    changed = 0
    for name in sorted(os.listdir(source)):
        if name == "indicators.csv":
            changed = edit_csv(os.path.join(source, name), os.path.join(staging, name))
        else:
            link_or_copy(os.path.join(source, name), os.path.join(staging, name))
    if not changed:
        raise ValueError(f"{source}: no indicator row was edited")
    os.rename(staging, target)
    return changed


# MARK: XLSX

ROW = re.compile(rb"<row\b[^>]*?\br=\"(\d+)\"")
CELL = re.compile(rb"<c\b[^>]*?\br=\"([A-Z]+)\d+\"[^>]*?(?:/>|>.*?</c>)", re.DOTALL)
TEXT = re.compile(rb"<t\b[^>]*>(.*?)</t>", re.DOTALL)
VALUE = re.compile(rb"(<v>)([^<]*)(</v>)")


def sheet_paths(book):
    """The workbook's sheets as {sheet name: path in the zip}."""
    workbook = book.read("xl/workbook.xml")
    relations = book.read("xl/_rels/workbook.xml.rels")
    targets = {}
    for relation in re.finditer(rb"<Relationship\b[^>]*>", relations):
        tag = relation.group(0)
        identifier = re.search(rb'\bId="([^"]+)"', tag)
        target = re.search(rb'\bTarget="([^"]+)"', tag)
        if identifier and target:
            path = target.group(1).decode()
            targets[identifier.group(1)] = path.lstrip("/") if path.startswith("/") else "xl/" + path
    sheets = {}
    for sheet in re.finditer(rb"<sheet\b[^>]*>", workbook):
        tag = sheet.group(0)
        name = re.search(rb'\bname="([^"]+)"', tag)
        identifier = re.search(rb'\br:id="([^"]+)"', tag)
        if name and identifier and identifier.group(1) in targets:
            sheets[name.group(1).decode()] = targets[identifier.group(1)]
    return sheets


def header_column(header_row, titles):
    """The column letter of the header cell whose text is one of `titles` (compared in lower case), or None."""
    for cell in CELL.finditer(header_row):
        text = b"".join(TEXT.findall(cell.group(0))).decode().strip().lower()
        if text in titles:
            return cell.group(1)
    return None


def edit_sheet(stream, out, field_titles):
    """Copies sheet XML from `stream` to `out`, changing the number in column FIELD of every EVERY-th row after the
    header row (the first row); a row at a time, so a sheet of any size is streamed. Returns the number changed."""
    pending = b""
    column = None
    data_rows = 0
    changed = 0
    due = False
    while True:
        block = stream.read(1 << 22)
        pending += block
        parts = pending.split(b"</row>")
        pending = parts.pop()
        for part in parts:
            row_start = part.find(b"<row")
            found = ROW.search(part, row_start) if row_start >= 0 else None
            if found is None:
                out.write(part + b"</row>")
                continue
            if column is None:
                column = header_column(part[row_start:], field_titles)
                if column is None:
                    raise ValueError(f"no column titled {sorted(field_titles)} in the sheet's first row")
            else:
                data_rows += 1
                due = due or data_rows % EVERY == 0
                if due:
                    part, edits = edit_cell(part, column, found.group(1))
                    changed += edits
                    due = not edits
            out.write(part + b"</row>")
        if not block:
            out.write(pending)
            return changed


def edit_cell(row_xml, column, number):
    """The row's XML with the number in cell `column` changed, and 1, or the row as it is and 0."""
    reference = b'r="' + column + number + b'"'
    for cell in CELL.finditer(row_xml):
        if reference in cell.group(0)[: cell.group(0).find(b">") + 1]:
            old = cell.group(0)
            value = VALUE.search(old)
            if value is None or b't="' in old[: old.find(b">")]:
                return row_xml, 0
            new = old[: value.start(2)] + changed_number(value.group(2).decode()).encode() + old[value.end(2):]
            return row_xml[: cell.start()] + new + row_xml[cell.end():], 1
    return row_xml, 0


def edit_workbook(source, target, sheet="Indicators", field_titles=(FIELD, "value")):
    """A copy of the workbook `source` at `target` with the indicators sheet edited; every other part is copied as
    it is. Returns the number of rows changed."""
    staging = target + ".part"
    with zipfile.ZipFile(source) as book:
        sheets = sheet_paths(book)
        if sheet not in sheets:
            raise ValueError(f"{source}: no sheet '{sheet}' (sheets: {', '.join(sheets)})")
        edited = sheets[sheet]
        changed = 0
        with zipfile.ZipFile(staging, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as copy:
            for info in book.infolist():
                entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = info.external_attr
                with book.open(info) as stream, copy.open(entry, "w", force_zip64=True) as out:
                    if info.filename == edited:
                        changed = edit_sheet(stream, out, {t.lower() for t in field_titles})
                    else:
                        shutil.copyfileobj(stream, out, 1 << 22)
    if not changed:
        os.remove(staging)
        raise ValueError(f"{source}: no indicator row was edited")
    os.rename(staging, target)
    return changed


# MARK: YAML


def stale_dataset(source, target, row=1):
    """A copy of the dataset YAML `source` at `target` with the `value` of indicator row `row` (counted from 1; not
    a multiple of EVERY, so no edited row) changed, line by line. Returns the changed line's number."""
    if row % EVERY == 0:
        raise ValueError("the stale row must not be one of the edited rows")
    in_indicators = False
    row_indent = None
    rows = 0
    done = None
    staging = target + ".part"
    value_line = re.compile(r"^(\s+)value: (\S+)(\s*)$")
    with open(source, encoding="utf-8", newline="") as reader, open(staging, "w", encoding="utf-8", newline="") as out:
        for number, line in enumerate(reader, start=1):
            if done is None:
                marker = re.match(r"^(\s*)- ", line)
                if not line[:1].isspace() and not marker and line.strip() and not line.startswith("#"):
                    in_indicators = line.startswith("indicators:")
                elif in_indicators and marker and row_indent in (None, len(marker.group(1))):
                    row_indent = len(marker.group(1))
                    rows += 1
                if in_indicators and rows == row:
                    found = value_line.match(line.rstrip("\r\n"))
                    if found:
                        ending = line[len(line.rstrip("\r\n")):]
                        line = f"{found.group(1)}value: {changed_number(found.group(2))}{found.group(3)}{ending}"
                        done = number
            out.write(line)
    if done is None:
        os.remove(staging)
        raise ValueError(f"{source}: indicator row {row} has no plain `value:` line")
    os.rename(staging, target)
    return done
