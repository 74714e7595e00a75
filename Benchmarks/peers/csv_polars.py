"""CSV peer: polars on RegionKit's own CSV export (a folder of one CSV file per table).

    python3 csv_polars.py read FOLDER           reads every CSV file into a data frame, inferring column types
    python3 csv_polars.py copy FOLDER OUT       reads every CSV file and writes it again into OUT
"""

import os
import sys

import polars


def tables(folder):
    return sorted(name for name in os.listdir(folder) if name.endswith(".csv"))


def load(path):
    # Types are inferred from the first 10 000 rows (polars' default looks at 100).
    return polars.read_csv(path, infer_schema_length=10000)


def read(folder):
    rows = sum(load(os.path.join(folder, name)).height for name in tables(folder))
    print(f"{rows} rows")


def copy(folder, out):
    os.makedirs(out, exist_ok=True)
    rows = 0
    for name in tables(folder):
        frame = load(os.path.join(folder, name))
        frame.write_csv(os.path.join(out, name))
        rows += frame.height
    print(f"{rows} rows")


if __name__ == "__main__":
    {"read": read, "copy": copy}[sys.argv[1]](*sys.argv[2:])
