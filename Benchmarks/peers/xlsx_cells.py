"""Reads every cell of every sheet of a workbook (RegionKit's own export) into a cell stream for the XLSX export peers.

    python3 xlsx_cells.py WORKBOOK.xlsx CELLS

Not timed: it prepares the input of xlsx_xlsxwriter.py and Benchmarks/c/xlsx_constant_memory.c, so that they write
the same cells RegionKit writes. Dates (cells with a date format) stay dates; empty cells are left out.
"""

import datetime
import sys

from python_calamine import CalamineWorkbook

from cellstream import CellWriter

EPOCH = datetime.datetime(1899, 12, 30)


def serial(value):
    if isinstance(value, datetime.datetime):
        delta = value - EPOCH
    elif isinstance(value, datetime.date):
        delta = datetime.datetime(value.year, value.month, value.day) - EPOCH
    else:  # datetime.time
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    return delta.days + delta.seconds / 86400


def main(source, target):
    workbook = CalamineWorkbook.from_path(source)
    cells = 0
    with open(target, "wb") as file:
        writer = CellWriter(file)
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            writer.sheet(name)
            for row, values in enumerate(sheet.to_python(skip_empty_area=False)):
                for column, value in enumerate(values):
                    if value == "" or value is None:
                        continue
                    if isinstance(value, str):
                        writer.text(row, column, value)
                    elif isinstance(value, bool):
                        writer.number(row, column, 1.0 if value else 0.0)
                    elif isinstance(value, (int, float)):
                        writer.number(row, column, float(value))
                    elif isinstance(value, (datetime.date, datetime.time)):
                        writer.date(row, column, serial(value))
                    else:
                        writer.text(row, column, str(value))
                    cells += 1
    print(f"{cells} cells")


if __name__ == "__main__":
    main(*sys.argv[1:])
