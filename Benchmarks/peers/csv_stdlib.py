"""CSV peer: Python's csv module on RegionKit's own CSV export (a folder of one CSV file per table).

    python3 csv_stdlib.py read FOLDER           reads every row of every CSV file
    python3 csv_stdlib.py copy FOLDER OUT       reads every CSV file and writes it again into OUT
"""

import csv
import os
import sys


def tables(folder):
    return sorted(name for name in os.listdir(folder) if name.endswith(".csv"))


def read(folder):
    rows = 0
    for name in tables(folder):
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as file:
            for _ in csv.reader(file):
                rows += 1
    print(f"{rows} rows")


def copy(folder, out):
    os.makedirs(out, exist_ok=True)
    rows = 0
    for name in tables(folder):
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as source, open(
            os.path.join(out, name), "w", newline="", encoding="utf-8"
        ) as target:
            writer = csv.writer(target, lineterminator="\r\n")
            for row in csv.reader(source):
                writer.writerow(row)
                rows += 1
    print(f"{rows} rows")


if __name__ == "__main__":
    {"read": read, "copy": copy}[sys.argv[1]](*sys.argv[2:])
