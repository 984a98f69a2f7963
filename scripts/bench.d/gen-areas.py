#!/usr/bin/env python3
"""Writes a routing.conf with many areas for scripts/bench.d/areas (deterministic).

Usage: gen-areas.py BASE.conf OUT_DIR AREAS VERTICES STREETS

OUT_DIR gets plain.conf (BASE without its [area] sections), areas.conf (the same plus AREAS
areas over the Netherlands, each with a GeoJSON polygon of VERTICES corners whose borders its
neighbours share exactly, a postcode range, a street file (STREETS names in all) and a place
name, one area team per area and an outside team), the area files under areas/, and the
points and addresses a message may name: points.tsv (lat, lon) and addresses.tsv."""
import json
import math
import os
import random
import re
import sys

base, out, areas, vertices, streets = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
os.makedirs(os.path.join(out, "areas"), exist_ok=True)
text = open(base, encoding="utf-8").read()
# BASE without its [area] sections: each runs to the next section header.
plain = re.sub(r"(?ms)^\[area [^\]]*\].*?(?=^\[)", "", text + "\n[end]")[: -len("[end]")]
open(os.path.join(out, "plain.conf"), "w", encoding="utf-8").write(plain)

columns = math.ceil(math.sqrt(areas * 1.4))
rows = math.ceil(areas / columns)
west, south, east, north = 3.4, 50.8, 7.2, 53.5
width, height = (east - west) / columns, (north - south) / rows
per_side = max(1, vertices // 4)


def vertical(column, row, upward):
    """The shared border at column line `column` over row `row`, a wave both neighbours compute alike."""
    x0 = west + column * width
    points = []
    for k in range(per_side + 1):
        y = south + (row + k / per_side) * height
        taper = math.sin(math.pi * k / per_side)  # no wave at the corners: borders never cross
        wave = 0.0 if column in (0, columns) else 0.15 * width * taper * math.sin(y * 97.0 + column)
        points.append([round(x0 + wave, 7), round(y, 7)])
    return points if upward else points[::-1]


def horizontal(row, column, eastward):
    y0 = south + row * height
    points = []
    for k in range(per_side + 1):
        x = west + (column + k / per_side) * width
        taper = math.sin(math.pi * k / per_side)
        wave = 0.0 if row in (0, rows) else 0.15 * height * taper * math.sin(x * 89.0 + row)
        points.append([round(x, 7), round(y0 + wave, 7)])
    return points if eastward else points[::-1]


rng = random.Random(16)
suffixes = ("straat", "laan", "weg", "plein", "kade", "gracht", "singel", "dijk", "steeg", "dreef")
names = ("Berken", "Eiken", "Linden", "Wilgen", "Essen", "Iepen", "Beuken", "Populieren", "Elzen", "Kastanje",
         "Molen", "Kerk", "School", "Haven", "Dorps", "Veld", "Duin", "Polder", "Sluis", "Brug")
sections, points, addresses = [], [], []
streets_each = streets // areas
for index in range(areas):
    row, column = divmod(index, columns)
    ring = (horizontal(row, column, True)[:-1] + vertical(column + 1, row, True)[:-1]
            + horizontal(row + 1, column, False)[:-1] + vertical(column, row, False))
    name = f"Gebied-{index:03d}"
    feature = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"naam": name},
               "geometry": {"type": "Polygon", "coordinates": [ring]}}]}
    with open(os.path.join(out, "areas", f"{index:03d}.geojson"), "w") as f:
        json.dump(feature, f)
    own = [f"{names[(index + k) % len(names)]}{suffixes[k % len(suffixes)]} {index}-{k}" for k in range(streets_each)]
    with open(os.path.join(out, "areas", f"{index:03d}-straten.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(own) + "\n")
    postcode = 1000 + index * 16
    sections.append(f"[area {name}]\npolygons = areas/{index:03d}.geojson\npostcodes = {postcode}-{postcode + 15}\n"
                    f"streets-file = areas/{index:03d}-straten.txt\nplaces = Plaats{index:03d}\n\n"
                    f"[team Wijkteam-{index:03d}]\ntakes = Stadsbeheer, Wmo\narea = {name}\n")
    points.append((south + (row + 0.5) * height, west + (column + 0.5) * width))
    addresses.append((f"{postcode + 7} AB", own[rng.randrange(len(own))].split(" ")[0]))
outside = "\n[team Verwijzing]\n\n"
areas_text = re.sub(r"(?m)^fallback = ", "outside = Verwijzing\nfallback = ", plain, count=1) + outside + "\n".join(sections)
open(os.path.join(out, "areas.conf"), "w", encoding="utf-8").write(areas_text)
with open(os.path.join(out, "points.tsv"), "w") as f:
    f.writelines(f"{lat:.6f}\t{lon:.6f}\n" for lat, lon in points)
with open(os.path.join(out, "addresses.tsv"), "w") as f:
    f.writelines(f"{postcode}\t{street}\n" for postcode, street in addresses)
