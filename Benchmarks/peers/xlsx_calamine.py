"""XLSX import peer: python-calamine reads every cell of every sheet of a workbook.

    python3 xlsx_calamine.py WORKBOOK.xlsx
"""

import sys

from python_calamine import CalamineWorkbook


def main(path):
    workbook = CalamineWorkbook.from_path(path)
    cells = 0
    for name in workbook.sheet_names:
        for row in workbook.get_sheet_by_name(name).iter_rows():
            cells += len(row)
    print(f"{cells} cells")


if __name__ == "__main__":
    main(*sys.argv[1:])
