"""A page with no article text says why when the markup shows it: a redirect stub or a script shell."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsprism
from newsprism.clean import clean_document
from newsprism.errors import InputError
from newsprism.model import RawDocument

DEMO = Path(newsprism.api.DEMO_CORPUS)


def _problem(html: str) -> str:
    with pytest.raises(InputError) as exc:
        clean_document(RawDocument(id="p", source="saved.html", content=html, kind="html"))
    return exc.value.problem


def test_a_meta_refresh_stub_names_where_it_redirects():
    stub = (
        '<html><head><meta http-equiv="Refresh" content="0; URL=\'https://news.example/2023/03/xi\'">'
        "<title>Redirecting</title></head><body></body></html>"
    )
    assert _problem(stub) == (
        "HTML page has no article text (it is a redirect to https://news.example/2023/03/xi: read that page instead)"
    )


def test_a_javascript_shell_says_its_text_is_written_by_scripts():
    shell = (
        '<html><body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript>'
        '<script>window.__DATA__ = {"headline": "Xi arrives in Moscow"};</script></body></html>'
    )
    assert "its text is written by scripts, which newsprism does not run" in _problem(shell)


def test_a_page_with_neither_keeps_the_plain_message():
    assert _problem("<html><head><title>x</title></head><body><img src=a.png></body></html>") == (
        "HTML page has no article text"
    )


def test_a_real_article_with_scripts_is_still_cleaned():
    text = sorted(DEMO.glob("*.txt"))[0].read_text(encoding="utf-8")
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
    page = f"<html><head><script>var ads = 1;</script></head><body><article>{paras}</article><script>x()</script></body></html>"
    art = clean_document(RawDocument(id="p", source="saved.html", content=page, kind="html"))
    assert "Xi" in art.text and "var ads" not in art.text
