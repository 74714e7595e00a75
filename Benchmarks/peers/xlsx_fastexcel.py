"""XLSX import peer: fastexcel reads every sheet of a workbook into Arrow columns (no header row, every cell).

    python3 xlsx_fastexcel.py WORKBOOK.xlsx
"""

import sys

import fastexcel


def main(path):
    reader = fastexcel.read_excel(path)
    cells = 0
    for name in reader.sheet_names:
        frame = reader.load_sheet_by_name(name, header_row=None).to_polars()
        cells += frame.height * frame.width
    print(f"{cells} cells")


if __name__ == "__main__":
    main(*sys.argv[1:])
