#!/usr/bin/env python3
"""Reads XML the way an independent consumer does, for the output safety tests.

usage: xml_texts.py FILE...

An .xlsx file is a ZIP package: each of its parts named *.xml, *.rels or *.vml is parsed on its own. Any other file
is parsed whole as XML. Prints one JSON object, by file:

  {"FILE": {"errors": {"PART": "message"}, "formulas": ["PART CELL"], "texts": {"PART": ["text", ...]},
            "cells": {"SHEET": ["text", ...]}}}

`errors` holds each part the standard library's XML parser (expat) refuses; `formulas` every <f> element of a
worksheet, by its cell; `texts` the text of every element and the value of every attribute, in document order;
`cells`, for a workbook, the text of every cell as python-calamine reads it (Excel's _xHHHH_ escapes decoded).
"""
import json
import sys
import zipfile
import xml.etree.ElementTree as ElementTree

import python_calamine


def local(tag):
    return tag.rsplit("}", 1)[-1]


def read_part(name, data, report):
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        report["errors"][name] = str(error)
        return
    texts = []
    for element in root.iter():
        texts.extend(element.attrib.values())
        if element.text:
            texts.append(element.text)
    report["texts"][name] = texts
    if name.startswith("xl/worksheets/"):
        for cell in root.iter():
            if local(cell.tag) == "c" and any(local(child.tag) == "f" for child in cell):
                report["formulas"].append(f"{name} {cell.get('r')}")


def read_file(path):
    report = {"errors": {}, "formulas": [], "texts": {}}
    if path.endswith(".xlsx"):
        with zipfile.ZipFile(path) as package:
            for name in package.namelist():
                if name.endswith((".xml", ".rels", ".vml")):
                    read_part(name, package.read(name), report)
        workbook = python_calamine.CalamineWorkbook.from_path(path)
        report["cells"] = {
            name: [str(value) for row in workbook.get_sheet_by_name(name).to_python() for value in row if value != ""]
            for name in workbook.sheet_names
        }
    else:
        with open(path, "rb") as file:
            read_part(path, file.read(), report)
    return report


def main(paths):
    json.dump({path: read_file(path) for path in paths}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
