#!/usr/bin/env python3
"""RegionKit's benchmark: RegionKit against the tools users would pick instead, side by side, on the same files.

    make bench                                  # installs the peers, builds RegionKit in release, runs this
    BENCH_SIZES=2000 make bench                 # a smoke run of the harness

Environment (all optional):
    BENCH_SIZES      indicator rows per dataset, comma-separated (100000,1000000)
    BENCH_RUNS       timed runs of each tool per job and size (3); the table gives median, min and max
    BENCH_JOBS       the jobs to run, comma-separated ids (all; see jobs.py)
    BENCH_SEED       the seed of `regionkit generate` (1)
    BENCH_REGIONKIT  the regionkit executable (.build/release/regionkit)
    BENCH_DATA       where generated datasets, RegionKit's exports and the C programs are kept (Benchmarks/.data)
    BENCH_RESULTS    the Markdown file the results go to (Benchmarks/RESULTS.md)
    BENCH_TIMEOUT    seconds one process may take before it counts as failed (3600)
    BENCH_COMMAND    the command to print as the way to reproduce the results (make bench)

    python3 Benchmarks/run.py --profile JOB     # where RegionKit's side of JOB spends its time (make bench-profile)

runs RegionKit's side of one job once under `perf record` at the first of BENCH_SIZES and prints the functions that
take the most samples (self time), with Swift names demangled.

    python3 Benchmarks/run.py --instructions    # instructions per row of RegionKit's side (make bench-profile)

runs RegionKit's side of each job (BENCH_JOBS, or all) once under `valgrind --tool=callgrind` at BENCH_PROFILE_ROWS
rows (100000) and writes the instructions per row into the section "Instructions per row (callgrind)" of
BENCH_RESULTS, leaving the rest of the file as it is; a timing run keeps that section.

Every process is timed whole with /usr/bin/time (elapsed seconds, peak resident memory); within a job the tools take
turns (A B C A B C A B C) on the same input files. Standard library only.
"""

import datetime
import hashlib
import importlib.util
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Optional

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import jobs  # noqa: E402
import variants  # noqa: E402

TIME = "/usr/bin/time"
C_PROGRAMS = {"yaml_events": "yaml-0.1", "xlsx_constant_memory": "xlsxwriter"}
#: The RegionKit export each derived input of a job (jobs.py `inputs`) is made from; None: from the dataset.
INPUT_FORMATS = {"cells": "xlsx", "csv-edited": "csv", "xlsx-edited": "xlsx", "dataset-stale": None}


def env(name, default):
    value = os.environ.get(name, "").strip()
    return value if value else default


@dataclass
class Config:
    sizes: list
    runs: int
    job_ids: Optional[list]
    seed: int
    regionkit: str
    data: str
    results: str
    timeout: float
    command: str
    profile_rows: int = 100_000

    @staticmethod
    def from_environment():
        def path(value):
            return value if os.path.isabs(value) else os.path.join(ROOT, value)

        sizes = [int(s.replace("_", "")) for s in env("BENCH_SIZES", "100000,1000000").split(",") if s.strip()]
        chosen = env("BENCH_JOBS", "")
        return Config(
            sizes=sizes,
            runs=max(1, int(env("BENCH_RUNS", "3"))),
            job_ids=[j.strip() for j in chosen.split(",") if j.strip()] or None,
            seed=int(env("BENCH_SEED", "1")),
            regionkit=path(env("BENCH_REGIONKIT", ".build/release/regionkit")),
            data=path(env("BENCH_DATA", "Benchmarks/.data")),
            results=path(env("BENCH_RESULTS", "Benchmarks/RESULTS.md")),
            timeout=float(env("BENCH_TIMEOUT", "3600")),
            command=env("BENCH_COMMAND", "make bench"),
            profile_rows=int(env("BENCH_PROFILE_ROWS", "100000").replace("_", "")),
        )


class SetupError(Exception):
    pass


def run_quietly(argv, what, log=None):
    """Runs an untimed preparation step; raises SetupError with its output when it fails."""
    result = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
    if log is not None:
        log.append(f"$ {' '.join(argv)}\n{result.stdout}{result.stderr}")
    if result.returncode != 0:
        raise SetupError(f"{what} failed (status {result.returncode}): {' '.join(argv)}\n{result.stdout}{result.stderr}")
    return result.stdout


def digest(path, length=12):
    sha = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()[:length]


#: The variant files (variants.py) are remade when variants.py changes, as the exports are when the binary does.
VARIANTS_STAMP = digest(os.path.join(HERE, "variants.py"))


class Formats:
    """What `regionkit formats` says each built-in format can do."""

    def __init__(self, regionkit):
        self.capabilities = {}
        output = run_quietly([regionkit, "formats"], "regionkit formats")
        for line in output.splitlines()[1:]:
            parts = line.split()
            if len(parts) >= 2:
                self.capabilities[parts[0]] = set(parts[1].split(","))

    def missing(self, job):
        if job.format not in self.capabilities:
            return f"RegionKit has no '{job.format}' format yet (regionkit formats)"
        if job.capability not in self.capabilities[job.format]:
            return f"RegionKit's '{job.format}' format cannot {job.capability} yet"
        return None


class Inputs:
    """The files of one size: the generated dataset, RegionKit's own exports of it, and what peers derive from them.

    Everything is made on first use and kept under BENCH_DATA: the dataset by seed and size (and remade when the
    generator's output changes), the exports by the digest of the regionkit executable.
    """

    def __init__(self, config, programs, rows):
        self.config = config
        self.programs = programs
        self.rows = rows
        self.regionkit = config.regionkit
        self.python = sys.executable
        self.folder = os.path.join(config.data, f"n{rows}-seed{config.seed}")
        self.binary = digest(config.regionkit)
        self._dataset = None

    def peer(self, script):
        return os.path.join(HERE, "peers", script)

    def program(self, name):
        return self.programs.path(name)

    @property
    def dataset(self):
        if self._dataset is None:
            self._dataset = self._generate()
        return self._dataset

    def _generate(self):
        os.makedirs(self.folder, exist_ok=True)
        path = os.path.join(self.folder, "dataset.yaml")
        stamp_path = os.path.join(self.folder, "generator.stamp")
        probe = os.path.join(self.folder, "probe.yaml")
        run_quietly([self.regionkit, "generate", "--indicators", "200", "--seed", str(self.config.seed), "--output", probe],
                    "regionkit generate")
        stamp = digest(probe, 64)
        os.remove(probe)
        current = open(stamp_path).read().strip() if os.path.exists(stamp_path) else None
        if current != stamp or not os.path.exists(path):
            say(f"generating {self.rows} indicator rows (seed {self.config.seed}) into {relative(path)}")
            run_quietly([self.regionkit, "generate", "--indicators", str(self.rows), "--seed", str(self.config.seed),
                         "--output", path], "regionkit generate")
            with open(stamp_path, "w") as file:
                file.write(stamp + "\n")
            shutil.rmtree(self._exports_root(), ignore_errors=True)
        return path

    @property
    def dataset_yaml11(self):
        """The dataset with each plain `=` value quoted: the same document for YAML 1.1 readers (PyYAML, ruamel.yaml),
        which take a lone plain `=` for the "value" key tag and refuse it."""
        source = self.dataset
        path = os.path.join(self.folder, "dataset-yaml11.yaml")
        if not os.path.exists(path) or os.path.getmtime(path) < os.path.getmtime(source):
            pattern = re.compile(rb"^(\s*(?:- )?[A-Za-z_]+: )=$", re.MULTILINE)
            with open(source, "rb") as file:
                text = file.read()
            with open(path + ".part", "wb") as file:
                file.write(pattern.sub(rb'\1"="', text))
            os.rename(path + ".part", path)
        return path

    def _exports_root(self):
        return os.path.join(self.folder, "exports")

    def export_folder(self, format_id):
        """RegionKit's own export of the dataset in a format: the folder that holds its files."""
        self.dataset
        root = os.path.join(self._exports_root(), self.binary)
        folder = os.path.join(root, format_id)
        if not os.path.isdir(folder):
            if os.path.isdir(self._exports_root()):
                for old in os.listdir(self._exports_root()):
                    if old != self.binary:
                        shutil.rmtree(os.path.join(self._exports_root(), old), ignore_errors=True)
            say(f"exporting the {self.rows}-row dataset as {format_id} (input of the peers)")
            staging = os.path.join(root, ".staging-" + format_id)
            shutil.rmtree(staging, ignore_errors=True)
            run_quietly([self.regionkit, "export", "--format", format_id, "--dataset", self.dataset, "--output", staging,
                         "--quiet"], f"regionkit export --format {format_id}")
            os.rename(os.path.join(staging, format_id), folder)
            shutil.rmtree(staging, ignore_errors=True)
        return folder

    @property
    def workbook(self):
        return self._workbook_in(self.export_folder("xlsx"))

    def _workbook_in(self, folder):
        books = sorted(name for name in os.listdir(folder) if name.endswith(".xlsx"))
        if len(books) != 1:
            raise SetupError(f"{folder}: expected one workbook, found {books}")
        return os.path.join(folder, books[0])

    @property
    def cells(self):
        book = self.workbook
        path = book + ".cells"
        if not os.path.exists(path):
            say(f"reading every cell of {relative(book)} for the XLSX export peers")
            run_quietly([self.python, self.peer("xlsx_cells.py"), book, path + ".part"], "peers/xlsx_cells.py")
            os.rename(path + ".part", path)
        return path

    def edited_export_folder(self, format_id):
        """RegionKit's own export in a format with 1 % of the indicator rows edited (variants.py), made untimed."""
        source = self.export_folder(format_id)
        folder = source + "-edited"
        if not self._current(folder):
            shutil.rmtree(folder, ignore_errors=True)
            say(f"editing every {variants.EVERY}th indicator row of the {self.rows}-row {format_id} export")
            staging = folder + ".staging"
            shutil.rmtree(staging, ignore_errors=True)
            try:
                if format_id == "csv":
                    variants.edit_csv_package(source, folder)
                else:
                    book = self._workbook_in(source)
                    os.makedirs(staging)
                    variants.edit_workbook(book, os.path.join(staging, os.path.basename(book)))
                    os.rename(staging, folder)
                self._stamp(folder)
            except (OSError, ValueError) as error:
                raise SetupError(f"editing the {format_id} export failed: {error}")
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        return folder

    def _current(self, path):
        """Whether the variant file or folder at `path` was made by the variants.py of this checkout."""
        try:
            with open(path + ".stamp") as file:
                return os.path.exists(path) and file.read().strip() == VARIANTS_STAMP
        except OSError:
            return False

    def _stamp(self, path):
        with open(path + ".stamp", "w") as file:
            file.write(VARIANTS_STAMP + "\n")

    @property
    def edited_workbook(self):
        return self._workbook_in(self.edited_export_folder("xlsx"))

    @property
    def stale_dataset(self):
        """The dataset with one indicator row changed after the exports were made (variants.py): the files exported
        before are stale against it."""
        source = self.dataset
        path = os.path.join(self.folder, "dataset-stale.yaml")
        if not self._current(path) or os.path.getmtime(path) < os.path.getmtime(source):
            try:
                variants.stale_dataset(source, path)
                self._stamp(path)
            except (OSError, ValueError) as error:
                raise SetupError(f"making the stale dataset failed: {error}")
        return path

    def prepare(self, names):
        for name in names:
            if name == "cells":
                self.cells
            elif name == "xlsx":
                self.workbook
            elif name.endswith("-edited"):
                self.edited_export_folder(name[: -len("-edited")])
            elif name == "dataset-stale":
                self.stale_dataset
            else:
                self.export_folder(name)


class Programs:
    """The bare C peers, compiled with cc and pkg-config into BENCH_DATA/bin on first use."""

    def __init__(self, config):
        self.folder = os.path.join(config.data, "bin")
        self.built = {}

    def path(self, name):
        if name not in self.built:
            os.makedirs(self.folder, exist_ok=True)
            source = os.path.join(HERE, "c", name + ".c")
            target = os.path.join(self.folder, name)
            package = C_PROGRAMS[name]
            flags = run_quietly(["pkg-config", "--cflags", "--libs", package], f"pkg-config {package}").split()
            run_quietly(["cc", "-O2", "-o", target, source, *flags], f"compiling {relative(source)}")
            self.built[name] = target
        return self.built[name]


@dataclass
class Measurement:
    seconds: list = field(default_factory=list)
    peak_kb: list = field(default_factory=list)
    failure: Optional[str] = None
    note: Optional[str] = None

    @property
    def median(self):
        return statistics.median(self.seconds)

    @property
    def peak_mb(self):
        """The median of the runs' peak resident memory, in MB."""
        return statistics.median(self.peak_kb) / 1024

    @property
    def max_peak_mb(self):
        return max(self.peak_kb) / 1024


@dataclass
class Row:
    job: object
    rows: int
    tool: str
    is_regionkit: bool
    measurement: Measurement
    runs: int = 0


def timed(argv, config, log_path, cwd):
    """One timed run: (elapsed seconds, peak KB) or raises SetupError with the end of the process's output."""
    time_file = log_path + ".time"
    with open(log_path, "w") as log:
        try:
            result = subprocess.run([TIME, "-f", "%e %M", "-o", time_file, *argv], cwd=cwd, stdout=log, stderr=log,
                                    stdin=subprocess.DEVNULL, timeout=config.timeout,
                                    env={**os.environ, "PYTHONUTF8": "1"})
        except subprocess.TimeoutExpired:
            raise SetupError(f"timed out after {config.timeout:.0f} s")
    with open(time_file) as file:
        lines = [line for line in file.read().splitlines() if line.strip()]
    os.remove(time_file)
    if result.returncode != 0:
        with open(log_path, errors="replace") as file:
            tail = file.read()[-1500:]
        raise SetupError(f"exit status {result.returncode} (log: {relative(log_path)})\n$ {' '.join(argv)}\n{tail}")
    elapsed, peak = lines[-1].split()
    return float(elapsed), int(peak)


def run_job(job, rows, inputs, formats, config):
    """Measures one job at one size; returns its rows and the lines to say why something did not run."""
    notes = []
    missing = formats.missing(job)
    regionkit_side = None if missing or job.regionkit_unavailable else job.regionkit
    if missing:
        return [], [f"{job.id} at N = {rows:,}: skipped: {missing}"]
    needed = sorted({INPUT_FORMATS.get(name, name) for name in job.inputs} - {None} - set(formats.capabilities))
    if needed:
        return [], [f"{job.id} at N = {rows:,}: skipped: its peers read RegionKit's {', '.join(needed)} export, and "
                    f"RegionKit has no '{needed[0]}' format yet (regionkit formats)"]
    if job.regionkit_unavailable:
        notes.append(f"{job.id}: RegionKit not measured: {job.regionkit_unavailable}")
    try:
        inputs.prepare(job.inputs)
    except SetupError as error:
        return [], [f"{job.id} at N = {rows:,}: skipped: preparing its inputs failed: {error}"]

    tools = ([(regionkit_side, True)] if regionkit_side else []) + [(peer, False) for peer in job.peers]
    results = {}
    active = []
    for tool, is_regionkit in tools:
        measurement = Measurement()
        results[tool.name] = (tool, is_regionkit, measurement)
        if tool.max_rows is not None and rows > tool.max_rows:
            measurement.note = f"not run above N = {tool.max_rows:,} (too slow)"
            continue
        absent = [m for m in tool.modules if importlib.util.find_spec(m) is None]
        absent += [p for p in tool.programs if shutil.which(p) is None]
        if absent:
            measurement.failure = f"not installed: {', '.join(absent)} (make bench installs it)"
            continue
        active.append((tool, measurement))

    scratch = os.path.join(config.data, "scratch")
    logs = os.path.join(config.data, "logs")
    os.makedirs(logs, exist_ok=True)
    for run in range(1, config.runs + 1):
        for tool, measurement in active:
            if measurement.failure or (tool.max_runs is not None and run > tool.max_runs):
                continue
            shutil.rmtree(scratch, ignore_errors=True)
            os.makedirs(scratch)
            log_path = os.path.join(logs, f"{job.id}-{rows}-{slug(tool.name)}.log")
            try:
                argv = tool.command(inputs, scratch)
                elapsed, peak = timed(argv, config, log_path, ROOT)
            except SetupError as error:
                measurement.failure = str(error)
                say(f"  {job.id} N={rows:,} run {run}/{config.runs} {tool.name}: FAILED: {error}")
                continue
            measurement.seconds.append(elapsed)
            measurement.peak_kb.append(peak)
            say(f"  {job.id} N={rows:,} run {run}/{config.runs} {tool.name}: {elapsed:.2f} s, {peak / 1024:.0f} MB")
    shutil.rmtree(scratch, ignore_errors=True)
    table = [Row(job, rows, name, is_regionkit, measurement, config.runs)
             for name, (tool, is_regionkit, measurement) in results.items()]
    return table, notes


def slug(text):
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def relative(path):
    return os.path.relpath(path, ROOT) if path.startswith(ROOT) else path


def say(text):
    print(text, flush=True)


# MARK: Report


def number(value, digits=2):
    if value >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def format_table(rows):
    header = ["job", "N", "tool", "median s", "min s", "max s", "rows/s", "median peak MB", "max peak MB",
              "peer time ÷ RegionKit time (> 1: RegionKit faster)"]
    lines = [header]
    regionkit_median = {}
    for row in rows:
        if row.is_regionkit and row.measurement.seconds:
            regionkit_median[(row.job.id, row.rows)] = row.measurement.median
    for row in rows:
        m = row.measurement
        runs = len(m.seconds)
        cells = [row.job.id, f"{row.rows:,}", row.tool + (f" ({runs} run{'s' if runs != 1 else ''})" if m.seconds and runs != row.runs else "")]
        if m.seconds:
            median = m.median
            rate = row.rows / median if median > 0 else float("inf")
            base = regionkit_median.get((row.job.id, row.rows))
            if row.is_regionkit:
                ratio = "(RegionKit)"
            elif base:
                ratio = f"{median / base:.2f}"
            else:
                ratio = "— (RegionKit not measured)"
            cells += [f"{median:.2f}", f"{min(m.seconds):.2f}", f"{max(m.seconds):.2f}",
                      f"{rate:,.0f}" if rate != float("inf") else "—", f"{m.peak_mb:.0f}", f"{m.max_peak_mb:.0f}", ratio]
        else:
            reason = m.failure or m.note or "not run"
            cells += ["—", "—", "—", "—", "—", "—", ("FAILED: " if m.failure else "") + reason.splitlines()[0]]
        lines.append(cells)
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for index, line in enumerate(lines):
        out.append("| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)) + " |")
        if index == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def evaluate_targets(rows):
    """Each target of the issue at N = 1 000 000, or at the largest size where both sides were measured."""
    lookup = {(r.job.id, r.rows, r.tool): r for r in rows if r.measurement.seconds}
    regionkit = {(r.job.id, r.rows): r for r in rows if r.is_regionkit and r.measurement.seconds}
    lines = []
    for target in jobs.TARGETS:
        sizes = sorted({n for (job, n) in regionkit if job == target.job}, reverse=True)
        if target.peer:
            sizes = [n for n in sizes if (target.job, n, target.peer) in lookup]
        if not sizes:
            lines.append((target.text, "not measured", "—", "—"))
            continue
        n = 1_000_000 if 1_000_000 in sizes else sizes[0]
        ours = regionkit[(target.job, n)].measurement
        where = f"{n:,}" + ("" if n == 1_000_000 else " (not 1,000,000)")
        if target.kind == "speed":
            peer = lookup[(target.job, n, target.peer)].measurement
            ratio = peer.median / ours.median if ours.median > 0 else float("inf")
            measured = f"{ratio:.2f}×"
            met = ratio >= target.value
            status = "met" if met else (f"missed: RegionKit needs {target.value / ratio:.1f}× its speed" if ratio > 0
                                        else "missed (the peer's time rounds to 0 s: too small a size to tell)")
        elif target.kind == "memory":
            measured = f"{ours.peak_mb:.0f} MB"
            met = ours.peak_mb < target.value
            status = "met" if met else f"missed by {ours.peak_mb - target.value:.0f} MB ({ours.peak_mb / target.value:.1f}× the limit)"
        else:
            peer = lookup[(target.job, n, target.peer)].measurement
            share = ours.peak_mb / peer.peak_mb
            measured = f"{ours.peak_mb:.0f} MB vs {peer.peak_mb:.0f} MB ({share:.2f}×)"
            met = share <= target.value
            status = "met" if met else f"missed: {share / target.value:.1f}× the allowed peak"
        lines.append((target.text, measured, where, status))
    header = ("target (issue 7)", "measured", "N", "status")
    widths = [max(len(str(line[i])) for line in [header, *lines]) for i in range(4)]
    out = ["| " + " | ".join(header[i].ljust(widths[i]) for i in range(4)) + " |",
           "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += ["| " + " | ".join(str(line[i]).ljust(widths[i]) for i in range(4)) + " |" for line in lines]
    return "\n".join(out)


def machine():
    cores = os.cpu_count()
    try:
        cores = int(subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip())
    except (OSError, ValueError):
        pass
    memory = "unknown memory"
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/meminfo") as file:
            for line in file:
                if line.startswith("MemTotal:"):
                    memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB memory"
        with open("/proc/cpuinfo") as file:
            for line in file:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return cores, f"{cores} cores (nproc), {memory}, {model}, {platform.system()} {platform.release()}"


def load_average():
    try:
        with open("/proc/loadavg") as file:
            return " ".join(file.read().split()[:3])
    except OSError:
        return "unknown"


def revision():
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True,
                               text=True).stdout.strip()
        return head + (" with local changes" if dirty else "") if head else "unknown"
    except OSError:
        return "unknown"


def differences(selected):
    """The lines that say, job by job, where a peer does less work than RegionKit or more (jobs.DIFFERENCES)."""
    lines = []
    for job in selected:
        names = [peer.name for peer in job.peers]
        items = []
        for difference in jobs.DIFFERENCES:
            if job.id not in difference.jobs:
                continue
            who = [name for name in names if not difference.peers or name in difference.peers]
            if not who:
                continue
            subject = "each peer" if len(who) == len(names) and len(names) > 1 else ", ".join(who)
            items.append(f"  - {subject} does {difference.side}: {difference.text}")
        if items:
            lines += [f"- `{job.id}`", *items]
    return lines


INSTRUCTIONS_HEADING = "## Instructions per row (callgrind)"


def carried_section(path, heading):
    """The section under `heading` of the Markdown file at `path` (up to the next `## ` heading), or None."""
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except OSError:
        return None
    start = text.find("\n" + heading + "\n")
    if start < 0:
        return None
    end = text.find("\n## ", start + 1 + len(heading))
    return text[start + 1: end if end >= 0 else len(text)].rstrip("\n") + "\n"


def report(config, rows, notes, started, load_start, selected, revision, instructions=None):
    cores, description = machine()
    if {100_000, 1_000_000} <= set(config.sizes):
        kind = "a full run at the issue's sizes"
    elif max(config.sizes) >= 100_000:
        kind = ("**a partial run**: not at every size the issue asks for (100,000 and 1,000,000 rows), so the targets, "
                "stated at 1,000,000, are checked at the largest size run")
    else:
        kind = "**a smoke run**: it checks the harness at small sizes; its timings say nothing about performance at scale"
    sizes = ", ".join(f"{n:,}" for n in config.sizes)
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`Benchmarks/run.py`); do not edit by hand.",
        "",
        f"- This is {kind}: N = {sizes} indicator rows, {config.runs} timed run{'s' if config.runs != 1 else ''} of each tool.",
        f"- Command: `{config.command}`",
        f"- Date: {started:%Y-%m-%d %H:%M} UTC; RegionKit {revision}, `{relative(config.regionkit)}`"
        + (" (`swift build -c release`)." if config.regionkit.endswith("/release/regionkit") else "."),
        f"- Machine: {description}.",
        f"- One run on a shared {cores}-core machine: other builds may run at the same time, so timings are noisy "
        f"(load average {load_start} at the start, {load_average()} at the end).",
        "- Each process is timed whole with `/usr/bin/time` (elapsed seconds, peak resident memory), from start to "
        "exit; within a job the tools take turns on the same files. rows/s = N / median (N indicator rows; the "
        "dataset also has the 92 rows of the other tables). Peak memory is the median and the maximum over the runs; "
        "the targets use the medians.",
        "- The last column is the peer's median time divided by RegionKit's: above 1, RegionKit is faster by that "
        "factor; it is also RegionKit's throughput divided by the peer's.",
        "",
        "## Results",
        "",
        format_table(rows),
        "",
        "## Targets",
        "",
        "Checked at N = 1,000,000, or at the largest size where both sides ran.",
        "",
        evaluate_targets(rows),
        "",
    ]
    if notes:
        lines += ["## Not measured", "", *[f"- {note}" for note in notes], ""]
    lines += ["## What each job times", ""]
    lines += [f"- `{job.id}`: {job.timed}" for job in selected]
    lines.append("")
    where = differences(selected)
    if where:
        lines += ["## Where a peer does less work than RegionKit, or more", "",
                  "Read a ratio with these (from `DIFFERENCES` in `Benchmarks/jobs.py`).", "", *where, ""]
    if instructions:
        lines += [instructions.rstrip("\n"), ""]
    return "\n".join(lines)


def profile(config, job_id):
    """Runs RegionKit's side of a job under perf at the first size and prints the top functions by self time."""
    job = next((job for job in jobs.JOBS if job.id == job_id), None)
    if job is None:
        say(f"error: unknown job {job_id}; jobs: {', '.join(job.id for job in jobs.JOBS)}")
        return 64
    rows = config.sizes[0]
    try:
        formats = Formats(config.regionkit)
        reason = formats.missing(job) or job.regionkit_unavailable
        if reason:
            say(f"error: {job.id}: {reason}")
            return 2
        inputs = Inputs(config, Programs(config), rows)
        inputs.prepare(job.inputs)
    except SetupError as error:
        say(f"error: {error}")
        return 2
    scratch = os.path.join(config.data, "scratch")
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    data = os.path.join(config.data, f"perf-{job.id}-{rows}.data")
    argv = job.regionkit.command(inputs, scratch)
    say(f"$ {' '.join(argv)}  (under perf record, N = {rows:,})")
    record = subprocess.run(["perf", "record", "-e", "cpu-clock", "-F", "499", "--call-graph", "dwarf,16384", "-o", data,
                             "--", *argv], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    shutil.rmtree(scratch, ignore_errors=True)
    if record.returncode != 0:
        say(f"error: perf record failed:\n{record.stderr[-2000:]}")
        return 1
    for title, options, limit in (
        ("time spent in each function and what it calls (inclusive)", ["--children", "--sort", "symbol"], 4),
        ("time spent in each function itself (self)", ["--no-children", "--sort", "dso,symbol"], 1.5),
    ):
        say(f"\n{title}, {job.id} at N = {rows:,} (perf report -i {relative(data)}):")
        say(perf_report(data, options, limit))
    return 0


def perf_report(data, options, limit):
    report = subprocess.run(["perf", "report", "-i", data, "--stdio", *options, "-g", "none", "--percent-limit", str(limit)],
                            cwd=ROOT, capture_output=True, text=True)
    lines = [line.rstrip().rstrip("- ").rstrip() for line in report.stdout.splitlines()]
    text = "\n".join(line for line in lines if line.strip() and not line.startswith("#"))
    demangler = shutil.which("swift-demangle")
    argv = [demangler, "--simplified"] if demangler else (["swift", "demangle", "--simplified"] if shutil.which("swift") else None)
    if argv:
        demangled = subprocess.run(argv, input=text, capture_output=True, text=True)
        if demangled.returncode == 0:
            text = demangled.stdout
    return text


def callgrind_total(path):
    """The instructions executed (Ir) in a callgrind output file: its `totals:` line, or else its `summary:` line."""
    found = {}
    with open(path, errors="replace") as file:
        for line in file:
            for key in ("totals:", "summary:"):
                if line.startswith(key):
                    found[key] = int(line.split()[1])
    total = found.get("totals:", found.get("summary:"))
    if total is None:
        raise SetupError(f"{relative(path)} has neither a totals: nor a summary: line")
    return total


def count_instructions(config, selected):
    """Runs RegionKit's side of every selected job once under callgrind at BENCH_PROFILE_ROWS rows and writes the
    instructions per row into the results' own section (the rest of the file is kept)."""
    rows = config.profile_rows
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        say("error: valgrind is missing; install Debian's 'valgrind' package (make bench-profile does)")
        return 2
    if not os.access(config.regionkit, os.X_OK):
        say(f"error: {config.regionkit} is not built; run `swift build -c release` (make bench-profile does)")
        return 2
    version = subprocess.run([valgrind, "--version"], capture_output=True, text=True).stdout.strip()
    started = datetime.datetime.now(datetime.timezone.utc)
    measured_revision = revision()
    try:
        formats = Formats(config.regionkit)
        inputs = Inputs(config, Programs(config), rows)
        inputs.dataset
    except SetupError as error:
        say(f"error: {error}")
        return 2
    scratch = os.path.join(config.data, "scratch")
    logs = os.path.join(config.data, "logs")
    os.makedirs(logs, exist_ok=True)
    # valgrind cannot read the DWARF of the BoringSSL objects swift-crypto links in ("possibly corrupted debuginfo
    # file"), so callgrind runs a copy without debug information: the same code, symbols kept, instructions unchanged.
    profiled = os.path.join(config.data, "regionkit-without-debug-info")
    stripped = subprocess.run(["objcopy", "--strip-debug", config.regionkit, profiled], capture_output=True, text=True)
    if stripped.returncode != 0:
        say(f"error: objcopy --strip-debug {config.regionkit} failed: {stripped.stderr.strip()}")
        return 2
    counted, failures = [], []
    for job in selected:
        reason = formats.missing(job) or job.regionkit_unavailable
        if reason:
            counted.append((job, None, f"not measured: {reason}"))
            continue
        shutil.rmtree(scratch, ignore_errors=True)
        os.makedirs(scratch)
        output = os.path.join(config.data, f"callgrind-{job.id}-{rows}.out")
        log_path = os.path.join(logs, f"callgrind-{job.id}-{rows}.log")
        try:
            inputs.prepare(job.inputs)
            argv = [profiled if argument == config.regionkit else argument
                    for argument in job.regionkit.command(inputs, scratch)]
            say(f"$ {' '.join(argv)}  (under callgrind, N = {rows:,})")
            with open(log_path, "w") as log:
                result = subprocess.run([valgrind, "--tool=callgrind", f"--callgrind-out-file={output}", "--", *argv],
                                        cwd=ROOT, stdout=log, stderr=log, stdin=subprocess.DEVNULL,
                                        timeout=config.timeout * 50)
            if result.returncode != 0:
                with open(log_path, errors="replace") as file:
                    raise SetupError(f"exit status {result.returncode} (log: {relative(log_path)})\n{file.read()[-1500:]}")
            total = callgrind_total(output)
        except (SetupError, subprocess.TimeoutExpired) as error:
            failures.append(job.id)
            counted.append((job, None, f"FAILED: {str(error).splitlines()[0]}"))
            say(f"  {job.id}: FAILED: {error}")
            continue
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        counted.append((job, total, None))
        say(f"  {job.id}: {total:,} instructions, {total / rows:,.0f} per row")

    table = [("job", "N", "instructions", "per row")]
    for job, total, problem in counted:
        table.append((job.id, f"{rows:,}", f"{total:,}" if total is not None else problem, f"{total / rows:,.0f}"
                      if total is not None else "—"))
    widths = [max(len(line[i]) for line in table) for i in range(4)]
    formatted = ["| " + " | ".join(line[i].ljust(widths[i]) for i in range(4)) + " |" for line in table]
    formatted.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    section = "\n".join([
        INSTRUCTIONS_HEADING,
        "",
        f"Written by `make bench-profile` (`Benchmarks/run.py --instructions`): RegionKit's side of each job run once "
        f"under `valgrind --tool=callgrind` at N = {rows:,}; instructions = the output's `totals:` (every thread), per "
        "row = instructions ÷ N. Counts hardly move with the machine's load, so a change here is a change in the "
        "code; `make bench` keeps this section as it is.",
        "",
        f"- Date: {started:%Y-%m-%d %H:%M} UTC; RegionKit {measured_revision}, `{relative(config.regionkit)}`; "
        f"{version}.",
        "",
        *formatted,
        "",
    ])
    write_results(config, replace_section(config.results, INSTRUCTIONS_HEADING, section))
    say("")
    say("\n".join(formatted))
    say(f"\nwrote the instruction counts into {relative(config.results)}")
    if failures:
        say(f"error: {len(failures)} job(s) failed under callgrind: {', '.join(failures)}")
        return 1
    return 0


def replace_section(path, heading, section):
    """The Markdown file at `path` with its section under `heading` replaced by `section`, or `section` added at its
    end (the whole file when there is none yet)."""
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except OSError:
        return "# Benchmark results\n\n" + section
    old = carried_section(path, heading)
    if old is not None:
        start = text.find("\n" + heading + "\n") + 1
        return text[:start] + section + text[start + len(old):]
    return text.rstrip("\n") + "\n\n" + section


def write_results(config, text):
    os.makedirs(os.path.dirname(config.results), exist_ok=True)
    with open(config.results, "w") as file:
        file.write(text)


def main():
    config = Config.from_environment()
    if len(sys.argv) == 3 and sys.argv[1] == "--profile":
        return profile(config, sys.argv[2])
    selected = [job for job in jobs.JOBS if config.job_ids is None or job.id in config.job_ids]
    unknown = set(config.job_ids or []) - {job.id for job in jobs.JOBS}
    if unknown:
        say(f"error: unknown job(s) {', '.join(sorted(unknown))}; jobs: {', '.join(job.id for job in jobs.JOBS)}")
        return 64
    if len(sys.argv) == 2 and sys.argv[1] == "--instructions":
        return count_instructions(config, selected)
    if not os.access(config.regionkit, os.X_OK):
        say(f"error: {config.regionkit} is not built; run `swift build -c release` (make bench does)")
        return 2
    if not os.access(TIME, os.X_OK):
        say(f"error: {TIME} is missing; install Debian's 'time' package (make bench does)")
        return 2
    started = datetime.datetime.now(datetime.timezone.utc)
    load_start = load_average()
    measured_revision = revision()
    # The instruction counts come from `make bench-profile`; a timing run keeps the last ones it finds.
    instructions = carried_section(config.results, INSTRUCTIONS_HEADING)
    try:
        formats = Formats(config.regionkit)
    except SetupError as error:
        say(f"error: {error}")
        return 2

    rows, notes = [], []
    programs = Programs(config)
    for n in config.sizes:
        inputs = Inputs(config, programs, n)
        try:
            inputs.dataset
        except SetupError as error:
            say(f"error: {error}")
            return 2
        for job in selected:
            say(f"{job.id} at N = {n:,}")
            table, job_notes = run_job(job, n, inputs, formats, config)
            rows += table
            for note in job_notes:
                if note not in notes:
                    notes.append(note)
                    say(note)
            # The results so far, so that a run stopped part-way still leaves what it measured.
            write_results(config, report(config, rows, notes, started, load_start, selected, measured_revision,
                                         instructions))

    write_results(config, report(config, rows, notes, started, load_start, selected, measured_revision, instructions))
    say("")
    say(format_table(rows))
    say("")
    say(evaluate_targets(rows))
    say(f"\nwrote {relative(config.results)}")
    failed = [row for row in rows if row.measurement.failure]
    if failed:
        say(f"error: {len(failed)} tool(s) failed: " + ", ".join(f"{r.job.id} {r.tool}" for r in failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
