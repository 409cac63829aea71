"""Text saved in a Windows / ISO code page, not UTF-8: read as written, not in a neighbouring code page."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsprism
from newsprism.ingest import read_inputs
from newsprism.model import RawDocument

WESTERN = [
    "Café déjà vu résumé naïve. Chinese leader Xi Jinping will travel to Russia next week for talks.",
    "François Hollande et Angèle Merkel se sont rencontrés à Bruxelles. € 50 millions.",
    "São Paulo: o governo anunciou na terça-feira novas medidas para a educação pública.",
    "Naïve café owners in Montréal said the crème brûlée was a pièce de résistance.",
    "El presidente español anunció el martes que la reforma será aprobada. ¿Qué pasará mañana?",
    "München Straße Ärger über die Grüße. Die Regierung hat am Dienstag beschlossen.",
]
OTHERS = [  # what the detector already read right must stay so
    ("Příliš žluťoučký kůň úpěl ďábelské ódy. Vláda v úterý schválila nový zákon o daních.", "cp1250"),
    ("Zażółć gęślą jaźń. Rząd przyjął we wtorek nową ustawę o podatkach.", "cp1250"),
    ("Президент России заявил во вторник, что переговоры продолжатся.", "cp1251"),
    ("Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα.", "cp1253"),
]


def _read(path: Path) -> str:
    (doc,) = [d for d in read_inputs([path]) if isinstance(d, RawDocument)]
    return doc.content


@pytest.mark.parametrize("text", WESTERN)
@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_western_european_text_in_a_single_byte_code_page_is_read_as_written(tmp_path: Path, text: str, encoding):
    if encoding == "latin-1" and "€" in text:
        pytest.skip("no euro sign in Latin-1")
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(encoding))
    assert _read(path) == text


@pytest.mark.parametrize(("text", "encoding"), OTHERS)
def test_central_european_cyrillic_and_greek_code_pages_are_kept(tmp_path: Path, text: str, encoding: str):
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(encoding))
    assert _read(path) == text


def test_a_latin1_scrape_of_the_demo_corpus_cleans_like_its_utf8_original(tmp_path: Path):
    original = sorted(Path(newsprism.api.DEMO_CORPUS).glob("*.txt"))[0].read_text(encoding="utf-8")
    text = original.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("—", "-")
    text = text.replace("Chinese leader", "Le président chinois, déjà à l'œuvre,")
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(text.encode("cp1252"))
    a, b = newsprism.clean([tmp_path / "latin1.txt", tmp_path / "utf8.txt"])
    assert a.text == b.text and "déjà à l'œuvre" in a.text
