"""How running text names an agency whose letterhead line is in capitals, and the code it signs with.

The letterhead is upper case by rule ("UBND XÃ MỸ LONG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"); prose is not.
Vietnamese writes an organisation's name with a capital on the first word of each of its parts — the
kind of body, its field ("Sở Khoa học và Công nghệ", "Phòng Giáo dục và Đào tạo") — administrative
levels in lower case ("xã", "huyện") and proper names with a capital on every syllable ("Mỹ Long");
abbreviations stay as they are ("UBND", "THCS"). Pure Python: the GUI shows the result as a
placeholder and the exporters use it when the user typed no prose form.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import Header

# Kinds of body and fields of work: a capital on the first syllable only ("Chỉ huy quân sự").
_NAME_PARTS = """
ủy ban nhân dân; hội đồng nhân dân; ủy ban; hội đồng; văn phòng; sở; phòng; ban; bộ; cục; chi cục;
tổng cục; vụ; viện; học viện; trung tâm; trường; công ty; tổng công ty; doanh nghiệp; hợp tác xã; chi nhánh;
đảng ủy; chi bộ; huyện ủy; tỉnh ủy; thành ủy; quận ủy; thị ủy; đảng bộ; đoàn; hội; liên đoàn; bệnh viện;
trạm y tế; trạm; kho bạc nhà nước; kho bạc; công an; tòa án nhân dân; viện kiểm sát nhân dân; ngân hàng;
chỉ huy quân sự; chỉ đạo; chấp hành; quản lý; quản lý dự án; quản lý dự án đầu tư xây dựng; thanh tra;
đài; phát thanh; truyền thanh; quản lý chợ; xổ số kiến thiết; chính sách xã hội; phát triển quỹ đất;
đăng ký đất đai; dịch vụ; dịch vụ nông nghiệp; dịch vụ công ích; kiểm soát bệnh tật; chính trị;
nhà văn hóa; thư viện; bảo tàng; cổ phần; trách nhiệm hữu hạn; một thành viên;
khoa học; công nghệ; giáo dục; đào tạo; nội vụ; tư pháp; tài chính; kế hoạch; đầu tư; công thương;
xây dựng; giao thông vận tải; giao thông; vận tải; tài nguyên; môi trường; nông nghiệp; phát triển nông thôn;
lao động; thương binh; xã hội; văn hóa; thể thao; du lịch; thông tin; truyền thông; y tế; kinh tế;
hạ tầng; quản lý đô thị; dân tộc; tôn giáo; ngoại vụ; thuế; hải quan; thống kê; bảo hiểm xã hội;
mầm non; mẫu giáo; tiểu học; trung học cơ sở; trung học phổ thông; phổ thông; đại học; cao đẳng;
trung cấp; dạy nghề; giáo dục nghề nghiệp; giáo dục thường xuyên; dân số; kế hoạch hóa gia đình;
phòng cháy chữa cháy; cứu nạn cứu hộ; cấp nước; thoát nước; môi trường đô thị; điện lực; tổng hợp;
hành chính; quản trị; kế toán; nhân sự; tổ chức; cán bộ; tuyên giáo; dân vận; kiểm tra; mặt trận; tổ quốc;
phụ nữ; nông dân; cựu chiến binh; thanh niên; cộng sản; liên hiệp; công đoàn; chữ thập đỏ
"""
# Administrative levels and units: lower case; what follows them is a place's proper name (so too after
# "chuyên": "Trường THPT chuyên Nguyễn Quang Diêu").
_LEVELS = """
xã; phường; thị trấn; huyện; quận; thị xã; thành phố; tỉnh; ấp; khóm; thôn; bản; làng; tổ dân phố; khu phố;
khu vực; cụm; liên xã; chuyên
"""
# Small words inside a name: lower case.
_JOINERS = frozenset({"và", "về", "của", "-", "–", "&"})
# Established abbreviations (any word that cannot be a Vietnamese syllable is one too).
_ABBREVIATIONS = frozenset({
    "UBND", "HĐND", "MTTQ", "CHQS", "LHPN", "THCS", "THPT", "TNHH", "MTV", "HTX", "CP", "GD&ĐT", "KHCN",
    "LĐTBXH", "TN&MT", "VH-TT", "TP", "TX", "TT", "BCH", "BQL", "ĐTN", "ĐTNCS", "HCM", "TW", "UB", "VP",
})


def _phrases(text: str) -> dict[tuple[str, ...], int]:
    return {tuple(p.split()): len(p.split()) for p in (item.strip() for item in text.split(";")) if p}


_PART_PHRASES = _phrases(_NAME_PARTS)
_LEVEL_PHRASES = _phrases(_LEVELS)
_LONGEST = max(max(_PART_PHRASES.values()), max(_LEVEL_PHRASES.values()))

# A Vietnamese syllable: an initial consonant, a vowel group, a final consonant. A word that does not
# fit ("UBND", "HĐND", "THCS") is an abbreviation.
_VOWELS = "aăâeêioôơuưy"
_SYLLABLE = re.compile(
    r"^(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?"
    rf"[{_VOWELS}]{{1,3}}"
    r"(ng|nh|ch|[cmnpt])?$"
)


def _base(word: str) -> str:
    """The word in lower case without tone marks (kept: ă â ê ô ơ ư đ), to test its shape."""
    out = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if unicodedata.category(ch) == "Mn" and ch not in "\u0306\u0302\u031b":
            continue  # tone marks; the breve, circumflex and horn make a different vowel
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def is_abbreviation(word: str) -> bool:
    """True for "UBND", "GD&ĐT", "THCS": upper-case words that no Vietnamese syllable spells."""
    core = word.strip(".,;:()")
    if not core or core.upper() != core or not any(ch.isalpha() for ch in core):
        return False
    if core in _ABBREVIATIONS or any(not ch.isalpha() for ch in core if ch not in "-"):
        return True
    return not all(_SYLLABLE.match(_base(part)) for part in core.split("-") if part)


_SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "at", "to", "a", "an", "&"})


def _is_english_abbreviation(word: str) -> bool:
    """"RHC", "USA", "R&D": no vowel, or a sign inside; "OF" and "CO-OP" are words."""
    core = word.strip(".,;:()")
    return core in _ABBREVIATIONS or not any(ch in "AEIOUY" for ch in core) or "&" in core


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def _match(words: list[str], index: int, phrases: dict[tuple[str, ...], int]) -> int:
    """The length of the longest phrase of ``phrases`` starting at ``index`` (0 if none)."""
    lowered = [w.lower() for w in words[index:index + _LONGEST]]
    for length in range(len(lowered), 0, -1):
        if tuple(lowered[:length]) in phrases:
            return length
    return 0


def _tagged(words: list[str]) -> list[tuple[str, str]]:
    """Each word with its kind: "abbr", "part" (first of a name part), "rest", "level", "join", "name"."""
    tags: list[tuple[str, str]] = []
    index, in_place = 0, False
    while index < len(words):
        word = words[index]
        if is_abbreviation(word):
            tags.append((word, "abbr"))
            index += 1
            continue
        if word.lower() in _JOINERS:
            tags.append((word, "join"))
            index += 1
            continue
        level = _match(words, index, _LEVEL_PHRASES)
        part = 0 if in_place else _match(words, index, _PART_PHRASES)
        if part and part >= level:
            tags.append((words[index], "part"))
            tags.extend((w, "rest") for w in words[index + 1:index + part])
            index += part
        elif level:
            tags.extend((w, "level") for w in words[index:index + level])
            index += level
            in_place = True  # after "xã", "huyện": the place's name, whatever its words
        else:
            tags.append((word, "name"))
            index += 1
    return tags


def prose_name(letterhead: str, language: str = "vi") -> str:
    """How running text names the agency of the letterhead line ``letterhead``.

    "UBND XÃ MỸ LONG" → "UBND xã Mỹ Long"; "SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "Sở Khoa học và Công nghệ".
    A line that is not all in capitals was written by hand for prose and is kept as typed. English
    names take a capital on every word but the small ones ("Department of Science and Technology").
    """
    text = " ".join((letterhead or "").split())
    if not text or text.upper() != text:
        return text
    words = text.split(" ")
    if language != "vi":
        return " ".join(w if _is_english_abbreviation(w) else w.lower() if i and w.lower() in _SMALL_WORDS
                        else _capitalised(w) for i, w in enumerate(words))
    out = []
    for word, kind in _tagged(words):
        if kind == "abbr":
            out.append(word)
        elif kind in ("rest", "level", "join"):
            out.append(word.lower())
        else:  # the first word of a name part, or a proper name
            out.append(_capitalise_hyphenated(word.lower()))
    if out and not is_abbreviation(out[0]):
        out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


def _capitalise_hyphenated(word: str) -> str:
    """"bà rịa-vũng tàu" parts each take a capital ("Rịa-Vũng"); "co-op" as English writes it stays."""
    return "-".join(_capitalised(part) if part else part for part in word.split("-"))


def derived_code(letterhead: str, language: str = "vi") -> str:
    """The agency code of the number line ("05/BB-UBND") guessed from the letterhead line.

    The abbreviations and initials of the kind of body and its field, up to the place or proper name:
    "UBND XÃ MỸ LONG" → "UBND", "SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "SKHCN", "TRƯỜNG THCS MỸ LONG" →
    "THCS" (a kind followed by an abbreviation gives the abbreviation). English: the initials of the
    words but the small ones ("Riverside Housing Cooperative" → "RHC").
    """
    text = " ".join((letterhead or "").split()).upper()
    if not text:
        return ""
    words = text.split(" ")
    if language != "vi":
        return "".join(w if _is_english_abbreviation(w) else w[:1] for w in words
                       if w.lower() not in _SMALL_WORDS and w[:1].isalpha())
    tags = _tagged(words)
    code: list[str] = []
    for index, (word, kind) in enumerate(tags):
        if kind in ("level", "name"):
            break
        if kind == "abbr":
            code.append(word.strip(".,;:()"))
        elif kind in ("part", "rest"):
            following = tags[index + 1][1] if index + 1 < len(tags) else ""
            if following != "abbr" or kind == "rest":
                code.append(_base(word[:1]).upper())
    return "".join(code)


# Words that make a letterhead a business's: its money is measured against a plan ("kế hoạch doanh thu"),
# a public body's against the budget estimate ("dự toán").
_ENTERPRISE_WORDS = ("CÔNG TY", "DOANH NGHIỆP", "HỢP TÁC XÃ", "HTX ", "TNHH", "CTCP", "COMPANY", "COOPERATIVE")


def is_enterprise(header: Header) -> bool:
    """Whether the issuing agency (or its parent) is a company or a cooperative, not a public body."""
    lines = f" {header.agency} {header.parent_agency} {header.agency_name} ".upper()
    return any(word in lines for word in _ENTERPRISE_WORDS)


def agency_in_prose(header: Header, language: str = "vi") -> str:
    """How the documents' prose names the organiser: the form typed for prose, else the derived one."""
    return header.agency_name.strip() or prose_name(header.agency or header.parent_agency, language)


def agency_code(header: Header, language: str = "vi") -> str:
    """The code of the number lines ("BB-UBND"): the one typed, else the one derived from the agency."""
    return header.agency_code.strip() or derived_code(header.agency, language)
