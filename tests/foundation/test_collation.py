"""Vietnamese alphabetical order of words and of people (given, middle, then family name)."""

from __future__ import annotations

import random
import unicodedata

import pytest

from minutes_app.l10n.collation import name_parts, sort_key, sorted_people

# Ordered by hand: by given name, then middle name, then family name, in Vietnamese alphabetical order.
PEOPLE_IN_ORDER = [
    "Trần Thị An",
    "Dương Văn An",
    "Đào Văn An",
    "Lê Văn An",
    "Nguyễn Văn An",
    "Phạm Ngọc Anh",
    "Võ Thị Ánh",
    "Đỗ Hoàng Ân",
    "Hoàng Gia Bảo",
    "Lâm Thanh Bình",
    "Trương Quế Chi",
    "Bùi Mạnh Cường",
    "Phan Anh Dũng",
    "Ngô Đức Duy",
    "Mai Tiến Đạt",
    "Huỳnh Văn Đông",
    "Châu Thị Giang",
    "Lý Thu Hà",
    "Tạ Minh Hải",
    "Đặng Mỹ Hạnh",
    "Vũ Thị Hoa",
    "Đinh Văn Hòa",
    "Dương Quốc Hùng",
    "Kiều Văn Hưng",
    "La Đăng Khoa",
    "Quách Ngọc Lan",
    "Hồ Minh Long",
    "Tô Nhật Minh",
    "Ông Thị Ngân",
    "Lưu Hồng Nhung",
    "Ưng Hoàng Phúc",
    "Đoàn Minh Quân",
    "Trịnh Thanh Sơn",
    "Âu Dương Thư",
]


def test_thirty_four_people_in_hand_made_order() -> None:
    shuffled = PEOPLE_IN_ORDER[:]
    random.Random(7).shuffle(shuffled)
    assert sorted_people(shuffled) == PEOPLE_IN_ORDER


def test_decomposed_input_sorts_the_same() -> None:
    nfd = [unicodedata.normalize("NFD", name) for name in reversed(PEOPLE_IN_ORDER)]
    assert [unicodedata.normalize("NFC", n) for n in sorted_people(nfd)] == PEOPLE_IN_ORDER


def test_letters_with_marks_are_letters_of_their_own() -> None:
    words = ["ăn", "az", "âu", "bê", "dũng", "đào", "eo", "êm", "ong", "ôm", "ơn", "un", "ưa", "vy"]
    assert sorted(reversed(words), key=sort_key) == ["az", "ăn", "âu", "bê", "dũng", "đào", "eo", "êm", "ong",
                                                      "ôm", "ơn", "un", "ưa", "vy"]


def test_tones_order_ngang_huyen_hoi_nga_sac_nang() -> None:
    tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(reversed(tones), key=sort_key) == tones


def test_letters_decide_before_tones() -> None:
    assert sorted(["mạ", "mb"], key=sort_key) == ["mạ", "mb"]
    assert sorted(["Hai", "Hà"], key=sort_key) == ["Hà", "Hai"]  # a shorter word first, whatever its tone


def test_name_parts() -> None:
    assert name_parts("Nguyễn Thị Ánh Tuyết") == ("Tuyết", "Thị Ánh", "Nguyễn")
    assert name_parts("Sáu") == ("Sáu", "", "")
    assert name_parts("  ") == ("", "", "")


def test_agrees_with_icu_where_installed() -> None:
    icu = pytest.importorskip("icu", reason="PyICU is optional; the hand-made order above is the reference")
    collator = icu.Collator.createInstance(icu.Locale("vi"))
    words = sorted({w for name in PEOPLE_IN_ORDER for w in name.split()} | {"ma", "mà", "mả", "mã", "má", "mạ"})
    assert sorted(words, key=sort_key) == sorted(words, key=collator.getSortKey)
