"""XLSX export peer: Python's XlsxWriter writes the cells of a cell stream, in constant_memory mode.

    python3 xlsx_xlsxwriter.py CELLS OUT.xlsx

The cell stream holds every cell of RegionKit's own workbook (see xlsx_cells.py), so both write the same cells.
"""

import sys

import xlsxwriter

import cellstream


def main(source, target):
    workbook = xlsxwriter.Workbook(target, {"constant_memory": True})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet = None
    cells = 0
    with open(source, "rb") as file:
        for record in cellstream.read(file):
            kind = record[0]
            if kind == "S":
                sheet = workbook.add_worksheet(record[1])
                continue
            _, row, column, value = record
            if kind == "s":
                sheet.write_string(row, column, value)
            elif kind == "n":
                sheet.write_number(row, column, value)
            else:
                sheet.write_number(row, column, value, date)
            cells += 1
    workbook.close()
    print(f"{cells} cells")


if __name__ == "__main__":
    main(*sys.argv[1:])
