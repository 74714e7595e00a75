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


def edited_csv_folder(inputs, out):
    return inputs.edited_export_folder("csv")


def edited_workbook(inputs, out):
    return inputs.edited_workbook


def stale_dataset(inputs, out):
    return inputs.stale_dataset


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

#: The import variants: what the file and the canonical dataset are (see Inputs in run.py for how they are made).
IMPORT_VARIANTS = {
    "": "a dry-run import of its own, unedited export against the dataset it came from, so the change set is empty",
    "-edited": "a dry-run import of its own export with 1 % of the indicator rows edited (the `value` of every 100th "
    "row, changed in the exported file, untimed), against the dataset it came from: a change set of N / 100 rows",
    "-stale": "a dry-run import of the same edited file against a dataset changed after the export (one indicator row's "
    "`value`, not one of the edited rows), so the file is stale and the import merges three ways against the "
    "export's copy of the dataset",
}

#: What each import variant adds to its job's title.
VARIANT_TITLES = {"": "", "-edited": " (1 % edited)", "-stale": " (edited, stale)"}


def csv_import(variant):
    folder = edited_csv_folder if variant else csv_folder
    canonical = stale_dataset if variant == "-stale" else dataset
    return Job(
        id="csv-import" + variant,
        title="CSV import" + VARIANT_TITLES[variant],
        format="csv",
        capability="import",
        regionkit=Tool("regionkit import csv", regionkit("import", folder, "--dataset", canonical)),
        peers=(
            Tool("Python csv", python("csv_stdlib.py", "read", folder)),
            Tool("polars", python("csv_polars.py", "read", folder), modules=("polars",)),
        ),
        inputs=("csv",) + (("csv-edited",) if variant else ()) + (("dataset-stale",) if variant == "-stale" else ()),
        timed=f"RegionKit: {IMPORT_VARIANTS[variant]}; it reads every file, validates every rule, loads the canonical "
        "YAML and computes the change set. Peers: read every row of every CSV file of the same package (polars infers "
        "column types); they merge nothing.",
    )


CSV_IMPORT, CSV_IMPORT_EDITED, CSV_IMPORT_STALE = (csv_import(v) for v in IMPORT_VARIANTS)

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

def xlsx_import(variant):
    book = edited_workbook if variant else workbook
    canonical = stale_dataset if variant == "-stale" else dataset
    return Job(
        id="xlsx-import" + variant,
        title="XLSX import" + VARIANT_TITLES[variant],
        format="xlsx",
        capability="import",
        regionkit=Tool("regionkit import xlsx", regionkit("import", book, "--dataset", canonical)),
        peers=(
            Tool("python-calamine", python("xlsx_calamine.py", book), modules=("python_calamine",)),
            Tool("fastexcel", python("xlsx_fastexcel.py", book), modules=("fastexcel", "polars")),
            Tool("openpyxl read-only", python("xlsx_openpyxl.py", book), max_rows=TOO_SLOW, modules=("openpyxl",)),
        ),
        inputs=("xlsx",) + (("xlsx-edited",) if variant else ()) + (("dataset-stale",) if variant == "-stale" else ()),
        timed=f"RegionKit: {IMPORT_VARIANTS[variant]}; it reads every sheet, validates every rule, loads the canonical "
        "YAML and computes the change set. Peers: read every cell of every sheet of the same workbook; they merge "
        "nothing.",
    )


XLSX_IMPORT, XLSX_IMPORT_EDITED, XLSX_IMPORT_STALE = (xlsx_import(v) for v in IMPORT_VARIANTS)

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

JOBS = (YAML_LOAD, YAML_DUMP, VALIDATE, CSV_EXPORT, CSV_IMPORT, CSV_IMPORT_EDITED, CSV_IMPORT_STALE, XLSX_EXPORT,
        XLSX_IMPORT, XLSX_IMPORT_EDITED, XLSX_IMPORT_STALE, GEOJSON_EXPORT)

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


@dataclass(frozen=True)
class Difference:
    """Where a peer's process does less work than RegionKit's, or more: the results print these beside the jobs, so
    a ratio is read with what it compares."""

    #: The job ids it applies to.
    jobs: tuple
    #: "less" or "more": the peer does less (or more) work than RegionKit.
    side: str
    text: str
    #: The peers it is about (by name); empty for every peer of the jobs.
    peers: tuple = ()


IMPORTS = tuple(f"{kind}-import{variant}" for kind in ("csv", "xlsx") for variant in IMPORT_VARIANTS)
EXPORTS = ("yaml-dump", "csv-export", "xlsx-export", "geojson-export")
PYTHON_PEERS = ("PyYAML CSafeLoader", "PyYAML CSafeLoader+CSafeDumper", "check-jsonschema", "Python csv", "polars",
                "Python XlsxWriter", "python-calamine", "fastexcel", "openpyxl read-only", "Python json", "orjson")

DIFFERENCES = (
    Difference(("yaml-load",), "less", "no validation: RegionKit has no load-only command, so its side runs every "
               "rule (the same command as `validate`); the libyaml loop builds nothing, PyYAML builds Python objects "
               "and checks nothing."),
    Difference(("yaml-dump",), "less", "no validation; the libyaml program re-emits the "
               "events it read rather than writing canonical YAML from a dataset."),
    Difference(("validate",), "less", f"per-field rules only ({SCHEMA}): no references, uniqueness, units, dates "
               "across rows or verbatim quotes; it reads a copy with plain `=` values quoted.", ("check-jsonschema",)),
    Difference(EXPORTS[1:], "less", "no validation and no YAML: they start from RegionKit's own export (its CSV "
               "files, or its workbook's cells prepared untimed), cheaper to read than the YAML RegionKit loads and "
               "validates first."),
    Difference(EXPORTS, "less", "no fsync: RegionKit syncs every file it writes to disk before renaming it into "
               "place."),
    Difference(("csv-export",), "less", "no base copy: RegionKit also writes `regionkit-base.yaml` (the exported "
               "dataset as YAML, as large as the dataset) and `datapackage.json`; they copy the CSV files only."),
    Difference(("xlsx-export",), "less", "they write the same cells (the hidden `_regionkit` sheet included) but no "
               "comments, validations, autofilter, column widths or defined names, and a number format for dates only; "
               "they write the file once, where RegionKit writes it to a scratch file and then copies it into place."),
    Difference(IMPORTS, "less", "no validation and no canonical dataset: they read cells and never load the "
               "YAML or check a rule."),
    Difference(IMPORTS[1:3] + IMPORTS[4:], "less", "no merge: their work is the same as for the unedited file, where RegionKit "
               "computes and reports a change set of N / 100 rows."),
    Difference(("csv-import-stale",), "less", "no base copy: RegionKit also reads the package's "
               "`regionkit-base.yaml` (the exported dataset) to merge three ways; they do not open it."),
    Difference(IMPORTS[3:], "more", "they parse every cell of the hidden `_regionkit` sheet (the export record, as "
               "much XML as the visible sheets) and keep it as text; RegionKit reads it too today, but one that skipped "
               "it for a fresh workbook would read less XML than they do."),
    Difference(IMPORTS[:3], "less", "it infers each column's type from its first 10,000 rows instead of checking "
               "every cell against a schema.", ("polars",)),
    Difference(tuple(job.id for job in JOBS), "more", "its time includes the Python interpreter's start-up (tens of "
               "milliseconds).", PYTHON_PEERS),
)
