"""Opens and edits RegionKit workbooks with openpyxl and python-calamine, as the XLSX tests need.

    workbook_tool.py inspect FILE               prints what openpyxl and calamine see, as JSON
    workbook_tool.py edit SCENARIO IN OUT       makes the edits of a scenario, as a person would, and saves OUT
    workbook_tool.py damage KIND IN OUT         writes a broken variant of a workbook (bad input tests)
    workbook_tool.py repackage KIND IN OUT      writes the workbook as another producer packages it (see REPACKAGINGS)
    workbook_tool.py sheets READER FILE         prints the sheet names and each sheet's row count as READER
                                                (openpyxl or calamine) reads them, as JSON
"""

import json
import posixpath
import re
import shutil
import sys
import zipfile

try:
    import openpyxl
    from openpyxl.comments import Comment
    import python_calamine
except ImportError as error:  # pragma: no cover - reported to the Swift test
    sys.exit(f"{error.name} is not installed; run 'make test-deps' (make test does)")


def inspect(path):
    book = openpyxl.load_workbook(path)
    sheets = {}
    for sheet in book.worksheets:
        comments = {cell.coordinate: cell.comment.text for row in sheet.iter_rows() for cell in row if cell.comment}
        validations = [
            {"type": dv.type, "formula": dv.formula1, "range": str(dv.sqref), "prompt": dv.prompt}
            for dv in sheet.data_validations.dataValidation
        ]
        types = {}
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.value is not None:
                    types.setdefault(cell.data_type, 0)
                    types[cell.data_type] += 1
        sheets[sheet.title] = {
            "state": sheet.sheet_state,
            "rows": sheet.max_row,
            "header": [cell.value for cell in sheet[1]],
            "comments": comments,
            "validations": validations,
            "freeze": sheet.freeze_panes,
            "autofilter": sheet.auto_filter.ref,
            "hidden_columns": sorted(k for k, d in sheet.column_dimensions.items() if d.hidden),
            "cell_types": types,
        }
    calamine = python_calamine.CalamineWorkbook.from_path(path)
    calamine_rows = {name: len(calamine.get_sheet_by_name(name).to_python()) for name in calamine.sheet_names}
    print(json.dumps({
        "sheets": sheets,
        "order": book.sheetnames,
        "defined_names": sorted(book.defined_names.keys()),
        "calamine_rows": calamine_rows,
        "properties": {"creator": book.properties.creator, "created": str(book.properties.created)},
    }, indent=1, default=str))


def row_of(sheet, column, value):
    """The first row whose cell in `column` (a letter) holds `value`."""
    for row in range(2, sheet.max_row + 1):
        if sheet[f"{column}{row}"].value == value:
            return row
    raise SystemExit(f"{sheet.title}: no row has {value!r} in column {column}")


def column_of(sheet, title):
    for cell in sheet[1]:
        if cell.value == title:
            return cell.column_letter
    raise SystemExit(f"{sheet.title}: no column titled {title!r}")


def edit(scenario, source, target):
    if scenario == "blank":
        blank = openpyxl.Workbook()
        blank.active["A1"] = "just a workbook"
        blank.save(target)
        return
    book = openpyxl.load_workbook(source)
    countries = book["Countries"]
    memberships = book["Memberships"]
    if scenario == "change-value":
        countries[f"E{row_of(countries, 'A', 'KAZ')}"] = "Astana"
    elif scenario == "add-row":
        row = memberships.max_row + 1
        quote = memberships[f"H{row_of(memberships, 'A', 'uzb-csto-member-2005')}"].value
        for column, value in zip("ABCDEFGH", ["uzb-csto-rejoined", "UZB", "csto", "member", "2006", None, "ispi-2019-gusev", quote]):
            if value is not None:
                memberships[f"{column}{row}"] = value
    elif scenario == "delete-row":
        bases = book["Military bases"]
        bases.delete_rows(row_of(bases, "A", bases["A3"].value))
    elif scenario == "enum-typo":
        memberships[f"D{row_of(memberships, 'A', 'rus-csto-member')}"] = "memeber"
    elif scenario == "date-typed-as-text":
        book["Sources"]["F2"] = "3 October 2019"
    elif scenario == "iso-date-as-text":
        sources = book["Sources"]
        sources["F2"] = sources["F2"].value.strftime("%Y-%m-%d")
        sources["F2"].number_format = "@"
    elif scenario == "id-typed-as-number":
        memberships[f"A{row_of(memberships, 'A', 'rus-csto-member')}"] = 12345.0
    elif scenario == "stale-same-cell":
        countries[f"E{row_of(countries, 'A', 'KAZ')}"] = "Nursultan"
        countries[f"E{row_of(countries, 'A', 'KGZ')}"] = "Frunze"
    elif scenario == "moved-and-renamed":
        # Move Status (D) to the far right, retitle it, and shout another title.
        last = memberships.max_column + 2
        memberships.move_range(f"D1:D{memberships.max_row}", cols=last - 4)
        memberships.cell(row=1, column=last).value = "Membership status (edited)"
        memberships["B1"] = "  COUNTRY "
        for row in range(memberships.max_row + 1, memberships.max_row + 6):
            memberships[f"A{row}"] = None
        # Sheets in another order: Countries last, Memberships first.
        book.move_sheet("Countries", offset=len(book.sheetnames))
        book.move_sheet("Memberships", offset=-book.sheetnames.index("Memberships"))
    elif scenario == "excel-habits":
        kaz = row_of(countries, "A", "KAZ")
        countries[f"C{kaz}"] = "Kazakhstan\u00a0 "
        countries[f"G{kaz}"] = str(countries[f"G{kaz}"].value)
        cooperation = book["Cooperation"]
        summary = f"E{row_of(cooperation, 'A', 'rus-ca-security-military-technical')}"
        cooperation[summary] = cooperation[summary].value.replace("'", "\u2019")
    elif scenario == "rich-text":
        from openpyxl.cell.rich_text import CellRichText, TextBlock
        from openpyxl.cell.text import InlineFont
        countries[f"C{row_of(countries, 'A', 'KAZ')}"] = CellRichText(["Kazakh", TextBlock(InlineFont(b=True), "stan")])
    elif scenario == "unknown-column":
        column = memberships.max_column + 1
        memberships.cell(row=1, column=column).value = "Comment"
        memberships.cell(row=2, column=column).value = "check this"
    elif scenario == "formula":
        countries[f"C{row_of(countries, 'A', 'KAZ')}"] = '="Kazakh"&"stan"'
    elif scenario == "missing-sheet":
        del book["Trade"]
    elif scenario == "missing-key-column":
        memberships.delete_cols(1)
    elif scenario == "missing-column":
        countries.delete_cols(countries[f"{column_of(countries, 'Capital')}1"].column)
    elif scenario == "header-overwritten":
        for cell in countries[1]:
            cell.value = countries.cell(row=2, column=cell.column).value
    else:
        raise SystemExit(f"unknown scenario {scenario!r}")
    book.save(target)


def damage(kind, source, target):
    if kind == "truncated":
        data = open(source, "rb").read()
        open(target, "wb").write(data[: len(data) // 2])
        return
    replacements = {
        "cell-out-of-range": ("xl/worksheets/sheet5.xml", b'r="B3"', b'r="XFE3"'),
        "doctype": ("xl/worksheets/sheet5.xml", b"<worksheet", b'<!DOCTYPE worksheet [<!ENTITY x "boom">]><worksheet'),
    }
    if kind not in replacements:
        raise SystemExit(f"unknown damage {kind!r}")
    part, old, new = replacements[kind]
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == part:
                if old not in data:
                    raise SystemExit(f"{part} has no {old!r}")
                data = data.replace(old, new, 1)
            zout.writestr(item, data)


MAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
MACRO_MAIN_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
VBA_TYPE = "application/vnd.ms-office.vbaProject"
VBA_RELATIONSHIP = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
# The first bytes of a compound file, as a real vbaProject.bin starts, then filler: a stand-in that is never run.
DUMMY_VBA = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + b"\0" * 504 + b"Attribute VB_Name = \"Module1\"\n"

REPACKAGINGS = {
    "xlsm": "macro-enabled, as Excel saves a .xlsm: the macro main content type, xl/vbaProject.bin and its relationship",
    "backslash": "every entry name with \\ between folders (xl\\workbook.xml), as some Windows tools write them",
    "moved-workbook": "the workbook part at book/main.xml, found through _rels/.rels; its relationships point back into "
    "xl/ with relative (../xl/worksheets/...) and absolute (/xl/styles.xml) targets",
    "parent-entry": "an extra entry named ..\\evil.xml",
    "rooted-entry": "an extra entry named \\abs.xml",
    "drive-entry": "an extra entry named C:\\evil.xml",
    "both-separators": "xl\\workbook.xml besides xl/workbook.xml: two entries that name one part",
}


def relationship_targets(xml, rewrite):
    """The relationships part `xml` with each internal Target passed through rewrite(target)."""
    def one(match):
        element = match.group(0)
        if 'TargetMode="External"' in element:
            return element
        return re.sub(r'Target="([^"]*)"', lambda m: f'Target="{rewrite(m.group(1))}"', element)
    return re.sub(r"<Relationship [^>]*>", one, xml)


def repackage(kind, source, target):
    if kind not in REPACKAGINGS:
        raise SystemExit(f"unknown repackaging {kind!r}; known: {', '.join(REPACKAGINGS)}")
    with zipfile.ZipFile(source) as zin:
        parts = [(item.filename, zin.read(item.filename)) for item in zin.infolist()]
    names = [name for name, _ in parts]
    if "xl/workbook.xml" not in names:
        raise SystemExit(f"{source} has no xl/workbook.xml to repackage")
    out = []
    if kind == "xlsm":
        for name, data in parts:
            if name == "[Content_Types].xml":
                text = data.decode()
                if MAIN_TYPE not in text:
                    raise SystemExit("[Content_Types].xml has no workbook main content type")
                text = text.replace(MAIN_TYPE, MACRO_MAIN_TYPE)
                text = text.replace("<Default ", f'<Default Extension="bin" ContentType="{VBA_TYPE}"/><Default ', 1)
                data = text.encode()
            elif name == "xl/_rels/workbook.xml.rels":
                data = data.decode().replace(
                    "</Relationships>",
                    f'<Relationship Id="rIdVBA1" Type="{VBA_RELATIONSHIP}" Target="vbaProject.bin"/></Relationships>',
                ).encode()
            out.append((name, data))
        out.append(("xl/vbaProject.bin", DUMMY_VBA))
    elif kind == "backslash":
        out = [(name.replace("/", "\\"), data) for name, data in parts]
    elif kind == "moved-workbook":
        def from_book(part):
            # Worksheets by a relative target that climbs out of book/, everything else by an absolute one.
            if part.startswith("xl/worksheets/"):
                return posixpath.relpath(part, "book")
            return "/" + part
        for name, data in parts:
            if name == "xl/workbook.xml":
                name = "book/main.xml"
            elif name == "xl/_rels/workbook.xml.rels":
                name = "book/_rels/main.xml.rels"
                data = relationship_targets(
                    data.decode(),
                    lambda t: from_book(t[1:] if t.startswith("/") else posixpath.normpath(posixpath.join("xl", t))),
                ).encode()
            elif name == "_rels/.rels":
                data = relationship_targets(
                    data.decode(), lambda t: "book/main.xml" if t.lstrip("/") == "xl/workbook.xml" else t
                ).encode()
            elif name == "[Content_Types].xml":
                data = data.replace(b'PartName="/xl/workbook.xml"', b'PartName="/book/main.xml"')
            out.append((name, data))
        if not any(name == "book/main.xml" for name, _ in out) or b"book/main.xml" not in dict(out)["_rels/.rels"]:
            raise SystemExit("the workbook part was not moved")
    else:
        extra = {
            "parent-entry": "..\\evil.xml",
            "rooted-entry": "\\abs.xml",
            "drive-entry": "C:\\evil.xml",
            "both-separators": "xl\\workbook.xml",
        }[kind]
        out = parts + [(extra, dict(parts)["xl/workbook.xml"] if kind == "both-separators" else b"<evil/>")]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in out:
            # A ZipInfo keeps the name as given: on Linux, zipfile turns no \\ into /.
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, data)
    with zipfile.ZipFile(target) as check:
        written = [item.filename for item in check.infolist()]
    if written != [name for name, _ in out]:
        raise SystemExit(f"zipfile changed the entry names: {written}")


def sheets(reader, path):
    if reader == "openpyxl":
        book = openpyxl.load_workbook(path)
        rows = {sheet.title: sheet.max_row for sheet in book.worksheets}
    elif reader == "calamine":
        book = python_calamine.CalamineWorkbook.from_path(path)
        rows = {name: len(book.get_sheet_by_name(name).to_python()) for name in book.sheet_names}
    else:
        raise SystemExit(f"unknown reader {reader!r}")
    print(json.dumps({"order": list(rows), "rows": rows}))


def main(arguments):
    if len(arguments) >= 2 and arguments[0] == "inspect":
        inspect(arguments[1])
    elif len(arguments) == 4 and arguments[0] == "edit":
        edit(*arguments[1:])
    elif len(arguments) == 4 and arguments[0] == "damage":
        damage(*arguments[1:])
    elif len(arguments) == 4 and arguments[0] == "repackage":
        repackage(*arguments[1:])
    elif len(arguments) == 3 and arguments[0] == "sheets":
        sheets(*arguments[1:])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
