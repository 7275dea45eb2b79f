import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.decoding import decode_bytes, normalize_text
from transforms.problems import UnusableInput

FRENCH = "Le général a été reçu à Rabat, a indiqué l’armée « israélienne »."


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("utf-32", "utf-32"),
        ("cp1252", "cp1252"),
    ],
)
def test_french_text_decodes_from_every_common_encoding(encoding: str, expected: str) -> None:
    decoded = decode_bytes(FRENCH.encode(encoding))
    assert decoded.text == FRENCH
    assert decoded.encoding == expected


def test_latin1_accents_are_read_as_cp1252_not_a_central_european_codepage() -> None:
    assert decode_bytes("Café crème à Genève".encode("latin-1")).text == "Café crème à Genève"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("وقع المغرب وإسرائيل مذكرة تفاهم في مجال الدفاع خلال زيارة الوزير إلى الرباط", "cp1256"),
        ("Министр обороны России провел переговоры с коллегой из Алжира в Москве", "cp1251"),
    ],
)
def test_non_latin_legacy_encodings_are_detected(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)).text == text


def test_text_is_nfc_normalised_so_offsets_are_stable() -> None:
    decomposed = unicodedata.normalize("NFD", "Israël, Algérie")
    assert decode_bytes(decomposed.encode("utf-8")).text == "Israël, Algérie"


def test_windows_line_ends_become_lf() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree").text == "one\ntwo\nthree"


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", "\ufeff".encode("utf-8-sig") + b"  "])
def test_empty_input_is_rejected_as_empty(data: bytes) -> None:
    with pytest.raises(UnusableInput) as raised:
        decode_bytes(data)
    assert raised.value.reason == "empty"


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(64), b"%PDF-1.7\n%\xe2\xe3", b"PK\x03\x04" + bytes(30), bytes(range(256)) * 4],
)
def test_binary_input_is_rejected_as_binary(data: bytes) -> None:
    with pytest.raises(UnusableInput) as raised:
        decode_bytes(data)
    assert raised.value.reason == "binary"


def test_control_characters_mark_text_as_binary() -> None:
    with pytest.raises(UnusableInput) as raised:
        decode_bytes(("abc\x01\x02\x03" * 50).encode("utf-8"))
    assert raised.value.reason == "binary"


def test_a_bom_that_lies_is_undecodable() -> None:
    with pytest.raises(UnusableInput) as raised:
        decode_bytes(b"\xef\xbb\xbfLe g\xe9n\xe9ral")
    assert raised.value.reason == "undecodable"


prose = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn"), blacklist_characters="\ufeff"),
    min_size=1,
).filter(lambda text: text.strip())


@given(prose, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_round_trips_through_any_unicode_encoding(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)).text == normalize_text(text)


def test_cp1252_punctuation_decoded_as_latin1_upstream_is_repaired() -> None:
    damaged = "L\x92arrivée du ministre à Tunis est précédée d\x92une visite « très attendue »."
    assert (
        decode_bytes(damaged.encode("utf-8")).text
        == "L’arrivée du ministre à Tunis est précédée d’une visite « très attendue »."
    )


def test_a_few_stray_control_characters_become_spaces() -> None:
    text = "Le sommet\x10de Dakar s'est ouvert lundi en présence de douze chefs d'État africains."
    assert decode_bytes(text.encode("utf-8")).text == text.replace("\x10", " ")
