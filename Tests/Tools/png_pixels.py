#!/usr/bin/env python3
"""Prints the colour of pixels of a PNG file, one '#rrggbb' per 'x,y' argument, using only the standard library.

Usage: png_pixels.py FILE X,Y [X,Y ...]
Reads 8-bit RGB or RGBA PNGs without interlacing (what rsvg-convert writes); exits 2 on anything else.
"""
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG file")
    offset, idat, header = 8, b"", None
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind = data[offset + 4:offset + 8]
        body = data[offset + 8:offset + 8 + length]
        offset += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    if header is None:
        sys.exit(f"{path}: no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        print(f"{path}: unsupported PNG (bit depth {depth}, colour type {colour}, interlace {interlace})", file=sys.stderr)
        sys.exit(2)
    channels = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, position = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else up_left)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(line)
        previous = line
    return width, height, channels, rows


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    width, height, channels, rows = read_png(sys.argv[1])
    for argument in sys.argv[2:]:
        x, y = (int(part) for part in argument.split(","))
        if not (0 <= x < width and 0 <= y < height):
            sys.exit(f"pixel {x},{y} is outside the {width}x{height} image")
        pixel = rows[y][x * channels:x * channels + 3]
        print("#%02x%02x%02x" % tuple(pixel))


if __name__ == "__main__":
    main()
