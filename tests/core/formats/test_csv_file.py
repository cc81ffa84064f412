"""Reading and writing the CSV form."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numbjournal.core.errors import FormatError
from numbjournal.core.formats import (
    EPISODE_FIELDS,
    dump_csv,
    escape_formula,
    parse_csv,
    unescape_formula,
)
from numbjournal.core.model import Episode, Location, Symptom

HEADER = ",".join(EPISODE_FIELDS)
ROW = "2026-11-20T08:15:00+01:00,12,left_foot_top;left_calf,numbness,4,gradual,sitting,improved,,"


def refusal(text: str) -> str:
    with pytest.raises(FormatError) as caught:
        parse_csv(text, "export.csv")
    return str(caught.value)


def test_header_and_rows_follow_the_spec(episode_factory: type[Episode]) -> None:
    episode = episode_factory(
        duration_minutes=None,
        locations=(Location.LEFT_CALF, Location.RIGHT_SOLE),
        symptoms=(Symptom.WEAKNESS, Symptom.PAIN),
        notes="=1+1",
    )
    rows = list(csv.reader(io.StringIO(dump_csv([episode]), newline="")))
    assert rows[0] == list(EPISODE_FIELDS)
    assert rows[1] == [
        "2026-11-20T08:15:00+01:00",
        "",
        "left_calf;right_sole",
        "numbness",
        "3",
        "unknown",
        "unknown",
        "not_tried",
        "weakness;pain",
        "'=1+1",
    ]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=HYPERLINK()", "'=HYPERLINK()"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@sum", "'@sum"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("''", "'''"),
        ("'", "'"),
        ("'hello", "'hello"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_formula_like_text_is_neutralised_and_restored(text: str, written: str) -> None:
    assert escape_formula(text) == written
    assert unescape_formula(written) == text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="'=+-@\t\rab", max_size=6))
def test_formula_escaping_round_trips_any_text(text: str) -> None:
    escaped = escape_formula(text)
    assert unescape_formula(escaped) == text
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_hand_written_apostrophe_is_kept() -> None:
    (episode,) = parse_csv(f"{HEADER}\r\n{ROW}'hello\r\n", "x.csv").episodes
    assert episode.notes == "'hello"


def test_columns_may_come_in_any_order_and_optional_ones_may_be_left_out() -> None:
    text = (
        "severity,locations,started_at,sensation,duration_minutes\n"
        "4,left_calf,2026-11-20 08:15,tingling,\n"
    )
    (episode,) = parse_csv(text, "x.csv").episodes
    assert episode.severity == 4
    assert episode.duration_minutes is None
    assert episode.notes == ""
    assert episode.onset == "unknown"


def test_empty_optional_cells_take_defaults_and_blank_lines_are_skipped() -> None:
    text = f"{HEADER}\n\n2026-11-20T08:15:00+01:00,5,left_calf,numbness,4,,,,,\n\n"
    (episode,) = parse_csv(text, "x.csv").episodes
    assert (episode.onset, episode.context, episode.position_change) == (
        "unknown",
        "unknown",
        "not_tried",
    )


def test_bad_row_names_its_line_start_and_field() -> None:
    rows = [ROW + "fine" for _ in range(5)]
    rows[2] = "2026-03-02T08:15:00+01:00,12,left_calf,numbness,11,gradual,sitting,improved,,"
    text = HEADER + "\r\n" + "\r\n".join(rows) + "\r\n"
    assert refusal(text) == (
        "export.csv: line 4 (started 2026-03-02T08:15:00+01:00): "
        "severity: must be a whole number from 0 to 10"
    )


def test_line_numbers_count_lines_inside_quoted_notes() -> None:
    text = f'{HEADER}\n{ROW}"two\nlines"\n{ROW.replace(",4,", ",x,")}\n'
    assert refusal(text).startswith("export.csv: line 4 (started")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a,b\n1,2\n", "line 1 (the header): unknown column 'a'"),
        ("started_at,severity\n", "line 1 (the header): the column 'duration_minutes' is missing"),
        (HEADER + ",notes\n", "line 1 (the header): the column 'notes' appears twice"),
        ("\n\n", "has no header row"),
        (f"{HEADER}\n{ROW},extra\n", "line 2: has 11 cells but the header has 10"),
        (f'{HEADER}\n{ROW}"open\n', "is not valid CSV"),
        (f"{HEADER}\n{ROW.replace(',12,', ',1h,')}\n", "duration_minutes: must be a whole"),
        (f"{HEADER}\n{ROW.replace(',4,', ',,')}\n", "severity: is missing"),
        (f"{HEADER}\n{ROW.replace('left_foot_top;left_calf', '')}\n", "choose at least one"),
        (f"{HEADER}\n{ROW.replace('numbness', 'NUMB')}\n", "'NUMB' is not one of"),
    ],
)
def test_broken_csv_is_one_clear_sentence(text: str, expected: str) -> None:
    message = refusal(text)
    assert message.startswith("export.csv: ")
    assert expected in message


def test_list_cells_tolerate_spaces_and_stray_separators() -> None:
    text = f"{HEADER}\n{ROW.replace('left_foot_top;left_calf', ' left_calf ; right_calf;')}x\n"
    (episode,) = parse_csv(text, "x.csv").episodes
    assert episode.locations == (Location.LEFT_CALF, Location.RIGHT_CALF)


def test_semicolon_separated_spreadsheet_export_gets_advice() -> None:
    text = "started_at;duration_minutes;locations;sensation;severity\n2026-11-20 08:15;5;x;y;4\n"
    assert refusal(text) == (
        "export.csv: line 1 (the header): the columns are separated by ';' but numbjournal "
        'CSV uses commas; save it from the spreadsheet as "CSV UTF-8 (comma delimited)"'
    )


def test_header_names_ignore_case_and_spaces() -> None:
    text = (
        " Started_At ,DURATION_MINUTES,locations,Sensation,severity\n"
        "2026-11-20 08:15,5,face,tingling,4\n"
    )
    assert parse_csv(text, "x.csv").episodes[0].sensation == "tingling"


def test_a_local_time_the_clocks_skipped_is_refused_with_its_line(berlin_time: object) -> None:
    row = ROW.replace("2026-11-20T08:15:00+01:00", "2026-03-29T02:30:00")
    message = refusal(f"{HEADER}\n{ROW}\n{row}\n")
    assert message.startswith("export.csv: line 3")
    assert "never showed on this computer's clock" in message
