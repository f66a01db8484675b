#!/usr/bin/env python3
"""Approximate street/town polygons: split a district outline by Voronoi
cells around representative points, one cell per street or town.

    voronoi.py OUTLINE.geojson CENTRES.csv > REGIONS.geojson

CENTRES.csv: name,lng,lat[,kind] with kind "excluded" for points whose
cells are cut away (areas inside the outline that belong elsewhere now).
Each cell is the outline clipped by the half-planes of the perpendicular
bisectors to every other point (Sutherland-Hodgman per ring), computed in
a local equirectangular projection so that "nearest" means metres. The
result is approximate by construction: an office should load its official
boundaries with "bluecode geo-import" instead.
"""
import csv
import json
import math
import sys


def clip(ring, a, b, c):
    """Keep the part of a closed ring where a*x + b*y <= c."""
    out = []
    n = len(ring)
    for i in range(n):
        p, q = ring[i], ring[(i + 1) % n]
        fp = a * p[0] + b * p[1] - c
        fq = a * q[0] + b * q[1] - c
        if fp <= 0:
            out.append(p)
        if (fp < 0 < fq) or (fq < 0 < fp):
            t = fp / (fp - fq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


def area(ring):
    return abs(sum(ring[i][0] * ring[(i + 1) % len(ring)][1] -
                   ring[(i + 1) % len(ring)][0] * ring[i][1]
                   for i in range(len(ring)))) / 2


def main():
    outline = json.load(open(sys.argv[1], encoding="utf-8"))
    geom = outline["features"][0]["geometry"]
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    rows = [r for r in csv.reader(open(sys.argv[2], encoding="utf-8"))
            if r and not r[0].startswith("#") and r[0] != "name"]
    lat0 = sum(float(r[2]) for r in rows) / len(rows)
    kx = math.cos(math.radians(lat0))
    pts = [(float(r[1]) * kx, float(r[2])) for r in rows]
    feats = []
    for i, r in enumerate(rows):
        if len(r) > 3 and r[3] == "excluded":
            continue
        parts = []
        for poly in polys:
            ring = [(x * kx, y) for x, y in poly[0][:-1]]
            for j, p in enumerate(pts):
                if j == i or not ring:
                    continue
                # Closer to pts[i] than to p: 2(p - pi)·x <= |p|^2 - |pi|^2
                a = 2 * (p[0] - pts[i][0])
                b = 2 * (p[1] - pts[i][1])
                c = p[0] ** 2 + p[1] ** 2 - pts[i][0] ** 2 - pts[i][1] ** 2
                ring = clip(ring, a, b, c)
            if len(ring) >= 3 and area(ring) > 1e-7:
                coords = [[round(x / kx, 6), round(y, 6)] for x, y in ring]
                parts.append([coords + [coords[0]]])
        if not parts:
            print("no area left for %s" % r[0], file=sys.stderr)
            continue
        feats.append({"type": "Feature",
                      "properties": {"name": r[0], "approximate": True},
                      "geometry": {"type": "MultiPolygon", "coordinates": parts}})
    json.dump({"type": "FeatureCollection", "features": feats}, sys.stdout,
              ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
