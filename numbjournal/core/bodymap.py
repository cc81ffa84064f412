"""The body map: one SVG whose region ids are the format's location names.

The editor, the charts and the doctor summary all draw the same picture, so
this module keeps the asset's rules in one place: which regions exist, how
to colour them (for a heat map or a highlighted selection) and their outlines
as plain polygons (for hit testing, or for matplotlib, which cannot read SVG).
No Qt here.
"""

from __future__ import annotations

import functools
import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from importlib.resources import files

from .model import Location

SVG_NS = "http://www.w3.org/2000/svg"
REGION_CLASS = "region"
REGION_IDS: tuple[str, ...] = tuple(str(loc) for loc in Location)

Point = tuple[float, float]
Polygon = tuple[Point, ...]

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_PATH_TOKEN = re.compile(r"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_CURVE_STEPS = 8


@functools.cache
def body_map_svg() -> str:
    """The SVG text shipped in ``numbjournal.resources``."""
    return (files("numbjournal.resources") / "body_map.svg").read_text(encoding="utf-8")


def _parse(svg_text: str) -> ET.Element:
    ET.register_namespace("", SVG_NS)
    return ET.fromstring(svg_text)


def _regions(root: ET.Element) -> list[ET.Element]:
    return [el for el in root.iter() if REGION_CLASS in el.get("class", "").split()]


def svg_region_ids(svg_text: str | None = None) -> list[str]:
    """Ids of the clickable regions, in document order (duplicates kept, to be caught)."""
    root = _parse(body_map_svg() if svg_text is None else svg_text)
    return [el.get("id", "") for el in _regions(root)]


def view_box(svg_text: str | None = None) -> tuple[float, float, float, float]:
    """The SVG's viewBox as (x, y, width, height): the coordinates of the outlines."""
    root = _parse(body_map_svg() if svg_text is None else svg_text)
    x, y, w, h = (float(v) for v in root.get("viewBox", "").replace(",", " ").split())
    return x, y, w, h


def colour_regions(
    svg_text: str,
    colours: Mapping[Location | str, str],
    *,
    default: str | None = None,
    stroke: Mapping[Location | str, str] | None = None,
    stroke_width: float | None = None,
) -> str:
    """``svg_text`` with each named region filled with its ``#rrggbb`` colour.

    ``default`` fills every region not named (e.g. white for a heat map);
    ``stroke`` outlines named regions, ``stroke_width`` widens those outlines
    so a selection is visible without relying on colour alone.
    """
    fills = _checked(colours, "colour")
    strokes = _checked(stroke or {}, "stroke")
    if default is not None and not _COLOUR.fullmatch(default):
        raise ValueError(f"default colour {default!r} is not #rrggbb")
    root = _parse(svg_text)
    for el in _regions(root):
        region = el.get("id", "")
        fill = fills.get(region, default)
        if fill is not None:
            el.set("fill", fill)
        if region in strokes:
            el.set("stroke", strokes[region])
            if stroke_width is not None:
                el.set("stroke-width", f"{stroke_width:g}")
    return ET.tostring(root, encoding="unicode")


def _checked(values: Mapping[Location | str, str], what: str) -> dict[str, str]:
    checked: dict[str, str] = {}
    for key, colour in values.items():
        region = str(key)
        if region not in REGION_IDS:
            raise ValueError(f"{region!r} is not a body-map location")
        if not isinstance(colour, str) or not _COLOUR.fullmatch(colour):
            raise ValueError(f"{what} for {region} must be #rrggbb, not {colour!r}")
        checked[region] = colour
    return checked


@functools.cache
def _shipped_outlines() -> dict[Location, tuple[Polygon, ...]]:
    return _outlines(body_map_svg())


def region_outlines(svg_text: str | None = None) -> dict[Location, tuple[Polygon, ...]]:
    """Each region as closed polygons in viewBox coordinates (curves flattened)."""
    if svg_text is None:
        return dict(_shipped_outlines())
    return _outlines(svg_text)


def _outlines(svg_text: str) -> dict[Location, tuple[Polygon, ...]]:
    root = _parse(svg_text)
    outlines: dict[Location, tuple[Polygon, ...]] = {}
    for el in _regions(root):
        paths = [el] if el.get("d") else [p for p in el.iter() if p.get("d")]
        polygons: list[Polygon] = []
        for path in paths:
            polygons.extend(path_polygons(path.get("d", "")))
        outlines[Location(el.get("id", ""))] = tuple(polygons)
    return outlines


def path_polygons(d: str) -> list[Polygon]:
    """Flatten SVG path data using absolute M, L, Q, C and Z into polygons.

    The shipped map uses only these commands so that anything (matplotlib, a
    hit test) can follow its outlines without an SVG library.
    """
    tokens = _PATH_TOKEN.findall(d)
    polygons: list[Polygon] = []
    current: list[Point] = []
    i = 0
    command = ""

    def take(count: int) -> list[float]:
        nonlocal i
        numbers = [float(t) for t in tokens[i : i + count]]
        if len(numbers) != count or any(t.isalpha() for t in tokens[i : i + count]):
            raise ValueError(f"path data {d[:40]!r}...: command {command} needs {count} numbers")
        i += count
        return numbers

    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
        if command == "M":
            if len(current) > 2:
                polygons.append(tuple(current))
            current = [_point(take(2))]
            command = "L"
        elif command == "L":
            current.append(_point(take(2)))
        elif command == "Q":
            c = take(4)
            current.extend(_bezier([current[-1], (c[0], c[1]), (c[2], c[3])]))
        elif command == "C":
            c = take(6)
            current.extend(_bezier([current[-1], (c[0], c[1]), (c[2], c[3]), (c[4], c[5])]))
        elif command == "Z":
            if len(current) > 2:
                polygons.append(tuple(current))
            current = []
        else:
            raise ValueError(f"path command {command!r} is not supported by the body map")
    if len(current) > 2:
        polygons.append(tuple(current))
    return polygons


def _point(values: list[float]) -> Point:
    return values[0], values[1]


def _bezier(control: list[Point]) -> list[Point]:
    points: list[Point] = []
    for step in range(1, _CURVE_STEPS + 1):
        t = step / _CURVE_STEPS
        pts = list(control)
        while len(pts) > 1:
            pts = [
                (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                for a, b in itertools.pairwise(pts)
            ]
        points.append(pts[0])
    return points


def contains(polygon: Polygon, x: float, y: float) -> bool:
    """Even-odd point-in-polygon test, for hit testing without Qt."""
    inside = False
    n = len(polygon)
    for k in range(n):
        x1, y1 = polygon[k]
        x2, y2 = polygon[(k + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def region_at(x: float, y: float) -> Location | None:
    """The region under a point given in viewBox coordinates, if any."""
    for location, polygons in _shipped_outlines().items():
        if any(contains(polygon, x, y) for polygon in polygons):
            return location
    return None


def region_centre(location: Location | str) -> Point:
    """A point inside the region's largest part: where to click it, or put a label."""
    polygons = _shipped_outlines()[Location(location)]
    biggest = max(polygons, key=_area)
    xs = [p[0] for p in biggest]
    ys = [p[1] for p in biggest]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    if contains(biggest, cx, cy):
        return cx, cy
    return _inside_point(biggest, cy)


def _inside_point(polygon: Polygon, y: float) -> Point:
    """The middle of the widest span of the polygon along the line at height ``y``."""
    crossings: list[float] = []
    n = len(polygon)
    for k in range(n):
        x1, y1 = polygon[k]
        x2, y2 = polygon[(k + 1) % n]
        if (y1 > y) != (y2 > y):
            crossings.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    crossings.sort()
    spans = list(zip(crossings[::2], crossings[1::2], strict=False))
    left, right = max(spans, key=lambda s: s[1] - s[0])
    return (left + right) / 2, y


def _area(polygon: Polygon) -> float:
    total = 0.0
    n = len(polygon)
    for k in range(n):
        x1, y1 = polygon[k]
        x2, y2 = polygon[(k + 1) % n]
        total += x1 * y2 - x2 * y1
    return abs(total) / 2
