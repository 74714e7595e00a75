"""XLSX import peer: openpyxl in read-only mode reads every cell of every sheet of a workbook.

    python3 xlsx_openpyxl.py WORKBOOK.xlsx
"""

import sys

import openpyxl


def main(path):
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
    workbook.close()
    print(f"{cells} cells")


if __name__ == "__main__":
    main(*sys.argv[1:])
