#!/usr/bin/env python3
"""voronoi.py: approximate street/town polygons, a Voronoi split of a
district outline around one centre point per street or town.

    python3 contrib/geo/voronoi.py [-x NAME]... [--min-area KM2] \\
        OUTLINE.geojson CENTRES.csv > REGIONS.geojson

OUTLINE.geojson is a FeatureCollection whose first feature is a Polygon or
MultiPolygon (the district).  CENTRES.csv has the columns name,lng,lat and
optionally code, excluded and comment: with a header line naming them, or
without one in that order.  Lines starting with "#" are skipped.  A centre
whose "excluded" column is not empty (or that is named with -x) still takes
its share of the outline, but that cell is dropped: the area nearest to it
belongs to no region (for example streets that moved to another district
after the outline was drawn).

Each centre's cell is the outline clipped by the half-planes of the
perpendicular bisectors to every other centre.  Every ring is clipped by
every half-plane in turn (Sutherland-Hodgman), and a ring that the line
cuts into several pieces is split into separate polygons rather than
joined by zero-width bridges.  The work is done in a local equirectangular
projection (longitudes scaled by the cosine of the latitude) so that
"nearest" means metres, not degrees.  Parts smaller than --min-area are
dropped as slivers and reported on standard error.

The output is a GeoJSON FeatureCollection in the coordinates of the input
(6 decimals), one MultiPolygon feature per kept centre, in CSV order, with
the properties "name", "code" (null when empty) and "approximate": true.
These polygons are approximate by construction; an office should load its
official boundaries with "bluecode geo-import" instead.

Standard library only.
"""
import argparse
import csv
import json
import math
import sys

# Metres per degree of latitude on a sphere of the mean Earth radius.
M_PER_DEG = 6371008.8 * math.pi / 180
# Values of a line's equation closer to zero than this (metres) count as
# on the line, and are treated as outside it.
EPS = 1e-6
COLUMNS = ["name", "lng", "lat", "code", "excluded", "comment"]


def ring_area(ring):
    """Signed area of an open ring (positive when counter-clockwise)."""
    s = 0.0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        s += x1 * y2 - x2 * y1
    return s / 2


def inside_ring(pt, ring):
    """Even-odd test of a point against an open ring."""
    x, y = pt
    c = False
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        if (y1 > y) != (y2 > y) and \
                x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            c = not c
    return c


def clip(ring, a, b, c):
    """Keep the part of an open ring where a*x + b*y <= c.

    Returns a list of open rings: none when the ring lies outside, the ring
    itself when it lies inside, otherwise the pieces.  The pieces are found
    as in Sutherland-Hodgman (the runs of the ring inside the half-plane,
    each from an entry crossing to an exit crossing), then joined along the
    line: sorted along it, the crossings pair up into the stretches of the
    line inside the ring, and each stretch leads from an exit to an entry.
    """
    f = [a * x + b * y - c for x, y in ring]
    f = [v if abs(v) > EPS else EPS for v in f]
    if all(v <= 0 for v in f):
        return [ring]
    if all(v > 0 for v in f):
        return []
    n = len(ring)
    start = next(i for i in range(n) if f[i] > 0)
    chains = []
    cur = None
    for k in range(n):
        i = (start + k) % n
        j = (i + 1) % n
        p, q = ring[i], ring[j]
        if (f[i] > 0) != (f[j] > 0):
            t = f[i] / (f[i] - f[j])
            x = (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))
            if f[i] > 0:
                cur = [x]
            else:
                cur.append(x)
                chains.append(cur)
                cur = None
        if f[j] <= 0 and cur is not None:
            cur.append(q)
    # Position along the line, and pairing of crossings into stretches.
    pos = []
    for ci, ch in enumerate(chains):
        pos.append((-b * ch[0][0] + a * ch[0][1], ci, "entry"))
        pos.append((-b * ch[-1][0] + a * ch[-1][1], ci, "exit"))
    pos.sort()
    partner = {}
    for k in range(0, len(pos) - 1, 2):
        (_, c1, k1), (_, c2, k2) = pos[k], pos[k + 1]
        if k1 == k2:
            # Not a simple ring: fall back to a single ring, as
            # Sutherland-Hodgman itself would return.
            return [[p for ch in chains for p in ch]]
        if k1 == "exit":
            partner[c1] = c2
        else:
            partner[c2] = c1
    out = []
    used = set()
    for ci in range(len(chains)):
        if ci in used:
            continue
        piece = []
        k = ci
        while k not in used:
            used.add(k)
            piece.extend(chains[k])
            k = partner.get(k, ci)
        out.append(piece)
    return out


def tidy(ring):
    """Drop repeated points; None when fewer than three are left."""
    out = []
    for p in ring:
        if not out or math.hypot(p[0] - out[-1][0], p[1] - out[-1][1]) > 1e-3:
            out.append(p)
    while len(out) > 1 and math.hypot(out[0][0] - out[-1][0],
                                      out[0][1] - out[-1][1]) <= 1e-3:
        out.pop()
    return out if len(out) >= 3 else None


def read_centres(path, exclude):
    """Rows of CENTRES.csv as dicts with the keys of COLUMNS."""
    rows = []
    header = None
    with open(path, encoding="utf-8", newline="") as fp:
        for rec in csv.reader(fp):
            if not rec or not rec[0].strip() or rec[0].lstrip().startswith("#"):
                continue
            rec = [v.strip() for v in rec]
            if header is None:
                try:
                    float(rec[1])
                    header = COLUMNS
                except (IndexError, ValueError):
                    header = rec
                    if not {"name", "lng", "lat"} <= set(header):
                        sys.exit("%s: the header needs name, lng and lat"
                                 % path)
                    continue
            row = dict(zip(header, rec))
            try:
                row["lng"] = float(row["lng"])
                row["lat"] = float(row["lat"])
            except (KeyError, ValueError):
                sys.exit("%s: bad line %s" % (path, ",".join(rec)))
            row["excluded"] = bool(row.get("excluded")) or \
                row["name"] in exclude
            rows.append(row)
    if len(rows) < 2:
        sys.exit("%s: at least two centres are needed" % path)
    return rows


def read_outline(path):
    """Polygons (lists of rings, outer first) of the first feature."""
    with open(path, encoding="utf-8") as fp:
        doc = json.load(fp)
    if doc.get("type") == "FeatureCollection":
        doc = doc["features"][0]
    geom = doc.get("geometry", doc)
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    if geom["type"] == "MultiPolygon":
        return geom["coordinates"]
    sys.exit("%s: not a Polygon or MultiPolygon" % path)


def cell(polys, pts, i, min_area, name):
    """The parts of the outline nearer to pts[i] than to any other."""
    px, py = pts[i]
    halfplanes = []
    for j, (qx, qy) in enumerate(pts):
        if j == i:
            continue
        # Nearer to p than to q: 2(q - p).x <= |q|^2 - |p|^2.
        halfplanes.append((2 * (qx - px), 2 * (qy - py),
                           qx * qx + qy * qy - px * px - py * py))
    parts = []
    for poly in polys:
        outers = [poly[0]]
        holes = list(poly[1:])
        for a, b, c in halfplanes:
            outers = [r for o in outers for r in clip(o, a, b, c)]
            holes = [r for h in holes for r in clip(h, a, b, c)]
        outers = [r for r in map(tidy, outers) if r]
        holes = [r for r in map(tidy, holes) if r]
        for o in outers:
            area = abs(ring_area(o)) / 1e6
            if area < min_area:
                print("%s: dropped a sliver of %.4f km2" % (name, area),
                      file=sys.stderr)
                continue
            mine = [h for h in holes if inside_ring(h[0], o)]
            parts.append([o] + mine)
    return parts


def to_lnglat(ring, outer, proj):
    """An open projected ring as a closed GeoJSON ring, wound per RFC 7946."""
    if (ring_area(ring) > 0) != outer:
        ring = ring[::-1]
    out = []
    for p in ring:
        q = proj(p)
        if not out or q != out[-1]:
            out.append(q)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out + [out[0]]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outline")
    ap.add_argument("centres")
    ap.add_argument("-x", "--exclude", action="append", default=[],
                    metavar="NAME", help="drop the cell of this centre")
    ap.add_argument("--min-area", type=float, default=0.01, metavar="KM2",
                    help="drop parts smaller than this (default 0.01 km2)")
    args = ap.parse_args()

    polys = read_outline(args.outline)
    rows = read_centres(args.centres, set(args.exclude))
    lngs = [p[0] for poly in polys for p in poly[0]]
    lats = [p[1] for poly in polys for p in poly[0]]
    lng0 = (min(lngs) + max(lngs)) / 2
    lat0 = (min(lats) + max(lats)) / 2
    kx = math.cos(math.radians(lat0)) * M_PER_DEG

    def fwd(p):
        return ((p[0] - lng0) * kx, (p[1] - lat0) * M_PER_DEG)

    def back(p):
        return [round(p[0] / kx + lng0, 6), round(p[1] / M_PER_DEG + lat0, 6)]

    ppolys = [[[fwd(p) for p in ring[:-1]] for ring in poly]
              for poly in polys]
    pts = [fwd((r["lng"], r["lat"])) for r in rows]
    feats = []
    for i, r in enumerate(rows):
        if not any(inside_ring(pts[i], poly[0]) for poly in ppolys):
            print("%s: centre outside the outline" % r["name"],
                  file=sys.stderr)
        if r["excluded"]:
            continue
        parts = cell(ppolys, pts, i, args.min_area, r["name"])
        if not parts:
            print("%s: no area left, no feature" % r["name"], file=sys.stderr)
            continue
        coords = [[to_lnglat(ring, k == 0, back) for k, ring in enumerate(p)]
                  for p in parts]
        feats.append({"type": "Feature",
                      "properties": {"name": r["name"],
                                     "code": r.get("code") or None,
                                     "approximate": True},
                      "geometry": {"type": "MultiPolygon",
                                   "coordinates": coords}})
    sys.stdout.write('{"type":"FeatureCollection","features":[\n')
    sys.stdout.write(",\n".join(json.dumps(f, ensure_ascii=False,
                                           separators=(",", ":"))
                                for f in feats))
    sys.stdout.write("\n]}\n")


if __name__ == "__main__":
    main()
