"""The cell stream shared by the XLSX export peers: every cell of every sheet of a workbook, in order.

Little-endian records after the 8-byte header ``RKCELLS1`` (Benchmarks/c/xlsx_constant_memory.c reads the same):

- ``S`` u32 length, UTF-8 name: a new sheet
- ``n`` u32 row, u16 column, f64: a number
- ``d`` u32 row, u16 column, f64: a date, as an Excel serial number
- ``s`` u32 row, u16 column, u32 length, UTF-8 bytes: a text
"""

import struct

HEADER = b"RKCELLS1"
_U32 = struct.Struct("<I")
_CELL = struct.Struct("<IH")
_F64 = struct.Struct("<d")


class CellWriter:
    """Writes a cell stream to a binary file."""

    def __init__(self, file):
        self.file = file
        file.write(HEADER)

    def sheet(self, name):
        data = name.encode("utf-8")
        self.file.write(b"S" + _U32.pack(len(data)) + data)

    def number(self, row, column, value):
        self.file.write(b"n" + _CELL.pack(row, column) + _F64.pack(value))

    def date(self, row, column, serial):
        self.file.write(b"d" + _CELL.pack(row, column) + _F64.pack(serial))

    def text(self, row, column, value):
        data = value.encode("utf-8")
        self.file.write(b"s" + _CELL.pack(row, column) + _U32.pack(len(data)) + data)


def read(file):
    """Yields ('S', name) for a sheet and (kind, row, column, value) for a cell, kind being 'n', 'd' or 's'."""
    if file.read(8) != HEADER:
        raise ValueError("not a cell stream")
    read = file.read
    while True:
        kind = read(1)
        if not kind:
            return
        if kind == b"S":
            (length,) = _U32.unpack(read(4))
            yield ("S", read(length).decode("utf-8"))
            continue
        row, column = _CELL.unpack(read(6))
        if kind == b"s":
            (length,) = _U32.unpack(read(4))
            yield ("s", row, column, read(length).decode("utf-8"))
        elif kind == b"n" or kind == b"d":
            (value,) = _F64.unpack(read(8))
            yield (kind.decode(), row, column, value)
        else:
            raise ValueError(f"unknown record {kind!r}")
