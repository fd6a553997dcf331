"""Build the directory's country map from Natural Earth borders (run: `make country-map`).

Reads the TopoJSON of Natural Earth's 1:50m countries that the npm package
``world-atlas`` ships (node_modules/world-atlas/countries-50m.json; Natural
Earth is in the public domain, world-atlas is ISC-licensed), keeps the
Western Balkans and their neighbours, projects them, simplifies the lines
and writes SVG path data to initiatives/map/countries.json, which the
server renders (initiatives/country_map.py). The output is committed so a
clone without npm still has the map; tests/test_country_map.py checks that
it is what this script makes from the installed package.

Standard library only; deterministic output.
"""

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"
OUTPUT = ROOT / "initiatives" / "map" / "countries.json"

# ISO 3166-1 numeric (world-atlas ids) -> alpha-2 (the taxonomy's codes).
# Kosovo has no numeric code: world-atlas names it instead.
COUNTRIES = {
    "008": "AL", "070": "BA", "499": "ME", "807": "MK", "688": "RS",
    "191": "HR", "705": "SI", "348": "HU", "642": "RO", "100": "BG",
    "300": "GR", "380": "IT", "040": "AT", "792": "TR", "703": "SK",
    "804": "UA", "498": "MD",
}  # fmt: skip
BY_NAME = {"Kosovo": "XK"}

# What the map shows (degrees), and the projection's reference latitude.
WEST, EAST, SOUTH, NORTH = 13.0, 29.5, 38.8, 47.2
MARGIN = 1.5
WIDTH = 600.0
TOLERANCE = 1.0  # simplification, in output units (1 is a CSS pixel at full width)


def decode_arcs(topology):
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def project(lon, lat):
    k = WIDTH / ((EAST - WEST) * math.cos(math.radians((NORTH + SOUTH) / 2)))
    x = (lon - WEST) * math.cos(math.radians((NORTH + SOUTH) / 2)) * k
    y = (NORTH - lat) * k
    return x, y


def clamp(lon, lat):
    """Points beyond the map (plus a margin) are pulled to its edge, out of sight."""
    return (
        min(max(lon, WEST - MARGIN), EAST + MARGIN),
        min(max(lat, SOUTH - MARGIN), NORTH + MARGIN),
    )


def simplify(points, tolerance):
    """Ramer-Douglas-Peucker on a closed ring."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        (x1, y1), (x2, y2) = points[start], points[end]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, distance = None, tolerance
        for i in range(start + 1, end):
            x0, y0 = points[i]
            if length:
                d = abs((x2 - x1) * (y1 - y0) - (x1 - x0) * (y2 - y1)) / length
            else:
                d = math.hypot(x0 - x1, y0 - y1)
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack.extend([(start, farthest), (farthest, end)])
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def area_and_centroid(points):
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    area /= 2
    if not area:
        return 0.0, points[0]
    return abs(area), (cx / (6 * area), cy / (6 * area))


def path_data(rings):
    """SVG path data, as short as it can be: whole units (a CSS pixel at the
    map's widest), each ring one absolute move and then relative lines
    (small numbers, no commas, a minus sign doubling as the separator). The
    map is inline in the directory's HTML, which must stay within the first
    round trip of a slow connection (bench/wire.py)."""
    parts = []
    for ring in rings:
        (x, y), steps = ring[0], []
        for next_x, next_y in ring[1:]:
            steps.append(f"{next_x - x} {next_y - y}")
            x, y = next_x, next_y
        parts.append(f"M{ring[0][0]} {ring[0][1]}l{' '.join(steps)}z".replace(" -", "-"))
    return "".join(parts)


def build(topology):
    arcs = decode_arcs(topology)
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = COUNTRIES.get(geometry.get("id")) or BY_NAME.get(geometry["properties"]["name"])
        if code is None:
            continue
        rings, label, largest = [], None, 0.0
        for polygon in polygons_of(geometry):
            for number, ring in enumerate(polygon):
                points = [project(*clamp(*point)) for point in ring_points(ring, arcs)]
                points = simplify(points, TOLERANCE)
                points = [(round(x), round(y)) for x, y in points]
                points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
                if len(points) < 4:
                    continue
                rings.append(points)
                area, centre = area_and_centroid(points)
                if number == 0 and area > largest:
                    largest, label = area, centre
        if rings:
            countries[code] = {
                "path": path_data(rings),
                "label": [round(label[0]), round(label[1])],
            }
    height = project(WEST, SOUTH)[1]
    return {
        "source": "Natural Earth 1:50m countries (public domain), via world-atlas",
        "view_box": f"0 0 {WIDTH:.0f} {height:.0f}",
        "countries": dict(sorted(countries.items())),
    }


def main():
    if not SOURCE.exists():
        sys.exit(f"{SOURCE} is missing: run `npm ci` (make install) first")
    data = build(json.loads(SOURCE.read_text()))
    OUTPUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(data['countries'])} countries")


if __name__ == "__main__":
    main()
