"""Prints what a PNG screenshot shows, coarsely: its size, how many
distinct colours it has and the share of pixels that are not the page's
background (the most common colour). A blank page has one colour.

  png_stats.py FILE   ->  "960x1200, 37 colours, 12.5% ink: not blank"

"blank" when the page has fewer than 8 colours or less than 0.5% ink.
"""
import struct
import sys
import zlib
from collections import Counter


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def pixels(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or interlace or colour not in (2, 6):
        sys.exit(f"{path}: only 8-bit RGB or RGBA, not interlaced")
    step = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * step
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up = previous[i]
            corner = previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                line[i] = (line[i] + paeth(left, up, corner)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, step, rows


def main():
    width, height, step, rows = pixels(sys.argv[1])
    colours = Counter()
    for row in rows:
        for x in range(0, len(row), step):
            colours[row[x:x + 3]] += 1
    background = colours.most_common(1)[0][1]
    ink = 100.0 * (width * height - background) / (width * height)
    blank = len(colours) < 8 or ink < 0.5
    print(f"{width}x{height}, {len(colours)} colours, {ink:.1f}% ink: "
          f"{'blank' if blank else 'not blank'}")


if __name__ == "__main__":
    main()
