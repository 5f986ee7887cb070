"""Loading a meeting takes short cuts (issue 17): a text that is NFC, whole and without ``\\u`` escapes is not
walked to be normalised, the decoder says whether it kept any marker, the validator passes by their type the
values a node settles, records are read by per-class readers. Each short cut must refuse and keep exactly what
the long way does: these tests put the two side by side, and try what could slip past a short cut."""

from __future__ import annotations

import copy
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from malformed_cases import MALFORMED
from robustness.hostile import sample_text, with_member
from support import ALL_SAMPLES, COMMUNE_SAMPLE, WORDING_MEETINGS

from minutes_app.errors import MeetingFileError
from minutes_app.storage import dumps_meeting, load_meeting, meeting_from_json, meeting_from_text
from minutes_app.storage.codec import is_plain_text
from minutes_app.storage.files import checked_json, decode_json
from minutes_app.storage.values import MAX_NESTING, nested_within

NAME = "Nguyễn Thị Nhanh"
NFD_NAME = unicodedata.normalize("NFD", NAME)


def sample() -> dict[str, Any]:
    return json.loads(sample_text())


def problems_of(text: str) -> list[str]:
    with pytest.raises(MeetingFileError) as caught:
        meeting_from_text(text, "m.minutes.json")
    return caught.value.problems


@pytest.mark.parametrize("path", [*ALL_SAMPLES, *WORDING_MEETINGS], ids=lambda p: p.name)
def test_the_short_way_reads_what_the_long_way_reads(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert is_plain_text(text)  # the samples take the short way
    assert meeting_from_text(text) == meeting_from_json(json.loads(text))  # the long way: normalised first


@pytest.mark.parametrize(("mutate", "expected"), [(m, e) for _, m, e in MALFORMED], ids=[n for n, _, _ in MALFORMED])
def test_malformed_meetings_are_refused_the_same_way_from_their_text(mutate: Any, expected: str) -> None:
    data = copy.deepcopy(sample())
    mutate(data)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    assert is_plain_text(text)
    problems = problems_of(text)
    assert any(expected in problem for problem in problems), problems
    with pytest.raises(MeetingFileError) as long_way:
        meeting_from_json(data, "m.minutes.json")
    assert problems == long_way.value.problems


@pytest.mark.parametrize("text", [
    f'"{NFD_NAME}"',  # decomposed, as some input methods send it
    '"Nguye\\u0302\\u0303n"',  # ASCII text whose escapes decode to a decomposed letter
    '"\\udc80"',  # an escape decoding to a lone surrogate
    '"ghi ch\udc80"',  # a lone surrogate in the text itself (a str from elsewhere than a file)
])
def test_text_that_is_not_plain_takes_the_long_way(text: str) -> None:
    assert not is_plain_text(text)


@pytest.mark.parametrize("text", ['"Nguyễn Thị Nhanh"', '"plain ASCII \\n with \\" escapes"', '"\\té"', "{}"])
def test_plain_text(text: str) -> None:
    assert is_plain_text(text)


def test_decomposed_text_is_still_normalised_in_values_keys_and_unknown_fields() -> None:
    data = sample()
    data["meeting"]["chair"] = NFD_NAME
    data["attendees"][1]["name"] = NFD_NAME
    data["x_note"] = {NFD_NAME: [NFD_NAME]}
    for text in (json.dumps(data, ensure_ascii=False), json.dumps(data)):  # raw, and as \u escapes
        meeting = meeting_from_text(text)
        assert meeting.meeting.chair == NAME and meeting.attendees[1].name == NAME
        assert meeting.extra["x_note"] == {NAME: [NAME]}


def _with_repeated_key(text: str, inside: str, key: str) -> str:
    """``text`` with ``"key": …`` written twice at the start of the object that follows ``inside``."""
    at = text.index(inside) + len(inside)
    start = text.index("{", at) + 1
    return text[:start] + f'"{key}": "một", ' + text[start:]


@pytest.mark.parametrize(("inside", "key", "where"), [
    ('"attendees"', "name", "attendees[0].name"),  # in a record of a list
    ('"tasks"', "task", "directives[0].tasks[0].task"),  # two lists down
    ('"x_extra"', "colour", "x_extra.colour"),  # in an unknown field
])
def test_a_repeated_key_is_refused_wherever_it_is(inside: str, key: str, where: str) -> None:
    data = sample()
    data["x_extra"] = {"colour": "đỏ"}
    text = _with_repeated_key(json.dumps(data, ensure_ascii=False), inside, key)
    assert f"{where}: the key appears more than once" in problems_of(text)


@pytest.mark.parametrize(("value", "message"), [
    ("[1, 2, 123456789012345678901234]", "x_list[2]: a number of 24 digits; at most 20 are allowed"),
    ('[{"a": [NaN]}]', 'x_list[0].a[0]: "NaN" is not a finite number'),
    ("[0, 1e309]", 'x_list[1]: "1e309" is not a finite number'),
    ('["ghi ch\\udc80"]', "x_list[0]: contains U+DC80, half of a character pair, which is not text"),
])
def test_odd_values_deep_in_lists_are_refused(value: str, message: str) -> None:
    assert problems_of(with_member(sample_text(), f'"x_list": {value}')) == [message]


def test_a_number_too_long_in_a_known_list_is_refused() -> None:
    data = sample()
    data["results"]["indicators"][0]["plan"] = 10 ** 25
    assert problems_of(json.dumps(data, ensure_ascii=False)) == [
        "results.indicators[0].plan: a number of 26 digits; at most 20 are allowed"]


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("plain", [True, False], ids=["plain text", "text to normalise"])
def test_nesting_has_one_limit_on_both_ways(plain: bool) -> None:
    accent = "" if plain else f', "x_name": "{NFD_NAME}"'
    deepest = with_member(sample_text(), f'"x_deep": {_nested(MAX_NESTING - 1)}{accent}')
    assert is_plain_text(deepest) is plain
    assert meeting_from_text(deepest).extra["x_deep"] == json.loads(_nested(MAX_NESTING - 1))
    too_deep = with_member(sample_text(), f'"x_deep": {_nested(MAX_NESTING)}{accent}')
    assert problems_of(too_deep) == ["the JSON is nested too deeply"]


def test_nested_within_counts_objects_and_lists() -> None:
    assert nested_within("text") and nested_within([]) and nested_within({"a": [{"b": []}]}, 4)
    assert not nested_within({"a": [{"b": []}]}, 3)
    assert not nested_within(json.loads(_nested(MAX_NESTING + 1)))


def test_unknown_fields_are_kept_in_order_with_their_record() -> None:
    data = sample()
    data["attendees"][0] = {"x_first": 1, **data["attendees"][0], "extra": 5, "x_last": {"k": [True, None]}}
    data["x_top"] = "đầu"
    meeting = meeting_from_text(json.dumps(data, ensure_ascii=False))
    assert list(meeting.attendees[0].extra.items()) == [("x_first", 1), ("extra", 5), ("x_last", {"k": [True, None]})]
    assert meeting.extra == {"x_top": "đầu"}
    assert json.loads(dumps_meeting(meeting))["attendees"][0] == data["attendees"][0]


def test_the_settled_words_of_an_enum_still_refuse_others() -> None:
    data = sample()
    data["attendees"][0]["gender"] = "Female"  # close to a word of the enum, but not one
    data["attendees"][1]["role"] = None
    problems = problems_of(json.dumps(data, ensure_ascii=False))
    assert [problem.split(":")[0] for problem in problems] == ["attendees[0].gender", "attendees[1].role"]


def test_checked_json_without_the_decoders_word_walks_the_data() -> None:
    data = decode_json(json.dumps({**sample(), "x_name": NFD_NAME}, ensure_ascii=False))
    assert checked_json(data)["x_name"] == NAME


# Characters around the places a short cut could go wrong: combining marks after letters an escape ends with
# (n, t, u…), precomposed and decomposed Vietnamese, Hangul jamo, quotes, backslashes, controls.
_PIECES = st.sampled_from(["a", "e", "n", "t", "u", "b", "f", "r", "\\", '"', "/", "\n", "\t", " ", "ễ", "ư", "Ư",
                           "\u0301", "\u0302", "\u0303", "\u0309", "\u0323", "\u031b", "\u1100", "\u1161", "\u11a8",
                           "\uac00", "\u00e9", "\u212b", "\u0344"])
_STRINGS = st.lists(_PIECES, max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_STRINGS, st.lists(_STRINGS, max_size=3), max_size=4), st.booleans())
def test_plain_text_decodes_to_nfc_strings_only(value: dict[str, list[str]], ascii_only: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only)
    if not is_plain_text(text):
        return
    decoded = json.loads(text)
    strings = [*decoded, *(item for items in decoded.values() for item in items)]
    assert all(unicodedata.is_normalized("NFC", string) for string in strings), text


def test_load_meeting_of_a_file_with_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.minutes.json"
    path.write_bytes(b"\xef\xbb\xbf" + COMMUNE_SAMPLE.read_bytes())
    assert load_meeting(path) == load_meeting(COMMUNE_SAMPLE)
