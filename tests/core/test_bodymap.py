"""The body map asset and its helpers: every location clickable once, colours applied."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from numbjournal.core import bodymap
from numbjournal.core.model import Location


def test_every_location_has_exactly_one_region_and_every_region_is_a_location() -> None:
    ids = bodymap.svg_region_ids()
    assert Counter(ids) == Counter(str(loc) for loc in Location)
    assert set(bodymap.REGION_IDS) == {str(loc) for loc in Location}


def test_no_other_element_reuses_a_location_id() -> None:
    all_ids = re.findall(r'\sid="([^"]+)"', bodymap.body_map_svg())
    counts = Counter(all_ids)
    assert all(counts[str(loc)] == 1 for loc in Location)


def test_every_region_has_an_outline_and_its_centre_hits_it() -> None:
    outlines = bodymap.region_outlines()
    assert set(outlines) == set(Location)
    for location in Location:
        assert outlines[location], location
        x, y = bodymap.region_centre(location)
        assert bodymap.region_at(x, y) == location, location


def test_front_view_shows_the_persons_left_on_the_viewers_right() -> None:
    front_right_knee = bodymap.region_outlines()[Location.RIGHT_KNEE][0]
    front_left_knee = bodymap.region_outlines()[Location.LEFT_KNEE][0]
    assert max(x for x, _ in front_right_knee) < min(x for x, _ in front_left_knee)
    back_left_calf = bodymap.region_centre(Location.LEFT_CALF)
    back_right_calf = bodymap.region_centre(Location.RIGHT_CALF)
    assert back_left_calf[0] < back_right_calf[0]


def test_colour_regions_fills_named_regions_and_the_rest_with_the_default() -> None:
    svg = bodymap.colour_regions(
        bodymap.body_map_svg(),
        {Location.LEFT_CALF: "#ff0000", "saddle": "#00ff00"},
        default="#ffffff",
        stroke={Location.LEFT_CALF: "#000000"},
        stroke_width=3,
    )
    assert re.search(r'<g[^>]*id="left_calf"|<path[^>]*id="left_calf"', svg)
    left_calf = re.search(r'<[^>]*id="left_calf"[^>]*>', svg)
    assert left_calf is not None
    assert 'fill="#ff0000"' in left_calf.group(0)
    assert 'stroke="#000000"' in left_calf.group(0)
    assert 'stroke-width="3"' in left_calf.group(0)
    saddle = re.search(r'<[^>]*id="saddle"[^>]*>', svg)
    assert saddle is not None and 'fill="#00ff00"' in saddle.group(0)
    face = re.search(r'<[^>]*id="face"[^>]*>', svg)
    assert face is not None and 'fill="#ffffff"' in face.group(0)
    assert bodymap.svg_region_ids(svg) == bodymap.svg_region_ids()


@pytest.mark.parametrize(
    ("colours", "message"),
    [({"left_elbow": "#ff0000"}, "left_elbow"), ({"face": "red"}, "#rrggbb")],
)
def test_colour_regions_refuses_unknown_regions_and_colours(
    colours: dict[str, str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        bodymap.colour_regions(bodymap.body_map_svg(), colours)


def test_path_polygons_flattens_curves_and_refuses_relative_commands() -> None:
    (square,) = bodymap.path_polygons("M0,0 L10,0 Q12,5 10,10 L0,10 Z")
    assert square[0] == (0.0, 0.0)
    assert (10.0, 10.0) in square
    assert len(square) > 4
    with pytest.raises(ValueError, match="'l'"):
        bodymap.path_polygons("M0,0 l10,0 z")
