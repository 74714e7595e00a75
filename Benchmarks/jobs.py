"""The benchmark's jobs, its peers and the issue's targets, as data.

A job is one thing a user does with RegionKit (load a dataset, export it to XLSX, import a CSV package, ...) with
the command that does it in RegionKit and the commands that do the same work with the tools users would pick
instead. Commands are functions of the job's inputs (`Inputs` in run.py) and of an empty scratch folder `out` they
may write into. A job whose RegionKit format is not registered (`regionkit formats`) is skipped with a line saying
so; adding a format is adding nothing here, or one entry.
"""

from dataclasses import dataclass
from typing import Callable, Optional

SCHEMA = "Schemas/dataset.schema.json"


@dataclass(frozen=True)
class Tool:
    """One side of a job: RegionKit, or a peer."""

    name: str
    command: Callable[..., list]
    #: Sizes above this one are not run: the issue lets the slowest peers run at 100 000 rows only.
    max_rows: Optional[int] = None
    #: Python modules (for python peers) and programs the tool needs; `make bench` installs them.
    modules: tuple = ()
    programs: tuple = ()
    #: Fewer timed runs than BENCH_RUNS for a peer whose single run takes many minutes; the table says so.
    max_runs: Optional[int] = None


@dataclass(frozen=True)
class Job:
    id: str
    title: str
    #: The RegionKit format and capability the RegionKit side needs: export, import.
    format: str
    capability: str
    regionkit: Tool
    peers: tuple
    #: RegionKit exports (by format id) and derived files the peers read: csv, xlsx, cells.
    inputs: tuple = ()
    #: What each side's process does from start to exit, for the notes of the results.
    timed: str = ""
    #: Why RegionKit's side cannot be measured although its format is registered; the peers still run.
    regionkit_unavailable: Optional[str] = None


@dataclass(frozen=True)
class Target:
    """A target of the issue, checked at N = 1 000 000 (or the largest size that was run)."""

    job: str
    text: str
    #: speed: peer time / RegionKit time >= value; memory: RegionKit peak MB < value;
    #: relative-memory: RegionKit peak <= value * the peer's peak.
    kind: str
    value: float
    peer: Optional[str] = None


def python(script, *arguments):
    """A peer script in Benchmarks/peers run by the benchmark's own Python."""
    return lambda inputs, out: [inputs.python, inputs.peer(script), *[a(inputs, out) if callable(a) else a for a in arguments]]


def dataset(inputs, out):
    return inputs.dataset


def cells(inputs, out):
    return inputs.cells


def csv_folder(inputs, out):
    return inputs.export_folder("csv")


def workbook(inputs, out):
    return inputs.workbook


def into(name):
    return lambda inputs, out: f"{out}/{name}"


def regionkit(*arguments):
    return lambda inputs, out: [inputs.regionkit, *[a(inputs, out) if callable(a) else a for a in arguments]]


def regionkit_export(format_id):
    return regionkit("export", "--format", format_id, "--dataset", dataset, "--output", lambda i, out: out, "--quiet")


TOO_SLOW = 100_000

YAML_LOAD = Job(
    id="yaml-load",
    title="YAML load",
    format="yaml",
    capability="import",
    regionkit=Tool("regionkit validate", regionkit("validate", dataset)),
    peers=(
        Tool("C libyaml event loop", lambda i, out: [i.program("yaml_events"), i.dataset]),
        Tool("PyYAML CSafeLoader", python("yaml_pyyaml.py", "load", dataset), max_rows=TOO_SLOW, modules=("yaml",)),
    ),
    timed="RegionKit: read the YAML, build the dataset, run every validation rule (`regionkit validate`; there is no "
    "load-only command). libyaml loop: parse every event and drop it. PyYAML: load the document into Python objects "
    "with the C loader.",
)

YAML_DUMP = Job(
    id="yaml-dump",
    title="YAML dump",
    format="yaml",
    capability="export",
    regionkit=Tool("regionkit export yaml", regionkit_export("yaml")),
    peers=(
        Tool("C libyaml parse+emit", lambda i, out: [i.program("yaml_events"), i.dataset, f"{out}/copy.yaml"]),
        Tool(
            "PyYAML CSafeLoader+CSafeDumper", python("yaml_pyyaml.py", "dump", dataset, into("dump.yaml")),
            max_rows=TOO_SLOW, modules=("yaml",),
        ),
    ),
    timed="Each side reads the YAML first: RegionKit loads and validates it, then writes the canonical YAML. libyaml: "
    "parse every event and emit it again. PyYAML: load with the C loader, dump with the C dumper.",
)

VALIDATE = Job(
    id="validate",
    title="Validation",
    format="yaml",
    capability="import",
    regionkit=Tool("regionkit validate", regionkit("validate", dataset)),
    peers=(
        Tool(
            "check-jsonschema", lambda i, out: ["check-jsonschema", "--schemafile", SCHEMA, i.dataset_yaml11],
            max_rows=TOO_SLOW, max_runs=1, programs=("check-jsonschema",),
        ),
    ),
    timed="RegionKit: load and every rule (references, uniqueness, dates, units, verbatim quotes). check-jsonschema: "
    f"the same YAML against {SCHEMA}, which covers the per-field rules only (its YAML 1.1 reader refuses a plain `=` "
    "value, so it reads a copy where those are quoted).",
)

CSV_EXPORT = Job(
    id="csv-export",
    title="CSV export",
    format="csv",
    capability="export",
    regionkit=Tool("regionkit export csv", regionkit_export("csv")),
    peers=(
        Tool("Python csv", python("csv_stdlib.py", "copy", csv_folder, lambda i, out: out)),
        Tool("polars", python("csv_polars.py", "copy", csv_folder, lambda i, out: out), modules=("polars",)),
    ),
    inputs=("csv",),
    timed="RegionKit: load and validate the YAML, write one CSV file per table and datapackage.json. Peers: read "
    "RegionKit's CSV files and write them again (they need the rows from somewhere; CSV is their cheapest source).",
)

CSV_IMPORT = Job(
    id="csv-import",
    title="CSV import",
    format="csv",
    capability="import",
    regionkit=Tool("regionkit import csv", regionkit("import", csv_folder, "--dataset", dataset)),
    peers=(
        Tool("Python csv", python("csv_stdlib.py", "read", csv_folder)),
        Tool("polars", python("csv_polars.py", "read", csv_folder), modules=("polars",)),
    ),
    inputs=("csv",),
    timed="RegionKit: a dry-run import of its own CSV export: read every file, validate every rule, load the canonical "
    "YAML and compute the change set (empty). Peers: read every row of every CSV file (polars infers column types).",
)

XLSX_EXPORT = Job(
    id="xlsx-export",
    title="XLSX export",
    format="xlsx",
    capability="export",
    regionkit=Tool("regionkit export xlsx", regionkit_export("xlsx")),
    peers=(
        Tool("C libxlsxwriter constant_memory", lambda i, out: [i.program("xlsx_constant_memory"), i.cells, f"{out}/book.xlsx"]),
        Tool("Python XlsxWriter", python("xlsx_xlsxwriter.py", cells, into("book.xlsx")), modules=("xlsxwriter",)),
    ),
    inputs=("xlsx", "cells"),
    timed="RegionKit: load and validate the YAML, write the workbook (styles, comments, validations, the hidden "
    "export record). Peers (constant_memory mode): read a binary stream of every cell of RegionKit's workbook, "
    "prepared untimed by peers/xlsx_cells.py, and write those cells.",
)

XLSX_IMPORT = Job(
    id="xlsx-import",
    title="XLSX import",
    format="xlsx",
    capability="import",
    regionkit=Tool("regionkit import xlsx", regionkit("import", workbook, "--dataset", dataset)),
    peers=(
        Tool("python-calamine", python("xlsx_calamine.py", workbook), modules=("python_calamine",)),
        Tool("fastexcel", python("xlsx_fastexcel.py", workbook), modules=("fastexcel", "polars")),
        Tool("openpyxl read-only", python("xlsx_openpyxl.py", workbook), max_rows=TOO_SLOW, modules=("openpyxl",)),
    ),
    inputs=("xlsx",),
    timed="RegionKit: a dry-run import of its own workbook: read every sheet, validate every rule, load the canonical "
    "YAML and compute the change set (empty). Peers: read every cell of every sheet of the same workbook.",
)

GEOJSON_EXPORT = Job(
    id="geojson-export",
    title="GeoJSON points",
    format="geojson",
    capability="export",
    regionkit=Tool(
        "regionkit export geojson indicators",
        regionkit("export", "--format", "geojson", "--option", "layer=indicators", "--dataset", dataset, "--output",
                  lambda i, out: out, "--quiet"),
    ),
    peers=(
        Tool("Python json", python("geojson_points.py", "json", csv_folder, into("points.geojson"))),
        Tool("orjson", python("geojson_points.py", "orjson", csv_folder, into("points.geojson")), modules=("orjson",)),
    ),
    inputs=("csv",),
    timed="RegionKit: load and validate the YAML, write the `indicators` layer (one Point per indicator row at its "
    "country's capital, with bbox). Peers: read the indicator rows and capitals from RegionKit's CSV export and stream "
    "the same Point features.",
)

JOBS = (YAML_LOAD, YAML_DUMP, VALIDATE, CSV_EXPORT, CSV_IMPORT, XLSX_EXPORT, XLSX_IMPORT, GEOJSON_EXPORT)

TARGETS = (
    Target("xlsx-export", "XLSX export: at least 0.9 times the throughput of C libxlsxwriter", "speed", 0.9,
           "C libxlsxwriter constant_memory"),
    Target("xlsx-export", "XLSX export: at least 5 times Python XlsxWriter", "speed", 5, "Python XlsxWriter"),
    Target("xlsx-export", "XLSX export: peak memory under 300 MB", "memory", 300),
    Target("xlsx-import", "XLSX import with validation: at least 1.5 times fastexcel", "speed", 1.5, "fastexcel"),
    Target("xlsx-import", "XLSX import with validation: at least 3 times python-calamine", "speed", 3, "python-calamine"),
    Target("xlsx-import", "XLSX import: peak memory at most half of fastexcel's", "relative-memory", 0.5, "fastexcel"),
    Target("csv-import", "CSV import with validation: at least 0.5 times polars", "speed", 0.5, "polars"),
    Target("csv-import", "CSV import with validation: at least 5 times Python csv", "speed", 5, "Python csv"),
    Target("yaml-load", "YAML load: at least 0.8 times the bare libyaml event loop", "speed", 0.8, "C libyaml event loop"),
    Target("yaml-load", "YAML load: at least 10 times PyYAML's C loader", "speed", 10, "PyYAML CSafeLoader"),
    Target("validate", "regionkit validate: at least 20 times check-jsonschema", "speed", 20, "check-jsonschema"),
)
