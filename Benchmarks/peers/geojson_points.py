"""GeoJSON peer: one Point feature per indicator row, at its country's capital, with the columns of RegionKit's
`indicators` layer as properties (rows whose country has no capital are left out, as RegionKit leaves them out).

    python3 geojson_points.py json|orjson CSVFOLDER OUT.geojson

Reads the rows from RegionKit's own CSV export (indicators.csv, and countries.csv for the capitals) and streams a
FeatureCollection, one feature at a time, with Python's json or with orjson.
"""

import csv
import os
import sys


def encoder(name):
    if name == "orjson":
        import orjson

        return orjson.dumps
    import json

    return lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


COLUMNS = ("id", "country", "partner", "indicator", "value", "unit", "qualifier", "date", "year", "note", "source")


def number(text):
    try:
        return float(text) if text else None
    except ValueError:
        return text


def main(name, folder, out):
    dumps = encoder(name)
    capitals = {}
    with open(os.path.join(folder, "countries.csv"), newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            if row.get("capital_longitude") and row.get("capital_latitude"):
                capitals[row["id"]] = [float(row["capital_longitude"]), float(row["capital_latitude"])]
    features = 0
    with open(os.path.join(folder, "indicators.csv"), newline="", encoding="utf-8") as file, open(out, "wb") as target:
        target.write(b'{"type":"FeatureCollection","features":[\n')
        for row in csv.DictReader(file):
            position = capitals.get(row.get("country"))
            if position is None:
                continue
            properties = {key: (row.get(key) or None) for key in COLUMNS}
            properties["value"] = number(row.get("value", ""))
            properties["year"] = int(row["date"][:4]) if row.get("date") else None
            feature = {
                "type": "Feature",
                "id": row["id"],
                "geometry": {"type": "Point", "coordinates": position},
                "properties": properties,
            }
            if features:
                target.write(b",\n")
            target.write(dumps(feature))
            features += 1
        target.write(b"\n]}\n")
    print(f"{features} features")


if __name__ == "__main__":
    main(*sys.argv[1:])
