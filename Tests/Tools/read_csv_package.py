"""Reads a RegionKit CSV export the way other tools do, and prints what they read as JSON.

Usage: python3 read_csv_package.py FOLDER

For each resource of FOLDER/datapackage.json, using only what the descriptor says (path, delimiter, decimalChar,
field types): the cells as Python's csv module reads them, the cells as polars reads them (every column as text),
and the number columns as polars parses them.
"""

import csv
import json
import sys
from pathlib import Path

import polars as pl


def main(folder: Path) -> None:
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    result = {"csv": {}, "polars": {}, "numbers": {}}
    for resource in package["resources"]:
        name = resource["name"]
        path = folder / resource["path"]
        delimiter = resource["dialect"]["delimiter"]
        fields = resource["schema"]["fields"]

        with open(path, newline="", encoding="utf-8-sig") as handle:
            result["csv"][name] = [row for row in csv.reader(handle, delimiter=delimiter)]

        frame = pl.read_csv(path, separator=delimiter, infer_schema=False)
        header = [frame.columns]
        rows = [["" if cell is None else cell for cell in row] for row in frame.rows()]
        result["polars"][name] = header + rows

        numbers = [field for field in fields if field["type"] == "number"]
        if numbers:
            decimal_comma = any(field.get("decimalChar", ".") == "," for field in numbers)
            typed = pl.read_csv(
                path,
                separator=delimiter,
                infer_schema=False,
                schema_overrides={field["name"]: pl.Float64 for field in numbers},
                decimal_comma=decimal_comma,
            )
            result["numbers"][name] = {field["name"]: typed[field["name"]].to_list() for field in numbers}
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
