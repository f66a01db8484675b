#!/usr/bin/env python3
"""check.py: sanity checks for the approximate street/town polygons.

    python3 contrib/geo/check.py REGIONS.geojson CENTRES.csv OUTLINE.geojson \\
        [README.md]

Checks, printed as TAP:
  * the Xiaoshan test points ("XS-IN-*" inside some region, "XS-OUT-*" in
    none), read from the table of the shared reference data's README.md
    when it is given, else from the copy below; each both as a GCJ-02 point
    and as a browser position (WGS-84, converted to GCJ-02 as the server
    does);
  * every centre that is not excluded lies in its own region, and every
    excluded centre in none;
  * regions do not overlap and stay inside the outline: on a grid of
    points over the outline, each point lies in at most one region, and
    none lies in a region but outside the outline.
Then it prints the area of each region and its share of the outline.
Exits 1 when a check fails.  Standard library only.
"""
import csv
import json
import math
import re
import sys
import unicodedata

# The Xiaoshan rows of the test-point table in the shared reference data
# (data/geo/README.md, "Test points for point-in-polygon checks"), GCJ-02.
POINTS = [
    ("XS-IN-1", 120.2700, 30.1700), ("XS-IN-2", 120.3400, 30.1950),
    ("XS-IN-3", 120.2500, 30.0450), ("XS-IN-4", 120.2000, 30.0200),
    ("XS-IN-5", 120.2900, 30.0100), ("XS-IN-6", 120.5500, 30.2250),
    ("XS-OUT-1", 120.246863, 29.708692), ("XS-OUT-2", 120.495085, 30.081929),
    ("XS-OUT-3", 119.960076, 30.048692),
]
GRID = 300
M_PER_DEG = 6371008.8 * math.pi / 180

ntest = 0
failed = 0


def ok(cond, msg):
    global ntest, failed
    ntest += 1
    print("%sok %d - %s" % ("" if cond else "not ", ntest, msg))
    if not cond:
        failed += 1


def wgs84_to_gcj02(lng, lat):
    """The published GCJ-02 shift, as fcgi/shared/geo.c computes it."""
    if not (72.004 <= lng <= 137.8347 and 0.8293 <= lat <= 55.8271):
        return lng, lat
    a, ee = 6378245.0, 0.00669342162296594323
    x, y = lng - 105.0, lat - 35.0
    s = (20 * math.sin(6 * x * math.pi) + 20 * math.sin(2 * x * math.pi)) * 2 / 3
    dlat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + \
        0.2 * math.sqrt(abs(x)) + s + \
        (20 * math.sin(y * math.pi) + 40 * math.sin(y / 3 * math.pi)) * 2 / 3 + \
        (160 * math.sin(y / 12 * math.pi) + 320 * math.sin(y * math.pi / 30)) * 2 / 3
    dlng = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + \
        0.1 * math.sqrt(abs(x)) + s + \
        (20 * math.sin(x * math.pi) + 40 * math.sin(x / 3 * math.pi)) * 2 / 3 + \
        (150 * math.sin(x / 12 * math.pi) + 300 * math.sin(x / 30 * math.pi)) * 2 / 3
    rad = lat / 180 * math.pi
    magic = 1 - ee * math.sin(rad) ** 2
    dlat = dlat * 180 / (a * (1 - ee) / (magic * math.sqrt(magic)) * math.pi)
    dlng = dlng * 180 / (a / math.sqrt(magic) * math.cos(rad) * math.pi)
    return lng + dlng, lat + dlat


def in_ring(x, y, ring):
    c = False
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        if (y1 > y) != (y2 > y) and \
                x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            c = not c
    return c


class Shape:
    """A MultiPolygon with a bounding box, for point-in-polygon tests."""

    def __init__(self, name, coords):
        self.name = name
        self.polys = coords
        pts = [p for poly in coords for p in poly[0]]
        self.box = (min(p[0] for p in pts), min(p[1] for p in pts),
                    max(p[0] for p in pts), max(p[1] for p in pts))

    def contains(self, x, y):
        b = self.box
        if not (b[0] <= x <= b[2] and b[1] <= y <= b[3]):
            return False
        for poly in self.polys:
            if in_ring(x, y, poly[0]) and \
                    not any(in_ring(x, y, h) for h in poly[1:]):
                return True
        return False

    def area(self):
        """Area in km2, in the sinusoidal projection (equal-area)."""
        s = 0.0
        for poly in self.polys:
            for n, ring in enumerate(poly):
                r = [(x * math.cos(math.radians(y)), y) for x, y in ring]
                a = sum(r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1]
                        for i in range(len(r) - 1)) / 2
                s += abs(a) if n == 0 else -abs(a)
        return s * M_PER_DEG ** 2 / 1e6


def load_shapes(path):
    with open(path, encoding="utf-8") as fp:
        doc = json.load(fp)
    out = []
    for f in doc["features"]:
        g = f["geometry"]
        coords = g["coordinates"] if g["type"] == "MultiPolygon" \
            else [g["coordinates"]]
        out.append(Shape(f["properties"].get("name"), coords))
    return out, doc


def read_points(readme):
    """The XS-* rows of the README's test-point table."""
    pts = []
    with open(readme, encoding="utf-8") as fp:
        for line in fp:
            m = re.match(r"\|\s*(XS-(?:IN|OUT)-\d+)\s*\|\s*([\d.]+)\s*\|"
                         r"\s*([\d.]+)\s*\|", line)
            if m:
                pts.append((m.group(1), float(m.group(2)), float(m.group(3))))
    return pts


def read_centres(path):
    rows = []
    with open(path, encoding="utf-8", newline="") as fp:
        lines = [l for l in fp if l.strip() and not l.startswith("#")]
    for r in csv.DictReader(lines):
        rows.append((r["name"], float(r["lng"]), float(r["lat"]),
                     bool((r.get("excluded") or "").strip())))
    return rows


def pad(name, width=16):
    """The name padded to a column width, Chinese characters counting two."""
    w = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1
            for ch in name)
    return name + " " * max(0, width - w)


def where(shapes, x, y):
    return [s.name for s in shapes if s.contains(x, y)]


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__.split("\n\n")[1])
    shapes, doc = load_shapes(sys.argv[1])
    centres = read_centres(sys.argv[2])
    outline = load_shapes(sys.argv[3])[0][0]
    points = read_points(sys.argv[4]) if len(sys.argv) == 5 else POINTS
    print("# %d regions in %s" % (len(shapes), sys.argv[1]))
    ok(len(points) == 9, "%d Xiaoshan test points" % len(points))
    for f in doc["features"]:
        p = f["properties"]
        ok(p.get("approximate") is True and "code" in p and
           (p["code"] is None or re.fullmatch(r"\d{12}", p["code"])),
           "%s: approximate, code %s" % (p.get("name"), p.get("code")))

    for pid, lng, lat in points:
        for label, (x, y) in (("GCJ-02", (lng, lat)),
                              ("as WGS-84", wgs84_to_gcj02(lng, lat))):
            got = where(shapes, x, y)
            if "-IN-" in pid:
                ok(len(got) == 1, "%s %s (%.6f %.6f) in %s" %
                   (pid, label, x, y, "/".join(got) or "no region"))
            else:
                ok(not got, "%s %s (%.6f %.6f) in no region%s" %
                   (pid, label, x, y, (": " + "/".join(got)) if got else ""))

    for name, lng, lat, excluded in centres:
        got = where(shapes, lng, lat)
        if excluded:
            ok(not got, "excluded centre %s in no region" % name)
        else:
            ok(got == [name], "centre of %s in its own region%s" %
               (name, "" if got == [name] else ": " + "/".join(got)))

    b = outline.box
    n = inside = covered = multi = stray = 0
    for i in range(GRID):
        for j in range(GRID):
            x = b[0] + (b[2] - b[0]) * (i + 0.5) / GRID
            y = b[1] + (b[3] - b[1]) * (j + 0.5) / GRID
            n += 1
            got = where(shapes, x, y)
            io = outline.contains(x, y)
            inside += io
            covered += bool(got)
            multi += len(got) > 1
            stray += bool(got) and not io
    ok(multi == 0, "grid of %d points: %d in more than one region" %
       (n, multi))
    ok(stray == 0, "grid: %d in a region but outside the outline" % stray)
    print("# grid: %d points inside the outline, %d of them in a region "
          "(%.1f%%), %d in none (the excluded area, and slivers)" %
          (inside, covered, 100.0 * covered / inside, inside - covered))

    total = outline.area()
    print("# %s %9s %7s" % (pad("region"), "km2", "share"))
    s = 0.0
    for sh in shapes:
        a = sh.area()
        s += a
        print("# %s %9.2f %6.1f%%" % (pad(sh.name), a, 100 * a / total))
    print("# %s %9.2f %6.1f%%" % (pad("all regions"), s, 100 * s / total))
    print("# %s %9.2f %6.1f%%" % (pad("outline"), total, 100.0))
    print("1..%d" % ntest)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
