#!/usr/bin/env python3
"""Writes hostile input files for RegionKit's importers and validators, one case at a time.

    make_hostile.py CASE OUTPUT [--base FILE]   writes the file of CASE to OUTPUT
    make_hostile.py --list                      lists the cases, with the base file each starts from

Most cases start from a real file and break one thing in it: a workbook from `Exports/xlsx/central-asia.xlsx`, a
CSV table from `Exports/csv/countries.csv`, a GeoJSON layer from `Exports/geojson/`, the dataset from
`Fixtures/central-asia/dataset.yaml` (paths in this checkout; `--base` names another file). The others are made
from nothing. Python 3 standard library only. Large files are streamed to disk in chunks and never held whole:
the 1 GiB YAML scalar, the 100 MB CSV field and workbook cell, and the zip bombs, whose compressed data is one
deflate block repeated (deflate can shrink at most about 1032 to 1, so gigabytes take megabytes). The same
command writes the same bytes every time.

Workbooks are ZIP packages written by the small writer below rather than `zipfile`, because the cases need what
`zipfile` refuses to write: sizes that lie, duplicate names, a deflate stream cut short. The password-protected
workbook is an OLE2 compound file (CFB, version 3) holding an `EncryptionInfo` stream (an agile encryption
header, version 4.4) and an `EncryptedPackage` stream, the layout Excel writes for a workbook with a password to
open; its package is random bytes, not the encryption of a real workbook. The `.xls` is the same container with a
`Workbook` stream that starts with a BIFF8 beginning-of-file record.
"""

import base64
import json
import os
import random
import re
import struct
import sys
import zlib

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
WORKBOOK = "Exports/xlsx/central-asia.xlsx"
CSV_TABLE = "Exports/csv/countries.csv"
CAPITALS = "Exports/geojson/central-asia-capitals.geojson"
COUNTRIES = "Exports/geojson/central-asia-countries.geojson"
DATASET = "Fixtures/central-asia/dataset.yaml"

MIB = 1 << 20
# The Memberships sheet of an exported workbook, and the parts the workbook cases add or change.
SHEET = "xl/worksheets/sheet5.xml"
SHARED_STRINGS = "xl/sharedStrings.xml"
RELS = "xl/_rels/workbook.xml.rels"
TYPES = "[Content_Types].xml"


# MARK: ZIP packages


def dos_time():
    """1980-01-01 00:00, as libxlsxwriter writes every entry, so that the same case gives the same bytes."""
    return 0, (0 << 9) | (1 << 5) | 1


def crc32_combine(crc1, crc2, length2):
    """The CRC-32 of A followed by B, from the CRC-32s of A and B and the length of B (zlib's crc32_combine)."""

    def times(matrix, vector):
        total = 0
        index = 0
        while vector:
            if vector & 1:
                total ^= matrix[index]
            vector >>= 1
            index += 1
        return total

    def square(matrix):
        return [times(matrix, row) for row in matrix]

    # The operator that runs a CRC over one zero bit, squared three times: over one zero byte.
    matrix = [0xEDB88320] + [1 << n for n in range(31)]
    for _ in range(3):
        matrix = square(matrix)
    while length2:
        if length2 & 1:
            crc1 = times(matrix, crc1)
        length2 >>= 1
        matrix = square(matrix)
    return crc1 ^ crc2


class ZipWriter:
    """Writes a ZIP package entry by entry, streaming each entry's data; the caller decides what the headers say."""

    def __init__(self, stream):
        self.stream = stream
        self.central = []

    def add(self, name, chunks, level=6, stored=False, declared_size=None):
        """Adds an entry whose data comes as an iterable of byte strings, deflated (or stored) as it streams.
        `declared_size` puts another uncompressed size in the headers than the real one."""
        compressor = None if stored else zlib.compressobj(level, zlib.DEFLATED, -15)
        crc = 0
        size = 0

        def packed():
            nonlocal crc, size
            for chunk in chunks:
                crc = zlib.crc32(chunk, crc)
                size += len(chunk)
                data = chunk if stored else compressor.compress(chunk)
                if data:
                    yield data
            if not stored:
                yield compressor.flush()

        self.add_raw(name, packed(), lambda: (crc, size), method=0 if stored else 8, declared_size=declared_size)

    def add_raw(self, name, compressed, totals, method=8, declared_size=None, declared_compressed=None):
        """Adds an entry from data already compressed; `totals()` gives its CRC-32 and real size once it is written."""
        name = name.encode("utf-8") if isinstance(name, str) else name
        offset = self.stream.tell()
        self.stream.write(b"\0" * (30 + len(name)))
        written = 0
        for chunk in compressed:
            self.stream.write(chunk)
            written += len(chunk)
        crc, size = totals()
        size = size if declared_size is None else declared_size
        written = written if declared_compressed is None else declared_compressed
        if size > 0xFFFFFFFF or written > 0xFFFFFFFF:
            raise SystemExit(f"{name!r}: sizes over 4 GiB need ZIP64, which this writer leaves out")
        end = self.stream.tell()
        mtime, mdate = dos_time()
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, mtime, mdate, crc, written, size, len(name), 0)
        self.stream.seek(offset)
        self.stream.write(header + name)
        self.stream.seek(end)
        self.central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, mtime, mdate, crc, written, size,
                len(name), 0, 0, 0, 0, 0, offset)
            + name)

    def alias(self, name, of):
        """Lists `name` in the central directory with the data of the entry listed as `of`: two entries, one data."""
        old = next(record for record in self.central if record[46:] == of.encode("utf-8"))
        name = name.encode("utf-8")
        self.central.append(old[:28] + struct.pack("<H", len(name)) + old[30:46] + name)

    def close(self):
        start = self.stream.tell()
        for record in self.central:
            self.stream.write(record)
        size = self.stream.tell() - start
        count = len(self.central)
        self.stream.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, size, start, 0))


def read_package(path):
    """The entries of a workbook, in order, as (name, bytes)."""
    import zipfile

    with zipfile.ZipFile(path) as package:
        return [(item.filename, package.read(item.filename)) for item in package.infolist()]


def write_package(output, entries, special=None):
    """Writes `entries` (name, bytes) in order; `special` maps a name to a function that adds that entry itself."""
    special = special or {}
    with open(output, "wb") as stream:
        writer = ZipWriter(stream)
        for name, data in entries:
            if name in special:
                special[name](writer, name, data)
            else:
                writer.add(name, [data])
        writer.close()


def replace_once(data, old, new, where):
    if old not in data:
        raise SystemExit(f"{where} has no {old!r}; is the base an exported RegionKit workbook?")
    return data.replace(old, new, 1)


def edit_parts(base, edits):
    """The entries of `base` with `edits` (name → function of the old bytes) applied; a new name is added."""
    entries = read_package(base)
    names = [name for name, _ in entries]
    result = [(name, edits[name](data) if name in edits else data) for name, data in entries]
    for name, edit in edits.items():
        if name not in names:
            result.append((name, edit(None)))
    return result


def with_shared_strings(base, shared_strings, sheet_edit=None):
    """A workbook with a shared strings part (the exporter writes inline strings only) and its relationship."""
    relationship = (
        b'<Relationship Id="rIdHostile" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    override = (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.sharedStrings+xml"/></Types>')
    edits = {
        RELS: lambda data: replace_once(data, b"</Relationships>", relationship, RELS),
        TYPES: lambda data: replace_once(data, b"</Types>", override, TYPES),
        SHARED_STRINGS: lambda _: shared_strings,
    }
    if sheet_edit:
        edits[SHEET] = sheet_edit
    return edit_parts(base, edits)


def shared_string_cell(index):
    """Turns the Memberships sheet's B2 (an inline string) into a cell that refers to shared string `index`."""

    def edit(data):
        found = re.search(rb'<c r="B2"( s="\d+")? t="inlineStr"><is><t>[^<]*</t></is></c>', data)
        if not found:
            raise SystemExit(f"{SHEET} has no inline string in B2")
        cell = b'<c r="B2"' + (found.group(1) or b"") + b' t="s"><v>%d</v></c>' % index
        return data[: found.start()] + cell + data[found.end():]

    return edit


LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (level, b"".join(b"&lol%s;" % (b"" if level == 1 else b"%d" % (level - 1)) for _ in range(10)))
        for level in range(1, 10))
    + b"]>")
XXE = b'<!DOCTYPE lolz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
SST = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def entity_in_shared_strings(doctype, entity):
    def make(base, output):
        strings = XML_DECLARATION + doctype + SST + b"<si><t>&" + entity + b";</t></si></sst>"
        write_package(output, with_shared_strings(base, strings, shared_string_cell(0)))

    return make


def entity_in_sheet(doctype, entity):
    def make(base, output):
        def edit(data):
            data = replace_once(data, b"<worksheet", doctype + b"<worksheet", SHEET)
            return replace_once(data, b"<t>RUS</t>", b"<t>&" + entity + b";</t>", SHEET)

        write_package(output, edit_parts(base, {SHEET: edit}))

    return make


def zip_bomb(size, lie):
    """The Memberships sheet inflates to `size` bytes: its own XML with spaces inside its sheetData. The compressed
    data is one deflate block of 16 MiB of spaces, compressed once and repeated (each block starts afresh after a
    full flush). With `lie`, the headers declare the size of the real sheet, so that a reader that trusts them is
    misled; otherwise they are true, and only the ratio gives the bomb away."""
    chunk_size = 16 * MIB

    def bomb(writer, name, data):
        head, tail = data.split(b"<sheetData>", 1)
        head += b"<sheetData>"
        repeats = (size - len(head) - len(tail)) // chunk_size
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
        block = compressor.compress(b" " * chunk_size) + compressor.flush(zlib.Z_FULL_FLUSH)
        last = compressor.compress(tail) + compressor.flush()
        block_crc = zlib.crc32(b" " * chunk_size)
        crc = zlib.crc32(head)
        for _ in range(repeats):
            crc = crc32_combine(crc, block_crc, chunk_size)
        crc = crc32_combine(crc, zlib.crc32(tail), len(tail))
        total = len(head) + repeats * chunk_size + len(tail)

        def pieces():
            yield first
            for _ in range(repeats):
                yield block
            yield last

        writer.add_raw(name, pieces(), lambda: (crc, total), declared_size=len(data) if lie else None)

    def make(base, output):
        write_package(output, read_package(base), {SHEET: bomb})

    return make


def truncated(base, output):
    """The first half of a workbook: its central directory is gone."""
    data = open(base, "rb").read()
    open(output, "wb").write(data[: len(data) // 2])


def truncated_entry(base, output):
    """The Memberships sheet's deflate stream stops in the middle of a stored block that claims 65 535 bytes, and
    the sheet is the last entry: the stream runs into the central directory and then the end of the file. The
    central directory itself is intact."""

    def cut(writer, name, data):
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        body = compressor.compress(data[: len(data) // 2]) + compressor.flush(zlib.Z_SYNC_FLUSH)
        # A stored block that is not the last: BFINAL 0, BTYPE 00, then LEN 65535 and its complement.
        body += b"\x00" + struct.pack("<HH", 0xFFFF, 0x0000) + b"cut"
        writer.add_raw(name, [body], lambda: (zlib.crc32(data), len(data)))

    entries = read_package(base)
    entries = [entry for entry in entries if entry[0] != SHEET] + [entry for entry in entries if entry[0] == SHEET]
    write_package(output, entries, {SHEET: cut})


def endless_entry(_, output):
    """A package without `xl/workbook.xml` whose `mimetype` entry is a deflate stream that never ends: a stored
    block claiming 65 535 bytes when the file ends after a few hundred. A reader that inflates until the stream
    ends and feeds it whatever the file still has, instead of stopping at the entry's compressed size, waits for
    ever (ZIPFoundation 0.9.20 does, on Linux)."""
    mimetype = b"application/vnd.oasis.opendocument.spreadsheet"
    stream_cut = b"\x00" + struct.pack("<HH", 0xFFFF, 0x0000) + b"cut"
    with open(output, "wb") as stream:
        writer = ZipWriter(stream)
        writer.add("content.xml", [b"<x/>"])
        writer.add_raw("mimetype", [stream_cut], lambda: (zlib.crc32(mimetype), len(mimetype)))
        writer.close()


def duplicate_entry(base, output):
    """A second `xl/workbook.xml`, naming the sheets in another order: which one a reader takes is up to it."""
    entries = read_package(base)
    workbook = dict(entries)["xl/workbook.xml"]
    other = workbook.replace(b'name="Memberships"', b'name="Memberships (2)"')
    write_package(output, entries + [("xl/workbook.xml", other)])


def overlapping_entries(base, output):
    """A thousand more entries listed with the Memberships sheet's data, as the overlapping zip bomb lists its
    one kernel of compressed data under many names: the package inflates to a thousand times its size."""
    with open(output, "wb") as stream:
        writer = ZipWriter(stream)
        for name, data in read_package(base):
            writer.add(name, [data])
        for number in range(1, 1001):
            writer.alias(f"xl/media/image{number}.bin", SHEET)
        writer.close()


def entry_named(name):
    def make(base, output):
        write_package(output, read_package(base) + [(name, b"written where it should not be\n")])

    return make


def cell_beyond_column(base, output):
    write_package(output, edit_parts(base, {SHEET: lambda data: replace_once(data, b'r="B3"', b'r="XFE3"', SHEET)}))


def cell_beyond_row(base, output):
    row = b'<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>beyond</t></is></c></row></sheetData>'
    write_package(output, edit_parts(base, {SHEET: lambda data: replace_once(data, b"</sheetData>", row, SHEET)}))


def shared_string_out_of_range(base, output):
    strings = XML_DECLARATION + SST + b"<si><t>KAZ</t></si></sst>"
    write_package(output, with_shared_strings(base, strings, shared_string_cell(7)))


def million_empty_rows(base, output):
    """A million empty rows after the last row of the Memberships sheet, as a sheet formatted far down has."""

    def rows(writer, name, data):
        head, tail = data.split(b"</sheetData>", 1)
        last = max(int(number) for number in re.findall(rb'<row r="(\d+)"', head))

        def pieces():
            yield head
            for start in range(last + 1, last + 1_000_001, 10_000):
                yield b"".join(b'<row r="%d"/>' % number for number in range(start, start + 10_000))
            yield b"</sheetData>" + tail

        writer.add(name, pieces())

    write_package(output, read_package(base), {SHEET: rows})


def huge_cell(base, output):
    """One inline string cell of the Memberships sheet (C3) holds 100 MB of text; the text is pseudo-random over
    four letters (deflate shrinks it about 3.6 to 1, as ordinary text), so no ratio check stops it first."""

    def cell(writer, name, data):
        # The cell's style number depends on the order the exporter first used its styles: any is taken.
        found = re.search(rb'<c r="C3" (s="[0-9]+" )?t="inlineStr"><is><t>eaeu</t></is></c>', data)
        if found is None:
            raise SystemExit(f"{SHEET} has no inline string 'eaeu' in C3")
        head, tail = data[: found.start()], data[found.end() :]
        style = found.group(1) or b""

        def pieces():
            yield head + b'<c r="C3" ' + style + b't="inlineStr"><is><t>'
            generator = random.Random(8)
            table = bytes(b"acgt"[byte & 3] for byte in range(256))
            for _ in range(100):
                yield generator.randbytes(1_000_000).translate(table)
            yield b"</t></is></c>" + tail

        writer.add(name, pieces(), level=1)

    write_package(output, read_package(base), {SHEET: cell})


def ods(_, output):
    """An OpenDocument spreadsheet saved with the name of a workbook."""
    content = (
        b'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body>'
        b'<office:spreadsheet><table:table table:name="Countries"><table:table-row><table:table-cell>'
        b"<text:p>id</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>"
        b"</office:body></office:document-content>")
    manifest = (
        b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        b'<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
        b'spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        b"</manifest:manifest>")
    with open(output, "wb") as stream:
        writer = ZipWriter(stream)
        writer.add("mimetype", [b"application/vnd.oasis.opendocument.spreadsheet"], stored=True)
        writer.add("content.xml", [content])
        writer.add("META-INF/manifest.xml", [manifest])
        writer.close()


def csv_as_workbook(_, output):
    with open(os.path.join(ROOT, CSV_TABLE), "rb") as source:
        open(output, "wb").write(source.read())


# MARK: OLE2 compound files (CFB)

FREE, END, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def compound_file(streams):
    """A CFB version 3 file (512-byte sectors) whose root storage holds `streams` (name → bytes). Streams under
    4096 bytes go in the mini stream, as the format requires."""
    sector = 512
    small = [(name, data) for name, data in streams if len(data) < 4096]
    large = [(name, data) for name, data in streams if len(data) >= 4096]

    def sectors_for(size, unit):
        return (size + unit - 1) // unit

    mini = b""
    mini_starts = {}
    mini_fat = []
    for name, data in small:
        start = len(mini) // 64
        count = sectors_for(len(data), 64)
        mini_starts[name] = start
        mini_fat += [start + n + 1 for n in range(count - 1)] + [END]
        mini += data.ljust(count * 64, b"\0")
    entries = [("Root Entry", 5, mini)] + [(name, 2, data) for name, data in streams]

    directory_sectors = sectors_for(len(entries) * 128, sector)
    mini_fat_sectors = sectors_for(len(mini_fat) * 4, sector)
    data_sectors = sectors_for(len(mini), sector) + sum(sectors_for(len(data), sector) for _, data in large)
    fat_sectors = 1
    while fat_sectors * 128 < fat_sectors + directory_sectors + mini_fat_sectors + data_sectors:
        fat_sectors += 1

    fat = [FAT_SECTOR] * fat_sectors
    body = b""

    def chain(count):
        start = len(fat)
        fat.extend(start + n + 1 for n in range(count - 1))
        fat.append(END)
        return start

    directory_start = chain(directory_sectors)
    mini_fat_start = chain(mini_fat_sectors) if mini_fat_sectors else END
    starts = {}
    for name, data in [("Root Entry", mini)] + large:
        count = sectors_for(len(data), sector)
        starts[name] = chain(count) if count else END
        body += data.ljust(count * sector, b"\0")

    def entry(index, name, kind, data):
        encoded = (name + "\0").encode("utf-16-le")
        child = 1 if kind == 5 and len(entries) > 1 else FREE
        # Siblings as a list to the right, ordered by name length then by name, as the format compares them.
        right = index + 1 if 1 <= index < len(entries) - 1 else FREE
        start = starts.get(name, mini_starts.get(name, END))
        return (
            encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", FREE, right, child) + b"\0" * 16 + struct.pack("<I", 0) + b"\0" * 16
            + struct.pack("<IQ", start, len(data)))

    ordered = [entries[0]] + sorted(entries[1:], key=lambda item: (len(item[0]), item[0].upper()))
    entries[:] = ordered
    directory = b"".join(entry(index, name, kind, data) for index, (name, kind, data) in enumerate(entries))
    unused = b"\0" * 68 + struct.pack("<III", FREE, FREE, FREE) + b"\0" * 48
    directory += unused * (directory_sectors * sector // 128 - len(entries))
    mini_fat_bytes = b"".join(struct.pack("<I", value) for value in mini_fat).ljust(mini_fat_sectors * sector, b"\xff")
    fat += [FREE] * (fat_sectors * 128 - len(fat))
    fat_bytes = b"".join(struct.pack("<I", value) for value in fat)

    difat = list(range(fat_sectors)) + [FREE] * (109 - fat_sectors)
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, fat_sectors, directory_start, 0, 4096, mini_fat_start, mini_fat_sectors, END, 0)
        + b"".join(struct.pack("<I", value) for value in difat))
    return header + fat_bytes + directory + mini_fat_bytes + body


def password_protected(_, output):
    info = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption '
        b'xmlns="http://schemas.microsoft.com/office/2006/encryption" '
        b'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" '
        b'blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" '
        b'hashAlgorithm="SHA512" saltValue="' + base64.b64encode(bytes(16)) + b'"/><keyEncryptors><keyEncryptor '
        b'uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" '
        b'saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
        b'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="' + base64.b64encode(bytes(16))
        + b'"/></keyEncryptor></keyEncryptors></encryption>')
    # Version 4.4 (agile encryption), flags 0x40.
    encryption_info = struct.pack("<HHI", 4, 4, 0x40) + info
    generator = random.Random(4)
    package = struct.pack("<Q", 60000) + generator.randbytes(60000 + 16 - 60000 % 16)
    open(output, "wb").write(compound_file([("EncryptionInfo", encryption_info), ("EncryptedPackage", package)]))


def legacy_xls(_, output):
    # A BIFF8 BOF record (type 0x0809): version 0x0600, a workbook globals substream (0x0005), build and year.
    bof = struct.pack("<HHHHHHII", 0x0809, 16, 0x0600, 0x0005, 0x0DBB, 0x07CC, 0x00000041, 0x00000006)
    eof = struct.pack("<HH", 0x000A, 0)
    open(output, "wb").write(compound_file([("Workbook", (bof + eof).ljust(4096, b"\0"))]))


# MARK: YAML


def read_base(base):
    with open(base, "rb") as source:
        return source.read()


def yaml_alias_bomb(_, output):
    """Nine levels of anchors, each a list of ten aliases of the one before: a billion strings once expanded."""
    lines = [b'regionkit: "1"', b'lol0: &lol0 "lol"']
    for level in range(1, 10):
        lines.append(b"lol%d: &lol%d [%s]" % (level, level, b", ".join([b"*lol%d" % (level - 1)] * 10)))
    open(output, "wb").write(b"\n".join(lines) + b"\n")


def yaml_deep(_, output):
    open(output, "wb").write(b'regionkit: "1"\nsources: ' + b"[" * 10_000 + b"]" * 10_000 + b"\n")


def yaml_duplicate_key(base, output):
    data = read_base(base)
    open(output, "wb").write(replace_once(data, b"  name: Kazakhstan\n", b"  name: Kazakhstan\n  name: Qazaqstan\n", base))


def yaml_tabs(base, output):
    data = read_base(base)
    open(output, "wb").write(data.replace(b"\n  ", b"\n\t"))


def yaml_invalid_utf8(base, output):
    data = read_base(base)
    open(output, "wb").write(replace_once(data, b"capital: Bishkek", b"capital: Bi\xffhkek", base))


def yaml_huge_scalar(_, output):
    """A source whose title is one plain scalar of 1 GiB, written a mebibyte at a time."""
    with open(output, "wb") as stream:
        stream.write(b'regionkit: "1"\nsources:\n- id: huge\n  title: ')
        chunk = b"a" * MIB
        for _ in range(1024):
            stream.write(chunk)
        stream.write(b"\n")


# MARK: CSV


def csv_edit(old, new):
    def make(base, output):
        open(output, "wb").write(replace_once(read_base(base), old, new, base))

    return make


def csv_unterminated_quote(base, output):
    data = read_base(base)
    open(output, "wb").write(data + b'XYZ,XY,Nowhere,other,,,,ispi-2019-gusev,"a quote that never ends\n')


def csv_huge_field(base, output):
    """A row whose name field is 100 MB long, written a megabyte at a time."""
    with open(output, "wb") as stream:
        stream.write(read_base(base))
        stream.write(b"XYZ,XY,")
        chunk = b"n" * 1_000_000
        for _ in range(100):
            stream.write(chunk)
        stream.write(b",other,,,,ispi-2019-gusev,a quote\n")


def csv_wide_header(base, output):
    """A header of ten million columns: the table's own, then unnamed ones."""
    data = read_base(base)
    header, rest = data.split(b"\n", 1)
    extra = 10_000_000 - header.count(b",") - 1
    with open(output, "wb") as stream:
        stream.write(header)
        for start in range(0, extra, 1_000_000):
            stream.write(b"," * min(1_000_000, extra - start))
        stream.write(b"\n" + rest)


# MARK: GeoJSON


def geojson_edit(transform):
    def make(base, output):
        layer = json.loads(read_base(base))
        transform(layer["features"][0]["geometry"])
        with open(output, "w", encoding="utf-8") as stream:
            json.dump(layer, stream, ensure_ascii=False, separators=(",", ":"))
            stream.write("\n")

    return make


def string_coordinates(geometry):
    geometry["coordinates"] = [str(value) for value in geometry["coordinates"]]


def two_point_ring(geometry):
    ring = geometry["coordinates"][0][0]
    geometry["coordinates"][0][0] = ring[:2]


def geojson_number(word):
    def make(base, output):
        data = read_base(base)
        open(output, "wb").write(replace_once(data, b"[71.427774,", b"[" + word + b",", base))

    return make


def geojson_deep(_, output):
    open(output, "wb").write(b'{"type":"FeatureCollection","features":' + b"[" * 10_000 + b"]" * 10_000 + b"}\n")


# MARK: Cases

CASES = {
    "xlsx-zip-bomb": (WORKBOOK, zip_bomb(5 << 30, lie=True), "a sheet inflating to 5 GiB, its headers declaring 17 KB"),
    "xlsx-zip-bomb-ratio": (WORKBOOK, zip_bomb(512 * MIB, lie=False), "a sheet inflating to 512 MiB, sizes true"),
    "xlsx-billion-laughs-shared-strings": (WORKBOOK, entity_in_shared_strings(LAUGHS, b"lol9"), "nested entities in sharedStrings.xml"),
    "xlsx-billion-laughs-sheet": (WORKBOOK, entity_in_sheet(LAUGHS, b"lol9"), "nested entities in a worksheet"),
    "xlsx-xxe-shared-strings": (WORKBOOK, entity_in_shared_strings(XXE, b"xxe"), "an external entity in sharedStrings.xml"),
    "xlsx-xxe-sheet": (WORKBOOK, entity_in_sheet(XXE, b"xxe"), "an external entity in a worksheet"),
    "xlsx-truncated": (WORKBOOK, truncated, "the first half of a workbook"),
    "xlsx-truncated-entry": (WORKBOOK, truncated_entry, "a sheet's deflate stream cut short, central directory intact"),
    "xlsx-endless-entry": (None, endless_entry, "an entry whose deflate stream never ends, at the end of the file"),
    "xlsx-duplicate-entry": (WORKBOOK, duplicate_entry, "two entries named xl/workbook.xml"),
    "xlsx-overlapping-entries": (WORKBOOK, overlapping_entries, "a thousand entries sharing one sheet's data"),
    "xlsx-parent-entry": (WORKBOOK, entry_named("../../tmp/regionkit-hostile-parent.txt"), "an entry name with '..'"),
    "xlsx-absolute-entry": (WORKBOOK, entry_named("/tmp/regionkit-hostile-absolute.txt"), "an absolute entry name"),
    "xlsx-shared-string-out-of-range": (WORKBOOK, shared_string_out_of_range, "a cell referring to shared string 7 of 1"),
    "xlsx-cell-beyond-column": (WORKBOOK, cell_beyond_column, "a cell reference XFE3, past column XFD"),
    "xlsx-cell-beyond-row": (WORKBOOK, cell_beyond_row, "a row and cell at 1048577, past Excel's last row"),
    "xlsx-million-empty-rows": (WORKBOOK, million_empty_rows, "a million empty rows after the data"),
    "xlsx-huge-cell": (WORKBOOK, huge_cell, "a 100 MB inline string cell"),
    "xlsx-xls": (None, legacy_xls, "a legacy Excel 97-2003 workbook (OLE2) named .xlsx"),
    "xlsx-ods": (None, ods, "an OpenDocument spreadsheet named .xlsx"),
    "xlsx-csv": (None, csv_as_workbook, "a CSV file named .xlsx"),
    "xlsx-password": (None, password_protected, "a password-protected workbook (OLE2 with EncryptionInfo)"),
    "yaml-alias-bomb": (None, yaml_alias_bomb, "nine levels of nested anchors and aliases"),
    "yaml-deep-nesting": (None, yaml_deep, "a flow sequence nested 10 000 levels deep"),
    "yaml-duplicate-key": (DATASET, yaml_duplicate_key, "a country with two 'name' keys"),
    "yaml-tabs": (DATASET, yaml_tabs, "rows indented with tabs"),
    "yaml-invalid-utf8": (DATASET, yaml_invalid_utf8, "a byte 0xFF in a value"),
    "yaml-huge-scalar": (None, yaml_huge_scalar, "a plain scalar of 1 GiB"),
    "csv-invalid-utf8": (CSV_TABLE, csv_edit(b"Bishkek", b"Bi\xffhkek"), "a byte 0xFF in a cell"),
    "csv-nul": (CSV_TABLE, csv_edit(b"Dushanbe", b"Dush\x00anbe"), "a NUL byte in a cell"),
    "csv-unterminated-quote": (CSV_TABLE, csv_unterminated_quote, "a quoted cell with no closing quote at the end"),
    "csv-huge-field": (CSV_TABLE, csv_huge_field, "a 100 MB cell"),
    "csv-wide-header": (CSV_TABLE, csv_wide_header, "a header row of 10 million columns"),
    "geojson-string-coordinates": (CAPITALS, geojson_edit(string_coordinates), "a point's coordinates as strings"),
    "geojson-two-point-ring": (COUNTRIES, geojson_edit(two_point_ring), "an exterior ring of two positions"),
    "geojson-deep-nesting": (None, geojson_deep, "arrays nested 10 000 levels deep"),
    "geojson-nan": (CAPITALS, geojson_number(b"NaN"), "NaN as a longitude"),
    "geojson-infinity": (CAPITALS, geojson_number(b"-Infinity"), "-Infinity as a longitude"),
}


def main(arguments):
    if arguments == ["--list"]:
        for name, (base, _, what) in CASES.items():
            print(f"{name:36} {what}" + (f" (from {base})" if base else ""))
        return
    if len(arguments) not in (2, 4) or (len(arguments) == 4 and arguments[2] != "--base"):
        raise SystemExit(__doc__)
    name, output = arguments[0], arguments[1]
    if name not in CASES:
        raise SystemExit(f"unknown case {name!r}; make_hostile.py --list lists them")
    base, make, _ = CASES[name]
    if len(arguments) == 4:
        base = arguments[3]
    elif base:
        base = os.path.join(ROOT, base)
    make(base, output)


if __name__ == "__main__":
    main(sys.argv[1:])
