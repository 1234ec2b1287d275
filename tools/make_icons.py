#!/usr/bin/env python3
"""Draws Klik's app icons (public/icons/*.png) from the same shapes as public/favicon.svg.

Plain Python (zlib only, no Pillow): each pixel's coverage comes from the distance to the
shapes, which gives smooth edges without supersampling. Run it again after changing the
design; the PNGs are committed, so a build never needs Python.

    python3 tools/make_icons.py
"""

import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "public", "icons")

# --color-primary and --color-on-primary in style/main.css.
PRIMARY = (0x1F, 0x5F, 0x5B)
WHITE = (0xFF, 0xFF, 0xFF)


def cubic(p0, p1, p2, p3, steps=48):
    pts = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        x = u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0]
        y = u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]
        pts.append((x, y))
    return pts


def shoulders(dx):
    """`M12 52c2-9 8-13 12-13s10 4 12 13`, moved right by dx (viewBox units)."""
    a = cubic((12 + dx, 52), (14 + dx, 43), (20 + dx, 39), (24 + dx, 39))
    b = cubic((24 + dx, 39), (28 + dx, 39), (34 + dx, 43), (36 + dx, 52))
    return a + b[1:]


CURVES = [shoulders(0), shoulders(16)]


def segment_distance(px, py, ax, ay, bx, by):
    vx, vy = bx - ax, by - ay
    wx, wy = px - ax, py - ay
    t = max(0.0, min(1.0, (wx * vx + wy * vy) / (vx * vx + vy * vy)))
    dx, dy = wx - t * vx, wy - t * vy
    return math.hypot(dx, dy)


def polyline_distance(px, py, pts):
    best = float("inf")
    for (ax, ay), (bx, by) in zip(pts, pts[1:]):
        # Cheap rejection before the exact distance.
        if min(abs(px - ax), abs(px - bx)) > best and not (min(ax, bx) <= px <= max(ax, bx)):
            continue
        d = segment_distance(px, py, ax, ay, bx, by)
        if d < best:
            best = d
    return best


def rounded_rect_sd(px, py, size, radius):
    """Signed distance to a size×size square with rounded corners, origin at its corner."""
    half = size / 2
    qx = abs(px - half) - (half - radius)
    qy = abs(py - half) - (half - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    inside = min(max(qx, qy), 0.0)
    return outside + inside - radius


def coverage(sd, pixel):
    """0..1 from a signed distance (negative inside), with a one-pixel soft edge."""
    return max(0.0, min(1.0, 0.5 - sd / pixel))


def draw(size, radius, scale):
    """RGBA rows. `radius`: the background's corner radius in viewBox units (0: full bleed);
    `scale`: the figure's size relative to the favicon (smaller for maskable icons)."""
    unit = size / 64.0  # pixels per viewBox unit
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            # Pixel centre in viewBox units, and in the figure's own (scaled) units.
            vx, vy = (x + 0.5) / unit, (y + 0.5) / unit
            fx, fy = 32 + (vx - 32) / scale, 32 + (vy - 32) / scale
            px_in_figure = 1 / (unit * scale)  # one pixel, in figure units
            if radius > 0:
                bg = coverage(rounded_rect_sd(vx, vy, 64, radius), 1 / unit)
            else:
                bg = 1.0
            # The filled head on the left, the ring on the right.
            white = coverage(math.hypot(fx - 24, fy - 26) - 9, px_in_figure)
            ring = abs(math.hypot(fx - 40, fy - 26) - 9) - 2
            white = max(white, coverage(ring, px_in_figure))
            if 9 <= fx <= 55 and 36 <= fy <= 55:
                for curve in CURVES:
                    d = polyline_distance(fx, fy, curve) - 2
                    white = max(white, coverage(d, px_in_figure))
            # Straight (not premultiplied) colour; the alpha is the background's edge.
            r, g, b = (round(p * (1 - white) + w * white) for p, w in zip(PRIMARY, WHITE))
            row += bytes((r, g, b, round(255 * bg)))
        rows.append(bytes(row))
    return rows


def png(path, size, rows, opaque):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    if opaque:
        raw = b"".join(
            b"\x00" + bytes(b for i, b in enumerate(row) if i % 4 != 3) for row in rows
        )
        colour_type = 2  # RGB
    else:
        raw = b"".join(b"\x00" + row for row in rows)
        colour_type = 6  # RGBA
    header = struct.pack(">IIBBBBB", size, size, 8, colour_type, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )
    with open(path, "wb") as f:
        f.write(data)
    print(f"{os.path.relpath(path)}: {size}x{size}, {len(data)} bytes")


def main():
    os.makedirs(OUT, exist_ok=True)
    # name, size, corner radius (viewBox units), figure scale, opaque
    icons = [
        ("icon-192.png", 192, 14, 1.0, False),
        ("icon-512.png", 512, 14, 1.0, False),
        # Maskable: full bleed, the figure inside the safe circle (80% of the size).
        ("icon-maskable-512.png", 512, 0, 0.72, True),
        ("icon-maskable-192.png", 192, 0, 0.72, True),
        # iOS rounds the corners itself and wants no transparency.
        ("apple-touch-icon.png", 180, 0, 0.85, True),
    ]
    for name, size, radius, scale, opaque in icons:
        png(os.path.join(OUT, name), size, draw(size, radius, scale), opaque)


if __name__ == "__main__":
    main()
